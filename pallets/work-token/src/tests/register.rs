//! `register_provider`: success, genesis providers, and every error.

use crate::{mock::*, Error, Event, Ledgers, ProviderCount, ProviderInfo, Providers, TotalStaked};
use sp_runtime::DispatchError;

#[test]
fn register_holds_stake_and_records_provider() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(WorkToken::register_provider(
			RuntimeOrigin::signed(10),
			MIN_STAKE,
			Perbill::from_percent(10)
		));
		assert_eq!(held_stake(10), MIN_STAKE);
		assert_eq!(free_balance(10), ENDOWMENT - MIN_STAKE);
		assert_eq!(
			Providers::<Test>::get(10),
			Some(ProviderInfo {
				commission: Perbill::from_percent(10),
				registered_era: 0,
				pending_commission: None,
				jailed_until: None,
				chilled: false,
				leaving: false,
			})
		);
		let ledger = Ledgers::<Test>::get(10).unwrap();
		assert_eq!((ledger.active, ledger.unlocking.len()), (MIN_STAKE, 0));
		assert_eq!(ProviderCount::<Test>::get(), 1);
		assert_eq!(TotalStaked::<Test>::get(), MIN_STAKE);
		System::assert_last_event(
			Event::ProviderRegistered {
				provider: 10,
				stake: MIN_STAKE,
				commission: Perbill::from_percent(10),
			}
			.into(),
		);
	});
}

#[test]
fn register_records_current_era() {
	ExtBuilder::default().build_and_execute(|| {
		run_to_era(2);
		assert_ok!(WorkToken::register_provider(RuntimeOrigin::signed(11), 500, Perbill::zero()));
		assert_eq!(Providers::<Test>::get(11).unwrap().registered_era, 2);
	});
}

#[test]
fn genesis_registers_providers() {
	ExtBuilder::default()
		.provider(10, 1_000, Perbill::from_percent(3))
		.provider(11, 2_000, Perbill::zero())
		.build_and_execute(|| {
			assert_eq!(held_stake(10), 1_000);
			assert_eq!(held_stake(11), 2_000);
			assert_eq!(ProviderCount::<Test>::get(), 2);
			assert_eq!(TotalStaked::<Test>::get(), 3_000);
		});
}

#[test]
fn register_may_use_all_but_the_existential_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(WorkToken::register_provider(
			RuntimeOrigin::signed(10),
			ENDOWMENT - ED,
			Perbill::zero()
		));
		assert_eq!(free_balance(10), ED);
	});
}

#[test]
fn register_rejects_bad_origin() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			WorkToken::register_provider(RuntimeOrigin::root(), MIN_STAKE, Perbill::zero()),
			DispatchError::BadOrigin
		);
		assert_noop!(
			WorkToken::register_provider(RuntimeOrigin::none(), MIN_STAKE, Perbill::zero()),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn register_rejects_zero_stake() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			WorkToken::register_provider(RuntimeOrigin::signed(10), 0, Perbill::zero()),
			Error::<Test>::ZeroAmount
		);
	});
}

#[test]
fn register_rejects_stake_below_minimum() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			WorkToken::register_provider(RuntimeOrigin::signed(10), MIN_STAKE - 1, Perbill::zero()),
			Error::<Test>::BelowMinimumStake
		);
	});
}

#[test]
fn register_rejects_more_than_free_balance() {
	ExtBuilder::default().build_and_execute(|| {
		// POOR has less than the minimum stake.
		assert_noop!(
			WorkToken::register_provider(RuntimeOrigin::signed(POOR), MIN_STAKE, Perbill::zero()),
			Error::<Test>::InsufficientBalance
		);
		// The whole free balance would leave nothing for the existential deposit.
		assert_noop!(
			WorkToken::register_provider(RuntimeOrigin::signed(10), ENDOWMENT, Perbill::zero()),
			Error::<Test>::InsufficientBalance
		);
		// An account that does not exist at all.
		assert_noop!(
			WorkToken::register_provider(RuntimeOrigin::signed(999), MIN_STAKE, Perbill::zero()),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn register_rejects_second_registration() {
	ExtBuilder::default().provider(10, 1_000, Perbill::zero()).build_and_execute(|| {
		assert_noop!(
			WorkToken::register_provider(RuntimeOrigin::signed(10), 1_000, Perbill::zero()),
			Error::<Test>::AlreadyProvider
		);
	});
}

#[test]
fn register_rejects_more_than_max_providers() {
	let mut builder = ExtBuilder::default();
	for who in 10..10 + u64::from(MAX_PROVIDERS) {
		builder = builder.provider(who, MIN_STAKE, Perbill::zero());
	}
	builder.build_and_execute(|| {
		assert_eq!(ProviderCount::<Test>::get(), MAX_PROVIDERS);
		assert_noop!(
			WorkToken::register_provider(RuntimeOrigin::signed(19), MIN_STAKE, Perbill::zero()),
			Error::<Test>::TooManyProviders
		);
	});
}

#[test]
fn provider_may_register_again_after_leaving() {
	ExtBuilder::default().provider(10, 1_000, Perbill::zero()).build_and_execute(|| {
		assert_ok!(WorkToken::unbond(RuntimeOrigin::signed(10), 1_000));
		run_to_era(UNBONDING_PERIOD);
		assert_ok!(WorkToken::withdraw_unbonded(RuntimeOrigin::signed(10)));
		assert!(!Providers::<Test>::contains_key(10));
		assert_ok!(WorkToken::register_provider(RuntimeOrigin::signed(10), 300, Perbill::zero()));
		assert_eq!(held_stake(10), 300);
	});
}

#[test]
fn genesis_builds_a_live_market() {
	ExtBuilder::default()
		.provider(10, 3_000, Perbill::from_percent(5))
		.provider(11, 1_000, Perbill::zero())
		.delegation(12, 10, 500)
		.delegation(13, 11, 200)
		.active_set_mode(crate::ActiveSetMode::Static(16))
		.build_and_execute(|| {
			assert_eq!(crate::ActiveSetModeOf::<Test>::get(), crate::ActiveSetMode::Static(16));
			let set: Vec<_> = crate::ActiveSet::<Test>::get().into_iter().map(|p| p.who).collect();
			assert_eq!(set, vec![10, 11], "the active set exists at block 0");
			let pool = crate::Pools::<Test>::get(10).unwrap();
			assert_eq!((pool.tokens, pool.delegators), (500, 1));
			assert_eq!(crate::TotalDelegated::<Test>::get(), 700);
			// Genesis delegations earn from era 1, like any made in era 0.
			run_to_era(2);
			let d = crate::Pallet::<Test>::delegation_summary(&12, &10).unwrap();
			assert!(d.pending_rewards > 0);
		});
}
