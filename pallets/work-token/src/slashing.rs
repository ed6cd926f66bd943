//! Graduated slashing (S15, S16, S19): reporting an offence, computing and locking its amount
//! with the severity waterfall, and applying it in O(1) in the number of delegators.
//!
//! **Stake at risk** for an offence committed in era `o` is everything that was bonded in `o`
//! and has not become withdrawable since:
//! - the provider's active stake and its unbonding chunks unlocking at or after
//!   `o + UnbondingPeriod` (unbonded in `o` or later, S4);
//! - the delegation pool's tokens and the unbonding pools unlocking at or after
//!   `o + UnbondingPeriod`. There are at most `UnbondingPeriod + 1` such pools, whatever the
//!   number of delegators.
//!
//! **Waterfall** with the (escalated) fraction `f`:
//!
//! | severity | from own stake | from the pool | also |
//! |---|---|---|---|
//! | Minor | `f × own` | nothing | — |
//! | Major | `min(own, f × (own + pool))` | the rest of `f × (own + pool)`, at most `f × pool` | jail |
//! | Critical | `f × own` | `f × pool` | jail, tombstone |
//!
//! A pool is cut by lowering its tokens once, so every share, bonded or unbonding, loses the
//! same fraction: there is no loop over delegators. The slashed tokens leave the chain as one
//! credit: `SlashRewardFraction` of it goes to the reporter (unless the reporter is the
//! provider or one of its delegators) and the rest to `OnSlash`.

use crate::{
	exposure::{at_risk_from, Claim},
	types::{from_u128, to_u128},
	BalanceOf, Config, CreditOf, CurrentEra, Delegations, Error, Event, HashOf, HoldReason,
	Incidents, Ledgers, OffenceRecord, Offences, Pallet, PendingSlash, PendingSlashes, Pools,
	Providers, Severity, ShareBook, SlashFractionsOf, SlashId, SlashQueueState, StakeLedger,
	UnbondingPools,
};
use alloc::vec::Vec;
use frame_support::{
	ensure,
	traits::{
		fungible::{Balanced, Inspect},
		tokens::{imbalance::OnUnbalanced, Fortitude, Preservation},
		Get, Imbalance,
	},
};
use sp_runtime::{
	traits::{Saturating, Zero},
	DispatchError, DispatchResult, Perbill, Rounding,
};

/// The slash fraction after `strikes` earlier offences: `base × (1 + escalation × strikes)`,
/// at most 100%.
pub fn escalated_fraction(base: Perbill, escalation: Perbill, strikes: u32) -> Perbill {
	let one = u64::from(Perbill::one().deconstruct());
	let factor =
		one.saturating_add(u64::from(escalation.deconstruct()).saturating_mul(u64::from(strikes)));
	let parts = u64::from(base.deconstruct()).saturating_mul(factor).checked_div(one).unwrap_or(0);
	Perbill::from_parts(u32::try_from(parts.min(one)).unwrap_or(Perbill::one().deconstruct()))
}

/// Strikes left of `strikes` counted at `last_era`, at `now`, when one decays every
/// `decay_eras` eras (never, when `decay_eras` is zero).
pub fn decayed_strikes(strikes: u32, last_era: u32, now: u32, decay_eras: u32) -> u32 {
	let decayed = now.saturating_sub(last_era).checked_div(decay_eras).unwrap_or(0);
	strikes.saturating_sub(decayed)
}

/// Splits a slash of `fraction` over `own` and `pool` stake at risk by the waterfall (S16).
/// Returns `(from_own, from_pool)`.
pub fn waterfall(severity: Severity, fraction: Perbill, own: u128, pool: u128) -> (u128, u128) {
	match severity {
		Severity::Minor => (fraction.mul_floor(own), 0),
		Severity::Major => {
			let total = fraction.mul_floor(own.saturating_add(pool));
			let from_own = total.min(own);
			let from_pool = total.saturating_sub(from_own).min(fraction.mul_floor(pool));
			(from_own, from_pool)
		}
		Severity::Critical => (fraction.mul_floor(own), fraction.mul_floor(pool)),
	}
}

impl<T: Config> Pallet<T> {
	/// The provider's own stake at risk for an offence in `offence_era`.
	pub(crate) fn own_at_risk(ledger: &StakeLedger<T>, offence_era: u32) -> BalanceOf<T> {
		let from = at_risk_from::<T>(offence_era);
		ledger
			.unlocking
			.iter()
			.filter(|chunk| chunk.unlock_era >= from)
			.fold(ledger.active, |acc, chunk| acc.saturating_add(chunk.value))
	}

	/// Unlock eras of the provider's unbonding pools at risk for an offence in `offence_era`
	/// reported in `reported_era`, with their tokens: those created from the offence until
	/// now, but no later than the dispute timeout, so that the reads are bounded however late a
	/// slash is applied: by `ReportWindow + DisputeWindow + DisputeTimeout + 1` for a report,
	/// `ReportWindow + 2 × (DisputeWindow + DisputeTimeout) + 1` for one restored from under an
	/// overturned report, and by the lifetime of a job in eras for an offence the market found.
	pub(crate) fn unbonding_at_risk(
		provider: &T::AccountId,
		offence_era: u32,
		reported_era: u32,
	) -> Vec<(u32, BalanceOf<T>)> {
		let newest = CurrentEra::<T>::get().min(Self::dispute_timeout(reported_era));
		let last = newest.saturating_add(T::UnbondingPeriod::get());
		(at_risk_from::<T>(offence_era)..=last)
			.filter_map(|era| UnbondingPools::<T>::get(provider, era).map(|p| (era, p.tokens)))
			.collect()
	}

	/// Delegated stake at risk for an offence in `offence_era` reported in `reported_era`:
	/// the pool plus its unbonding pools at risk.
	pub(crate) fn pool_at_risk(
		provider: &T::AccountId,
		offence_era: u32,
		reported_era: u32,
	) -> BalanceOf<T> {
		let bonded = Pools::<T>::get(provider).map(|p| p.tokens).unwrap_or_default();
		Self::unbonding_at_risk(provider, offence_era, reported_era)
			.into_iter()
			.fold(bonded, |acc, (_, tokens)| acc.saturating_add(tokens))
	}

	/// `report_offence`: validates the report, computes and locks the amounts, holds the
	/// bond and stacks the report on its incident (see [`crate::incidents`]). `reporter` is
	/// `None` for an unsigned trusted origin; `bond` is zero for a trusted origin and for the
	/// market. `by_market` is true only for offences the market found itself (a missed
	/// deadline, an upheld challenge): those are dated to the era of the work (S30), which the
	/// job's open claim kept at risk however long ago it was, so the report window does not
	/// apply to them.
	pub(crate) fn do_report_offence(
		reporter: Option<T::AccountId>,
		bond: BalanceOf<T>,
		provider: &T::AccountId,
		severity: Severity,
		offence_era: u32,
		evidence: HashOf<T>,
		by_market: bool,
	) -> Result<SlashId, DispatchError> {
		let now = CurrentEra::<T>::get();
		let info = Providers::<T>::get(provider).ok_or(Error::<T>::NotProvider)?;
		let ledger = Ledgers::<T>::get(provider).ok_or(Error::<T>::NotProvider)?;
		ensure!(reporter.as_ref() != Some(provider), Error::<T>::CannotReportSelf);
		ensure!(offence_era <= now, Error::<T>::OffenceInFuture);
		ensure!(
			by_market || offence_era.saturating_add(T::ReportWindow::get()) >= now,
			Error::<T>::OffenceTooOld
		);
		ensure!(offence_era >= info.registered_era, Error::<T>::OffenceBeforeRegistration);
		let placement = Self::place(provider, (offence_era, evidence, by_market), severity)?;

		let mut record = Self::offence_record(provider);
		let strikes =
			decayed_strikes(record.strikes, record.last_strike_era, now, T::StrikeDecayEras::get());
		let base = SlashFractionsOf::<T>::get().of(severity);
		let fraction = escalated_fraction(base, T::StrikeEscalation::get(), strikes);
		let own_risk = to_u128::<T>(Self::own_at_risk(&ledger, offence_era));
		// A provider with no own stake in the offence era did no work in it; a bonded report
		// of it could only hurt its delegators (the reporter's reward comes from own stake).
		ensure!(bond.is_zero() || own_risk > 0, Error::<T>::NoOwnStakeAtRisk);
		let pool_risk = to_u128::<T>(Self::pool_at_risk(provider, offence_era, now));
		let (own, pool) = waterfall(severity, fraction, own_risk, pool_risk);
		ensure!(own.saturating_add(pool) > 0, Error::<T>::NothingToSlash);

		let mut queue = SlashQueueState::<T>::get();
		let id: SlashId = queue.next_id;
		queue.next_id = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		if let Some(who) = reporter.as_ref().filter(|_| !bond.is_zero()) {
			Self::hold_bond(HoldReason::ReportBond, who, bond)?;
		}
		let slash = PendingSlash::<T> {
			provider: provider.clone(),
			reporter: reporter.clone(),
			report_bond: bond,
			severity,
			fraction,
			offence_era,
			reported_era: now,
			evidence,
			own: from_u128::<T>(own),
			pool: from_u128::<T>(pool),
			dispute_bond: None,
			decided: None,
			suspends: false,
			by_market,
		};
		SlashQueueState::<T>::put(queue);
		Self::deposit_event(Event::OffenceReported {
			id,
			provider: provider.clone(),
			reporter,
			severity,
			offence_era,
			fraction,
			own: from_u128::<T>(own),
			pool: from_u128::<T>(pool),
			dispute_until: Self::dispute_end(now),
		});
		Self::stack_report(id, slash, placement, &mut record);
		Offences::<T>::insert(provider, record);
		Ok(id)
	}

	/// Removes slash `id` from storage and from `record`'s totals (the caller saves the
	/// record), and closes its exposure.
	fn forget_slash(id: SlashId, slash: &PendingSlash<T>, record: &mut OffenceRecord<T>) {
		PendingSlashes::<T>::remove(id);
		Incidents::<T>::remove(&slash.provider, slash.incident());
		Self::close_claim(&slash.provider, slash.offence_era, Claim::Slash);
		record.pending = record.pending.saturating_sub(1);
		record.locked_own = record.locked_own.saturating_sub(slash.own);
		record.locked_pool = record.locked_pool.saturating_sub(slash.pool);
		if slash.suspends {
			record.suspensions = record.suspensions.saturating_sub(1);
		}
	}

	/// `provider`'s offence record, or a clean one.
	pub(crate) fn offence_record(provider: &T::AccountId) -> OffenceRecord<T> {
		Offences::<T>::get(provider).unwrap_or_else(Self::new_offence_record)
	}

	/// Writes `provider`'s offence record, or removes it when it holds nothing worth keeping:
	/// nothing pending and every strike decayed (S32: strikes outlive a registration).
	pub(crate) fn save_offence_record(provider: &T::AccountId, record: OffenceRecord<T>) {
		let now = CurrentEra::<T>::get();
		let standing =
			decayed_strikes(record.strikes, record.last_strike_era, now, T::StrikeDecayEras::get());
		if record.pending == 0 && record.suspensions == 0 && record.fallbacks == 0 && standing == 0
		{
			Offences::<T>::remove(provider);
		} else {
			Offences::<T>::insert(provider, record);
		}
	}

	/// A fresh offence record: no strikes, nothing pending.
	pub(crate) fn new_offence_record() -> OffenceRecord<T> {
		OffenceRecord {
			strikes: 0,
			last_strike_era: 0,
			pending: 0,
			locked_own: Zero::zero(),
			locked_pool: Zero::zero(),
			suspensions: 0,
			fallbacks: 0,
		}
	}

	/// The first era in which a slash reported in `reported_era` is applied.
	pub(crate) fn dispute_end(reported_era: u32) -> u32 {
		reported_era.saturating_add(T::DisputeWindow::get())
	}

	/// The first era in which a disputed slash reported in `reported_era` that the arbiter has
	/// not resolved applies as reported (the timeout rule).
	pub(crate) fn dispute_timeout(reported_era: u32) -> u32 {
		Self::dispute_end(reported_era).saturating_add(T::DisputeTimeout::get())
	}

	/// Takes up to `amount` of `provider`'s own stake at risk for `offence_era`: active stake
	/// first, then the newest unbonding chunks. Returns the credit of what was taken.
	fn slash_own(provider: &T::AccountId, amount: BalanceOf<T>, offence_era: u32) -> CreditOf<T> {
		let Some(mut ledger) = Ledgers::<T>::get(provider) else { return Default::default() };
		let take = amount.min(Self::own_at_risk(&ledger, offence_era));
		if take.is_zero() {
			return Default::default();
		}
		let from_active = take.min(ledger.active);
		ledger.active = ledger.active.saturating_sub(from_active);
		ledger.earning = ledger.earning.min(ledger.active);
		let mut left = take.saturating_sub(from_active);
		let from = at_risk_from::<T>(offence_era);
		for chunk in ledger.unlocking.iter_mut().rev().filter(|c| c.unlock_era >= from) {
			let cut = left.min(chunk.value);
			chunk.value = chunk.value.saturating_sub(cut);
			left = left.saturating_sub(cut);
		}
		ledger.unlocking.retain(|chunk| !chunk.value.is_zero());
		ledger.save_slashed(provider, take)
	}

	/// Cuts up to `amount` from `provider`'s pool and its unbonding pools at risk for
	/// `offence_era`, pro rata to their tokens. Returns the credit of what was taken.
	fn slash_pool(
		provider: &T::AccountId,
		amount: BalanceOf<T>,
		offence_era: u32,
		reported_era: u32,
	) -> CreditOf<T> {
		let Some(mut pool) = Pools::<T>::get(provider) else { return Default::default() };
		let unbonding = Self::unbonding_at_risk(provider, offence_era, reported_era);
		let at_risk = unbonding
			.iter()
			.fold(to_u128::<T>(pool.tokens), |acc, (_, t)| acc.saturating_add(to_u128::<T>(*t)));
		let take = to_u128::<T>(amount).min(at_risk);
		if take == 0 {
			return Default::default();
		}
		let mut taken = 0u128;
		for (era, tokens) in unbonding {
			let cut = crate::shares::mul_div(take, to_u128::<T>(tokens), at_risk, Rounding::Down)
				.unwrap_or(0)
				.min(to_u128::<T>(tokens));
			if cut == 0 {
				continue;
			}
			UnbondingPools::<T>::mutate(provider, era, |p| {
				if let Some(p) = p {
					let (tokens, shares) = p.book();
					p.set_book(tokens.saturating_sub(from_u128::<T>(cut)), shares);
				}
			});
			taken = taken.saturating_add(cut);
		}
		let from_bonded = take.saturating_sub(taken).min(to_u128::<T>(pool.tokens));
		pool.tokens = pool.tokens.saturating_sub(from_u128::<T>(from_bonded));
		taken = taken.saturating_add(from_bonded);
		Pools::<T>::insert(provider, pool);
		Self::burn_delegation(from_u128::<T>(taken))
	}

	/// Applies slash `id` at `keep` of its locked amounts (100% unless reduced by the
	/// arbiter), pays the reporter's share, sends the rest to `OnSlash`, counts the strike and
	/// jails or tombstones by severity. Removes the slash; returns the report bond.
	pub(crate) fn execute_slash(id: SlashId, slash: PendingSlash<T>, keep: Perbill) {
		let provider = slash.provider.clone();
		let own_target = keep.mul_floor(slash.own);
		let pool_target = keep.mul_floor(slash.pool);
		let own_credit = Self::slash_own(&provider, own_target, slash.offence_era);
		let pool_credit =
			Self::slash_pool(&provider, pool_target, slash.offence_era, slash.reported_era);
		let (own, pool) = (own_credit.peek(), pool_credit.peek());
		let mut credit = own_credit.merge(pool_credit);
		let now = CurrentEra::<T>::get();
		Self::deposit_event(Event::SlashApplied { id, provider: provider.clone(), own, pool });

		// The reporter's reward comes from the provider's own stake only: a provider reporting
		// itself through a puppet can never win back more than it lost, and never at its
		// delegators' expense.
		if let Some(reporter) =
			slash.reporter.as_ref().filter(|r| Self::may_be_rewarded(r, &provider))
		{
			let reward = T::SlashRewardFraction::get().mul_floor(own);
			let (paid, rest) = credit.split(reward);
			credit = rest;
			let amount = paid.peek();
			if !amount.is_zero() {
				match T::Currency::resolve(reporter, paid) {
					Ok(()) => Self::deposit_event(Event::ReporterRewarded {
						id,
						reporter: reporter.clone(),
						amount,
					}),
					// The reporter cannot receive it (e.g. below the existential deposit).
					Err(unpaid) => credit = credit.merge(unpaid),
				}
			}
		}
		let rest = credit.peek();
		T::OnSlash::on_unbalanced(credit);
		Self::deposit_event(Event::SlashDeposited { id, amount: rest });
		if let Some(reporter) = slash.reporter.as_ref() {
			Self::release_bond(HoldReason::ReportBond, reporter, slash.report_bond);
		}
		Self::finish_slash(id, &slash);
		Self::discard_fallbacks(id);
		Self::record_strike(&provider, slash.severity, now);
		Self::maybe_remove_provider(&provider);
	}

	/// Whether `reporter` may receive part of a slash of `provider` (S19): never the provider
	/// itself or one of its delegators.
	fn may_be_rewarded(reporter: &T::AccountId, provider: &T::AccountId) -> bool {
		reporter != provider && !Delegations::<T>::contains_key(reporter, provider)
	}

	/// Removes slash `id` from storage, its incident and exposure, and from its provider's
	/// totals. The caller removes the provider if that was all that kept it.
	pub(crate) fn finish_slash(id: SlashId, slash: &PendingSlash<T>) {
		let mut record = Self::offence_record(&slash.provider);
		Self::forget_slash(id, slash, &mut record);
		Self::save_offence_record(&slash.provider, record);
	}

	/// Whether `provider` has any slash pending.
	pub fn has_pending_slash(provider: &T::AccountId) -> bool {
		Offences::<T>::get(provider).is_some_and(|r| r.pending > 0)
	}

	/// Sets the base fractions; they must grow with severity.
	pub(crate) fn do_set_slash_fractions(fractions: crate::SlashFractions) -> DispatchResult {
		ensure!(fractions.is_ordered(), Error::<T>::UnorderedFractions);
		SlashFractionsOf::<T>::put(fractions);
		Self::deposit_event(Event::SlashFractionsSet { fractions });
		Ok(())
	}
}

/// The free balance `who` could put on hold as a bond.
pub(crate) fn spendable<T: Config>(who: &T::AccountId) -> BalanceOf<T> {
	T::Currency::reducible_balance(who, Preservation::Preserve, Fortitude::Polite)
}
