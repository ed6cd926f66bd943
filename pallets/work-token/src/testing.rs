//! Test kit for this pallet's tests and for the tests of pallets built on it (the work
//! market's): an `OnSlash` that counts what it burns, and the conservation check.
//!
//! Compiled for this crate's own tests and, for other crates, with the `test-utils` feature.

use crate::{Config, CreditOf, TotalMinted};
use core::{cell::Cell, marker::PhantomData};
use frame_support::traits::{fungible::Inspect, Imbalance, OnUnbalanced};
use sp_runtime::traits::SaturatedConversion;

std::thread_local! {
	static BURNED: Cell<u128> = const { Cell::new(0) };
	static BASE_ISSUANCE: Cell<u128> = const { Cell::new(0) };
}

/// An `OnUnbalanced` handler (for `OnSlash`, or a market's `OnProtocolFee`) that counts what
/// it receives, then burns it by dropping the credit.
pub struct RecordBurn<T>(PhantomData<T>);
impl<T: Config> OnUnbalanced<CreditOf<T>> for RecordBurn<T> {
	fn on_nonzero_unbalanced(credit: CreditOf<T>) {
		record_burn(credit.peek().saturated_into());
	}
}

/// Records `amount` as burnt outside `RecordBurn` (test stand-ins that burn directly).
pub fn record_burn(amount: u128) {
	BURNED.with(|b| b.set(b.get().saturating_add(amount)));
}

/// Everything burnt since [`start_conservation`].
pub fn burned() -> u128 {
	BURNED.with(|b| b.get())
}

/// The total issuance of `T::Currency`.
pub fn issuance<T: Config>() -> u128 {
	T::Currency::total_issuance().saturated_into()
}

/// Takes the current issuance, less what the pallet has minted so far, as the base that
/// [`check_conservation`] measures against, and forgets earlier burns. Call it once genesis is
/// built.
pub fn start_conservation<T: Config>() {
	let minted: u128 = TotalMinted::<T>::get().saturated_into();
	BASE_ISSUANCE.with(|b| b.set(issuance::<T>().saturating_sub(minted)));
	BURNED.with(|b| b.set(0));
}

/// Conservation: total issuance equals the sum of all accounts' balances (free and held), and
/// it moved from the base only by what the pallet minted (`TotalMinted`) and what was burnt.
pub fn check_conservation<T: Config>() {
	let accounts = frame_system::Account::<T>::iter_keys()
		.map(|who| -> u128 { T::Currency::total_balance(&who).saturated_into() })
		.fold(0u128, |sum, balance| sum.saturating_add(balance));
	assert_eq!(issuance::<T>(), accounts, "total issuance differs from the sum of accounts");
	let minted: u128 = TotalMinted::<T>::get().saturated_into();
	let base = BASE_ISSUANCE.with(|b| b.get());
	assert_eq!(
		issuance::<T>(),
		base.saturating_add(minted).saturating_sub(burned()),
		"issuance moved by something else"
	);
}
