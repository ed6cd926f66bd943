//! Test kit for this pallet's tests and for the tests of pallets built on it (the work
//! market's, the court's): an `OnSlash` that counts what it burns, the conservation check, and
//! a seeded randomness.
//!
//! Compiled for this crate's own tests and, for other crates, with the `test-utils` feature.

use crate::{Config, CreditOf, TotalMinted};
use codec::{Decode, Encode};
use core::{cell::Cell, marker::PhantomData};
use frame_support::traits::{fungible::Inspect, Imbalance, OnUnbalanced};
use frame_system::pallet_prelude::BlockNumberFor;
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

/// SplitMix64: a small seeded generator for the fuzz harnesses, good enough to pick calls.
pub struct SplitMix64(pub u64);
impl SplitMix64 {
	/// The next 64 random bits.
	pub fn next(&mut self) -> u64 {
		self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
		let mut z = self.0;
		z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
		z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
		z ^ (z >> 31)
	}

	/// A number below `n` (zero when `n` is zero).
	pub fn below(&mut self, n: u64) -> u64 {
		self.next().checked_rem(n).unwrap_or(0)
	}
}

/// Records `amount` as burnt outside `RecordBurn` (test stand-ins that burn directly).
pub fn record_burn(amount: u128) {
	BURNED.with(|b| b.set(b.get().saturating_add(amount)));
}

/// Records `amount` as minted by a test itself (outside the pallets), so that conservation
/// still balances.
pub fn record_mint(amount: u128) {
	BASE_ISSUANCE.with(|b| b.set(b.get().saturating_add(amount)));
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

std::thread_local! {
	static RANDOM_SEED: Cell<u64> = const { Cell::new(0) };
	static RANDOM_CALLS: Cell<u64> = const { Cell::new(0) };
	static RANDOM_PER_BLOCK: Cell<bool> = const { Cell::new(false) };
}

/// Seeds [`TestRandomness`]: the same seed gives the same draws.
pub fn set_random_seed(seed: u64) {
	RANDOM_SEED.with(|s| s.set(seed));
	RANDOM_CALLS.with(|c| c.set(0));
}

/// Makes [`TestRandomness`] a function of the block number and the subject only, like
/// randomness derived from block hashes: anyone can compute this block's value, nobody the
/// next block's.
pub fn set_randomness_per_block(per_block: bool) {
	RANDOM_PER_BLOCK.with(|p| p.set(per_block));
}

/// A seeded, deterministic randomness for tests: `blake2_256(seed, call count, subject)`, or
/// `blake2_256(seed, block number, subject)` after [`set_randomness_per_block`].
pub struct TestRandomness<T>(PhantomData<T>);
impl<T: frame_system::Config> frame_support::traits::Randomness<T::Hash, BlockNumberFor<T>>
	for TestRandomness<T>
{
	fn random(subject: &[u8]) -> (T::Hash, BlockNumberFor<T>) {
		let seed = RANDOM_SEED.with(|s| s.get());
		let now = frame_system::Pallet::<T>::block_number();
		let nonce: u64 = if RANDOM_PER_BLOCK.with(|p| p.get()) {
			now.saturated_into()
		} else {
			RANDOM_CALLS.with(|c| c.replace(c.get().saturating_add(1)))
		};
		let bytes = (seed, nonce, subject).encode();
		let hash = <sp_runtime::traits::BlakeTwo256 as sp_runtime::traits::Hash>::hash(&bytes);
		let hash = T::Hash::decode(&mut hash.as_ref()).unwrap_or_default();
		(hash, now)
	}
}
