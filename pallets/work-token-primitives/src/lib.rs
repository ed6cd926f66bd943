//! The seams between the work-token pallets.
//!
//! Three pallets make a work-token network; each is usable without the others where that makes
//! sense, and they meet only through the traits of this crate:
//!
//! | trait | implemented by | used by | what crosses |
//! |---|---|---|---|
//! | [`WorkProviders`] | `pallet-work-token` | `pallet-work-market` | who may be drawn and with what weight, collateral, claims on stake while work is open, job fees, offences the market found |
//! | [`MarketSignals`] | `pallet-work-market` (or `()`) | `pallet-work-token` | each provider's performance multiplier, demand, stake that backs open work |
//! | [`Resolver`]`<SlashId, DisputeCase>` | a court, or [`ResolvedByOrigin`] | `pallet-work-token` | a disputed slash opens a case; the resolver answers through `Verdicts<SlashId, Verdict>` |
//! | [`Verdicts`]`<SlashId, Verdict>` | `pallet-work-token` | the resolver | the verdict on a disputed slash |
//! | [`Resolver`]`<JobId, ChallengeCase>` | a court, or [`ResolvedByOrigin`] | `pallet-work-market` | a challenged job opens a case; the resolver answers through `Verdicts<JobId, bool>` |
//! | [`Verdicts`]`<JobId, bool>` | `pallet-work-market` | the resolver | the verdict on a challenged job (`true`: upheld) |
//! | [`ForfeitSink`] | a court, or [`ResolvedByOrigin`] (none) | `pallet-work-token` | a bond the loser forfeits by the resolver's verdict, paid to the resolver's jurors |
//! | [`StakeRelations`] | `pallet-work-token` | a court | whether an account backs the accused (is a party to its case) |
//!
//! A chain whose work is verified elsewhere (a Livepeer-like network) takes the work token with
//! `type Market = ()`: every provider has a neutral multiplier, demand is zero and nothing backs
//! open work.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::{DispatchResult, Perbill, Weight};

/// Index of a work-token era. An era is `EraLength` blocks; era 0 starts at genesis.
pub type EraIndex = u32;

/// Identifier of a reported slash, assigned in report order from 0.
pub type SlashId = u32;

/// Identifier of a job, assigned in submission order from 0.
pub type JobId = u64;

/// How grave an offence is. Each severity has a governance-set fraction.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum Severity {
	/// Hits the provider's own stake only.
	Minor,
	/// Hits own stake first, then the pool up to its fraction; jails the provider.
	Major,
	/// Hits own stake and the pool at its fraction; jails and tombstones the provider.
	Critical,
}

/// A decision on a disputed slash.
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
pub enum Verdict {
	/// The slash applies as reported; the dispute bond is slashed, the report bond returned.
	Uphold,
	/// The slash is dropped; the report bond is slashed, the dispute bond returned.
	Overturn,
	/// The slash applies at this fraction of its locked amounts (e.g. 50% halves it); both
	/// bonds are returned.
	Reduce(Perbill),
}

/// What the work market needs from the work token.
pub trait WorkProviders<AccountId, Balance, Hash, BlockNumber> {
	/// The providers that may be drawn for work this era, with the weight of each draw
	/// (effective stake), in a fixed order.
	fn draw_weights() -> Vec<(AccountId, u128)>;

	/// Whether `who` takes work now: registered, not leaving, jailed, suspended or tombstoned.
	fn takes_work(who: &AccountId) -> bool;

	/// `who`'s bonded self-stake: the collateral that backs its open work.
	fn collateral(who: &AccountId) -> Balance;

	/// The current era.
	fn current_era() -> EraIndex;

	/// The era block `block` belongs to.
	fn era_of(block: BlockNumber) -> EraIndex;

	/// Opens a claim on the stake `who` had bonded in `era` (work assigned in that era): it
	/// cannot be withdrawn, and later joiners wait, until [`Self::release`].
	fn expose(who: &AccountId, era: EraIndex);

	/// Closes a claim opened with [`Self::expose`].
	fn release(who: &AccountId, era: EraIndex);

	/// The account that collects the fees providers earn until they are split.
	fn fee_account() -> AccountId;

	/// Credits `amount`, already moved into [`Self::fee_account`], to `who`'s fees of this era:
	/// they are split between it and its delegators by whole-era stake when the era ends.
	fn credit_fees(who: &AccountId, amount: Balance);

	/// Reports an offence the market found itself (a missed deadline, an upheld challenge),
	/// dated to the era of the work; `reporter` is rewarded like any reporter. Market
	/// incidents have a key space of their own, so no report can pre-empt them.
	fn report_offence(
		reporter: Option<AccountId>,
		who: &AccountId,
		severity: Severity,
		offence_era: EraIndex,
		evidence: Hash,
	) -> DispatchResult;

	/// Benchmarks: a funded provider that takes work from now on (drawn, if drawn alone, for
	/// any job the market's benchmarks submit), whose offences reach as far as any provider's
	/// can (delegators and unbonding pools at risk). `index` tells providers apart.
	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_provider(index: u32) -> AccountId;

	/// Benchmarks: fills the providers that may be drawn up to the most there can be.
	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_fill_providers();

	/// Benchmarks: moves the current era on by `eras`, without the era transitions.
	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_advance_eras(eras: EraIndex);

	/// Benchmarks: eras back an offence may still be reported.
	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_report_window() -> EraIndex;
}

/// What the work token learns from a market about its providers.
pub trait MarketSignals<AccountId, Balance> {
	/// `who`'s performance multiplier of effective stake, in percent (100 is neutral).
	fn multiplier(who: &AccountId) -> u16;

	/// Jobs submitted since the last call (the demand of the era that ends); resets the count.
	fn take_demand() -> u32;

	/// The self-stake `who` must keep bonded for its open work.
	fn collateral_in_use(who: &AccountId) -> Balance;

	/// `who`'s open jobs (a provider with any cannot deregister).
	fn open_work(who: &AccountId) -> u32;
}

/// No market: neutral multipliers, no demand, no open work.
impl<AccountId, Balance: Default> MarketSignals<AccountId, Balance> for () {
	fn multiplier(_: &AccountId) -> u16 {
		100
	}
	fn take_demand() -> u32 {
		0
	}
	fn collateral_in_use(_: &AccountId) -> Balance {
		Balance::default()
	}
	fn open_work(_: &AccountId) -> u32 {
		0
	}
}

/// A disputed slash, as a resolver sees it.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
pub struct DisputeCase<AccountId, Balance> {
	/// The slash.
	pub id: SlashId,
	/// The accused provider.
	pub provider: AccountId,
	/// Who reported it (`None`: a trusted origin or the market).
	pub reporter: Option<AccountId>,
	/// Severity reported.
	pub severity: Severity,
	/// Era of the offence.
	pub offence_era: EraIndex,
	/// Locked amount from the provider's own stake.
	pub own: Balance,
	/// Locked amount from its delegators.
	pub pool: Balance,
}

/// A challenged job, as a resolver sees it.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
pub struct ChallengeCase<AccountId, Balance> {
	/// The job.
	pub id: JobId,
	/// Who challenged (the client).
	pub client: AccountId,
	/// The provider whose result is challenged.
	pub provider: AccountId,
	/// The job's fee.
	pub fee: Balance,
	/// The era the result was delivered in.
	pub delivered_era: EraIndex,
}

/// Who decides contested cases: disputed slashes (`Resolver<SlashId, DisputeCase<..>>`, asked
/// by the work token) and challenged jobs (`Resolver<JobId, ChallengeCase<..>>`, asked by the
/// market). The pallet that owns a case tells the resolver when it opens and when it is over;
/// the resolver answers through the owner's [`Verdicts`].
pub trait Resolver<Id, Case> {
	/// A case opened (a slash was disputed, a job challenged). An error fails the call that
	/// opened it.
	fn open(case: Case) -> DispatchResult;

	/// Case `id` is over, with a verdict or without one (cancelled, superseded, timed out,
	/// lapsed): the resolver drops it. Called after every case ends, also from inside
	/// [`Verdicts::decide`]; a resolver must not call back into the owner from it.
	fn close(id: Id);

	/// The most [`Self::open`] costs; the owner charges it to the call that opens a case.
	fn open_weight() -> Weight {
		Weight::zero()
	}

	/// The most [`Self::close`] costs; the owner charges it wherever a case may end.
	fn close_weight() -> Weight {
		Weight::zero()
	}
}

/// How a resolver hands its verdict on case `Id` to the pallet that owns the case: the work
/// token takes a [`Verdict`] on a disputed slash (`Verdicts<SlashId, Verdict>`); the market
/// takes `upheld: bool` on a challenged job (`Verdicts<JobId, bool>`, `true`: the result was
/// faulty).
pub trait Verdicts<Id, V> {
	/// Decides case `id`.
	fn decide(id: Id, verdict: V) -> DispatchResult;

	/// The most [`Self::decide`] costs; the resolver charges it where it decides.
	fn decide_weight() -> Weight;
}

/// Where a bond that a party forfeits by a resolver's verdict goes: a court pays it to the
/// jurors who decided the case.
pub trait ForfeitSink<AccountId, Balance, Id> {
	/// A party of case `id` forfeits `amount` by the resolver's verdict, which the owner is
	/// applying. Returns the account to pay it to (the resolver then counts it as the case's),
	/// or `None` for the owner's usual sink.
	fn forfeit_to(id: Id, amount: Balance) -> Option<AccountId>;
}

/// Cases are decided by a configured origin calling `resolve_dispute` or
/// `resolve_challenge`: nothing to open or close, and forfeited bonds go where the owner sends
/// them.
pub struct ResolvedByOrigin;
impl<Id, Case> Resolver<Id, Case> for ResolvedByOrigin {
	fn open(_: Case) -> DispatchResult {
		Ok(())
	}
	fn close(_: Id) {}
}
impl<AccountId, Balance, Id> ForfeitSink<AccountId, Balance, Id> for ResolvedByOrigin {
	fn forfeit_to(_: Id, _: Balance) -> Option<AccountId> {
		None
	}
}

/// Who backs whom: a court must not seat a delegator of the accused.
pub trait StakeRelations<AccountId> {
	/// Whether `who` has stake with `provider` (a delegation, entering or bonded).
	fn backs(who: &AccountId, provider: &AccountId) -> bool;
}
