//! `bond_extra`, `unbond`, `rebond` and `withdraw_unbonded`: success paths and every error.

use crate::{mock::*, Error, Event, Ledgers, ProviderCount, Providers, TotalStaked, UnlockChunk};
use sp_runtime::DispatchError;

/// Account 10 registered at genesis with 1,000 of stake.
fn with_provider(test: impl FnOnce()) {
	ExtBuilder::default().provider(10, 1_000, Perbill::from_percent(5)).build_and_execute(test);
}

fn chunks(who: AccountId) -> Vec<(Balance, u32)> {
	Ledgers::<Test>::get(who)
		.map(|l| l.unlocking.iter().map(|c| (c.value, c.unlock_era)).collect())
		.unwrap_or_default()
}

fn active(who: AccountId) -> Balance {
	Ledgers::<Test>::get(who).map(|l| l.active).unwrap_or_default()
}

// ---- bond_extra ----

#[test]
fn bond_extra_adds_to_active_stake() {
	with_provider(|| {
		assert_ok!(WorkToken::bond_extra(RuntimeOrigin::signed(10), 250));
		assert_eq!(active(10), 1_250);
		assert_eq!(held_stake(10), 1_250);
		assert_eq!(free_balance(10), ENDOWMENT - 1_250);
		assert_eq!(TotalStaked::<Test>::get(), 1_250);
		System::assert_last_event(Event::Bonded { provider: 10, amount: 250 }.into());
	});
}

#[test]
fn bond_extra_errors() {
	with_provider(|| {
		assert_noop!(WorkToken::bond_extra(RuntimeOrigin::root(), 1), DispatchError::BadOrigin);
		assert_noop!(
			WorkToken::bond_extra(RuntimeOrigin::signed(10), 0),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			WorkToken::bond_extra(RuntimeOrigin::signed(11), 10),
			Error::<Test>::NotProvider
		);
		// 1,000 already held: the rest of the free balance less ED is the most that can go.
		assert_noop!(
			WorkToken::bond_extra(RuntimeOrigin::signed(10), ENDOWMENT - 1_000),
			Error::<Test>::InsufficientBalance
		);
		assert_ok!(WorkToken::bond_extra(RuntimeOrigin::signed(10), ENDOWMENT - 1_000 - ED));
	});
}

#[test]
fn bond_extra_from_zero_active_must_reach_minimum() {
	with_provider(|| {
		assert_ok!(WorkToken::unbond(RuntimeOrigin::signed(10), 1_000));
		assert_noop!(
			WorkToken::bond_extra(RuntimeOrigin::signed(10), MIN_STAKE - 1),
			Error::<Test>::BelowMinimumStake
		);
		assert_ok!(WorkToken::bond_extra(RuntimeOrigin::signed(10), MIN_STAKE));
		assert_eq!(active(10), MIN_STAKE);
		assert_eq!(held_stake(10), 1_000 + MIN_STAKE);
	});
}

// ---- unbond ----

#[test]
fn unbond_moves_stake_into_a_chunk() {
	with_provider(|| {
		assert_ok!(WorkToken::unbond(RuntimeOrigin::signed(10), 300));
		assert_eq!(active(10), 700);
		assert_eq!(chunks(10), vec![(300, UNBONDING_PERIOD)]);
		// Still on hold while unbonding.
		assert_eq!(held_stake(10), 1_000);
		System::assert_last_event(
			Event::Unbonded { provider: 10, amount: 300, unlock_era: UNBONDING_PERIOD }.into(),
		);
	});
}

#[test]
fn unbond_in_same_era_merges_chunks() {
	with_provider(|| {
		assert_ok!(WorkToken::unbond(RuntimeOrigin::signed(10), 100));
		assert_ok!(WorkToken::unbond(RuntimeOrigin::signed(10), 200));
		assert_eq!(chunks(10), vec![(300, UNBONDING_PERIOD)]);
		run_to_era(1);
		assert_ok!(WorkToken::unbond(RuntimeOrigin::signed(10), 50));
		assert_eq!(chunks(10), vec![(300, UNBONDING_PERIOD), (50, UNBONDING_PERIOD + 1)]);
	});
}

#[test]
fn unbond_everything_is_allowed() {
	with_provider(|| {
		assert_ok!(WorkToken::unbond(RuntimeOrigin::signed(10), 1_000));
		assert_eq!(active(10), 0);
		assert!(Providers::<Test>::contains_key(10));
	});
}

#[test]
fn unbond_errors() {
	with_provider(|| {
		assert_noop!(WorkToken::unbond(RuntimeOrigin::none(), 1), DispatchError::BadOrigin);
		assert_noop!(WorkToken::unbond(RuntimeOrigin::signed(10), 0), Error::<Test>::ZeroAmount);
		assert_noop!(WorkToken::unbond(RuntimeOrigin::signed(11), 10), Error::<Test>::NotProvider);
		assert_noop!(
			WorkToken::unbond(RuntimeOrigin::signed(10), 1_001),
			Error::<Test>::InsufficientActiveStake
		);
		// 1,000 - 901 = 99 < MIN_STAKE.
		assert_noop!(
			WorkToken::unbond(RuntimeOrigin::signed(10), 901),
			Error::<Test>::BelowMinimumStake
		);
		assert_ok!(WorkToken::unbond(RuntimeOrigin::signed(10), 900));
	});
}

#[test]
fn unbond_rejects_more_than_max_chunks() {
	with_provider(|| {
		for era in 0..MAX_CHUNKS {
			run_to_era(era);
			assert_ok!(WorkToken::unbond(RuntimeOrigin::signed(10), 10));
		}
		assert_eq!(chunks(10).len() as u32, MAX_CHUNKS);
		run_to_era(MAX_CHUNKS);
		// Era MAX_CHUNKS unlocks the first chunk only if UNBONDING_PERIOD <= MAX_CHUNKS, but
		// nothing was withdrawn, so the ledger is still full.
		assert_noop!(
			WorkToken::unbond(RuntimeOrigin::signed(10), 10),
			Error::<Test>::TooManyUnbondingChunks
		);
		// Withdrawing the unlocked chunks frees room.
		assert_ok!(WorkToken::withdraw_unbonded(RuntimeOrigin::signed(10)));
		assert_ok!(WorkToken::unbond(RuntimeOrigin::signed(10), 10));
	});
}

// ---- rebond ----

#[test]
fn rebond_takes_newest_chunks_first() {
	with_provider(|| {
		assert_ok!(WorkToken::unbond(RuntimeOrigin::signed(10), 100));
		run_to_era(1);
		assert_ok!(WorkToken::unbond(RuntimeOrigin::signed(10), 200));
		assert_ok!(WorkToken::rebond(RuntimeOrigin::signed(10), 250));
		assert_eq!(chunks(10), vec![(50, UNBONDING_PERIOD)]);
		assert_eq!(active(10), 950);
		assert_eq!(held_stake(10), 1_000);
		System::assert_last_event(Event::Rebonded { provider: 10, amount: 250 }.into());
		assert_ok!(WorkToken::rebond(RuntimeOrigin::signed(10), 50));
		assert!(chunks(10).is_empty());
		assert_eq!(active(10), 1_000);
	});
}

#[test]
fn rebond_errors() {
	with_provider(|| {
		assert_noop!(WorkToken::rebond(RuntimeOrigin::root(), 1), DispatchError::BadOrigin);
		assert_noop!(WorkToken::rebond(RuntimeOrigin::signed(10), 0), Error::<Test>::ZeroAmount);
		assert_noop!(WorkToken::rebond(RuntimeOrigin::signed(11), 1), Error::<Test>::NotProvider);
		assert_noop!(
			WorkToken::rebond(RuntimeOrigin::signed(10), 1),
			Error::<Test>::NotEnoughUnbonding
		);
		assert_ok!(WorkToken::unbond(RuntimeOrigin::signed(10), 1_000));
		assert_noop!(
			WorkToken::rebond(RuntimeOrigin::signed(10), 1_001),
			Error::<Test>::NotEnoughUnbonding
		);
		// From zero active, rebonding less than the minimum would leave 0 < active < min.
		assert_noop!(
			WorkToken::rebond(RuntimeOrigin::signed(10), MIN_STAKE - 1),
			Error::<Test>::BelowMinimumStake
		);
		assert_ok!(WorkToken::rebond(RuntimeOrigin::signed(10), MIN_STAKE));
	});
}

// ---- withdraw_unbonded ----

#[test]
fn withdraw_releases_only_unlocked_chunks() {
	with_provider(|| {
		assert_ok!(WorkToken::unbond(RuntimeOrigin::signed(10), 100));
		run_to_era(1);
		assert_ok!(WorkToken::unbond(RuntimeOrigin::signed(10), 200));
		run_to_era(UNBONDING_PERIOD);
		let free_before = free_balance(10);
		assert_ok!(WorkToken::withdraw_unbonded(RuntimeOrigin::signed(10)));
		assert_eq!(chunks(10), vec![(200, UNBONDING_PERIOD + 1)]);
		assert_eq!(held_stake(10), 900);
		assert_eq!(free_balance(10), free_before + 100);
		assert_eq!(TotalStaked::<Test>::get(), 900);
		System::assert_last_event(Event::Withdrawn { provider: 10, amount: 100 }.into());
	});
}

#[test]
fn withdraw_everything_removes_the_provider() {
	with_provider(|| {
		assert_ok!(WorkToken::unbond(RuntimeOrigin::signed(10), 1_000));
		run_to_era(UNBONDING_PERIOD);
		assert_ok!(WorkToken::withdraw_unbonded(RuntimeOrigin::signed(10)));
		assert_eq!(held_stake(10), 0);
		assert_eq!(free_balance(10), ENDOWMENT);
		assert!(!Providers::<Test>::contains_key(10));
		assert!(!Ledgers::<Test>::contains_key(10));
		assert_eq!(ProviderCount::<Test>::get(), 0);
		assert_eq!(TotalStaked::<Test>::get(), 0);
		let events = work_token_events();
		assert_eq!(
			events[events.len() - 2..],
			[
				Event::Withdrawn { provider: 10, amount: 1_000 },
				Event::ProviderRemoved { provider: 10 }
			]
		);
	});
}

#[test]
fn withdraw_errors() {
	with_provider(|| {
		assert_noop!(WorkToken::withdraw_unbonded(RuntimeOrigin::root()), DispatchError::BadOrigin);
		assert_noop!(
			WorkToken::withdraw_unbonded(RuntimeOrigin::signed(11)),
			Error::<Test>::NotProvider
		);
		assert_noop!(
			WorkToken::withdraw_unbonded(RuntimeOrigin::signed(10)),
			Error::<Test>::NothingToWithdraw
		);
		assert_ok!(WorkToken::unbond(RuntimeOrigin::signed(10), 100));
		run_to_era(UNBONDING_PERIOD - 1);
		assert_noop!(
			WorkToken::withdraw_unbonded(RuntimeOrigin::signed(10)),
			Error::<Test>::NothingToWithdraw
		);
	});
}

#[test]
fn ledger_chunks_stay_ordered() {
	with_provider(|| {
		for era in 0..3 {
			run_to_era(era);
			assert_ok!(WorkToken::unbond(RuntimeOrigin::signed(10), 10));
		}
		let eras: Vec<u32> = chunks(10).iter().map(|(_, e)| *e).collect();
		assert_eq!(eras, vec![UNBONDING_PERIOD, UNBONDING_PERIOD + 1, UNBONDING_PERIOD + 2]);
		let ledger = Ledgers::<Test>::get(10).unwrap();
		assert_eq!(ledger.unlocking[0], UnlockChunk { value: 10, unlock_era: UNBONDING_PERIOD });
	});
}
