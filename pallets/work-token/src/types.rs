//! Types stored by the pallet and passed to its calls.

use crate::Config;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	traits::fungible::Inspect, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;
use sp_runtime::{FixedU128, Perbill};

/// Index of a work-token era. An era is `EraLength` blocks; era 0 starts at genesis.
pub type EraIndex = u32;

/// The account id of a runtime.
pub type AccountIdOf<T> = <T as frame_system::Config>::AccountId;

/// The balance type of the pallet's `Currency`.
pub type BalanceOf<T> = <<T as Config>::Currency as Inspect<AccountIdOf<T>>>::Balance;

/// A provider's registration: everything about a provider that is not its stake.
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct ProviderInfo {
	/// The share of the provider's pool rewards it keeps before delegators are paid.
	pub commission: Perbill,
	/// The era in which the provider registered.
	pub registered_era: EraIndex,
	/// A scheduled commission increase and the era it takes effect in (S9).
	pub pending_commission: Option<(Perbill, EraIndex)>,
}

/// Stake that was unbonded and becomes withdrawable at `unlock_era`.
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct UnlockChunk<Balance> {
	/// Amount that unlocks. Never zero.
	pub value: Balance,
	/// First era in which `value` may be withdrawn.
	pub unlock_era: EraIndex,
}

/// A provider's self-stake. Everything in it is on hold under
/// [`HoldReason::ProviderStake`](crate::HoldReason::ProviderStake): the held balance of the
/// account always equals [`StakeLedger::total`].
#[derive(
	Encode, Decode, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
pub struct StakeLedger<T: Config> {
	/// Bonded stake: counts for selection, rewards and slashing.
	pub active: BalanceOf<T>,
	/// Unbonding stake, oldest first. Chunks that unlock in the same era are merged.
	pub unlocking: BoundedVec<UnlockChunk<BalanceOf<T>>, T::MaxUnbondingChunks>,
	/// Self-stake that earns rewards for the current era: the lowest active stake since the
	/// era began (stake bonded during an era starts earning in the next one).
	pub earning: BalanceOf<T>,
}

/// A provider's delegation pool (S8): delegated tokens that are bonded, and the shares that own
/// them. Delegators own shares; what a share is worth is `tokens / shares`.
#[derive(
	Encode, Decode, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
pub struct DelegationPool<T: Config> {
	/// Bonded delegated tokens.
	pub tokens: BalanceOf<T>,
	/// Shares outstanding for `tokens`.
	pub shares: BalanceOf<T>,
	/// Delegators with any position in this pool (bonded or unbonding).
	pub delegators: u32,
	/// The provider's own minimum delegation; at least the global `MinDelegation`.
	pub min_delegation: BalanceOf<T>,
	/// Rewards per share paid to shares that earn (the reward accumulator).
	pub reward_per_share: FixedU128,
	/// Shares minted in `joining_era`; they earn from the next era on (S14: no reward for
	/// stake that was not bonded for the whole era).
	pub joining_shares: BalanceOf<T>,
	/// Positions holding `joining_shares`.
	pub joining_members: u32,
	/// The era of `joining_shares`.
	pub joining_era: EraIndex,
}

/// One unbonding chunk of a delegation: shares of the provider's unbonding pool for
/// `unlock_era`.
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct UnbondingShares<Balance> {
	/// Era from which the chunk can be withdrawn.
	pub unlock_era: EraIndex,
	/// Shares of the unbonding pool `(provider, unlock_era)`. Never zero.
	pub shares: Balance,
}

/// A delegator's position with one provider.
#[derive(
	Encode, Decode, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
pub struct Delegation<T: Config> {
	/// Shares of the provider's delegation pool, including `joining`.
	pub shares: BalanceOf<T>,
	/// Unbonding chunks, oldest first, one per unlock era.
	pub unbonding: BoundedVec<UnbondingShares<BalanceOf<T>>, T::MaxUnbondingChunks>,
	/// Of `shares`, those minted in `joining_era`, which earn from the era after it.
	pub joining: BalanceOf<T>,
	/// The era `joining` was minted in.
	pub joining_era: EraIndex,
	/// The pool's reward per share when the earning shares were last settled.
	pub reward_per_share_paid: FixedU128,
	/// Rewards settled and not yet claimed.
	pub unclaimed: BalanceOf<T>,
	/// Whether settled rewards are delegated again instead of paid out.
	pub auto_compound: bool,
}

/// Tokens that are unbonding from one provider and unlock in the same era, owned by shares so
/// that a slash can cut them in O(1) (S4, S8).
#[derive(
	Encode, Decode, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
pub struct UnbondingPool<T: Config> {
	/// Unbonding tokens.
	pub tokens: BalanceOf<T>,
	/// Shares outstanding for `tokens`.
	pub shares: BalanceOf<T>,
}
