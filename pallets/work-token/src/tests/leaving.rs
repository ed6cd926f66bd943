//! `deregister` and `kick` (S3, S37): every effect and every error.

use crate::{mock::*, Error, Event, Ledgers, Pallet, Providers};

#[test]
fn deregister_unbonds_everything_and_leaves_the_active_set_at_once() {
	provider_with_delegators(|| {
		assert!(Pallet::<Test>::in_active_set(&10));
		assert_ok!(WorkToken::deregister(RuntimeOrigin::signed(10)));
		System::assert_has_event(
			Event::ProviderDeregistered {
				provider: 10,
				unbonded: 1_000,
				unlock_era: UNBONDING_PERIOD,
			}
			.into(),
		);
		System::assert_has_event(Event::LeftActiveSet { provider: 10 }.into());
		let ledger = Ledgers::<Test>::get(10).unwrap();
		assert_eq!((ledger.active, ledger.unlocking_total()), (0, 1_000));
		let info = Providers::<Test>::get(10).unwrap();
		assert!(info.leaving && info.chilled);
		assert!(!Pallet::<Test>::in_active_set(&10));
		let summary = Pallet::<Test>::provider_summary(&10).unwrap();
		assert!(summary.leaving && !summary.active);
		// It stays out at the next boundary, and takes no work.
		run_to_era(1);
		assert!(!Pallet::<Test>::in_active_set(&10));
	});
}

#[test]
fn deregister_errors_change_nothing() {
	provider_with_delegators(|| {
		assert_noop!(WorkToken::deregister(RuntimeOrigin::signed(13)), Error::<Test>::NotProvider);
		assert_noop!(
			WorkToken::deregister(RuntimeOrigin::none()),
			sp_runtime::DispatchError::BadOrigin
		);
		// A market reports an open job.
		TestMarket::set_open_work(10, 1, 100);
		assert_noop!(WorkToken::deregister(RuntimeOrigin::signed(10)), Error::<Test>::HasOpenJobs);
	});
}

#[test]
fn kick_errors_change_nothing() {
	provider_with_delegators(|| {
		// A provider that serves its delegators: only they decide.
		assert_noop!(
			WorkToken::kick(RuntimeOrigin::signed(13), 11, 10),
			Error::<Test>::NotKickable
		);
		assert_noop!(
			WorkToken::kick(RuntimeOrigin::signed(13), 14, 10),
			Error::<Test>::NotDelegator
		);
		assert_noop!(
			WorkToken::kick(RuntimeOrigin::none(), 11, 10),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_ok!(WorkToken::deregister(RuntimeOrigin::signed(10)));
		assert_ok!(WorkToken::kick(RuntimeOrigin::signed(13), 11, 10));
		System::assert_last_event(Event::Kicked { by: 13, delegator: 11, provider: 10 }.into());
		// Only a chunk still unbonding is left: nothing to kick until it unlocks.
		assert_noop!(
			WorkToken::kick(RuntimeOrigin::signed(13), 11, 10),
			Error::<Test>::NothingToKick
		);
	});
}
