//! The jury pool: joining, unbonding and withdrawing, the draw tree, and every error.

use crate::{mock::*, Error, Event, Jurors, Jury, Phase, Subject};
use frame_support::assert_ok;

#[test]
fn join_unbond_and_withdraw_move_the_hold_the_draw_tree_and_the_total() {
	ExtBuilder::default().no_jurors().build_and_execute(|| {
		assert_ok!(WorkCourt::join_jury(RuntimeOrigin::signed(30), 80));
		System::assert_last_event(Event::JurorStaked { juror: 30, amount: 80 }.into());
		assert_eq!((juror_held(30), free(30)), (80, ENDOWMENT - 80));
		assert_ok!(WorkCourt::join_jury(RuntimeOrigin::signed(30), 20));
		assert_eq!(Jury::<Test>::get().drawable, 100);
		assert_eq!(WorkCourt::draw_chance(&30), Perbill::one());
		assert_ok!(WorkCourt::unbond_juror(RuntimeOrigin::signed(30), 50));
		System::assert_last_event(
			Event::JurorUnbonded { juror: 30, amount: 50, unlock: 11 }.into(),
		);
		assert_eq!(Jury::<Test>::get().drawable, 50, "unbonding stake is not drawn");
		assert_eq!(juror_held(30), 100, "but stays on hold");
		assert_noop!(
			WorkCourt::withdraw_juror_stake(RuntimeOrigin::signed(30)),
			Error::<Test>::StillUnbonding
		);
		run_to_block(11);
		assert_ok!(WorkCourt::withdraw_juror_stake(RuntimeOrigin::signed(30)));
		assert_eq!((juror_held(30), free(30)), (50, ENDOWMENT - 50));
		// Leaving: unbond the rest, wait, withdraw; the slot is freed for the next juror.
		assert_ok!(WorkCourt::unbond_juror(RuntimeOrigin::signed(30), 50));
		run_to_block(21);
		assert_ok!(WorkCourt::withdraw_juror_stake(RuntimeOrigin::signed(30)));
		System::assert_last_event(Event::JurorLeft { juror: 30 }.into());
		assert!(Jurors::<Test>::get(30).is_none());
		assert_eq!(crate::FreeSlots::<Test>::get().to_vec(), vec![1]);
		assert_ok!(WorkCourt::join_jury(RuntimeOrigin::signed(31), 60));
		assert_eq!(Jurors::<Test>::get(31).unwrap().slot, 1);
	});
}

#[test]
fn jury_errors_change_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(WorkCourt::join_jury(RuntimeOrigin::signed(36), 0), Error::<Test>::ZeroAmount);
		assert_noop!(
			WorkCourt::join_jury(RuntimeOrigin::signed(36), 49),
			Error::<Test>::BelowMinimumStake
		);
		assert_noop!(
			WorkCourt::join_jury(RuntimeOrigin::signed(36), ENDOWMENT),
			Error::<Test>::InsufficientBalance
		);
		assert_noop!(
			WorkCourt::unbond_juror(RuntimeOrigin::signed(36), 10),
			Error::<Test>::NotJuror
		);
		assert_noop!(
			WorkCourt::unbond_juror(RuntimeOrigin::signed(20), 0),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			WorkCourt::unbond_juror(RuntimeOrigin::signed(20), 60),
			Error::<Test>::BelowMinimumStake
		);
		assert_noop!(
			WorkCourt::withdraw_juror_stake(RuntimeOrigin::signed(20)),
			Error::<Test>::NothingToWithdraw
		);
		assert_noop!(
			WorkCourt::withdraw_juror_stake(RuntimeOrigin::signed(36)),
			Error::<Test>::NotJuror
		);
		assert_noop!(
			WorkCourt::join_jury(RuntimeOrigin::none(), 60),
			sp_runtime::DispatchError::BadOrigin
		);
	});
}

#[test]
fn the_pool_holds_at_most_max_jurors() {
	ExtBuilder::default().no_jurors().build_and_execute(|| {
		let max = u64::from(<<Test as crate::Config>::MaxJurors as frame_support::traits::Get<
			u32,
		>>::get());
		// Accounts beyond the endowed ones get a balance first.
		for who in 100..100 + max {
			let _ = <Balances as frame_support::traits::fungible::Mutate<_>>::mint_into(&who, 100);
			assert_ok!(WorkCourt::join_jury(RuntimeOrigin::signed(who), 50));
		}
		let _ = <Balances as frame_support::traits::fungible::Mutate<_>>::mint_into(&99, 100);
		assert_noop!(
			WorkCourt::join_jury(RuntimeOrigin::signed(99), 50),
			Error::<Test>::TooManyJurors
		);
		pallet_work_token::testing::record_mint(100 * (max as u128 + 1));
	});
}

#[test]
fn a_juror_with_an_open_seat_cannot_unbond_its_locked_stake_or_leave() {
	ExtBuilder::default().build_and_execute(|| {
		let slash = disputed_slash();
		let (id, _) = case_of(Subject::Dispute(slash));
		run_until_phase(id, |p| matches!(p, Phase::Commit { .. }));
		let juror = jurors_of(id, 0)[0];
		// 100 staked, 10 locked: at most 90 can go, and what stays must be 0 or >= 50.
		assert_noop!(
			WorkCourt::unbond_juror(RuntimeOrigin::signed(juror), 100),
			Error::<Test>::StakeLocked
		);
		assert_noop!(
			WorkCourt::unbond_juror(RuntimeOrigin::signed(juror), 90),
			Error::<Test>::BelowMinimumStake
		);
		assert_ok!(WorkCourt::unbond_juror(RuntimeOrigin::signed(juror), 50));
		run_until_settled(id);
		// Settled: the lock is gone, the rest can leave.
		assert_ok!(WorkCourt::unbond_juror(RuntimeOrigin::signed(juror), juror_active(juror)));
	});
}

fn juror_active(who: AccountId) -> Balance {
	Jurors::<Test>::get(who).unwrap().active
}

#[test]
fn draws_follow_juror_stake() {
	// Juror 20 holds 400 of 1,000 drawable (the other six 100 each).
	let mut seats_of_20 = 0u32;
	let mut seats = 0u32;
	for seed in 0..40u64 {
		ExtBuilder::default().no_jurors().build_and_execute(|| {
			pallet_work_token::testing::set_random_seed(seed);
			assert_ok!(WorkCourt::join_jury(RuntimeOrigin::signed(20), 400));
			for who in 21..27 {
				assert_ok!(WorkCourt::join_jury(RuntimeOrigin::signed(who), 100));
			}
			let slash = disputed_slash();
			let (id, _) = case_of(Subject::Dispute(slash));
			run_until_phase(id, |p| matches!(p, Phase::Commit { .. }));
			let jurors = jurors_of(id, 0);
			seats += jurors.len() as u32;
			seats_of_20 += jurors.iter().filter(|j| **j == 20).count() as u32;
		});
	}
	// A juror sits at most once per case (a second draw of it is redrawn), so 20 misses a
	// case with chance about 0.6 × 0.56 × 0.5 ≈ 0.17 (each seat drawn from the stake not yet
	// seated): it sits in about 33 of 40 cases, any one juror of 100 in about 11.
	assert_eq!(seats, 120, "three seats in each of 40 cases");
	assert!(seats_of_20 > 20 && seats_of_20 < 40, "juror 20 sat in {seats_of_20} of 40 cases");
}
