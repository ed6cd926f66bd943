//! Entering a pool (S10, S14, S30): joiners never pay for the past and never earn for it.
//!
//! Tokens delegated in era `e` do not buy shares at once. They wait in an **entry cohort**
//! ([`EntryCohort`]) of the pool: not at risk, not earning, not counted in effective stake.
//! At the first era boundary at which
//! - every offence committed before `e` is too old to report (`e + ReportWindow` has
//!   started, and at least one boundary has passed), and
//! - no claim of era `e` or older is open on the provider (see [`crate::exposure`]): no open
//!   job whose offence could be dated to an era before they were at risk,
//! - no slash is pending (or held) against the provider at all: its amounts were locked from
//!   the stake at risk without these tokens, so they must not share its cut, and
//! - the provider still serves its pool (not deregistered, jailed, suspended or tombstoned),
//!
//! the whole cohort buys shares at the pool's rate in one step. From then on the shares are at
//! risk and earn like every other share: for the whole era that just began, so the era reward
//! and the job fees of that era are split over them (S29). Each position collects its part of
//! the conversion lazily, the next time it is touched, from a [`Conversion`] record; the last
//! position to collect takes whatever rounding left, so the pool's shares always equal the sum
//! of its positions' shares.
//!
//! A pool keeps at most [`MAX_ENTRY_COHORTS`] cohorts. When they are all waiting, new tokens
//! join the newest cohort and move its era forward to the current one: that can only delay its
//! entry, never expose it to an older offence. Waiting tokens can be taken back at once by
//! `undelegate`, since they were never at risk.
//!
//! Everything here is O(1) per position and per pool: no loop over delegators.

use crate::{
	types::{from_u128, to_u128},
	BalanceOf, CohortId, Config, Conversion, Conversions, CurrentEra, Delegation, DelegationPool,
	EntryCohort, EraIndex, Error, Event, Pallet, ShareBook,
};
use frame_support::traits::Get;
use sp_runtime::{
	traits::{Saturating, Zero},
	Rounding,
};

/// Whether a cohort of `cohort_era` may enter at the boundary that starts era `now`, as far
/// as the report window goes.
pub(crate) fn past_report_window<T: Config>(cohort_era: EraIndex, now: EraIndex) -> bool {
	now >= cohort_era.saturating_add(T::ReportWindow::get().max(1))
}

impl<T: Config> Pallet<T> {
	/// Puts `amount` of `delegation`'s new tokens into the pool's entry cohort of this era
	/// (see the module docs for a full queue).
	pub(crate) fn join_entry(
		delegation: &mut Delegation<T>,
		pool: &mut DelegationPool<T>,
		amount: BalanceOf<T>,
	) -> Result<(), Error<T>> {
		let now = CurrentEra::<T>::get();
		let newest_is_now = pool.entering.last().is_some_and(|c| c.era == now);
		if !newest_is_now && !pool.entering.is_full() {
			let id = pool.next_cohort;
			pool.next_cohort = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
			let cohort = EntryCohort { id, era: now, tokens: Zero::zero(), positions: 0 };
			pool.entering.try_push(cohort).map_err(|_| Error::<T>::Overflow)?;
		}
		let cohort = pool.entering.last_mut().ok_or(Error::<T>::Overflow)?;
		cohort.era = now;
		cohort.tokens = cohort.tokens.saturating_add(amount);
		match delegation.entering.iter_mut().find(|(id, _)| *id == cohort.id) {
			Some((_, tokens)) => *tokens = tokens.saturating_add(amount),
			None => {
				delegation
					.entering
					.try_push((cohort.id, amount))
					.map_err(|_| Error::<T>::Overflow)?;
				cohort.positions = cohort.positions.saturating_add(1);
			}
		}
		Ok(())
	}

	/// Takes up to `amount` of `delegation`'s waiting tokens back out of their cohorts, newest
	/// first. Returns what was taken.
	pub(crate) fn leave_entry(
		delegation: &mut Delegation<T>,
		pool: &mut DelegationPool<T>,
		amount: BalanceOf<T>,
	) -> BalanceOf<T> {
		let mut left = amount;
		for (id, tokens) in delegation.entering.iter_mut().rev() {
			if left.is_zero() {
				break;
			}
			let take = left.min(*tokens);
			*tokens = tokens.saturating_sub(take);
			left = left.saturating_sub(take);
			match pool.entering.iter_mut().find(|c| c.id == *id) {
				Some(cohort) => {
					cohort.tokens = cohort.tokens.saturating_sub(take);
					if tokens.is_zero() {
						cohort.positions = cohort.positions.saturating_sub(1);
					}
				}
				None => {
					frame_support::defensive!("a waiting position's cohort is missing");
				}
			}
		}
		delegation.entering.retain(|(_, tokens)| !tokens.is_zero());
		pool.entering.retain(|c| c.positions > 0);
		amount.saturating_sub(left)
	}

	/// Tokens of `delegation` still waiting to enter.
	pub fn entering_tokens(delegation: &Delegation<T>) -> BalanceOf<T> {
		delegation
			.entering
			.iter()
			.fold(Zero::zero(), |acc: BalanceOf<T>, (_, tokens)| acc.saturating_add(*tokens))
	}

	/// Tokens of `pool` waiting to enter.
	pub fn pool_entering_tokens(pool: &DelegationPool<T>) -> BalanceOf<T> {
		pool.entering.iter().fold(Zero::zero(), |acc: BalanceOf<T>, c| acc.saturating_add(c.tokens))
	}

	/// At the boundary that starts era `now`: converts every cohort of `provider`'s pool that
	/// may enter (oldest first, stopping at the first that may not). Returns the number of
	/// cohorts converted.
	pub(crate) fn convert_entry_cohorts(
		provider: &T::AccountId,
		pool: &mut DelegationPool<T>,
		now: EraIndex,
	) -> u32 {
		let mut converted = 0u32;
		let settled = crate::Offences::<T>::get(provider)
			.is_none_or(|record| record.pending == 0 && record.fallbacks == 0);
		if !settled || !Self::takes_work(provider) {
			return converted;
		}
		while let Some(cohort) = pool.entering.first().cloned() {
			let may_enter = past_report_window::<T>(cohort.era, now)
				&& !Self::exposed_up_to(provider, cohort.era);
			if !may_enter || !Self::convert_cohort(provider, pool, &cohort) {
				break;
			}
			pool.entering.remove(0);
			converted = converted.saturating_add(1);
		}
		converted
	}

	/// Buys shares for `cohort` at the pool's rate and records the conversion. False (and
	/// nothing changed) when the pool cannot take deposits (slashed to nothing with shares
	/// left: see `kick`).
	fn convert_cohort(
		provider: &T::AccountId,
		pool: &mut DelegationPool<T>,
		cohort: &EntryCohort<BalanceOf<T>>,
	) -> bool {
		let mut book = pool.pool();
		let Ok(minted) = book.deposit(to_u128::<T>(cohort.tokens)) else { return false };
		pool.set_pool(book);
		let record = Conversion {
			tokens_left: cohort.tokens,
			shares_left: from_u128::<T>(minted),
			positions_left: cohort.positions,
			reward_per_share: pool.reward_per_share,
		};
		Conversions::<T>::insert(provider, cohort.id, record);
		Self::deposit_event(Event::EntryConverted {
			provider: provider.clone(),
			cohort: cohort.id,
			tokens: cohort.tokens,
			shares: from_u128::<T>(minted),
		});
		true
	}

	/// Collects the shares of every converted cohort of `delegation` (which must be settled
	/// against `pool` first): the shares, and what they earned since their conversion.
	pub(crate) fn collect_entries(
		provider: &T::AccountId,
		delegation: &mut Delegation<T>,
		pool: &DelegationPool<T>,
	) {
		let waiting = |id: &CohortId| pool.entering.iter().any(|c| c.id == *id);
		let mut collected: BalanceOf<T> = Zero::zero();
		let mut earned: BalanceOf<T> = Zero::zero();
		for (id, tokens) in delegation.entering.iter().filter(|(id, _)| !waiting(id)) {
			let (shares, since) = Self::take_conversion(provider, *id, *tokens);
			collected = collected.saturating_add(shares);
			let gained = crate::rewards::earned(to_u128::<T>(shares), since, pool.reward_per_share);
			earned = earned.saturating_add(from_u128::<T>(gained));
		}
		delegation.entering.retain(|(id, _)| waiting(id));
		delegation.shares = delegation.shares.saturating_add(collected);
		delegation.unclaimed = delegation.unclaimed.saturating_add(earned);
	}

	/// What [`Self::collect_entries`] would add to `delegation`'s shares and rewards, without
	/// changing anything.
	pub(crate) fn uncollected_entries(
		provider: &T::AccountId,
		delegation: &Delegation<T>,
		pool: &DelegationPool<T>,
	) -> (BalanceOf<T>, BalanceOf<T>) {
		let waiting = |id: &CohortId| pool.entering.iter().any(|c| c.id == *id);
		let mut shares_total: BalanceOf<T> = Zero::zero();
		let mut earned: BalanceOf<T> = Zero::zero();
		for (id, tokens) in delegation.entering.iter().filter(|(id, _)| !waiting(id)) {
			let Some(record) = Conversions::<T>::get(provider, id) else { continue };
			let shares = Self::share_of_conversion(&record, *tokens);
			shares_total = shares_total.saturating_add(shares);
			let gained = crate::rewards::earned(
				to_u128::<T>(shares),
				record.reward_per_share,
				pool.reward_per_share,
			);
			earned = earned.saturating_add(from_u128::<T>(gained));
		}
		(shares_total, earned)
	}

	/// The shares `tokens` of a cohort get from its conversion: pro rata to what is left, all
	/// of it for the last position.
	fn share_of_conversion(
		record: &Conversion<BalanceOf<T>>,
		tokens: BalanceOf<T>,
	) -> BalanceOf<T> {
		if record.positions_left <= 1 {
			return record.shares_left;
		}
		let shares = crate::shares::mul_div(
			to_u128::<T>(tokens),
			to_u128::<T>(record.shares_left),
			to_u128::<T>(record.tokens_left),
			Rounding::Down,
		)
		.unwrap_or(0);
		from_u128::<T>(shares).min(record.shares_left)
	}

	/// Takes one position's part of conversion `id`, removing the record with its last
	/// position. Returns the shares and the reward per share they earn from.
	fn take_conversion(
		provider: &T::AccountId,
		id: CohortId,
		tokens: BalanceOf<T>,
	) -> (BalanceOf<T>, sp_runtime::FixedU128) {
		let Some(mut record) = Conversions::<T>::get(provider, id) else {
			frame_support::defensive!("a converted cohort has no conversion record");
			return (Zero::zero(), Default::default());
		};
		let shares = Self::share_of_conversion(&record, tokens);
		let since = record.reward_per_share;
		record.positions_left = record.positions_left.saturating_sub(1);
		if record.positions_left == 0 {
			Conversions::<T>::remove(provider, id);
		} else {
			record.shares_left = record.shares_left.saturating_sub(shares);
			record.tokens_left = record.tokens_left.saturating_sub(tokens);
			Conversions::<T>::insert(provider, id, record);
		}
		(shares, since)
	}

	/// At genesis: every delegation enters its pool at once and every position holds its
	/// shares (the genesis market is live from block 0, and no offence can predate genesis).
	pub(crate) fn enter_genesis_delegations() {
		let providers: alloc::vec::Vec<T::AccountId> = crate::Pools::<T>::iter_keys().collect();
		for provider in &providers {
			let Some(mut pool) = crate::Pools::<T>::get(provider) else { continue };
			while let Some(cohort) = pool.entering.first().cloned() {
				if !Self::convert_cohort(provider, &mut pool, &cohort) {
					break;
				}
				pool.entering.remove(0);
			}
			crate::Pools::<T>::insert(provider, pool);
		}
		let positions: alloc::vec::Vec<_> = crate::Delegations::<T>::iter().collect();
		for (delegator, provider, mut delegation) in positions {
			let Some(pool) = crate::Pools::<T>::get(&provider) else { continue };
			Self::settle(&provider, &mut delegation, &pool);
			crate::Delegations::<T>::insert(&delegator, &provider, delegation);
		}
	}
}
