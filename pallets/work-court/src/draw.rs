//! Drawing a round's jurors.
//!
//! Each seat is drawn from the pool with probability proportional to active juror stake:
//! `r` uniform in `[0, drawable)` from the runtime's randomness of the drawing block (which
//! nobody knew when the case opened or was appealed), then a descent of the draw tree,
//! `O(log n)` reads for `n = MaxJurors`. The accused, the accuser and the jurors already
//! seated in the case are taken out of the tree for the draw (their stake subtracted on the
//! way down, no writes), so they are never picked. A picked juror that may not sit (a
//! delegator of the accused, found by one read, or one whose stake other seats lock) is
//! taken out as well and another pick made: an account is rejected at most once per round,
//! so one delegator account, however much stake it holds, costs one pick. A round has
//! `MaxDrawAttempts` picks per seat (pooled over its seats), so drawing is bounded however the
//! pool looks; taking
//! jurors out keeps the choice proportional to stake among the eligible ones.

use crate::{
	jury::{to_u128, StoredTree},
	sum_tree, Case, CaseId, Config, Event, Juror, Jurors, Jury, Pallet, Seat, SeatOf, Seats,
	SlotJuror, WeightInfo,
};
use alloc::vec::Vec;
use codec::Encode;
use frame_support::traits::{Get, Randomness};
use sp_runtime::traits::Saturating;
use work_token_primitives::StakeRelations;

impl<T: Config> Pallet<T> {
	/// Jurors of round `round`: `JurorsPerCase`, then twice the previous round's plus one.
	pub fn seats_for_round(round: u8) -> u32 {
		let mut seats = T::JurorsPerCase::get();
		for _ in 0..round {
			seats = seats.saturating_mul(2).saturating_add(1);
		}
		seats
	}

	/// Seats of a case that goes through every round.
	pub fn seats_over_all_rounds() -> u32 {
		let rounds = u8::try_from(T::MaxAppealRounds::get()).unwrap_or(u8::MAX);
		(0..=rounds).fold(0u32, |sum, round| sum.saturating_add(Self::seats_for_round(round)))
	}

	/// Whether `who`, drawn for `case`, may sit: not a delegator of the accused (the accused,
	/// the accuser and jurors already seated are out of the draw), with a seat's stake
	/// unlocked.
	fn may_sit(case: &Case<T>, who: &T::AccountId, juror: &Juror<T>) -> bool {
		!T::Relations::backs(who, &case.accused)
			&& juror.active.saturating_sub(juror.locked) >= T::StakePerSeat::get()
	}

	/// Draws the jurors of `case`'s current round; returns how many seats were filled.
	pub(crate) fn draw_round(id: CaseId, case: &mut Case<T>) -> u32 {
		Self::draw_seats(id, case, Self::seats_for_round(case.round))
	}

	/// The most drawing `seats` seats costs: every attempt's descent of the tree (measured with
	/// every attempt rejected) and, on top, the writes of each seat filled.
	pub(crate) fn draw_weight(seats: u32) -> frame_support::weights::Weight {
		let writes = T::DbWeight::get().reads_writes(1, 3).saturating_mul(u64::from(seats));
		T::WeightInfo::draw_round(seats).saturating_add(writes)
	}

	/// Stake taken out of `case`'s draw from the start: the accused and the accuser (if they
	/// are jurors) and every juror already seated in the case, `(slot, active stake)` each.
	fn out_of_draw(id: CaseId, case: &Case<T>) -> Vec<(u32, u128)> {
		let seated = (0..case.seats).filter_map(|index| Seats::<T>::get(id, index));
		let parties = core::iter::once(case.accused.clone()).chain(case.accuser.clone());
		parties
			.chain(seated.map(|seat| seat.juror))
			.filter_map(|who| Jurors::<T>::get(&who))
			.map(|juror| (juror.slot, to_u128::<T>(juror.active)))
			.collect()
	}

	/// Draws up to `wanted` seats of `case`'s current round; returns how many were filled.
	///
	/// The accused, the accuser and jurors already seated are taken out of the tree for the
	/// draw, so they are never picked. A picked juror that may not sit (a delegator of the
	/// accused, or one whose stake is locked by other seats) is taken out too, so that no
	/// account is rejected twice; the round has `MaxDrawAttempts` attempts per seat between
	/// all its seats, after which the remaining seats stay empty.
	pub(crate) fn draw_seats(id: CaseId, case: &mut Case<T>, wanted: u32) -> u32 {
		let room = T::MaxSeatsPerCase::get().saturating_sub(case.seats);
		let wanted = wanted.min(room);
		let (seed, _) = T::Randomness::random(&(b"work-court", id, case.round).encode());
		let capacity = T::MaxJurors::get();
		let mut attempts = wanted.saturating_mul(T::MaxDrawAttempts::get());
		let mut excluded = Self::out_of_draw(id, case);
		let mut filled = 0u32;
		let mut attempt = 0u32;
		while filled < wanted && attempts > 0 {
			attempts = attempts.saturating_sub(1);
			attempt = attempt.saturating_add(1);
			let out = excluded.iter().fold(0u128, |sum, (_, stake)| sum.saturating_add(*stake));
			let drawable = Jury::<T>::get().drawable.saturating_sub(out);
			if drawable == 0 {
				break;
			}
			let pick = (seed, attempt).using_encoded(sp_io::hashing::blake2_128);
			let r = u128::from_le_bytes(pick).checked_rem(drawable).unwrap_or(0);
			let Some((slot, who)) = sum_tree::find::<StoredTree<T>>(capacity, r, &excluded)
				.and_then(|slot| SlotJuror::<T>::get(slot).map(|who| (slot, who)))
			else {
				frame_support::defensive!("every slot with stake has a juror");
				break;
			};
			let Some(juror) = Jurors::<T>::get(&who) else {
				frame_support::defensive!("every slot's account is a juror");
				break;
			};
			excluded.push((slot, to_u128::<T>(juror.active)));
			if Self::may_sit(case, &who, &juror) {
				Self::seat(id, case, who);
				filled = filled.saturating_add(1);
			}
		}
		filled
	}

	/// Seats `juror` in case `id` and locks a seat's stake.
	fn seat(id: CaseId, case: &mut Case<T>, juror: T::AccountId) {
		let index = case.seats;
		if let Some(mut record) = Jurors::<T>::get(&juror) {
			// Locking does not change active stake: the tree stays as it is.
			record.locked = record.locked.saturating_add(T::StakePerSeat::get());
			record.open_seats = record.open_seats.saturating_add(1);
			let active = record.active;
			Self::save_juror(&juror, active, record);
		}
		Seats::<T>::insert(
			id,
			index,
			Seat { juror: juror.clone(), round: case.round, commitment: None, vote: None },
		);
		SeatOf::<T>::insert(id, &juror, index);
		case.seats = index.saturating_add(1);
		Self::deposit_event(Event::JurorDrawn { case: id, juror, round: case.round });
	}

	/// A juror's share of the pool's drawable stake, in parts per billion (for the API).
	pub fn draw_chance(who: &T::AccountId) -> sp_runtime::Perbill {
		let drawable = Jury::<T>::get().drawable;
		let stake = Jurors::<T>::get(who).map(|juror| to_u128::<T>(juror.active)).unwrap_or(0);
		sp_runtime::Perbill::from_rational(stake, drawable.max(1))
	}
}
