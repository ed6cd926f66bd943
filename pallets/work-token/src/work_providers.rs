//! What the work token offers a work market ([`WorkProviders`]): the providers that may be
//! drawn and their weights, their collateral, claims on their stake while work is open, job
//! fees split by whole-era stake, and offences the market found.

use crate::{
	exposure::Claim, BalanceOf, Config, CurrentEra, EraIndex, Error, HashOf, Ledgers, Pallet,
	Pools, Providers, Tombstones,
};
use alloc::vec::Vec;
use frame_support::{ensure, traits::Get};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{CheckedDiv, Saturating, UniqueSaturatedInto, Zero},
	DispatchResult,
};
use work_token_primitives::{Severity, WorkProviders};

impl<T: Config> Pallet<T> {
	/// Whether `provider` takes work at all: registered, not leaving, not jailed, suspended or
	/// tombstoned.
	pub fn takes_work(provider: &T::AccountId) -> bool {
		Providers::<T>::get(provider).is_some_and(|info| !info.leaving)
			&& !Self::is_barred(provider)
	}

	/// The era block `block` belongs to (era `e` starts at block `e * EraLength`).
	pub fn era_of_block(block: BlockNumberFor<T>) -> EraIndex {
		let era = block.checked_div(&T::EraLength::get()).unwrap_or_default();
		era.unique_saturated_into()
	}
}

impl<T: Config> WorkProviders<T::AccountId, BalanceOf<T>, HashOf<T>, BlockNumberFor<T>>
	for Pallet<T>
{
	fn draw_weights() -> Vec<(T::AccountId, u128)> {
		crate::ActiveSet::<T>::get().into_iter().map(|p| (p.who, p.effective_stake)).collect()
	}

	fn takes_work(who: &T::AccountId) -> bool {
		Self::takes_work(who)
	}

	fn collateral(who: &T::AccountId) -> BalanceOf<T> {
		Ledgers::<T>::get(who).map(|l| l.active).unwrap_or_default()
	}

	fn current_era() -> EraIndex {
		CurrentEra::<T>::get()
	}

	fn era_of(block: BlockNumberFor<T>) -> EraIndex {
		Self::era_of_block(block)
	}

	fn expose(who: &T::AccountId, era: EraIndex) {
		Self::open_claim(who, era, Claim::Work);
	}

	fn release(who: &T::AccountId, era: EraIndex) {
		Self::close_claim(who, era, Claim::Work);
	}

	fn fee_account() -> T::AccountId {
		// It holds at least the existential deposit once anything was delegated or credited.
		if Self::ensure_delegation_account_alive().is_err() {
			frame_support::defensive!("the delegation account can always be created");
		}
		Self::delegation_account()
	}

	fn credit_fees(who: &T::AccountId, amount: BalanceOf<T>) {
		Pools::<T>::mutate(who, |pool| match pool {
			Some(pool) => pool.unsplit_fees = pool.unsplit_fees.saturating_add(amount),
			None => {
				frame_support::defensive!("fees are credited to registered providers");
			}
		});
	}

	fn report_offence(
		reporter: Option<T::AccountId>,
		who: &T::AccountId,
		severity: Severity,
		offence_era: EraIndex,
		evidence: HashOf<T>,
	) -> DispatchResult {
		ensure!(!Tombstones::<T>::contains_key(who), Error::<T>::Tombstoned);
		Self::do_report_offence(reporter, Zero::zero(), who, severity, offence_era, evidence, true)
			.map(|_| ())
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_provider(index: u32) -> T::AccountId {
		Self::benchmark_provider_of(index)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_fill_providers() {
		crate::benchmarking::fill_active_set::<T>();
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_advance_eras(eras: EraIndex) {
		CurrentEra::<T>::mutate(|era| *era = era.saturating_add(eras));
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_report_window() -> EraIndex {
		T::ReportWindow::get()
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl<T: Config> Pallet<T> {
	/// See [`WorkProviders::benchmark_provider`].
	pub(crate) fn benchmark_provider_of(index: u32) -> T::AccountId {
		let (who, _) = crate::benchmarking::exposed_provider::<T>(index);
		Self::rebuild_active_set(CurrentEra::<T>::get(), 0);
		who
	}
}
