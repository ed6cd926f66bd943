//! `delegate`, `undelegate`, `withdraw_delegation`, `set_min_delegation`: entry cohorts, share
//! accounting, unbonding pools, bounds and every error.

use crate::{
	mock::*, DelegationCount, Delegations, Error, Event, Pallet, Pools, Providers, ShareBook,
	TotalDelegated, UnbondingPools,
};
use frame_support::traits::fungible::{Inspect, Mutate};
use sp_runtime::DispatchError;

/// Provider 10 with 1,000 of stake.
fn with_provider(test: impl FnOnce()) {
	ExtBuilder::default().provider(10, 1_000, Perbill::from_percent(5)).build_and_execute(test);
}

/// Shares of a position, including those of converted cohorts it has not collected yet.
fn shares(delegator: AccountId, provider: AccountId) -> Balance {
	Pallet::<Test>::delegation_summary(&delegator, &provider).map(|d| d.shares).unwrap_or_default()
}

/// Tokens of a position still waiting to enter.
fn entering(delegator: AccountId, provider: AccountId) -> Balance {
	Pallet::<Test>::delegation_summary(&delegator, &provider)
		.map(|d| d.entering)
		.unwrap_or_default()
}

/// Runs to the next era: the cohorts of the era that ended enter (report window of 1 era).
fn enter() {
	run_to_era(crate::CurrentEra::<Test>::get() + 1);
}

fn pool(provider: AccountId) -> (Balance, Balance, u32) {
	Pools::<Test>::get(provider).map(|p| (p.tokens, p.shares, p.delegators)).unwrap()
}

fn delegation_account_balance() -> Balance {
	Balances::balance(&Pallet::<Test>::delegation_account())
}

/// Cuts a pool without the slashing machinery, to test the share arithmetic alone (a real
/// slash also jails the provider or takes its own stake first, see `tests/slashing.rs`):
/// burns `amount` of `provider`'s pool tokens from the delegation account, keeping every
/// total consistent, and records the burn for the conservation check.
fn cut_pool(provider: AccountId, amount: Balance) {
	record_burn(amount);
	Pools::<Test>::mutate(provider, |p| p.as_mut().unwrap().tokens -= amount);
	TotalDelegated::<Test>::mutate(|t| *t -= amount);
	Balances::burn_from(
		&Pallet::<Test>::delegation_account(),
		amount,
		frame_support::traits::tokens::Preservation::Preserve,
		frame_support::traits::tokens::Precision::Exact,
		frame_support::traits::tokens::Fortitude::Force,
	)
	.unwrap();
}

#[test]
fn delegate_waits_one_era_then_buys_shares_one_to_one_in_a_fresh_pool() {
	with_provider(|| {
		assert_ok!(WorkToken::delegate(RuntimeOrigin::signed(11), 10, 100));
		// Waiting: not in the pool, not at risk, not earning.
		assert_eq!((shares(11, 10), entering(11, 10)), (0, 100));
		assert_eq!(pool(10), (0, 0, 1));
		assert_eq!(TotalDelegated::<Test>::get(), 100);
		assert_eq!(free_balance(11), ENDOWMENT - 100);
		// The delegation account holds the tokens plus the existential deposit it keeps.
		assert_eq!(delegation_account_balance(), 100 + ED);
		assert_eq!(DelegationCount::<Test>::get(11), Some(1));
		System::assert_last_event(
			Event::Delegated { delegator: 11, provider: 10, amount: 100 }.into(),
		);
		enter();
		assert_eq!((shares(11, 10), entering(11, 10)), (100, 0));
		assert_eq!(pool(10), (100, 100, 1));
		System::assert_has_event(
			Event::EntryConverted { provider: 10, cohort: 0, tokens: 100, shares: 100 }.into(),
		);
	});
}

#[test]
fn waiting_tokens_can_be_taken_back_at_once() {
	with_provider(|| {
		assert_ok!(WorkToken::delegate(RuntimeOrigin::signed(11), 10, 100));
		assert_ok!(WorkToken::undelegate(RuntimeOrigin::signed(11), 10, 100));
		// Never at risk: paid back in the same block, no unbonding period.
		System::assert_has_event(
			Event::EntryWithdrawn { delegator: 11, provider: 10, amount: 100 }.into(),
		);
		assert_eq!(free_balance(11), ENDOWMENT);
		assert!(Delegations::<Test>::get(11, 10).is_none());
		assert_eq!(TotalDelegated::<Test>::get(), 0);
		assert!(Pools::<Test>::get(10).unwrap().entering.is_empty());
	});
}

#[test]
fn a_full_entry_queue_moves_its_newest_cohort_forward_never_back() {
	with_provider(|| {
		// A disputed slash of era 0 (pending until its timeout) keeps every cohort from era 1
		// on waiting.
		assert_ok!(WorkToken::report_offence(
			RuntimeOrigin::signed(ORACLE),
			10,
			crate::Severity::Minor,
			0,
			evidence(1)
		));
		assert_ok!(WorkToken::dispute_slash(RuntimeOrigin::signed(10), 0));
		run_to_era(1);
		assert_ok!(WorkToken::delegate(RuntimeOrigin::signed(11), 10, 100));
		run_to_era(2);
		assert_ok!(WorkToken::delegate(RuntimeOrigin::signed(12), 10, 100));
		run_to_era(3);
		// Two cohorts waiting (eras 1 and 2, blocked at the boundaries into 2 and 3): the queue
		// is full, so era 3's tokens join the newest cohort, which now dates from era 3.
		assert_ok!(WorkToken::delegate(RuntimeOrigin::signed(13), 10, 100));
		let cohorts = Pools::<Test>::get(10).unwrap().entering;
		let eras: Vec<_> = cohorts.iter().map(|c| (c.era, c.tokens, c.positions)).collect();
		assert_eq!(eras, vec![(1, 100, 1), (3, 200, 2)]);
	})
}

#[test]
fn a_cohort_enters_only_when_no_older_claim_is_open() {
	with_provider(|| {
		assert_ok!(WorkToken::report_offence(
			RuntimeOrigin::signed(ORACLE),
			10,
			crate::Severity::Minor,
			0,
			evidence(1)
		));
		run_to_era(1);
		assert_ok!(WorkToken::delegate(RuntimeOrigin::signed(11), 10, 100));
		run_to_era(2);
		// The era-0 slash is pending until the end of era 1 + DISPUTE_WINDOW - 1.
		assert_eq!(entering(11, 10), 100);
		run_to_era(DISPUTE_WINDOW);
		// Applied at the start of era 2, after the cohort was looked at: enters next boundary.
		assert!(crate::PendingSlashes::<Test>::get(0).is_none());
		assert_eq!(entering(11, 10), 100);
		enter();
		assert_eq!((shares(11, 10), entering(11, 10)), (100, 0));
	})
}

#[test]
fn top_up_adds_shares_without_a_new_delegator() {
	with_provider(|| {
		assert_ok!(WorkToken::delegate(RuntimeOrigin::signed(11), 10, 100));
		assert_ok!(WorkToken::delegate(RuntimeOrigin::signed(12), 10, 50));
		assert_ok!(WorkToken::delegate(RuntimeOrigin::signed(11), 10, 1));
		enter();
		assert_eq!(shares(11, 10), 101);
		assert_eq!(pool(10), (151, 151, 2));
		assert_eq!(DelegationCount::<Test>::get(11), Some(1));
	});
}

#[test]
fn after_a_cut_new_shares_cost_less_and_old_holders_bear_it_pro_rata() {
	with_provider(|| {
		assert_ok!(WorkToken::delegate(RuntimeOrigin::signed(11), 10, 300));
		assert_ok!(WorkToken::delegate(RuntimeOrigin::signed(12), 10, 100));
		enter();
		cut_pool(10, 200); // 400 tokens -> 200: a share is now worth 1/2.
		let p = Pools::<Test>::get(10).unwrap();
		assert_eq!(p.value_of(shares(11, 10)), 150);
		assert_eq!(p.value_of(shares(12, 10)), 50);
		// A joiner after the cut pays the new rate: 100 tokens buy 200 shares, worth 100.
		assert_ok!(WorkToken::delegate(RuntimeOrigin::signed(13), 10, 100));
		enter();
		assert_eq!(shares(13, 10), 200);
		let p = Pools::<Test>::get(10).unwrap();
		assert_eq!(p.value_of(shares(13, 10)), 100);
		assert_eq!(p.value_of(shares(11, 10)), 150);
	});
}

#[test]
fn delegate_errors() {
	with_provider(|| {
		assert_noop!(WorkToken::delegate(RuntimeOrigin::root(), 10, 100), DispatchError::BadOrigin);
		assert_noop!(
			WorkToken::delegate(RuntimeOrigin::signed(11), 10, 0),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			WorkToken::delegate(RuntimeOrigin::signed(10), 10, 100),
			Error::<Test>::CannotDelegateToSelf
		);
		assert_noop!(
			WorkToken::delegate(RuntimeOrigin::signed(11), 12, 100),
			Error::<Test>::NotProvider
		);
		assert_noop!(
			WorkToken::delegate(RuntimeOrigin::signed(11), 10, MIN_DELEGATION - 1),
			Error::<Test>::BelowMinimumDelegation
		);
		assert_noop!(
			WorkToken::delegate(RuntimeOrigin::signed(POOR), 10, POOR_BALANCE),
			Error::<Test>::InsufficientBalance
		);
		assert_noop!(
			WorkToken::delegate(RuntimeOrigin::signed(11), 10, ENDOWMENT),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn provider_minimum_applies_to_the_whole_position() {
	with_provider(|| {
		assert_ok!(WorkToken::set_min_delegation(RuntimeOrigin::signed(10), 200));
		System::assert_last_event(Event::MinDelegationSet { provider: 10, minimum: 200 }.into());
		assert_noop!(
			WorkToken::delegate(RuntimeOrigin::signed(11), 10, 199),
			Error::<Test>::BelowMinimumDelegation
		);
		assert_ok!(WorkToken::delegate(RuntimeOrigin::signed(11), 10, 200));
		// A top-up of any size is fine once the position is above the minimum.
		assert_ok!(WorkToken::delegate(RuntimeOrigin::signed(11), 10, 1));
	});
}

#[test]
fn set_min_delegation_errors() {
	with_provider(|| {
		assert_noop!(
			WorkToken::set_min_delegation(RuntimeOrigin::none(), 100),
			DispatchError::BadOrigin
		);
		assert_noop!(
			WorkToken::set_min_delegation(RuntimeOrigin::signed(10), MIN_DELEGATION - 1),
			Error::<Test>::BelowGlobalMinimumDelegation
		);
		assert_noop!(
			WorkToken::set_min_delegation(RuntimeOrigin::signed(11), 100),
			Error::<Test>::NotProvider
		);
	});
}

/// Providers 10, 11, 12 and 13, each with 1,000 of stake.
fn four_providers() -> ExtBuilder {
	(10..14).fold(ExtBuilder::default(), |b, who| b.provider(who, 1_000, Perbill::zero()))
}

#[test]
fn delegator_bounds_are_enforced() {
	four_providers().build_and_execute(|| {
		// MAX_DELEGATORS positions in provider 10's pool.
		for who in 14..14 + u64::from(MAX_DELEGATORS) {
			assert_ok!(WorkToken::delegate(RuntimeOrigin::signed(who), 10, 20));
		}
		assert_noop!(
			WorkToken::delegate(RuntimeOrigin::signed(19), 10, 20),
			Error::<Test>::TooManyDelegators
		);
		// An existing delegator may still top up.
		assert_ok!(WorkToken::delegate(RuntimeOrigin::signed(14), 10, 20));
		// MAX_DELEGATIONS providers for one delegator.
		assert_ok!(WorkToken::delegate(RuntimeOrigin::signed(19), 11, 20));
		assert_ok!(WorkToken::delegate(RuntimeOrigin::signed(19), 12, 20));
		assert_ok!(WorkToken::delegate(RuntimeOrigin::signed(19), 13, 20));
		assert_eq!(DelegationCount::<Test>::get(19), Some(MAX_DELEGATIONS));
		// Taking everything back frees 14's seat; 19 is still at its own bound.
		assert_ok!(WorkToken::undelegate(RuntimeOrigin::signed(14), 10, 40));
		assert_noop!(
			WorkToken::delegate(RuntimeOrigin::signed(19), 10, 20),
			Error::<Test>::TooManyDelegations
		);
		assert_ok!(WorkToken::delegate(RuntimeOrigin::signed(18), 10, 20));
		assert_noop!(
			WorkToken::delegate(RuntimeOrigin::signed(15 + u64::from(MAX_DELEGATORS)), 10, 20),
			Error::<Test>::TooManyDelegators
		);
	});
}

#[test]
fn too_many_delegations_per_delegator() {
	four_providers().build_and_execute(|| {
		for provider in 10..13 {
			assert_ok!(WorkToken::delegate(RuntimeOrigin::signed(19), provider, 20));
		}
		assert_noop!(
			WorkToken::delegate(RuntimeOrigin::signed(19), 13, 20),
			Error::<Test>::TooManyDelegations
		);
	});
}

#[test]
fn a_depleted_pool_lets_joiners_wait_until_its_worthless_shares_are_gone() {
	with_provider(|| {
		assert_ok!(WorkToken::delegate(RuntimeOrigin::signed(11), 10, 100));
		enter();
		cut_pool(10, 100);
		// The joiner waits: its tokens cannot buy shares of a pool worth nothing.
		assert_ok!(WorkToken::delegate(RuntimeOrigin::signed(12), 10, 100));
		enter();
		assert_eq!(entering(12, 10), 100);
		// The last worthless share burns (S31): the pool is empty and the joiner enters.
		assert_ok!(WorkToken::undelegate(RuntimeOrigin::signed(11), 10, 1));
		assert!(Delegations::<Test>::get(11, 10).is_none());
		enter();
		assert_eq!((shares(12, 10), entering(12, 10)), (100, 0));
	});
}

#[test]
fn leaving_provider_takes_no_new_delegation_but_delegators_can_exit() {
	with_provider(|| {
		assert_ok!(WorkToken::delegate(RuntimeOrigin::signed(11), 10, 100));
		enter();
		assert_ok!(WorkToken::unbond(RuntimeOrigin::signed(10), 1_000));
		assert_noop!(
			WorkToken::delegate(RuntimeOrigin::signed(12), 10, 100),
			Error::<Test>::ProviderLeaving
		);
		assert_ok!(WorkToken::undelegate(RuntimeOrigin::signed(11), 10, 100));
		run_to_era(1 + UNBONDING_PERIOD);
		// The provider withdraws everything but stays registered while a delegator remains.
		assert_ok!(WorkToken::withdraw_unbonded(RuntimeOrigin::signed(10)));
		assert!(Providers::<Test>::contains_key(10));
		// The last delegator out removes the provider and its pool.
		assert_ok!(WorkToken::withdraw_delegation(RuntimeOrigin::signed(11), 10));
		assert!(!Providers::<Test>::contains_key(10));
		assert!(!Pools::<Test>::contains_key(10));
		assert!(matches!(
			work_token_events().last(),
			Some(Event::ProviderRemoved { provider: 10 })
		));
		assert!(free_balance(11) >= ENDOWMENT);
	});
}

#[test]
fn undelegate_moves_tokens_to_the_unbonding_pool() {
	with_provider(|| {
		assert_ok!(WorkToken::delegate(RuntimeOrigin::signed(11), 10, 100));
		enter();
		assert_ok!(WorkToken::undelegate(RuntimeOrigin::signed(11), 10, 40));
		System::assert_last_event(
			Event::Undelegated {
				delegator: 11,
				provider: 10,
				amount: 40,
				unlock_era: 1 + UNBONDING_PERIOD,
			}
			.into(),
		);
		assert_eq!(pool(10), (60, 60, 1));
		let unbonding = UnbondingPools::<Test>::get(10, 1 + UNBONDING_PERIOD).unwrap();
		assert_eq!((unbonding.tokens, unbonding.shares), (40, 40));
		let d = Delegations::<Test>::get(11, 10).unwrap();
		assert_eq!(d.unbonding.len(), 1);
		// Unbonding tokens are still in the delegation account.
		assert_eq!(TotalDelegated::<Test>::get(), 100);
	});
}

#[test]
fn undelegate_may_not_leave_dust_but_may_take_everything() {
	with_provider(|| {
		assert_ok!(WorkToken::delegate(RuntimeOrigin::signed(11), 10, 100));
		enter();
		assert_noop!(
			WorkToken::undelegate(RuntimeOrigin::signed(11), 10, 100 - MIN_DELEGATION + 1),
			Error::<Test>::BelowMinimumDelegation
		);
		// Asking for more than the position takes all of it.
		assert_ok!(WorkToken::undelegate(RuntimeOrigin::signed(11), 10, 1_000_000));
		assert_eq!(shares(11, 10), 0);
		assert_eq!(pool(10), (0, 0, 1));
	});
}

#[test]
fn undelegate_errors() {
	with_provider(|| {
		assert_ok!(WorkToken::delegate(RuntimeOrigin::signed(11), 10, 100));
		enter();
		assert_noop!(WorkToken::undelegate(RuntimeOrigin::root(), 10, 1), DispatchError::BadOrigin);
		assert_noop!(
			WorkToken::undelegate(RuntimeOrigin::signed(11), 10, 0),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			WorkToken::undelegate(RuntimeOrigin::signed(12), 10, 10),
			Error::<Test>::NotDelegator
		);
		for era in 1..=MAX_CHUNKS {
			run_to_era(era);
			assert_ok!(WorkToken::undelegate(RuntimeOrigin::signed(11), 10, 10));
		}
		run_to_era(MAX_CHUNKS + 1);
		assert_noop!(
			WorkToken::undelegate(RuntimeOrigin::signed(11), 10, 10),
			Error::<Test>::TooManyUnbondingChunks
		);
		// Once nothing is bonded or waiting, there is nothing to undelegate.
		run_to_era(MAX_CHUNKS + UNBONDING_PERIOD + 1);
		assert_ok!(WorkToken::withdraw_delegation(RuntimeOrigin::signed(11), 10));
		assert_ok!(WorkToken::undelegate(RuntimeOrigin::signed(11), 10, 1_000));
		assert_noop!(
			WorkToken::undelegate(RuntimeOrigin::signed(11), 10, 10),
			Error::<Test>::InsufficientDelegation
		);
	});
}

#[test]
fn withdraw_pays_unlocked_chunks_exactly_and_removes_empty_positions() {
	ExtBuilder::default()
		.provider(10, 1_000, Perbill::from_percent(5))
		.delegation(11, 10, 100)
		.build_and_execute(|| {
			assert_ok!(WorkToken::undelegate(RuntimeOrigin::signed(11), 10, 30));
			run_to_era(1);
			assert_ok!(WorkToken::undelegate(RuntimeOrigin::signed(11), 10, 70));
			assert_noop!(
				WorkToken::withdraw_delegation(RuntimeOrigin::signed(11), 10),
				Error::<Test>::NothingToWithdraw
			);
			run_to_era(UNBONDING_PERIOD);
			assert_ok!(WorkToken::withdraw_delegation(RuntimeOrigin::signed(11), 10));
			System::assert_last_event(
				Event::DelegationWithdrawn { delegator: 11, provider: 10, amount: 30 }.into(),
			);
			assert_eq!(free_balance(11), ENDOWMENT - 70);
			assert!(UnbondingPools::<Test>::get(10, UNBONDING_PERIOD).is_none());
			run_to_era(UNBONDING_PERIOD + 1);
			let rewards =
				crate::Pallet::<Test>::delegation_summary(&11, &10).unwrap().pending_rewards;
			assert_ok!(WorkToken::withdraw_delegation(RuntimeOrigin::signed(11), 10));
			assert_eq!(free_balance(11), ENDOWMENT + rewards);
			assert!(Delegations::<Test>::get(11, 10).is_none());
			assert_eq!(DelegationCount::<Test>::get(11), None);
			assert_eq!(pool(10), (0, 0, 0));
			assert_eq!(TotalDelegated::<Test>::get(), 0);
			System::assert_last_event(
				Event::DelegationRemoved { delegator: 11, provider: 10 }.into(),
			);
		});
}

#[test]
fn withdraw_delegation_errors() {
	with_provider(|| {
		assert_noop!(
			WorkToken::withdraw_delegation(RuntimeOrigin::signed(11), 10),
			Error::<Test>::NotDelegator
		);
		assert_noop!(
			WorkToken::withdraw_delegation(RuntimeOrigin::none(), 10),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn unbonding_pools_are_shared_and_cut_pro_rata() {
	with_provider(|| {
		assert_ok!(WorkToken::delegate(RuntimeOrigin::signed(11), 10, 100));
		assert_ok!(WorkToken::delegate(RuntimeOrigin::signed(12), 10, 300));
		enter();
		assert_ok!(WorkToken::undelegate(RuntimeOrigin::signed(11), 10, 100));
		assert_ok!(WorkToken::undelegate(RuntimeOrigin::signed(12), 10, 300));
		// Halve the unbonding pool as a slash would.
		let era = 1 + UNBONDING_PERIOD;
		UnbondingPools::<Test>::mutate(10, era, |p| p.as_mut().unwrap().tokens = 200);
		TotalDelegated::<Test>::mutate(|t| *t -= 200);
		run_to_era(era);
		assert_ok!(WorkToken::withdraw_delegation(RuntimeOrigin::signed(11), 10));
		assert_ok!(WorkToken::withdraw_delegation(RuntimeOrigin::signed(12), 10));
		assert_eq!(free_balance(11), ENDOWMENT - 50);
		assert_eq!(free_balance(12), ENDOWMENT - 150);
		// The 200 "slashed" tokens were never paid out; they stay in the account above ED.
		assert_eq!(delegation_account_balance(), ED + 200);
	});
}
