//! The life of a case (S38).
//!
//! | phase | ends | what happens then |
//! |---|---|---|
//! | drawing | the block after the case opened or was appealed | the round's jurors are drawn (`JurorsPerCase`, then `2n + 1` per appeal); commit opens |
//! | commit | `CommitPeriod` blocks later | drawn jurors commit `blake2_256((juror, case, ruling, salt))`; reveal opens |
//! | reveal | `RevealPeriod` blocks later | jurors reveal; the round's ruling is the plurality of revealed votes (round 0: ties and silence give the subject's default ruling; an appeal round must beat the appealed ruling, which ties and silence leave standing); appeal opens |
//! | appeal | `AppealPeriod` blocks later | the losing side may appeal with a bond that doubles each round: a new round is drawn, or after `MaxAppealRounds` the case goes to `FallbackOrigin`; with no appeal the ruling is final |
//! | fallback | `FallbackPeriod` blocks later | `FallbackOrigin` decides; if it does not, the last round's ruling is final |
//! | settling | when every seat is settled | the final ruling went to the work token or the market; losing appeal bonds and forfeited party bonds fill the pot; jurors who did not reveal or voted otherwise lose `IncoherencePenalty` of their seat's stake into it; the coherent jurors share it |
//!
//! Every phase ends at a known block and the hook moves the case on then: a case nobody
//! votes on ends within `CommitPeriod + RevealPeriod + AppealPeriod + 1` blocks of its last
//! draw (round 0 with the default ruling, an appeal round with the ruling appealed). Each open case has at most one entry on the [`Agenda`], and a
//! block's agenda holds at most `MaxCasesPerBlock`; a case whose block is full goes to the next
//! block with room, which exists within `MaxOpenCases / MaxCasesPerBlock + 1` blocks.

use crate::{
	Agenda, Appeal, Case, CaseId, CaseOf, Cases, Config, Docket, Error, Event, HoldReason, Pallet,
	Phase, Ruling, SeatOf, Seats, Settling, Subject, Tally, WeightInfo,
};
use codec::Encode;
use frame_support::{
	ensure,
	traits::{
		fungible::{Inspect, MutateHold},
		tokens::{Fortitude, Precision, Preservation, Restriction},
		Get,
	},
	weights::Weight,
	BoundedVec,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{One, Saturating, Zero},
	DispatchResult,
};
use work_token_primitives::Verdicts;

impl<T: Config> Pallet<T> {
	/// The commitment a juror submits for `ruling` with `salt` in case `case`.
	pub fn commitment(
		juror: &T::AccountId,
		case: CaseId,
		ruling: Ruling,
		salt: [u8; 32],
	) -> [u8; 32] {
		(juror, case, ruling, salt).using_encoded(sp_io::hashing::blake2_256)
	}

	/// Blocks searched for agenda room: enough that one always has it.
	pub(crate) fn agenda_search() -> u32 {
		T::MaxOpenCases::get()
			.checked_div(T::MaxCasesPerBlock::get())
			.unwrap_or(0)
			.saturating_add(1)
	}

	/// Puts case `id` on the agenda of block `at`, or of the first later block with room.
	fn schedule(id: CaseId, case: &mut Case<T>, at: BlockNumberFor<T>) {
		let mut block = at;
		for _ in 0..=Self::agenda_search() {
			if Agenda::<T>::try_mutate(block, |due| due.try_push(id)).is_ok() {
				case.scheduled = Some(block);
				return;
			}
			block = block.saturating_add(One::one());
		}
		frame_support::defensive!("the agenda has room for every open case");
	}

	/// Takes case `id` off the agenda.
	fn unschedule(id: CaseId, case: &mut Case<T>) {
		if let Some(block) = case.scheduled.take() {
			Agenda::<T>::mutate(block, |due| due.retain(|other| *other != id));
		}
	}

	/// Opens a case for `subject`. A full court leaves the subject to the owner's arbiter
	/// origin: the case is not opened, and `CourtFull` says so.
	pub(crate) fn open_case(
		subject: Subject,
		accused: T::AccountId,
		accuser: Option<T::AccountId>,
	) -> DispatchResult {
		ensure!(!CaseOf::<T>::contains_key(subject), Error::<T>::AlreadyOpen);
		let mut docket = Docket::<T>::get();
		let next = docket.next_id.checked_add(1);
		let (true, Some(next)) = (docket.open < T::MaxOpenCases::get(), next) else {
			Self::deposit_event(Event::CourtFull { subject });
			return Ok(());
		};
		let id = docket.next_id;
		docket.next_id = next;
		docket.open = docket.open.saturating_add(1);
		Docket::<T>::put(docket);
		let at = frame_system::Pallet::<T>::block_number().saturating_add(One::one());
		let mut case = Case {
			subject,
			accused,
			accuser,
			round: 0,
			phase: Phase::Drawing { at },
			scheduled: None,
			seats: 0,
			round_start: 0,
			tally: Tally::default(),
			total_tally: Tally::default(),
			ruling: None,
			appeals: BoundedVec::new(),
			pot: Zero::zero(),
			paid_out: Zero::zero(),
			settled: 0,
			paid: 0,
		};
		Self::schedule(id, &mut case, at);
		Cases::<T>::insert(id, case);
		CaseOf::<T>::insert(subject, id);
		Self::deposit_event(Event::CaseOpened { case: id, subject });
		Ok(())
	}

	/// The owner ended `subject`'s case without the court's ruling (cancelled, decided by its
	/// arbiter origin, timed out, lapsed): appeal bonds are returned and seats released with
	/// neither reward nor penalty.
	pub(crate) fn close_case(subject: Subject) {
		let Some(id) = CaseOf::<T>::get(subject) else { return };
		let Some(mut case) = Cases::<T>::get(id) else { return };
		if case.phase == Phase::Settling {
			// Decided by the court: the owner is closing it from inside the verdict.
			return;
		}
		Self::unschedule(id, &mut case);
		for appeal in case.appeals.iter() {
			Self::return_appeal_bond(appeal);
		}
		case.appeals = BoundedVec::new();
		case.ruling = None;
		case.phase = Phase::Settling;
		Self::queue_settlement(id, case);
		Self::deposit_event(Event::CaseClosed { case: id });
	}

	/// Moves on every case whose phase ended by `now`. Returns the weight used.
	pub(crate) fn advance_due_cases(now: BlockNumberFor<T>) -> Weight {
		let due = Agenda::<T>::take(now);
		let mut weight = T::WeightInfo::advance_idle();
		for id in due {
			weight = weight.saturating_add(Self::advance(id, now));
		}
		weight
	}

	/// Moves case `id` to its next phase now. Returns the weight used.
	#[cfg(feature = "runtime-benchmarks")]
	pub(crate) fn advance_phase_of(id: CaseId) -> Weight {
		Self::advance(id, frame_system::Pallet::<T>::block_number())
	}

	/// Moves case `id` to its next phase. Returns the weight used.
	fn advance(id: CaseId, now: BlockNumberFor<T>) -> Weight {
		let Some(mut case) = Cases::<T>::get(id) else { return Weight::zero() };
		case.scheduled = None;
		let weight = match case.phase {
			Phase::Drawing { at } => {
				let drawn = Self::draw_round(id, &mut case);
				let ends = Self::window_end(at, T::CommitPeriod::get(), now);
				case.phase = Phase::Commit { ends };
				Self::schedule(id, &mut case, ends.saturating_add(One::one()));
				Self::deposit_event(Event::RoundDrawn {
					case: id,
					round: case.round,
					jurors: drawn,
					commit_ends: ends,
				});
				Self::draw_weight(Self::seats_for_round(case.round))
			}
			Phase::Commit { ends } => {
				let ends = Self::window_end(ends, T::RevealPeriod::get(), now);
				case.phase = Phase::Reveal { ends };
				Self::schedule(id, &mut case, ends.saturating_add(One::one()));
				Self::deposit_event(Event::RevealOpened { case: id, reveal_ends: ends });
				T::WeightInfo::advance_phase()
			}
			Phase::Reveal { ends } => {
				let ruling = Self::round_ruling(&case);
				case.ruling = Some(ruling);
				let ends = Self::window_end(ends, T::AppealPeriod::get(), now);
				case.phase = Phase::Appeal { ends };
				Self::schedule(id, &mut case, ends.saturating_add(One::one()));
				Self::deposit_event(Event::RoundDecided {
					case: id,
					round: case.round,
					ruling,
					tally: case.tally,
					appeal_ends: ends,
				});
				T::WeightInfo::advance_phase()
			}
			Phase::Appeal { .. } | Phase::Fallback { .. } => {
				let ruling = case.ruling.unwrap_or(case.subject.default_ruling());
				Self::finalize(id, case, ruling);
				return Self::finalize_weight();
			}
			Phase::Settling => return Weight::zero(),
		};
		Cases::<T>::insert(id, case);
		weight
	}

	/// The end of a window of `period` blocks after `from`, the nominal end of the phase
	/// before it: a case the hook reaches late (its agenda block was full) does not carry the
	/// delay into its later phases, unless the delay exceeds the window, which then ends in
	/// the block the hook reaches it (never before `now`).
	fn window_end(
		from: BlockNumberFor<T>,
		period: BlockNumberFor<T>,
		now: BlockNumberFor<T>,
	) -> BlockNumberFor<T> {
		from.saturating_add(period).max(now)
	}

	/// The ruling of the round just revealed. Round 0: the plurality (silence and ties: the
	/// subject's default). An appeal round must beat the ruling appealed against: silence and
	/// ties leave it standing, so an appeal round nobody could be drawn for, or nobody voted
	/// in, never undoes an earlier round.
	fn round_ruling(case: &Case<T>) -> Ruling {
		let plurality = case.tally.plurality(case.subject);
		match case.ruling {
			Some(standing)
				if case.round > 0 && case.tally.of(standing) >= case.tally.of(plurality) =>
			{
				standing
			}
			_ => plurality,
		}
	}

	/// Whether `appeal` won: the final `ruling` is better for the appellant than the ruling it
	/// appealed against (a smaller slash for the accused, a larger one for the accuser; in
	/// [`Ruling::ALL`]'s order from the accusation standing in full to it falling).
	fn appeal_won(case: &Case<T>, appeal: &crate::Appeal<T>, ruling: Ruling) -> bool {
		if appeal.appellant == case.accused {
			ruling.index() > appeal.against.index()
		} else {
			ruling.index() < appeal.against.index()
		}
	}

	/// The most making a ruling final costs, with the owner applying it.
	pub(crate) fn finalize_weight() -> Weight {
		T::WeightInfo::finalize()
			.saturating_add(T::Disputes::decide_weight().max(T::Challenges::decide_weight()))
	}

	/// Makes `ruling` final: hands it to the owner, settles the appeal bonds and queues the
	/// seats for settlement. An owner that refuses the ruling (it had already ended the
	/// subject, or its own timeout passed) leaves the case as if closed by it: bonds back,
	/// seats released with neither reward nor penalty.
	fn finalize(id: CaseId, mut case: Case<T>, ruling: Ruling) {
		Self::unschedule(id, &mut case);
		case.ruling = Some(ruling);
		case.phase = Phase::Settling;
		let subject = case.subject;
		// Saved as settling before the owner hears the ruling: the owner closes the case and
		// may forfeit a party's bond to it from inside the call.
		Cases::<T>::insert(id, &case);
		Self::deposit_event(Event::CaseDecided { case: id, subject, ruling });
		let applied = match subject {
			Subject::Dispute(slash) => T::Disputes::decide(slash, ruling.verdict()),
			Subject::Challenge(job) => T::Challenges::decide(job, ruling == Ruling::Uphold),
		};
		let Some(mut case) = Cases::<T>::get(id) else {
			frame_support::defensive!("a decided case stays until it is settled");
			return;
		};
		if let Err(error) = applied {
			Self::deposit_event(Event::RulingNotApplied { case: id, error });
			case.ruling = None;
		}
		let appeals = core::mem::take(&mut case.appeals);
		for appeal in appeals.iter() {
			match case.ruling {
				Some(ruling) if !Self::appeal_won(&case, appeal, ruling) => {
					// The appeal failed: its bond goes to the jurors who got it right.
					let moved = Self::forfeit_appeal_bond(appeal);
					case.pot = case.pot.saturating_add(moved);
					Self::deposit_event(Event::AppealBondForfeited {
						case: id,
						appellant: appeal.appellant.clone(),
						amount: moved,
					});
				}
				_ => Self::return_appeal_bond(appeal),
			}
		}
		Self::queue_settlement(id, case);
	}

	/// Moves a failed appeal's bond from its hold into the court's account; returns what moved.
	fn forfeit_appeal_bond(appeal: &crate::Appeal<T>) -> crate::BalanceOf<T> {
		T::Currency::transfer_on_hold(
			&HoldReason::AppealBond.into(),
			&appeal.appellant,
			&Self::account(),
			appeal.bond,
			Precision::BestEffort,
			Restriction::Free,
			Fortitude::Force,
		)
		.unwrap_or_default()
	}

	/// Saves `case` (settling) and puts it at the end of the settlement queue.
	fn queue_settlement(id: CaseId, case: Case<T>) {
		Cases::<T>::insert(id, case);
		if Settling::<T>::try_append(id).is_err() {
			frame_support::defensive!("the settlement queue holds every open case");
		}
	}

	/// Returns an appeal bond in full.
	fn return_appeal_bond(appeal: &Appeal<T>) {
		if T::Currency::release(
			&HoldReason::AppealBond.into(),
			&appeal.appellant,
			appeal.bond,
			Precision::BestEffort,
		)
		.is_err()
		{
			frame_support::defensive!("an appeal bond is on hold until its case ends");
		}
	}

	/// The seat of `who` in the current round of case `id`.
	fn current_seat(id: CaseId, case: &Case<T>, who: &T::AccountId) -> Result<u32, Error<T>> {
		let index = SeatOf::<T>::get(id, who).ok_or(Error::<T>::NotDrawn)?;
		ensure!(index >= case.round_start, Error::<T>::NotDrawn);
		Ok(index)
	}

	/// `commit_vote`: a juror of the current round commits to a hidden vote.
	pub(crate) fn do_commit(
		who: &T::AccountId,
		id: CaseId,
		commitment: [u8; 32],
	) -> DispatchResult {
		let case = Cases::<T>::get(id).ok_or(Error::<T>::UnknownCase)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(
			matches!(case.phase, Phase::Commit { ends } if now <= ends),
			Error::<T>::NotCommitPhase
		);
		let index = Self::current_seat(id, &case, who)?;
		let mut seat = Seats::<T>::get(id, index).ok_or(Error::<T>::NotDrawn)?;
		seat.commitment = Some(commitment);
		Seats::<T>::insert(id, index, seat);
		Self::deposit_event(Event::VoteCommitted { case: id, juror: who.clone() });
		Ok(())
	}

	/// `reveal_vote`: a juror shows the vote it committed to.
	pub(crate) fn do_reveal(
		who: &T::AccountId,
		id: CaseId,
		ruling: Ruling,
		salt: [u8; 32],
	) -> DispatchResult {
		let mut case = Cases::<T>::get(id).ok_or(Error::<T>::UnknownCase)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(
			matches!(case.phase, Phase::Reveal { ends } if now <= ends),
			Error::<T>::NotRevealPhase
		);
		let index = Self::current_seat(id, &case, who)?;
		let mut seat = Seats::<T>::get(id, index).ok_or(Error::<T>::NotDrawn)?;
		let commitment = seat.commitment.ok_or(Error::<T>::NotCommitted)?;
		ensure!(seat.vote.is_none(), Error::<T>::AlreadyRevealed);
		ensure!(case.subject.allows(ruling), Error::<T>::RulingNotAllowed);
		ensure!(
			Self::commitment(who, id, ruling, salt) == commitment,
			Error::<T>::CommitmentMismatch
		);
		seat.vote = Some(ruling);
		case.tally.add(ruling);
		case.total_tally.add(ruling);
		Seats::<T>::insert(id, index, seat);
		Cases::<T>::insert(id, case);
		Self::deposit_event(Event::VoteRevealed { case: id, juror: who.clone(), ruling });
		Ok(())
	}

	/// Whether `who` lost the round's `ruling` in `case`: the accused when the accusation
	/// stands in full or in part, the accuser when it falls or is reduced.
	fn lost(case: &Case<T>, who: &T::AccountId, ruling: Ruling) -> bool {
		let accused = *who == case.accused;
		let accuser = case.accuser.as_ref() == Some(who);
		match ruling {
			Ruling::Uphold => accused,
			Ruling::Overturn => accuser,
			Ruling::Reduce(_) => accused || accuser,
		}
	}

	/// The bond of an appeal of round `round`: `AppealBond` doubled per earlier round.
	pub fn appeal_bond(round: u8) -> crate::BalanceOf<T> {
		let factor = 1u32.checked_shl(u32::from(round)).unwrap_or(u32::MAX);
		T::AppealBond::get().saturating_mul(factor.into())
	}

	/// `appeal`: the losing side of the round's ruling posts a bond for another round.
	pub(crate) fn do_appeal(who: &T::AccountId, id: CaseId) -> DispatchResult {
		let mut case = Cases::<T>::get(id).ok_or(Error::<T>::UnknownCase)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(
			matches!(case.phase, Phase::Appeal { ends } if now <= ends),
			Error::<T>::NotAppealPhase
		);
		let ruling = case.ruling.ok_or(Error::<T>::NotAppealPhase)?;
		ensure!(Self::lost(&case, who, ruling), Error::<T>::NotLosingParty);
		let bond = Self::appeal_bond(case.round);
		let spendable =
			T::Currency::reducible_balance(who, Preservation::Preserve, Fortitude::Polite);
		ensure!(bond <= spendable, Error::<T>::InsufficientBalance);
		case.appeals
			.try_push(Appeal { appellant: who.clone(), against: ruling, bond })
			.map_err(|_| Error::<T>::TooManyAppeals)?;
		T::Currency::hold(&HoldReason::AppealBond.into(), who, bond)?;
		Self::unschedule(id, &mut case);
		let last = u32::from(case.round) >= T::MaxAppealRounds::get();
		if last {
			let ends = now.saturating_add(T::FallbackPeriod::get());
			case.phase = Phase::Fallback { ends };
			Self::schedule(id, &mut case, ends.saturating_add(One::one()));
		} else {
			let at = now.saturating_add(One::one());
			case.round = case.round.saturating_add(1);
			case.round_start = case.seats;
			case.tally = Tally::default();
			case.phase = Phase::Drawing { at };
			Self::schedule(id, &mut case, at);
		}
		Self::deposit_event(Event::Appealed {
			case: id,
			appellant: who.clone(),
			bond,
			to_fallback: last,
		});
		Cases::<T>::insert(id, case);
		Ok(())
	}

	/// `decide_appealed`: the fallback origin decides a case appealed past its last round.
	pub(crate) fn do_decide(id: CaseId, ruling: Ruling) -> DispatchResult {
		let case = Cases::<T>::get(id).ok_or(Error::<T>::UnknownCase)?;
		ensure!(matches!(case.phase, Phase::Fallback { .. }), Error::<T>::NotFallbackPhase);
		ensure!(case.subject.allows(ruling), Error::<T>::RulingNotAllowed);
		Self::finalize(id, case, ruling);
		Ok(())
	}

	/// The case of `subject`, if it is before the court.
	pub fn case_of(subject: Subject) -> Option<(CaseId, Case<T>)> {
		let id = CaseOf::<T>::get(subject)?;
		Cases::<T>::get(id).map(|case| (id, case))
	}

	/// Whether `who` can still act in the current phase of case `id` (for the API): a drawn
	/// juror of the round in commit or reveal.
	pub fn seated(id: CaseId, who: &T::AccountId) -> bool {
		Cases::<T>::get(id).is_some_and(|case| Self::current_seat(id, &case, who).is_ok())
	}

	/// Balance the court's account holds beyond its existential deposit.
	pub fn pot_balance() -> crate::BalanceOf<T> {
		T::Currency::balance(&Self::account()).saturating_sub(T::Currency::minimum_balance())
	}
}
