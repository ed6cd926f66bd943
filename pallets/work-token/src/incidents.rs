//! One incident, one punishment, and no report can erase another (S17, S28).
//!
//! An **incident** is `(provider, offence era, evidence, found by the market?)`. Market
//! incidents (a missed deadline, an upheld challenge) have a key space of their own, so no
//! report can pre-empt one by guessing its evidence hash.
//!
//! Each incident has a **stack** of reports of distinct severities, highest on top. Only the top
//! is pending (in [`PendingSlashes`], disputable, applied when due); the others are held below
//! it in [`Fallbacks`] with their bonds still on hold and their stake still frozen:
//!
//! - a report at a **higher** severity than the top becomes the new top; the old top is held
//!   under it (`SlashSuperseded`);
//! - a report at a **lower** severity is held at its place in the stack (`SlashSuperseded`,
//!   naming the report above it);
//! - a report at a severity already in the stack is a `DuplicateReport`;
//! - when the top **applies**, everything held below it is discarded: bonds returned, no
//!   reward (`FallbackDiscarded`); the incident is punished once, at the severity upheld;
//! - when the top is **overturned or cancelled**, the report below it becomes the top again, with
//!   a new id and a fresh dispute window (`FallbackRestored`).
//!
//! So a puppet's fake report at a higher severity cannot wipe out a true one (overturning the
//! fake restores it), and a fake pending report cannot make a true lower one a duplicate. A
//! stack holds at most three reports (one per severity).

use crate::{
	exposure::Claim, Config, CurrentEra, Error, Event, Fallbacks, HashOf, HoldReason, Incidents,
	OffenceRecord, Offences, Pallet, PendingSlash, PendingSlashes, Severity, SlashId,
	SlashQueueState,
};
use alloc::vec::Vec;
use frame_support::ensure;
use sp_runtime::{traits::Saturating, DispatchError};
use work_token_primitives::Resolver;

/// The key of an incident under its provider: offence era, evidence, found by the market.
pub type IncidentKey<Hash> = (crate::EraIndex, Hash, bool);

/// Where a new report goes in its incident's stack.
pub(crate) enum Placement<T: Config> {
	/// It becomes the top; the current top (if any) is held under it.
	Top { below: Option<(SlashId, PendingSlash<T>)> },
	/// It is held under report `above`.
	Below { above: SlashId },
}

impl<T: Config> PendingSlash<T> {
	/// The key of this slash's incident.
	pub fn incident(&self) -> IncidentKey<HashOf<T>> {
		(self.offence_era, self.evidence, self.by_market)
	}
}

impl<T: Config> Pallet<T> {
	/// The reports of an incident, top first: `(id, slash)`.
	pub(crate) fn incident_stack(
		provider: &T::AccountId,
		key: IncidentKey<HashOf<T>>,
	) -> Vec<(SlashId, PendingSlash<T>)> {
		let mut stack = Vec::new();
		let Some(top) = Incidents::<T>::get(provider, key) else { return stack };
		match PendingSlashes::<T>::get(top) {
			Some(slash) => stack.push((top, slash)),
			None => {
				frame_support::defensive!("an incident points at a finished slash");
				return stack;
			}
		}
		let mut above = top;
		while let Some((id, slash)) = Fallbacks::<T>::get(above) {
			stack.push((id, slash));
			above = id;
			if stack.len() > 3 {
				frame_support::defensive!("an incident stack holds one report per severity");
				break;
			}
		}
		stack
	}

	/// Where a report of `severity` of the incident `key` goes (module docs).
	pub(crate) fn place(
		provider: &T::AccountId,
		key: IncidentKey<HashOf<T>>,
		severity: Severity,
	) -> Result<Placement<T>, DispatchError> {
		let stack = Self::incident_stack(provider, key);
		ensure!(stack.iter().all(|(_, s)| s.severity != severity), Error::<T>::DuplicateReport);
		let higher = stack.iter().filter(|(_, s)| s.severity > severity).count();
		Ok(match higher.checked_sub(1).and_then(|i| stack.get(i)) {
			Some((above, _)) => Placement::Below { above: *above },
			None => Placement::Top { below: stack.into_iter().next() },
		})
	}

	/// Puts the new report `id` in its place. `record` is its provider's (saved by the caller).
	pub(crate) fn stack_report(
		id: SlashId,
		slash: PendingSlash<T>,
		placement: Placement<T>,
		record: &mut OffenceRecord<T>,
	) {
		let provider = slash.provider.clone();
		let key = slash.incident();
		Self::open_claim(&provider, slash.offence_era, Claim::Slash);
		match placement {
			Placement::Top { below } => {
				if let Some((old_id, old)) = below {
					Self::demote(old_id, old, id, record);
				}
				record.pending = record.pending.saturating_add(1);
				record.locked_own = record.locked_own.saturating_add(slash.own);
				record.locked_pool = record.locked_pool.saturating_add(slash.pool);
				Incidents::<T>::insert(&provider, key, id);
				PendingSlashes::<T>::insert(id, slash);
			}
			Placement::Below { above } => {
				if let Some(under) = Fallbacks::<T>::take(above) {
					Fallbacks::<T>::insert(id, under);
				}
				Fallbacks::<T>::insert(above, (id, slash));
				record.fallbacks = record.fallbacks.saturating_add(1);
				Self::deposit_event(Event::SlashSuperseded { id, by: above });
			}
		}
	}

	/// Holds the pending top `old_id` under the new top `by`. A dispute of it rests with it: the
	/// resolver drops the case, and gets it again if the report is restored.
	fn demote(
		old_id: SlashId,
		mut old: PendingSlash<T>,
		by: SlashId,
		record: &mut OffenceRecord<T>,
	) {
		PendingSlashes::<T>::remove(old_id);
		if old.dispute_bond.is_some() {
			T::Disputes::close(old_id);
		}
		record.pending = record.pending.saturating_sub(1);
		record.locked_own = record.locked_own.saturating_sub(old.own);
		record.locked_pool = record.locked_pool.saturating_sub(old.pool);
		if old.suspends {
			record.suspensions = record.suspensions.saturating_sub(1);
			old.suspends = false;
		}
		record.fallbacks = record.fallbacks.saturating_add(1);
		Fallbacks::<T>::insert(by, (old_id, old));
		Self::deposit_event(Event::SlashSuperseded { id: old_id, by });
	}

	/// The top `id` applied: discards the reports held under it (bonds returned, no reward).
	pub(crate) fn discard_fallbacks(id: SlashId) {
		let mut above = id;
		while let Some((below_id, below)) = Fallbacks::<T>::take(above) {
			Self::return_bonds(&below);
			Self::close_claim(&below.provider, below.offence_era, Claim::Slash);
			Offences::<T>::mutate(&below.provider, |record| {
				if let Some(record) = record {
					record.fallbacks = record.fallbacks.saturating_sub(1);
				}
			});
			Self::deposit_event(Event::FallbackDiscarded { id: below_id, by: id });
			above = below_id;
		}
	}

	/// The top `id` was overturned or cancelled: the report held under it becomes the top, with
	/// a new id and a fresh dispute window.
	pub(crate) fn restore_fallback(id: SlashId) {
		let Some((below_id, mut below)) = Fallbacks::<T>::take(id) else { return };
		let mut queue = SlashQueueState::<T>::get();
		let Some(next) = queue.next_id.checked_add(1) else {
			// No id left to give it: it is discarded like a report under an applied slash.
			Fallbacks::<T>::insert(id, (below_id, below));
			Self::discard_fallbacks(id);
			return;
		};
		let fresh = queue.next_id;
		queue.next_id = next;
		SlashQueueState::<T>::put(queue);
		if let Some(under) = Fallbacks::<T>::take(below_id) {
			Fallbacks::<T>::insert(fresh, under);
		}
		below.reported_era = CurrentEra::<T>::get();
		let provider = below.provider.clone();
		let mut record = Self::offence_record(&provider);
		record.fallbacks = record.fallbacks.saturating_sub(1);
		record.pending = record.pending.saturating_add(1);
		record.locked_own = record.locked_own.saturating_add(below.own);
		record.locked_pool = record.locked_pool.saturating_add(below.pool);
		Offences::<T>::insert(&provider, record);
		Incidents::<T>::insert(&provider, below.incident(), fresh);
		if below.dispute_bond.is_some() && T::Disputes::open(Self::case_of(fresh, &below)).is_err()
		{
			// The resolver takes no case: the dispute waits for the origin or its timeout.
			frame_support::defensive!("a restored dispute could not be reopened");
		}
		PendingSlashes::<T>::insert(fresh, below);
		Self::deposit_event(Event::FallbackRestored { id: fresh, was: below_id });
	}

	/// Returns a report's bonds: the reporter's and, if it was disputed, the dispute bond.
	pub(crate) fn return_bonds(slash: &PendingSlash<T>) {
		if let Some(reporter) = slash.reporter.as_ref() {
			Self::release_bond(HoldReason::ReportBond, reporter, slash.report_bond);
		}
		if let Some(bond) = slash.dispute_bond {
			Self::release_bond(HoldReason::DisputeBond, &slash.provider, bond);
		}
	}
}
