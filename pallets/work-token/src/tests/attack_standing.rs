//! Attacks on standing (S32, S33): leaving does not wash strikes or reputation; jail takes
//! effect in the block it is imposed; disputing is never a cheaper way through a slash.

use crate::{mock::*, Event, Offences, Pallet, PendingSlashes, Severity};

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
			assert!(Pallet::<Test>::is_barred(&10) && Pallet::<Test>::is_barred(&11));
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
	provider_with_delegators(|| {
		assert_ok!(WorkToken::report_offence(
			RuntimeOrigin::signed(13),
			10,
			Severity::Critical,
			0,
			evidence(1)
		));
		assert_ok!(WorkToken::dispute_slash(RuntimeOrigin::signed(10), 0));
		run_to_era(DISPUTE_WINDOW);
		assert!(Pallet::<Test>::is_barred(&10));
		assert_ok!(WorkToken::resolve_dispute(RuntimeOrigin::root(), 0, crate::Verdict::Overturn));
		assert!(!Pallet::<Test>::is_barred(&10));
		run_to_era(DISPUTE_WINDOW + 1);
		assert!(Pallet::<Test>::in_active_set(&10));
	});
}
