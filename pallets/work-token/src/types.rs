//! Types stored by the pallet and passed to its calls.

use crate::Config;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	traits::{fungible::Inspect, ConstU32},
	BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;
use sp_runtime::{FixedU128, Perbill};
pub use work_token_primitives::{EraIndex, Severity, SlashId, Verdict};

/// A balance as `u128`, for the share and reward arithmetic (saturating).
pub(crate) fn to_u128<T: Config>(balance: BalanceOf<T>) -> u128 {
	sp_runtime::traits::UniqueSaturatedInto::unique_saturated_into(balance)
}

/// A `u128` as a balance (saturating).
pub(crate) fn from_u128<T: Config>(value: u128) -> BalanceOf<T> {
	sp_runtime::traits::UniqueSaturatedFrom::unique_saturated_from(value)
}

/// The account id of a runtime.
pub type AccountIdOf<T> = <T as frame_system::Config>::AccountId;

/// The hash type of a runtime.
pub type HashOf<T> = <T as frame_system::Config>::Hash;

/// The balance type of the pallet's `Currency`.
pub type BalanceOf<T> = <<T as Config>::Currency as Inspect<AccountIdOf<T>>>::Balance;

/// Slashed tokens on their way to a reporter or `OnSlash`.
pub type CreditOf<T> =
	frame_support::traits::fungible::Credit<AccountIdOf<T>, <T as Config>::Currency>;

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
	/// Jailed (S16) until this era: out of rewards and the active set, no new delegations.
	/// Cleared by `unjail` once the era is reached.
	pub jailed_until: Option<EraIndex>,
	/// Chilled (S3): out of the active set from the next era until `unchill`.
	pub chilled: bool,
	/// Deregistered (S37): takes no new work or delegations and unbonds everything; the
	/// records go once the last stake, position and job are gone.
	pub leaving: bool,
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
	/// Whether the earning stake was below the minimum stake in the era that ended: a
	/// provider underfunded for that whole era and still now may be deregistered by anyone
	/// (one era of grace after the minimum rises).
	pub underfunded: bool,
}

/// Most entry cohorts a pool (and a position) holds at once; see [`EntryCohort`].
pub const MAX_ENTRY_COHORTS: u32 = 2;

/// Identifier of an entry cohort, unique within its pool, assigned from 0.
pub type CohortId = u32;

/// Delegated tokens waiting to enter a pool (S10, S30): tokens delegated in era `era` and not
/// yet converted into shares. They are not at risk and do not earn. At the first era boundary
/// at which no offence committed before `era` can still be reported or is pending, they buy
/// shares at the pool's rate all at once; each position collects its part lazily.
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct EntryCohort<Balance> {
	/// The cohort's id in its pool.
	pub id: CohortId,
	/// The latest era in which tokens joined the cohort: it is exposed to offences from this
	/// era on, never to earlier ones.
	pub era: EraIndex,
	/// Tokens waiting in the cohort.
	pub tokens: Balance,
	/// Positions with tokens in the cohort.
	pub positions: u32,
}

/// A converted entry cohort: the shares its tokens bought, not yet collected by all of its
/// positions. The last position to collect takes what is left, so nothing is lost to rounding.
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct Conversion<Balance> {
	/// Tokens of the cohort not yet collected.
	pub tokens_left: Balance,
	/// Shares bought with them.
	pub shares_left: Balance,
	/// Positions that have not collected.
	pub positions_left: u32,
	/// The pool's reward per share when the shares were bought: they earn from there.
	pub reward_per_share: FixedU128,
}

/// A provider's delegation pool (S8): delegated tokens that are bonded, and the shares that own
/// them. Delegators own shares; what a share is worth is `tokens / shares`.
#[derive(
	Encode, Decode, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
pub struct DelegationPool<T: Config> {
	/// Bonded delegated tokens: at risk, and earning.
	pub tokens: BalanceOf<T>,
	/// Shares outstanding for `tokens`.
	pub shares: BalanceOf<T>,
	/// Delegators with any position in this pool (bonded, entering or unbonding).
	pub delegators: u32,
	/// The provider's own minimum delegation; at least the global `MinDelegation`.
	pub min_delegation: BalanceOf<T>,
	/// Rewards per share paid to the pool's shares (the reward accumulator).
	pub reward_per_share: FixedU128,
	/// Tokens waiting to enter, oldest cohort first.
	pub entering: BoundedVec<EntryCohort<BalanceOf<T>>, ConstU32<MAX_ENTRY_COHORTS>>,
	/// The id the next entry cohort gets.
	pub next_cohort: CohortId,
	/// Job fees (after the protocol fee) earned in the current era, held by the delegation
	/// account until the era ends and they are split by whole-era stake like the emission
	/// (S29).
	pub unsplit_fees: BalanceOf<T>,
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
	/// Shares of the provider's delegation pool.
	pub shares: BalanceOf<T>,
	/// Tokens waiting to enter the pool, by entry cohort.
	pub entering: BoundedVec<(CohortId, BalanceOf<T>), ConstU32<MAX_ENTRY_COHORTS>>,
	/// Unbonding chunks, oldest first, one per unlock era.
	pub unbonding: BoundedVec<UnbondingShares<BalanceOf<T>>, T::MaxUnbondingChunks>,
	/// The pool's reward per share when `shares` were last settled.
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

/// The base slash fraction of each severity, set by `AdminOrigin` (S15). Always
/// `minor <= major <= critical`.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct SlashFractions {
	/// Fraction of a Minor offence.
	pub minor: Perbill,
	/// Fraction of a Major offence.
	pub major: Perbill,
	/// Fraction of a Critical offence.
	pub critical: Perbill,
}

impl SlashFractions {
	/// The base fraction of `severity`.
	pub fn of(&self, severity: Severity) -> Perbill {
		match severity {
			Severity::Minor => self.minor,
			Severity::Major => self.major,
			Severity::Critical => self.critical,
		}
	}

	/// True when the fractions grow with severity.
	pub fn is_ordered(&self) -> bool {
		self.minor <= self.major && self.major <= self.critical
	}
}

/// A reported slash waiting out its dispute window (S15, S18). The amounts are computed and
/// locked at report time; applying clamps them to what is still at risk.
#[derive(
	Encode, Decode, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
pub struct PendingSlash<T: Config> {
	/// The accused provider.
	pub provider: AccountIdOf<T>,
	/// Who reported it; `None` for an unsigned `ReporterOrigin` (e.g. root). Receives
	/// `SlashRewardFraction` of the applied slash.
	pub reporter: Option<AccountIdOf<T>>,
	/// The reporter's bond on hold (zero for `ReporterOrigin`).
	pub report_bond: BalanceOf<T>,
	/// Severity reported.
	pub severity: Severity,
	/// The fraction after repeat-offence escalation (S17).
	pub fraction: Perbill,
	/// The era the offence was committed in.
	pub offence_era: EraIndex,
	/// The era it was reported in; the dispute window ends `DisputeWindow` eras later.
	pub reported_era: EraIndex,
	/// Hash of the off-chain evidence; with `offence_era` it identifies the incident.
	pub evidence: HashOf<T>,
	/// Locked amount taken from the provider's own stake.
	pub own: BalanceOf<T>,
	/// Locked amount taken from the delegation pool and its unbonding pools.
	pub pool: BalanceOf<T>,
	/// The provider's dispute bond on hold while its dispute waits for a verdict.
	pub dispute_bond: Option<BalanceOf<T>>,
	/// The share of the locked amounts to apply, once a verdict (`Uphold`: all, `Reduce(p)`:
	/// `p`) came before the dispute window ended: the slash still applies no earlier than
	/// that (S18).
	pub decided: Option<Perbill>,
	/// Whether this disputed Major or Critical slash suspends the provider (S33): from the
	/// end of the dispute window until it is settled, as if jailed.
	pub suspends: bool,
	/// Whether the market found the offence (a missed deadline, an upheld challenge): such
	/// incidents have a key space of their own (see [`crate::incidents`]).
	pub by_market: bool,
}

/// An account's offence standing (S17, S32, S33): its strikes, which outlive its registration
/// until they decay, and totals over the slashes pending against it.
#[derive(
	Encode, Decode, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
pub struct OffenceRecord<T: Config> {
	/// Strikes as of `last_strike_era`; one strike decays every `StrikeDecayEras` eras.
	pub strikes: u32,
	/// The era of the last applied slash.
	pub last_strike_era: EraIndex,
	/// Slashes pending against the account.
	pub pending: u32,
	/// Sum of the amounts the pending slashes locked from its own stake: stake that earns
	/// nothing while it waits (S33).
	pub locked_own: BalanceOf<T>,
	/// Sum of the amounts the pending slashes locked from its delegators.
	pub locked_pool: BalanceOf<T>,
	/// Pending slashes that suspend it (disputed Major or Critical slashes past their dispute
	/// window): while any does, it is treated as jailed.
	pub suspensions: u32,
	/// Reports held under a pending slash of the same incident (see [`crate::incidents`]).
	pub fallbacks: u32,
}

/// Where the slash-application cursors stand (S18): one walks undisputed slashes to their
/// window end, the other disputed slashes to their timeout. Slash ids at or after `next_id`
/// do not exist yet.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct SlashQueue {
	/// The id the next report gets.
	pub next_id: SlashId,
	/// First slash the window-end cursor has not passed.
	pub apply_cursor: SlashId,
	/// First slash the dispute-timeout cursor has not passed.
	pub timeout_cursor: SlashId,
}

/// How the active set is sized at each era boundary (S6).
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum ActiveSetMode {
	/// Every eligible provider is active.
	Unbounded,
	/// The top `n` eligible providers by effective stake.
	Static(u32),
	/// Size follows demand: `ceil(jobs last era / jobs_per_provider)` within `[min, max]`.
	Dynamic {
		/// Smallest set.
		min: u32,
		/// Largest set.
		max: u32,
		/// Jobs one provider is expected to serve per era.
		jobs_per_provider: u32,
	},
}

/// A provider in the active set with the running total of effective stake up to and
/// including it (the set is sorted by effective stake, so a draw is a binary search).
#[derive(
	Encode, Decode, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
pub struct ActiveProvider<T: Config> {
	/// The provider.
	pub who: AccountIdOf<T>,
	/// Its effective stake: (self-stake + delegated) × reputation multiplier.
	pub effective_stake: u128,
	/// Sum of the effective stakes of the set up to and including this provider.
	pub cumulative: u128,
	/// Its reputation multiplier (percent) when the set was built: the one its era reward
	/// uses, whatever happens to its score during the era (S29).
	pub multiplier: u16,
}

/// The open claims on a provider's stake of one era (see [`crate::exposure`]).
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct OpenClaims {
	/// Slashes pending or held for offences of the era.
	pub slashes: u32,
	/// Work a market assigned in the era and that is still open.
	pub work: u32,
}
