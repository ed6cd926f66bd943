//! Attacks on exits (S31): whatever slashes and rounding did, every position can be closed,
//! no dormant account holds a slot or a pool hostage, and a provider emptied by slashes leaves
//! nothing behind once its last job and position are closed.

use crate::{
	mock::*, Conversions, Delegations, Error, Exposures, Incidents, Ledgers, Pallet, Pools,
	ProviderCount, Providers, Severity, SlashFractions, UnbondingPools,
};

fn set_fractions(minor: u32, major: u32, critical_parts: u32) {
	let fractions = SlashFractions {
		minor: Perbill::from_percent(minor),
		major: Perbill::from_percent(major),
		critical: Perbill::from_parts(critical_parts),
	};
	assert_ok!(WorkToken::set_slash_fractions(RuntimeOrigin::root(), fractions));
}

/// No storage item keyed by `provider` is left, except the account's memory (S32).
fn assert_nothing_left_of(provider: AccountId) {
	assert!(!Providers::<Test>::contains_key(provider));
	assert!(!Ledgers::<Test>::contains_key(provider));
	assert!(!Pools::<Test>::contains_key(provider));
	assert_eq!(Delegations::<Test>::iter().filter(|(_, p, _)| *p == provider).count(), 0);
	assert_eq!(UnbondingPools::<Test>::iter_prefix(provider).count(), 0);
	assert_eq!(Conversions::<Test>::iter_prefix(provider).count(), 0);
	assert_eq!(Exposures::<Test>::iter_prefix(provider).count(), 0);
	assert_eq!(Incidents::<Test>::iter_prefix(provider).count(), 0);
}

#[test]
fn a_position_slashed_to_a_worthless_share_can_always_close() {
	provider_with_delegators(|| {
		// 99.9%: the pool keeps 1 token for 1,000 shares; every position is worth 0.
		set_fractions(10, 20, 999_000_000);
		oracle_reports(10, Severity::Critical, 0, 1);
		run_to_era(DISPUTE_WINDOW);
		assert_eq!(pool_tokens(10), 1);
		assert_eq!((value_of(11, 10), value_of(12, 10)), (0, 0));
		// Undelegating at least the position's value (here: anything) burns every share.
		assert_ok!(WorkToken::undelegate(RuntimeOrigin::signed(12), 10, 1));
		assert!(Delegations::<Test>::get(12, 10).is_none());
		// The last holder takes the last token with it.
		assert_ok!(WorkToken::undelegate(RuntimeOrigin::signed(11), 10, 1));
		assert_eq!(pool_tokens(10), 0);
		assert_eq!(Pools::<Test>::get(10).unwrap().shares, 0);
	});
}

#[test]
fn a_dormant_holder_cannot_hold_a_depleted_pool_hostage() {
	provider_with_delegators(|| {
		// A 100% Major slash takes all own stake and the whole pool; the provider is jailed.
		set_fractions(10, 100, 1_000_000_000);
		oracle_reports(10, Severity::Major, 0, 1);
		run_to_era(DISPUTE_WINDOW + JAIL_ERAS);
		assert_eq!((held_stake(10), pool_tokens(10)), (0, 0));
		assert_ok!(WorkToken::unjail(RuntimeOrigin::signed(10)));
		assert_ok!(WorkToken::bond_extra(RuntimeOrigin::signed(10), 1_000));
		// A new delegator is taken but waits: a pool of worthless shares cannot sell new ones.
		assert_ok!(WorkToken::delegate(RuntimeOrigin::signed(13), 10, 500));
		run_to_era(DISPUTE_WINDOW + JAIL_ERAS + 1);
		let summary = |who| Pallet::<Test>::delegation_summary(&who, &10).unwrap();
		assert_eq!(summary(13).entering, 500);
		// 11 and 12 never act again. Anyone may kick them out of a depleted pool.
		assert_noop!(
			WorkToken::kick(RuntimeOrigin::signed(13), 11, 14),
			Error::<Test>::NotDelegator
		);
		assert_ok!(WorkToken::kick(RuntimeOrigin::signed(14), 11, 10));
		assert_ok!(WorkToken::kick(RuntimeOrigin::signed(14), 12, 10));
		assert_eq!(Pools::<Test>::get(10).unwrap().shares, 0);
		// The joiner enters at the next boundary.
		run_to_era(DISPUTE_WINDOW + JAIL_ERAS + 2);
		assert_eq!((summary(13).entering, summary(13).value), (0, 500));
	});
}

#[test]
fn after_slashes_and_rounding_every_exit_completes_and_nothing_is_left_behind() {
	provider_with_delegators(|| {
		// Odd fractions, so that every cut rounds.
		set_fractions(7, 33, 333_333_333);
		assert_ok!(WorkToken::undelegate(RuntimeOrigin::signed(11), 10, 77));
		oracle_reports(10, Severity::Minor, 0, 1);
		oracle_reports(10, Severity::Major, 0, 2);
		run_to_era(1);
		assert_ok!(WorkToken::undelegate(RuntimeOrigin::signed(12), 10, 133));
		assert_ok!(WorkToken::delegate(RuntimeOrigin::signed(13), 10, 321));
		oracle_reports(10, Severity::Critical, 1, 3);
		run_to_era(1 + DISPUTE_WINDOW);
		// Everyone leaves: the provider is tombstoned; its delegators exit in full.
		// (The three slashes took all of the provider's own stake.)
		assert_eq!(Ledgers::<Test>::get(10).unwrap().active, 0);
		for who in [11, 12, 13] {
			assert_ok!(WorkToken::undelegate(RuntimeOrigin::signed(who), 10, Balance::MAX));
		}
		run_to_era(1 + DISPUTE_WINDOW + UNBONDING_PERIOD);
		for who in [11, 12, 13] {
			if Delegations::<Test>::contains_key(who, 10) {
				assert_ok!(WorkToken::withdraw_delegation(RuntimeOrigin::signed(who), 10));
			}
		}
		assert_nothing_left_of(10);
		assert_eq!(ProviderCount::<Test>::get(), 0);
		// The account keeps its memory: strikes and tombstone.
		assert!(crate::Tombstones::<Test>::contains_key(10));
		assert_eq!(crate::Offences::<Test>::get(10).unwrap().strikes, 3);
	});
}

#[test]
fn seats_held_with_too_little_stake_can_be_freed_by_anyone() {
	ExtBuilder::default().build_and_execute(|| {
		MinStakeCeiling::set(&10_000);
		// A squatter fills every provider seat at the minimum stake.
		for who in 10..10 + MAX_PROVIDERS as u64 {
			assert_ok!(WorkToken::register_provider(
				RuntimeOrigin::signed(who),
				100,
				Perbill::zero()
			));
		}
		assert_noop!(
			WorkToken::register_provider(RuntimeOrigin::signed(18), 100, Perbill::zero()),
			Error::<Test>::TooManyProviders
		);
		assert_noop!(
			WorkToken::deregister_underfunded(RuntimeOrigin::signed(1), 10),
			Error::<Test>::NotUnderfunded
		);
		// Eight eligible providers for a market that needs one: the minimum doubles.
		run_to_era(1);
		assert_eq!(crate::MinProviderStake::<Test>::get(), 200);
		// Every squatter is below it and out of the set, but gets one era to top up.
		assert_noop!(
			WorkToken::deregister_underfunded(RuntimeOrigin::signed(1), 10),
			Error::<Test>::NotUnderfunded
		);
		// 11 tops up in time; 10 does not.
		assert_ok!(WorkToken::bond_extra(RuntimeOrigin::signed(11), 200));
		run_to_era(2);
		assert_noop!(
			WorkToken::deregister_underfunded(RuntimeOrigin::signed(1), 11),
			Error::<Test>::NotUnderfunded
		);
		assert_ok!(WorkToken::deregister_underfunded(RuntimeOrigin::signed(1), 10));
		System::assert_has_event(
			crate::Event::ProviderDeregistered {
				provider: 10,
				unbonded: 100,
				unlock_era: 2 + UNBONDING_PERIOD,
			}
			.into(),
		);
		assert_noop!(
			WorkToken::deregister_underfunded(RuntimeOrigin::signed(1), 10),
			Error::<Test>::ProviderLeaving
		);
		run_to_era(2 + UNBONDING_PERIOD);
		assert_ok!(WorkToken::withdraw_unbonded(RuntimeOrigin::signed(10)));
		// The seat is free for a provider that pays the going minimum.
		let minimum = crate::MinProviderStake::<Test>::get();
		assert_ok!(WorkToken::register_provider(
			RuntimeOrigin::signed(10),
			minimum,
			Perbill::zero()
		));
	});
}

#[test]
fn dormant_delegators_of_a_deregistered_provider_cannot_hold_its_slot_forever() {
	provider_with_delegators(|| {
		assert_ok!(WorkToken::deregister(RuntimeOrigin::signed(10)));
		run_to_era(UNBONDING_PERIOD);
		assert_ok!(WorkToken::withdraw_unbonded(RuntimeOrigin::signed(10)));
		// 11 and 12 never act: the provider's records and slot stay while they hold positions.
		assert!(Providers::<Test>::contains_key(10));
		assert_eq!(ProviderCount::<Test>::get(), 1);
		for who in [11, 12] {
			assert_ok!(WorkToken::kick(RuntimeOrigin::signed(15), who, 10));
		}
		let (free_11, free_12) = (free_balance(11), free_balance(12));
		run_to_era(2 * UNBONDING_PERIOD);
		// Kicking again pays the unlocked chunks to the delegators and closes the positions.
		for who in [11, 12] {
			assert_ok!(WorkToken::kick(RuntimeOrigin::signed(15), who, 10));
		}
		assert!(free_balance(11) >= free_11 + 600);
		assert!(free_balance(12) >= free_12 + 400);
		assert_nothing_left_of(10);
		assert_eq!(ProviderCount::<Test>::get(), 0);
		// The account may register again.
		assert_ok!(WorkToken::register_provider(RuntimeOrigin::signed(10), 1_000, Perbill::zero()));
	});
}
