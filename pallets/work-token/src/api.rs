//! Derived, read-only views of the pallet's state for the `WorkTokenApi` runtime API (S23).
//! Nothing here writes storage.

use crate::{
	BalanceOf, Config, CurrentEra, Delegations, EraIndex, EraStartBlock, Incidents, InflationRate,
	Ledgers, MinProviderStake, Offences, Pallet, PendingSlashes, Pools, ProviderCount, Providers,
	RewardsUnclaimed, Severity, ShareBook, SlashId, Tombstones, TotalDelegated, TotalStaked,
	UnbondingPools,
};
use alloc::vec::Vec;
use codec::{Decode, Encode};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;
use sp_runtime::{traits::Saturating, Perbill};
use work_token_primitives::MarketSignals;

/// Most pending slashes of one provider the runtime API lists (it reads storage off-chain,
/// but a node answering it should not be made to read without bound).
pub const MAX_PENDING_SLASHES_SHOWN: usize = 256;

/// A provider as polkadot.js users want to see it.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
pub struct ProviderSummary<Balance> {
	/// Current commission.
	pub commission: Perbill,
	/// A scheduled commission increase and the era it takes effect in.
	pub pending_commission: Option<(Perbill, EraIndex)>,
	/// Era of registration.
	pub registered_era: EraIndex,
	/// Bonded self-stake.
	pub self_stake: Balance,
	/// Self-stake that is unbonding.
	pub self_unbonding: Balance,
	/// Self-stake that earns rewards this era.
	pub earning_self_stake: Balance,
	/// Bonded delegated tokens in the provider's pool.
	pub delegated: Balance,
	/// Shares outstanding in the pool.
	pub delegated_shares: Balance,
	/// Delegators with a position in the pool.
	pub delegators: u32,
	/// The pool's minimum delegation.
	pub min_delegation: Balance,
	/// Jailed until this era (then `unjail`), if jailed.
	pub jailed_until: Option<EraIndex>,
	/// Suspended by a disputed slash waiting for its verdict (treated as jailed).
	pub suspended: bool,
	/// Deregistered: unbonding everything, taking no new work or delegations.
	pub leaving: bool,
	/// Job fees earned this era, split at its end by whole-era stake.
	pub unsplit_fees: Balance,
	/// Delegated tokens waiting to enter the pool (not at risk, not earning).
	pub entering: Balance,
	/// Tombstoned by a Critical slash: can never work again.
	pub tombstoned: bool,
	/// Slashes pending against the provider.
	pub pending_slashes: u32,
	/// Performance multiplier of effective stake, in percent, as the market reports it (100
	/// without a market).
	pub multiplier: u16,
	/// Whether it is in the current active set (false from the block it is jailed,
	/// suspended, tombstoned or deregistered in).
	pub active: bool,
	/// Whether it is chilled.
	pub chilled: bool,
}

/// A member of the active set and its chance of being drawn for a job.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
pub struct ActiveProviderSummary<AccountId> {
	/// The provider.
	pub provider: AccountId,
	/// Effective stake: (self-stake + delegated) × reputation multiplier.
	pub effective_stake: u128,
	/// Probability that the next job is assigned to it (before capacity checks).
	pub selection_probability: Perbill,
}

/// A pending slash and its windows, for the accused, its delegators and the reporter.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
pub struct SlashSummary<AccountId, Balance> {
	/// Slash id, for `dispute_slash`, `resolve_dispute`, `cancel_slash`, `apply_slash`.
	pub id: SlashId,
	/// Who reported it (`None`: an unsigned trusted origin).
	pub reporter: Option<AccountId>,
	/// Severity reported.
	pub severity: Severity,
	/// Fraction after escalation.
	pub fraction: Perbill,
	/// Era of the offence.
	pub offence_era: EraIndex,
	/// Locked amount from the provider's own stake.
	pub own: Balance,
	/// Locked amount from the delegators.
	pub pool: Balance,
	/// Whether the accused disputed it and the verdict is still open.
	pub disputed: bool,
	/// The share of it to apply, when a verdict came before its window ended.
	pub decided: Option<Perbill>,
	/// Whether it suspends the provider (disputed Major or Critical past its window).
	pub suspends: bool,
	/// First era in which it applies if undisputed (the dispute window's end).
	pub dispute_window_end: EraIndex,
	/// First era in which it applies as reported if disputed and unresolved.
	pub dispute_timeout: EraIndex,
}

/// One delegation position's value.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
pub struct DelegationSummary<Balance> {
	/// Shares held (including those of converted entry cohorts not yet collected).
	pub shares: Balance,
	/// What the shares are worth now.
	pub value: Balance,
	/// Tokens waiting to enter the pool: not at risk, not earning, and withdrawable at once.
	pub entering: Balance,
	/// Rewards claimable now (settled and unsettled).
	pub pending_rewards: Balance,
	/// Unbonding chunks: `(unlock_era, value now)`.
	pub unbonding: Vec<(EraIndex, Balance)>,
	/// Whether rewards are re-delegated.
	pub auto_compound: bool,
}

/// The pallet's era and economy at a glance.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
pub struct EraSummary<Balance, BlockNumber> {
	/// Current era.
	pub era: EraIndex,
	/// Block the era started at.
	pub start_block: BlockNumber,
	/// Annual inflation rate in force.
	pub inflation: Perbill,
	/// Emission the current era will mint at the current rate and issuance.
	pub era_emission: Balance,
	/// Current minimum provider stake.
	pub min_provider_stake: Balance,
	/// Registered providers.
	pub providers: u32,
	/// Provider stake on hold.
	pub total_staked: Balance,
	/// Delegated tokens (bonded and unbonding).
	pub total_delegated: Balance,
	/// Rewards minted for delegators and not claimed yet.
	pub rewards_unclaimed: Balance,
	/// Balance of the treasury (zero when the runtime has none).
	pub treasury_balance: Balance,
	/// Protocol revenue that arrived in the treasury in the current era so far.
	pub treasury_income: Balance,
	/// Protocol revenue that arrived in the treasury in the previous era.
	pub treasury_income_last_era: Balance,
}

impl<T: Config> Pallet<T> {
	/// Summary of `provider`, if registered.
	pub fn provider_summary(provider: &T::AccountId) -> Option<ProviderSummary<BalanceOf<T>>> {
		let info = Providers::<T>::get(provider)?;
		let ledger = Ledgers::<T>::get(provider)?;
		let pool = Pools::<T>::get(provider)?;
		let record = Offences::<T>::get(provider);
		Some(ProviderSummary {
			commission: info.commission,
			pending_commission: info.pending_commission,
			registered_era: info.registered_era,
			self_stake: ledger.active,
			self_unbonding: ledger.unlocking_total(),
			earning_self_stake: ledger.earning,
			delegated: pool.tokens,
			delegated_shares: pool.shares,
			delegators: pool.delegators,
			min_delegation: pool.min_delegation,
			jailed_until: info.jailed_until,
			suspended: record.as_ref().is_some_and(|r| r.suspensions > 0),
			leaving: info.leaving,
			unsplit_fees: pool.unsplit_fees,
			entering: Self::pool_entering_tokens(&pool),
			tombstoned: Tombstones::<T>::contains_key(provider),
			pending_slashes: record.map(|r| r.pending).unwrap_or(0),
			multiplier: T::Market::multiplier(provider),
			active: Self::in_active_set(provider),
			chilled: info.chilled,
		})
	}

	/// The active set, highest effective stake first, with selection probabilities.
	pub fn active_set_summary() -> Vec<ActiveProviderSummary<T::AccountId>> {
		Self::selection_probabilities()
			.into_iter()
			.map(|(provider, selection_probability, effective_stake)| ActiveProviderSummary {
				provider,
				effective_stake,
				selection_probability,
			})
			.collect()
	}

	/// The slashes pending against `provider`, oldest first (at most
	/// [`MAX_PENDING_SLASHES_SHOWN`]).
	pub fn pending_slashes_of(
		provider: &T::AccountId,
	) -> Vec<SlashSummary<T::AccountId, BalanceOf<T>>> {
		let mut ids: Vec<SlashId> =
			Incidents::<T>::iter_prefix_values(provider).take(MAX_PENDING_SLASHES_SHOWN).collect();
		ids.sort_unstable();
		ids.into_iter()
			.filter_map(|id| {
				let slash = PendingSlashes::<T>::get(id)?;
				Some(SlashSummary {
					id,
					reporter: slash.reporter,
					severity: slash.severity,
					fraction: slash.fraction,
					offence_era: slash.offence_era,
					own: slash.own,
					pool: slash.pool,
					disputed: slash.dispute_bond.is_some(),
					decided: slash.decided,
					suspends: slash.suspends,
					dispute_window_end: Self::dispute_end(slash.reported_era),
					dispute_timeout: Self::dispute_timeout(slash.reported_era),
				})
			})
			.collect()
	}

	/// Value, pending rewards and unbonding chunks of `delegator`'s position with `provider`.
	pub fn delegation_summary(
		delegator: &T::AccountId,
		provider: &T::AccountId,
	) -> Option<DelegationSummary<BalanceOf<T>>> {
		let delegation = Delegations::<T>::get(delegator, provider)?;
		let pool = Pools::<T>::get(provider)?;
		let unbonding = delegation
			.unbonding
			.iter()
			.map(|chunk| {
				let value = UnbondingPools::<T>::get(provider, chunk.unlock_era)
					.map(|p| p.value_of(chunk.shares))
					.unwrap_or_default();
				(chunk.unlock_era, value)
			})
			.collect();
		let (collectable, _) = Self::uncollected_entries(provider, &delegation, &pool);
		let shares = delegation.shares.saturating_add(collectable);
		let waiting = |id: &crate::CohortId| pool.entering.iter().any(|c| c.id == *id);
		let entering = delegation
			.entering
			.iter()
			.filter(|(id, _)| waiting(id))
			.fold(BalanceOf::<T>::default(), |acc, (_, t)| acc.saturating_add(*t));
		Some(DelegationSummary {
			shares,
			value: pool.value_of(shares),
			entering,
			pending_rewards: Self::pending_rewards(provider, &delegation, &pool),
			unbonding,
			auto_compound: delegation.auto_compound,
		})
	}
	/// The current era and economy.
	pub fn era_summary() -> EraSummary<BalanceOf<T>, BlockNumberFor<T>> {
		let (treasury_income, treasury_income_last_era) = Self::treasury_income();
		EraSummary {
			era: CurrentEra::<T>::get(),
			start_block: EraStartBlock::<T>::get(),
			inflation: InflationRate::<T>::get(),
			era_emission: Self::era_emission(),
			min_provider_stake: MinProviderStake::<T>::get(),
			providers: ProviderCount::<T>::get(),
			total_staked: TotalStaked::<T>::get(),
			total_delegated: TotalDelegated::<T>::get(),
			rewards_unclaimed: RewardsUnclaimed::<T>::get(),
			treasury_balance: Self::treasury_balance(),
			treasury_income,
			treasury_income_last_era,
		}
	}
}
