//! Storage invariants, checked by `try_state` and after every unit test (S25).

use crate::{
	BalanceOf, Config, HoldReason, Ledgers, Pallet, ProviderCount, Providers, TotalStaked,
};
use frame_support::traits::{fungible::InspectHold, Get};
use sp_runtime::traits::{Saturating, Zero};

/// Shorthand for an invariant failure.
macro_rules! invariant {
	($cond:expr, $msg:literal) => {
		if !$cond {
			return Err(sp_runtime::TryRuntimeError::Other($msg));
		}
	};
}

impl<T: Config> Pallet<T> {
	/// Checks every invariant of the pallet's storage against itself and the balances.
	///
	/// - every ledger is well formed (no zero chunk, chunks ordered, not empty);
	/// - a ledger exists exactly for each registered provider;
	/// - each provider's held stake equals its ledger's total;
	/// - [`TotalStaked`] equals the sum of all ledgers;
	/// - [`ProviderCount`] equals the number of providers and is within `MaxProviders`.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let reason = HoldReason::ProviderStake.into();
		let mut staked: BalanceOf<T> = Zero::zero();
		let mut ledgers = 0u32;
		for (who, ledger) in Ledgers::<T>::iter() {
			invariant!(ledger.check().is_ok(), "malformed stake ledger");
			invariant!(
				Providers::<T>::contains_key(&who),
				"ledger without a provider"
			);
			invariant!(
				T::Currency::balance_on_hold(&reason, &who) == ledger.total(),
				"held stake differs from the ledger total"
			);
			staked = staked.saturating_add(ledger.total());
			ledgers = ledgers.saturating_add(1);
		}
		invariant!(
			staked == TotalStaked::<T>::get(),
			"TotalStaked differs from the ledgers"
		);
		let providers = u32::try_from(Providers::<T>::iter_keys().count()).unwrap_or(u32::MAX);
		invariant!(providers == ledgers, "provider without a ledger");
		invariant!(
			providers == ProviderCount::<T>::get(),
			"ProviderCount is off"
		);
		invariant!(
			providers <= T::MaxProviders::get(),
			"more providers than MaxProviders"
		);
		Ok(())
	}
}
