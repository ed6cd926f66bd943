//! The active set (S6) and the dynamic minimum stake (S5), both recomputed at each era
//! boundary. A market draws its providers from the active set, by effective stake
//! ([`work_token_primitives::WorkProviders::draw_weights`]).
//!
//! **Eligible** providers: registered, not leaving, not jailed, suspended or tombstoned, not
//! chilled, with active self-stake at least [`MinProviderStake`]. Their **effective stake** is
//! `(self-stake + delegated tokens) × multiplier`, the multiplier being the market's
//! performance signal (`Config::Market`; 100% without a market). Tokens still waiting to enter a
//! pool do not count.
//!
//! **Active set.** The eligible providers sorted by effective stake, highest first, ties
//! broken by account id (lowest first), cut to the mode's size: all (`Unbounded`), `n`
//! (`Static(n)`), or `ceil(demand / jobs_per_provider)` within `[min, max]` (`Dynamic`), with
//! `demand` the jobs submitted in the era that ended (from the market). Cost: one read of each
//! provider's info, ledger and pool, one multiplier from the market, and a sort: `O(P log P)` for `P` registered providers
//! (at most `MaxProviders`), independent of delegators; declared in `new_era(p)`.
//!
//! **Leaving the set at once (S33).** A provider that is jailed, suspended, tombstoned or
//! deregisters leaves the set in the same block: the set is rewritten without it and its
//! running totals recomputed (`O(n)` for `n` active providers, at most `MaxProviders`).
//!
//! **Selection probability.** The set stores running totals of effective stake; a member's
//! chance of being drawn is its effective stake over the total (shown by the runtime API).
//!
//! **Modes that would stall the market are refused (S34):** `Static(0)`, and `Dynamic` with a
//! minimum of zero (an empty set takes no jobs, so demand would never grow it again).
//!
//! **Minimum stake.** With `target` the mode's size for the demand (for `Unbounded`,
//! `ceil(demand / TargetJobsPerProvider)`, at least 1) and `eligible` the number of eligible
//! providers, the minimum becomes `minimum × eligible / target`, but moves by at most ×0.9
//! down and ×2 up per era, and stays within `[MinStakeFloor, MinStakeCeiling]`. More
//! providers than needed raise the bar; demand that outgrows the providers lowers it.
//! Providers below a raised minimum keep their stake; they are only not eligible.

use crate::{
	ActiveProvider, ActiveSet, ActiveSetMode, ActiveSetModeOf, Config, Error, Event, Ledgers,
	MinProviderStake, Pallet, Pools, Providers,
};
use alloc::vec::Vec;
use frame_support::{traits::Get, BoundedVec};
use sp_runtime::traits::{UniqueSaturatedFrom, UniqueSaturatedInto, Zero};
use work_token_primitives::MarketSignals;

/// The active-set size of `mode` for `demand` jobs and `eligible` providers.
pub fn set_size(mode: ActiveSetMode, demand: u32, eligible: u32) -> u32 {
	let wanted = match mode {
		ActiveSetMode::Unbounded => eligible,
		ActiveSetMode::Static(n) => n,
		ActiveSetMode::Dynamic { min, max, jobs_per_provider } => {
			demand.div_ceil(jobs_per_provider.max(1)).clamp(min, max.max(min))
		}
	};
	wanted.min(eligible)
}

/// The number of providers the market wants for `demand` jobs under `mode` (at least 1).
pub fn target_providers(mode: ActiveSetMode, demand: u32, jobs_per_provider: u32) -> u32 {
	match mode {
		ActiveSetMode::Unbounded => demand.div_ceil(jobs_per_provider.max(1)),
		ActiveSetMode::Static(n) => n,
		ActiveSetMode::Dynamic { min, max, jobs_per_provider } => {
			demand.div_ceil(jobs_per_provider.max(1)).clamp(min, max.max(min))
		}
	}
	.max(1)
}

/// The next minimum stake: `current × eligible / target`, moved by at most ×0.9…×2 and kept
/// within `[floor, ceiling]`.
pub fn next_min_stake(
	current: u128,
	eligible: u32,
	target: u32,
	floor: u128,
	ceiling: u128,
) -> u128 {
	let target = u128::from(target.max(1));
	let wanted =
		crate::shares::mul_div(current, u128::from(eligible), target, sp_runtime::Rounding::Down)
			.unwrap_or(u128::MAX);
	let lowest = current.saturating_sub(current.checked_div(10).unwrap_or(0));
	let highest = current.saturating_mul(2);
	wanted.clamp(lowest, highest.max(lowest)).clamp(floor, ceiling.max(floor))
}

impl<T: Config> Pallet<T> {
	/// Whether `who` may be in the next active set, and its effective stake.
	fn eligibility(who: &T::AccountId, minimum: crate::BalanceOf<T>) -> Option<(u128, u16)> {
		let info = Providers::<T>::get(who)?;
		if info.chilled || info.leaving || Self::is_barred(who) {
			return None;
		}
		let ledger = Ledgers::<T>::get(who)?;
		if ledger.active < minimum || ledger.active.is_zero() {
			return None;
		}
		let delegated = Pools::<T>::get(who).map(|p| p.tokens).unwrap_or_default();
		let stake: u128 = ledger.active.unique_saturated_into();
		let stake = stake.saturating_add(delegated.unique_saturated_into());
		let multiplier = T::Market::multiplier(who);
		Some((
			stake.saturating_mul(u128::from(multiplier)).checked_div(100).unwrap_or(0),
			multiplier,
		))
	}

	/// Recomputes the minimum stake from `demand` (jobs in the era that ended), then the
	/// active set for era `era`.
	pub(crate) fn rotate_active_set(era: crate::EraIndex, demand: u32) {
		Self::update_min_stake(demand);
		Self::rebuild_active_set(era, demand);
	}

	/// Moves the minimum stake toward the number of providers `demand` needs (S5).
	pub(crate) fn update_min_stake(demand: u32) {
		let mode = ActiveSetModeOf::<T>::get();
		let jobs_per_provider = T::TargetJobsPerProvider::get();
		let old_min = MinProviderStake::<T>::get();
		let providers: Vec<T::AccountId> = Providers::<T>::iter_keys().collect();
		let eligible_now =
			providers.iter().filter(|who| Self::eligibility(who, old_min).is_some()).count();
		let eligible_now = u32::try_from(eligible_now).unwrap_or(u32::MAX);
		let target = target_providers(mode, demand, jobs_per_provider);
		let new_min = next_min_stake(
			old_min.unique_saturated_into(),
			eligible_now,
			target,
			T::MinStakeFloor::get().unique_saturated_into(),
			T::MinStakeCeiling::get().unique_saturated_into(),
		);
		let new_min = crate::BalanceOf::<T>::unique_saturated_from(new_min);
		if new_min != old_min {
			MinProviderStake::<T>::put(new_min);
			Self::deposit_event(Event::MinStakeUpdated { old: old_min, new: new_min });
		}
	}

	/// Rebuilds the active set for era `era` from the eligible providers (S6).
	pub(crate) fn rebuild_active_set(era: crate::EraIndex, demand: u32) {
		let mode = ActiveSetModeOf::<T>::get();
		let new_min = MinProviderStake::<T>::get();
		let providers: Vec<T::AccountId> = Providers::<T>::iter_keys().collect();
		let mut eligible: Vec<(T::AccountId, (u128, u16))> = providers
			.into_iter()
			.filter_map(|who| Self::eligibility(&who, new_min).map(|stake| (who, stake)))
			.collect();
		// Highest effective stake first; equal stakes by account id, lowest first.
		eligible.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then_with(|| a.0.cmp(&b.0)));
		let count = u32::try_from(eligible.len()).unwrap_or(u32::MAX);
		let size = set_size(mode, demand, count);
		eligible.truncate(usize::try_from(size).unwrap_or(usize::MAX));
		let mut cumulative = 0u128;
		let set: Vec<ActiveProvider<T>> = eligible
			.into_iter()
			.map(|(who, (effective_stake, multiplier))| {
				cumulative = cumulative.saturating_add(effective_stake);
				ActiveProvider { who, effective_stake, cumulative, multiplier }
			})
			.collect();
		let members: Vec<T::AccountId> = set.iter().map(|p| p.who.clone()).collect();
		// Cannot be truncated: the set is drawn from at most `MaxProviders` providers.
		ActiveSet::<T>::put(BoundedVec::truncate_from(set));
		Self::deposit_event(Event::ActiveSetChanged {
			era,
			providers: BoundedVec::truncate_from(members),
		});
	}

	/// The active set with each provider's probability of being drawn.
	pub fn selection_probabilities() -> Vec<(T::AccountId, sp_runtime::Perbill, u128)> {
		let set = ActiveSet::<T>::get();
		let total = set.last().map(|p| p.cumulative).unwrap_or(0);
		set.into_iter()
			.map(|p| {
				let chance = sp_runtime::Perbill::from_rational(p.effective_stake, total.max(1));
				(p.who, chance, p.effective_stake)
			})
			.collect()
	}

	/// Whether `who` is in the current active set.
	pub fn in_active_set(who: &T::AccountId) -> bool {
		ActiveSet::<T>::get().iter().any(|p| p.who == *who)
	}

	/// Takes `who` out of the active set at once (S33) and recomputes the running totals.
	pub(crate) fn remove_from_active_set(who: &T::AccountId) {
		let mut set = ActiveSet::<T>::get();
		let Some(index) = set.iter().position(|p| p.who == *who) else { return };
		set.remove(index);
		let mut cumulative = 0u128;
		for member in set.iter_mut() {
			cumulative = cumulative.saturating_add(member.effective_stake);
			member.cumulative = cumulative;
		}
		ActiveSet::<T>::put(set);
		Self::deposit_event(Event::LeftActiveSet { provider: who.clone() });
	}

	/// `set_active_set_mode`: refuses modes that could leave the set empty (S34).
	pub(crate) fn do_set_active_set_mode(mode: ActiveSetMode) -> sp_runtime::DispatchResult {
		frame_support::ensure!(is_live_mode(mode), Error::<T>::InvalidActiveSetMode);
		ActiveSetModeOf::<T>::put(mode);
		Self::deposit_event(Event::ActiveSetModeSet { mode });
		Ok(())
	}
}

/// Whether `mode` always keeps at least one eligible provider active (S34).
pub fn is_live_mode(mode: ActiveSetMode) -> bool {
	match mode {
		ActiveSetMode::Unbounded => true,
		ActiveSetMode::Static(n) => n > 0,
		ActiveSetMode::Dynamic { min, max, jobs_per_provider } => {
			min > 0 && min <= max && jobs_per_provider > 0
		}
	}
}
