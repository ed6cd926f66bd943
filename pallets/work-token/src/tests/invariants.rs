//! `try_state` catches corrupted storage: each test corrupts one total, ledger or pool behind
//! the pallet's back and expects the check that runs after every test to fail with the named
//! invariant. (The owner types make these states unreachable through calls; these tests show
//! the net is there if one ever were.)

use crate::{mock::*, Ledgers, Pools, RewardsUnclaimed, TotalDelegated, TotalStaked};

#[test]
#[should_panic(expected = "TotalStaked differs from the ledgers")]
fn try_state_catches_a_drifted_total_staked() {
	provider_with_delegators(|| {
		TotalStaked::<Test>::mutate(|total| *total += 1);
	});
}

#[test]
#[should_panic(expected = "held stake differs from the ledger total")]
fn try_state_catches_a_ledger_that_differs_from_its_hold() {
	provider_with_delegators(|| {
		Ledgers::<Test>::mutate(10, |ledger| {
			if let Some(ledger) = ledger {
				ledger.active += 1;
			}
		});
		TotalStaked::<Test>::mutate(|total| *total += 1);
	});
}

#[test]
#[should_panic(expected = "TotalDelegated differs from pools")]
fn try_state_catches_a_drifted_total_delegated() {
	provider_with_delegators(|| {
		TotalDelegated::<Test>::mutate(|total| *total -= 1);
	});
}

#[test]
#[should_panic(expected = "TotalDelegated differs from pools")]
fn try_state_catches_pool_tokens_out_of_line_with_the_total() {
	provider_with_delegators(|| {
		Pools::<Test>::mutate(10, |pool| {
			if let Some(pool) = pool {
				pool.tokens += 5;
			}
		});
	});
}

#[test]
#[should_panic(
	expected = "delegation account holds less than delegated tokens, rewards and unsplit fees"
)]
fn try_state_catches_rewards_the_account_cannot_pay() {
	provider_with_delegators(|| {
		RewardsUnclaimed::<Test>::mutate(|rewards| *rewards += 1_000_000);
	});
}

#[test]
#[should_panic(expected = "ProviderCount is off")]
fn try_state_catches_a_wrong_provider_count() {
	provider_with_delegators(|| {
		crate::ProviderCount::<Test>::mutate(|count| *count += 1);
	});
}
