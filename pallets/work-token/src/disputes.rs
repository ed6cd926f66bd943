//! The dispute window (S18): disputing with a bond, the arbiter's verdict, cancellation,
//! permissionless and automatic application, and the timeout rule for disputes the arbiter
//! never resolves. A slash never applies before its dispute window ends, so an incident is
//! never punished while it can still be reported again (the report window is shorter than the
//! dispute window).
//!
//! | state | how it ends | when | bonds |
//! |---|---|---|---|
//! | pending | applied by `on_initialize` or `apply_slash` | from `reported_era + DisputeWindow` | report bond returned |
//! | pending | superseded by a report of the same incident at a higher severity | any time | report bond returned, no reward |
//! | pending | `dispute_slash` by the accused | before `reported_era + DisputeWindow` | dispute bond held |
//! | pending or disputed | `cancel_slash` by `AdminOrigin` | any time | both returned |
//! | disputed | `resolve_dispute(Uphold)`: applied as reported | at the window's end, or at once after it | dispute bond slashed, report bond returned |
//! | disputed | `resolve_dispute(Overturn)`: dropped | at once | report bond slashed, dispute bond returned |
//! | disputed | `resolve_dispute(Reduce(p))`: applied at `p` of its amounts | at the window's end, or at once after it | both returned |
//! | disputed | **timeout**: applied as reported | from `reported_era + DisputeWindow + DisputeTimeout` | dispute bond slashed, report bond returned |
//!
//! **Disputing is never cheaper than accepting (S33).** A disputed Major or Critical slash
//! that is still undecided when its window ends *suspends* the provider: out of the active set
//! and earning nothing, as if jailed, until the verdict. When it is upheld, the jail of
//! `JailEras` starts at the verdict; a dispute that times out loses its bond like one that is
//! upheld; and the stake a pending slash locked earns nothing while it waits, disputed or not.
//! An overturn lifts the suspension.

use crate::{
	slashing::spendable, BalanceOf, Config, CurrentEra, Error, Event, HoldReason, Offences, Pallet,
	PendingSlash, PendingSlashes, Severity, SlashId, SlashQueueState, Verdict, WeightInfo,
};
use frame_support::{
	ensure,
	traits::{
		fungible::{BalancedHold, MutateHold},
		tokens::{imbalance::OnUnbalanced, Fortitude, Precision, Restriction},
		Get, Imbalance,
	},
	weights::Weight,
};
use sp_runtime::{traits::Zero, DispatchResult, Perbill};
use work_token_primitives::{DisputeCase, ForfeitSink, Resolver, Verdicts};

impl<T: Config> Pallet<T> {
	/// Puts `amount` of `who`'s free balance on hold as a bond.
	pub(crate) fn hold_bond(
		reason: HoldReason,
		who: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(amount <= spendable::<T>(who), Error::<T>::InsufficientBalance);
		T::Currency::hold(&reason.into(), who, amount)?;
		Self::deposit_event(Event::BondHeld { who: who.clone(), amount });
		Ok(())
	}

	/// Returns a winning (or unjudged) bond to `who`'s free balance.
	pub(crate) fn release_bond(reason: HoldReason, who: &T::AccountId, amount: BalanceOf<T>) {
		if amount.is_zero() {
			return;
		}
		match T::Currency::release(&reason.into(), who, amount, Precision::BestEffort) {
			Ok(released) => {
				Self::deposit_event(Event::BondReturned { who: who.clone(), amount: released })
			}
			Err(_) => {
				frame_support::defensive!("a bond on hold could not be released");
			}
		}
	}

	/// Slashes a losing bond to `OnSlash`.
	pub(crate) fn slash_bond(reason: HoldReason, who: &T::AccountId, amount: BalanceOf<T>) {
		if amount.is_zero() {
			return;
		}
		let (credit, _) = T::Currency::slash(&reason.into(), who, amount);
		let slashed = credit.peek();
		T::OnSlash::on_unbalanced(credit);
		Self::deposit_event(Event::BondSlashed { who: who.clone(), amount: slashed });
	}

	/// `dispute_slash`: the accused provider appeals slash `id`, posting `DisputeBond`.
	pub(crate) fn do_dispute_slash(who: &T::AccountId, id: SlashId) -> DispatchResult {
		let mut slash = PendingSlashes::<T>::get(id).ok_or(Error::<T>::UnknownSlash)?;
		ensure!(slash.provider == *who, Error::<T>::NotAccused);
		// A slash disputes once: a verdict given early stands.
		ensure!(
			slash.dispute_bond.is_none() && slash.decided.is_none(),
			Error::<T>::AlreadyDisputed
		);
		ensure!(
			CurrentEra::<T>::get() < Self::dispute_end(slash.reported_era),
			Error::<T>::DisputeWindowClosed
		);
		let bond = T::DisputeBond::get();
		Self::hold_bond(HoldReason::DisputeBond, who, bond)?;
		T::Disputes::open(Self::case_of(id, &slash))?;
		slash.dispute_bond = Some(bond);
		PendingSlashes::<T>::insert(id, slash);
		Self::deposit_event(Event::SlashDisputed { id, provider: who.clone(), bond });
		Ok(())
	}

	/// Slash `id` as a dispute resolver sees it.
	pub(crate) fn case_of(
		id: SlashId,
		slash: &PendingSlash<T>,
	) -> DisputeCase<T::AccountId, BalanceOf<T>> {
		DisputeCase {
			id,
			provider: slash.provider.clone(),
			reporter: slash.reporter.clone(),
			severity: slash.severity,
			offence_era: slash.offence_era,
			own: slash.own,
			pool: slash.pool,
		}
	}

	/// The most telling the resolver that a case opened costs.
	pub(crate) fn case_open_weight() -> Weight {
		T::Disputes::open_weight()
	}

	/// The most telling the resolver that a case is over costs.
	pub(crate) fn case_close_weight() -> Weight {
		T::Disputes::close_weight()
	}

	/// The most a verdict costs: the resolver is told the case is over, and a report held
	/// under an overturned slash may open a case again.
	pub(crate) fn resolve_dispute_weight() -> Weight {
		T::WeightInfo::resolve_dispute()
			.saturating_add(T::Disputes::close_weight())
			.saturating_add(T::Disputes::open_weight())
	}

	/// Slashes a bond its holder forfeits by a verdict. A verdict of the resolver pays it to
	/// the resolver (its jurors) when the resolver takes it; otherwise it goes to `OnSlash`.
	fn forfeit_bond(
		id: SlashId,
		reason: HoldReason,
		who: &T::AccountId,
		amount: BalanceOf<T>,
		by_resolver: bool,
	) {
		let payee = if by_resolver { T::Disputes::forfeit_to(id, amount) } else { None };
		let Some(payee) = payee else { return Self::slash_bond(reason, who, amount) };
		let paid = T::Currency::transfer_on_hold(
			&reason.into(),
			who,
			&payee,
			amount,
			Precision::BestEffort,
			Restriction::Free,
			Fortitude::Force,
		)
		.unwrap_or_default();
		if paid != amount {
			frame_support::defensive!("a forfeited bond is on hold in full");
		}
		Self::deposit_event(Event::BondForfeited { who: who.clone(), to: payee, amount: paid });
	}

	/// `resolve_dispute`: the arbiter's verdict on disputed slash `id`; `by_resolver` when it
	/// is the configured resolver's (see [`Verdicts`]).
	pub(crate) fn do_resolve_dispute(
		id: SlashId,
		verdict: Verdict,
		by_resolver: bool,
	) -> DispatchResult {
		let mut slash = PendingSlashes::<T>::get(id).ok_or(Error::<T>::UnknownSlash)?;
		let bond = slash.dispute_bond.ok_or(Error::<T>::NotDisputed)?;
		Self::deposit_event(Event::DisputeResolved { id, verdict });
		T::Disputes::close(id);
		let provider = slash.provider.clone();
		let keep = match verdict {
			Verdict::Overturn => {
				Self::release_bond(HoldReason::DisputeBond, &provider, bond);
				if let Some(reporter) = slash.reporter.as_ref() {
					let bond = slash.report_bond;
					Self::forfeit_bond(id, HoldReason::ReportBond, reporter, bond, by_resolver);
				}
				Self::finish_slash(id, &slash);
				// A report held under this one takes its place (see `incidents`).
				Self::restore_fallback(id);
				Self::maybe_remove_provider(&provider);
				return Ok(());
			}
			Verdict::Uphold => {
				Self::forfeit_bond(id, HoldReason::DisputeBond, &provider, bond, by_resolver);
				Perbill::one()
			}
			Verdict::Reduce(keep) => {
				Self::release_bond(HoldReason::DisputeBond, &provider, bond);
				keep
			}
		};
		slash.dispute_bond = None;
		if CurrentEra::<T>::get() >= Self::dispute_end(slash.reported_era) {
			Self::execute_slash(id, slash, keep);
		} else {
			// Decided early: it applies when its window ends, like an undisputed slash.
			slash.decided = Some(keep);
			PendingSlashes::<T>::insert(id, slash);
		}
		Ok(())
	}

	/// `cancel_slash`: the admin withdraws slash `id`; both bonds are returned. A report of the
	/// same incident held under it takes its place; otherwise the incident may be reported
	/// again.
	pub(crate) fn do_cancel_slash(id: SlashId) -> DispatchResult {
		let slash = PendingSlashes::<T>::get(id).ok_or(Error::<T>::UnknownSlash)?;
		if let Some(bond) = slash.dispute_bond {
			Self::release_bond(HoldReason::DisputeBond, &slash.provider, bond);
			T::Disputes::close(id);
		}
		if let Some(reporter) = slash.reporter.as_ref() {
			Self::release_bond(HoldReason::ReportBond, reporter, slash.report_bond);
		}
		Self::deposit_event(Event::SlashCancelled { id, provider: slash.provider.clone() });
		Self::finish_slash(id, &slash);
		Self::restore_fallback(id);
		Self::maybe_remove_provider(&slash.provider);
		Ok(())
	}

	/// Applies slash `id` if it is due: an undisputed or decided slash once its window has
	/// ended, an undecided disputed one once its dispute has timed out (the dispute bond is
	/// then slashed). Used by `apply_slash` and the hook.
	pub(crate) fn do_apply_slash(id: SlashId) -> DispatchResult {
		let slash = PendingSlashes::<T>::get(id).ok_or(Error::<T>::UnknownSlash)?;
		let now = CurrentEra::<T>::get();
		match slash.dispute_bond {
			None => {
				ensure!(now >= Self::dispute_end(slash.reported_era), Error::<T>::SlashNotDue);
			}
			Some(bond) => {
				ensure!(
					now >= Self::dispute_timeout(slash.reported_era),
					Error::<T>::DisputeUnresolved
				);
				Self::deposit_event(Event::DisputeTimedOut { id });
				T::Disputes::close(id);
				Self::slash_bond(HoldReason::DisputeBond, &slash.provider, bond);
			}
		}
		let keep = slash.decided.unwrap_or(Perbill::one());
		Self::execute_slash(id, slash, keep);
		Ok(())
	}

	/// At the end of its window, a disputed Major or Critical slash still waiting for its
	/// verdict suspends its provider (see the module docs).
	fn suspend_for(id: SlashId, mut slash: PendingSlash<T>) {
		if slash.severity == Severity::Minor || slash.suspends {
			return;
		}
		slash.suspends = true;
		let provider = slash.provider.clone();
		PendingSlashes::<T>::insert(id, slash);
		let mut record = Self::offence_record(&provider);
		record.suspensions = record.suspensions.saturating_add(1);
		Offences::<T>::insert(&provider, record);
		Self::remove_from_active_set(&provider);
		Self::deposit_event(Event::Suspended { id, provider });
	}

	/// Applies due slashes in report order, looking at no more than `MaxSlashesPerBlock`
	/// slashes per block; what is left waits for the next block. One cursor walks slashes to
	/// the end of their window (applying the undisputed and decided ones, suspending for the
	/// disputed ones), the other disputed slashes to their timeout; both orders are report
	/// order because every slash has the same window and timeout.
	pub(crate) fn apply_due_slashes() -> Weight {
		let mut queue = SlashQueueState::<T>::get();
		if queue.apply_cursor >= queue.next_id && queue.timeout_cursor >= queue.next_id {
			return T::WeightInfo::apply_due_slashes(0);
		}
		let now = CurrentEra::<T>::get();
		let mut budget = T::MaxSlashesPerBlock::get();
		while budget > 0 && queue.apply_cursor < queue.next_id {
			budget = budget.saturating_sub(1);
			if let Some(slash) = PendingSlashes::<T>::get(queue.apply_cursor) {
				if now < Self::dispute_end(slash.reported_era) {
					break;
				}
				if slash.dispute_bond.is_some() {
					Self::suspend_for(queue.apply_cursor, slash);
				} else {
					let keep = slash.decided.unwrap_or(Perbill::one());
					Self::execute_slash(queue.apply_cursor, slash, keep);
				}
			}
			queue.apply_cursor = queue.apply_cursor.saturating_add(1);
		}
		while budget > 0 && queue.timeout_cursor < queue.next_id {
			budget = budget.saturating_sub(1);
			if let Some(slash) = PendingSlashes::<T>::get(queue.timeout_cursor) {
				if now < Self::dispute_timeout(slash.reported_era) {
					break;
				}
				if Self::do_apply_slash(queue.timeout_cursor).is_err() {
					frame_support::defensive!("a slash past its timeout is always due");
				}
			}
			queue.timeout_cursor = queue.timeout_cursor.saturating_add(1);
		}
		SlashQueueState::<T>::put(queue);
		// Every slash looked at is charged as an application that closes its case: the
		// declared bound.
		let looked_at = T::MaxSlashesPerBlock::get().saturating_sub(budget);
		T::WeightInfo::apply_due_slashes(looked_at)
			.saturating_add(T::Disputes::close_weight().saturating_mul(u64::from(looked_at)))
	}
}

/// A resolver (a court) decides a disputed slash through the work token.
impl<T: Config> Verdicts<SlashId, Verdict> for Pallet<T> {
	fn decide(id: SlashId, verdict: Verdict) -> DispatchResult {
		Self::do_resolve_dispute(id, verdict, true)
	}

	fn decide_weight() -> Weight {
		Self::resolve_dispute_weight()
	}
}

/// A court must not seat the accused's delegators.
impl<T: Config> work_token_primitives::StakeRelations<T::AccountId> for Pallet<T> {
	fn backs(who: &T::AccountId, provider: &T::AccountId) -> bool {
		crate::Delegations::<T>::contains_key(who, provider)
	}
}
