//! `set_commission` (S9): decreases at once, capped increases after a delay.

use crate::{mock::*, CommissionSchedule, Error, Event, Providers};
use sp_runtime::DispatchError;

fn commission(who: AccountId) -> Perbill {
	Providers::<Test>::get(who).unwrap().commission
}

fn with_provider(test: impl FnOnce()) {
	ExtBuilder::default().provider(10, 1_000, Perbill::from_percent(20)).build_and_execute(test);
}

#[test]
fn decrease_applies_at_once() {
	with_provider(|| {
		assert_ok!(WorkToken::set_commission(RuntimeOrigin::signed(10), Perbill::from_percent(5)));
		assert_eq!(commission(10), Perbill::from_percent(5));
		System::assert_last_event(
			Event::CommissionUpdated {
				provider: 10,
				old: Perbill::from_percent(20),
				new: Perbill::from_percent(5),
			}
			.into(),
		);
	});
}

#[test]
fn increase_waits_for_the_delay() {
	with_provider(|| {
		run_to_era(1);
		assert_ok!(WorkToken::set_commission(RuntimeOrigin::signed(10), Perbill::from_percent(30)));
		let effective_era = 1 + COMMISSION_DELAY;
		System::assert_last_event(
			Event::CommissionChangeScheduled {
				provider: 10,
				commission: Perbill::from_percent(30),
				effective_era,
			}
			.into(),
		);
		assert_eq!(commission(10), Perbill::from_percent(20));
		run_to_era(effective_era - 1);
		assert_eq!(commission(10), Perbill::from_percent(20));
		run_to_era(effective_era);
		assert_eq!(commission(10), Perbill::from_percent(30));
		assert!(work_token_events().contains(&Event::CommissionUpdated {
			provider: 10,
			old: Perbill::from_percent(20),
			new: Perbill::from_percent(30),
		}));
		assert!(Providers::<Test>::get(10).unwrap().pending_commission.is_none());
		assert_eq!(CommissionSchedule::<Test>::iter().count(), 0);
	});
}

#[test]
fn increase_is_capped_per_change() {
	with_provider(|| {
		assert_noop!(
			WorkToken::set_commission(RuntimeOrigin::signed(10), Perbill::from_percent(31)),
			Error::<Test>::CommissionIncreaseTooLarge
		);
		assert_ok!(WorkToken::set_commission(RuntimeOrigin::signed(10), Perbill::from_percent(30)));
	});
}

#[test]
fn a_new_change_replaces_a_scheduled_one() {
	with_provider(|| {
		assert_ok!(WorkToken::set_commission(RuntimeOrigin::signed(10), Perbill::from_percent(30)));
		run_to_era(1);
		assert_ok!(WorkToken::set_commission(RuntimeOrigin::signed(10), Perbill::from_percent(25)));
		assert_eq!(
			Providers::<Test>::get(10).unwrap().pending_commission,
			Some((Perbill::from_percent(25), 1 + COMMISSION_DELAY))
		);
		assert!(CommissionSchedule::<Test>::get(COMMISSION_DELAY).is_empty());
		// A decrease cancels what was scheduled.
		assert_ok!(WorkToken::set_commission(RuntimeOrigin::signed(10), Perbill::from_percent(20)));
		assert!(Providers::<Test>::get(10).unwrap().pending_commission.is_none());
		run_to_era(1 + COMMISSION_DELAY);
		assert_eq!(commission(10), Perbill::from_percent(20));
	});
}

#[test]
fn leaving_provider_leaves_no_schedule_behind() {
	with_provider(|| {
		assert_ok!(WorkToken::set_commission(RuntimeOrigin::signed(10), Perbill::from_percent(30)));
		assert_ok!(WorkToken::unbond(RuntimeOrigin::signed(10), 1_000));
		run_to_era(UNBONDING_PERIOD);
		// UNBONDING_PERIOD > COMMISSION_DELAY here, so the change applied before the exit.
		assert_ok!(WorkToken::withdraw_unbonded(RuntimeOrigin::signed(10)));
		assert!(!Providers::<Test>::contains_key(10));
		assert_eq!(CommissionSchedule::<Test>::iter().count(), 0);
	});
}

#[test]
fn schedule_is_cleaned_when_provider_leaves_before_the_change() {
	ExtBuilder::default().provider(10, 1_000, Perbill::zero()).build_and_execute(|| {
		assert_ok!(WorkToken::unbond(RuntimeOrigin::signed(10), 1_000));
		run_to_era(UNBONDING_PERIOD);
		assert_ok!(WorkToken::set_commission(RuntimeOrigin::signed(10), Perbill::from_percent(5)));
		assert_ok!(WorkToken::set_commission(RuntimeOrigin::signed(10), Perbill::from_percent(6)));
		assert_ok!(WorkToken::withdraw_unbonded(RuntimeOrigin::signed(10)));
		assert!(!Providers::<Test>::contains_key(10));
		assert_eq!(CommissionSchedule::<Test>::iter().count(), 0);
	});
}

#[test]
fn set_commission_errors() {
	with_provider(|| {
		assert_noop!(
			WorkToken::set_commission(RuntimeOrigin::root(), Perbill::zero()),
			DispatchError::BadOrigin
		);
		assert_noop!(
			WorkToken::set_commission(RuntimeOrigin::signed(11), Perbill::zero()),
			Error::<Test>::NotProvider
		);
	});
}
