//! Attacks on standing (S32, S33): leaving does not wash strikes or reputation; jail takes
//! effect in the block it is imposed; disputing is never a cheaper way through a slash.

use super::{
	jobs::assigned,
	slashing::{evidence, market, oracle_reports},
};
use crate::{mock::*, ActiveSet, Event, Offences, Pallet, PendingSlashes, Reputation, Severity};
use sp_runtime::Permill;

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
		assert!(!crate::Providers::<Test>::contains_key(10));
		// ... but the account's record is not.
		assert_eq!(Offences::<Test>::get(10).unwrap().strikes, 1);
		assert_eq!(Reputation::<Test>::get(10), Permill::from_percent(45));
		assert_ok!(WorkToken::register_provider(RuntimeOrigin::signed(10), 1_000, Perbill::zero()));
		// The next offence is escalated by the standing strike: 10% × 1.5.
		let era = crate::CurrentEra::<Test>::get();
		oracle_reports(10, Severity::Minor, era, 1);
		let slash = PendingSlashes::<Test>::iter().next().unwrap().1;
		assert_eq!(slash.fraction, Perbill::from_percent(15));
		// And its multiplier in the next set is the low tier's.
		assert_eq!(Pallet::<Test>::reputation_multiplier(&10), 50);
	});
}

#[test]
fn strikes_decay_for_an_account_that_stays_away() {
	ExtBuilder::default().provider(10, 1_000, Perbill::zero()).build_and_execute(|| {
		oracle_reports(10, Severity::Minor, 0, 1);
		run_to_era(DISPUTE_WINDOW);
		assert_ok!(WorkToken::deregister(RuntimeOrigin::signed(10)));
		run_to_era(DISPUTE_WINDOW + STRIKE_DECAY);
		assert_ok!(WorkToken::withdraw_unbonded(RuntimeOrigin::signed(10)));
		// Decayed by the time the records went: nothing is kept for the account.
		assert!(Offences::<Test>::get(10).is_none());
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
			System::assert_has_event(Event::LeftActiveSet { provider: 10 }.into());
			assert!(!Pallet::<Test>::provider_summary(&10).unwrap().active);
			assert!(Pallet::<Test>::active_set_summary().iter().all(|p| p.provider != 10));
			// Never drawn: every job of the era goes to 11.
			for _ in 0..3 {
				let id = assigned(13, 10);
				assert_eq!(crate::Jobs::<Test>::get(id).unwrap().provider, 11);
			}
			// And it earns nothing for the era it was jailed in.
			System::reset_events();
			run_to_era(2 + DISPUTE_WINDOW);
			assert!(!work_token_events()
				.iter()
				.any(|e| matches!(e, Event::ProviderRewarded { provider: 10, .. })));
		});
}

/// Everything `who` owns in this pallet's world: free and held balance.
fn wealth(who: AccountId) -> Balance {
	use frame_support::traits::fungible::Inspect;
	Balances::total_balance(&who)
}

#[test]
fn disputing_is_never_cheaper_than_accepting() {
	ExtBuilder::default()
		.provider(10, 1_000, Perbill::zero())
		.provider(11, 1_000, Perbill::zero())
		.provider(12, 1_000, Perbill::zero())
		.build_and_execute(|| {
			// The same Major offence by 10 and 11; 10 accepts, 11 disputes and nobody rules.
			oracle_reports(10, Severity::Major, 0, 1);
			oracle_reports(11, Severity::Major, 0, 1);
			assert_ok!(WorkToken::dispute_slash(RuntimeOrigin::signed(11), 1));
			run_to_era(DISPUTE_WINDOW);
			// From the window's end the disputer is suspended like the jailed one.
			assert!(Pallet::<Test>::is_jailed(&10) && Pallet::<Test>::is_jailed(&11));
			System::assert_has_event(Event::Suspended { id: 1, provider: 11 }.into());
			run_to_era(DISPUTE_WINDOW + DISPUTE_TIMEOUT);
			assert!(PendingSlashes::<Test>::iter().next().is_none());
			// Both serve their jail, each from its own slash, and come back.
			run_to_era(DISPUTE_WINDOW + DISPUTE_TIMEOUT + JAIL_ERAS);
			assert_ok!(WorkToken::unjail(RuntimeOrigin::signed(10)));
			assert_ok!(WorkToken::unjail(RuntimeOrigin::signed(11)));
			run_to_era(DISPUTE_WINDOW + DISPUTE_TIMEOUT + JAIL_ERAS + 2);
			// Same slash, the dispute bond lost, and a longer jail: 11 is worse off.
			assert!(wealth(11) + DISPUTE_BOND <= wealth(10), "{} vs {}", wealth(11), wealth(10));
		});
}

#[test]
fn stake_locked_by_a_pending_slash_earns_nothing() {
	ExtBuilder::default()
		.provider(10, 1_000, Perbill::zero())
		.provider(11, 1_000, Perbill::zero())
		.build_and_execute(|| {
			run_to_era(1);
			// A Minor report locks 100 of 10's stake; 10 disputes to keep it pending.
			oracle_reports(10, Severity::Minor, 1, 1);
			assert_ok!(WorkToken::dispute_slash(RuntimeOrigin::signed(10), 0));
			System::reset_events();
			run_to_era(2);
			let reward = |who| {
				work_token_events()
					.iter()
					.find_map(|e| match e {
						Event::ProviderRewarded { provider, self_stake, .. }
							if *provider == who =>
						{
							Some(*self_stake)
						}
						_ => None,
					})
					.unwrap()
			};
			// Era 1 is paid on 900 : 1,000.
			let ratio = reward(10) as f64 / reward(11) as f64;
			assert!((ratio - 0.9).abs() < 0.01, "ratio {ratio}");
		});
}

#[test]
fn an_overturn_lifts_a_suspension() {
	market(|| {
		assert_ok!(WorkToken::report_offence(
			RuntimeOrigin::signed(13),
			10,
			Severity::Critical,
			0,
			evidence(1)
		));
		assert_ok!(WorkToken::dispute_slash(RuntimeOrigin::signed(10), 0));
		run_to_era(DISPUTE_WINDOW);
		assert!(Pallet::<Test>::is_jailed(&10));
		assert_ok!(WorkToken::resolve_dispute(RuntimeOrigin::root(), 0, crate::Verdict::Overturn));
		assert!(!Pallet::<Test>::is_jailed(&10));
		run_to_era(DISPUTE_WINDOW + 1);
		assert!(Pallet::<Test>::is_active(&10));
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
				assert_ok!(WorkToken::submit_job(RuntimeOrigin::signed(13), evidence(1), 10));
			}
			next_block();
			assert!(Pallet::<Test>::is_jailed(&10));
			assert!(crate::Jobs::<Test>::iter_values().all(|job| job.provider == 11));
			assert_eq!(crate::Jobs::<Test>::iter().count() as u32, MAX_OPEN_JOBS);
		});
}
