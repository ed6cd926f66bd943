//! Attacks on standing (S32, S33): leaving does not wash strikes or reputation; jail takes
//! effect in the block it is imposed; disputing is never a cheaper way through a slash.
//!
//! These are the cases that need the market (jobs, challenges, reputation); the others are in
//! the work token's `tests/attack_standing.rs`.

use crate::{mock::*, Pallet, Reputation};
use pallet_work_token::{
	ActiveSet, CurrentEra, Event as TokenEvent, Offences, PendingSlashes, Providers, Severity,
};

#[test]
fn leaving_and_registering_again_keeps_strikes_and_reputation() {
	ExtBuilder::default().provider(10, 1_000, Perbill::zero()).build_and_execute(|| {
		// A missed deadline: reputation down and a Minor offence, applied as a strike.
		let id = assigned(13, 100);
		let deadline = crate::Jobs::<Test>::get(id).unwrap().deadline;
		run_to_block(deadline + 1);
		run_to_era(DISPUTE_WINDOW);
		assert!(PendingSlashes::<Test>::iter().next().is_none());
		assert_eq!(Offences::<Test>::get(10).unwrap().strikes, 1);
		assert_eq!(Reputation::<Test>::get(10), Permill::from_percent(45));
		// The provider leaves completely: its registration is gone ...
		assert_ok!(WorkToken::deregister(RuntimeOrigin::signed(10)));
		run_to_era(DISPUTE_WINDOW + UNBONDING_PERIOD);
		assert_ok!(WorkToken::withdraw_unbonded(RuntimeOrigin::signed(10)));
		assert!(!Providers::<Test>::contains_key(10));
		// ... but the account's record is not.
		assert_eq!(Offences::<Test>::get(10).unwrap().strikes, 1);
		assert_eq!(Reputation::<Test>::get(10), Permill::from_percent(45));
		assert_ok!(WorkToken::register_provider(RuntimeOrigin::signed(10), 1_000, Perbill::zero()));
		// The next offence is escalated by the standing strike: 10% × 1.5.
		let era = CurrentEra::<Test>::get();
		oracle_reports(10, Severity::Minor, era, 1);
		let slash = PendingSlashes::<Test>::iter().next().unwrap().1;
		assert_eq!(slash.fraction, Perbill::from_percent(15));
		// And its multiplier in the next set is the low tier's.
		assert_eq!(Pallet::<Test>::reputation_multiplier(&10), 50);
	});
}

#[test]
fn jail_takes_effect_in_the_block_it_is_imposed() {
	ExtBuilder::default()
		.provider(10, 1_000, Perbill::zero())
		.provider(11, 1_000, Perbill::zero())
		.build_and_execute(|| {
			run_to_era(1);
			oracle_reports(10, Severity::Major, 1, 1);
			// The slash applies in the first block of era 3, mid-way through nothing: jail and
			// removal happen in that block, not at the next boundary.
			run_to_era(1 + DISPUTE_WINDOW);
			let members: Vec<_> = ActiveSet::<Test>::get().into_iter().map(|p| p.who).collect();
			assert_eq!(members, vec![11]);
			System::assert_has_event(TokenEvent::LeftActiveSet { provider: 10 }.into());
			assert!(!WorkToken::provider_summary(&10).unwrap().active);
			assert!(WorkToken::active_set_summary().iter().all(|p| p.provider != 10));
			// Never drawn: every job of the era goes to 11.
			for _ in 0..3 {
				let id = assigned(13, 10);
				assert_eq!(crate::Jobs::<Test>::get(id).unwrap().provider, 11);
			}
			// And it earns nothing for the era it was jailed in.
			System::reset_events();
			run_to_era(2 + DISPUTE_WINDOW);
			assert!(!token_events()
				.iter()
				.any(|e| matches!(e, TokenEvent::ProviderRewarded { provider: 10, .. })));
		});
}

#[test]
fn a_provider_jailed_in_a_block_takes_none_of_that_blocks_jobs() {
	ExtBuilder::default()
		.provider(10, 1_000, Perbill::zero())
		.provider(11, 1_000, Perbill::zero())
		.build_and_execute(|| {
			oracle_reports(10, Severity::Major, 0, 1);
			// The slash applies in the first block of era DISPUTE_WINDOW; a job submitted in the
			// block before is assigned in that same block, after the slash.
			run_to_block(u64::from(DISPUTE_WINDOW) * ERA_LENGTH - 1);
			for _ in 0..MAX_JOBS_PER_BLOCK {
				assert_ok!(WorkMarket::submit_job(RuntimeOrigin::signed(13), evidence(1), 10));
			}
			next_block();
			assert!(WorkToken::is_barred(&10));
			assert!(crate::Jobs::<Test>::iter_values().all(|job| job.provider == 11));
			assert_eq!(crate::Jobs::<Test>::iter().count() as u32, MAX_OPEN_JOBS);
		});
}
