//! Settling a decided case's seats, `MaxSettlementsPerBlock` steps per block, oldest case
//! first. Two steps per seat, so that every payment is funded before it is made:
//!
//! 1. **penalties**, seat by seat: a juror who did not reveal, or revealed another ruling than
//!    the final one, moves `IncoherencePenalty × StakePerSeat` of its held stake into the
//!    court's account (the case's pot) and its seat is released;
//! 2. **payments**, seat by seat: each coherent juror (revealed the final ruling, in any round)
//!    gets an equal share of the pot (the last one what is left, so nothing stays behind) and
//!    its seat is released.
//!
//! A case closed by its owner without the court's ruling has no coherent or incoherent seats:
//! every seat is released as it was. A pot nobody voted for goes to `OnForfeit`. Each step is
//! `O(1)`: no loop runs over a case's jurors in one go, and none over the pool.

use crate::{
	BalanceOf, Case, CaseId, CaseOf, Cases, Config, Docket, Event, HoldReason, Jurors, Pallet,
	Seat, SeatOf, Seats, Settling, WeightInfo,
};
use frame_support::{
	traits::{
		fungible::{Balanced, Mutate, MutateHold},
		tokens::{imbalance::OnUnbalanced, Fortitude, Precision, Preservation, Restriction},
		Get,
	},
	weights::Weight,
	BoundedVec,
};
use sp_runtime::traits::{CheckedDiv, Saturating, Zero};

impl<T: Config> Pallet<T> {
	/// Settles up to `MaxSettlementsPerBlock` seats. Returns the weight used.
	pub(crate) fn settle_some() -> Weight {
		let mut queue = Settling::<T>::get();
		if queue.is_empty() {
			return T::WeightInfo::settle(0);
		}
		let mut budget = T::MaxSettlementsPerBlock::get();
		let mut steps = 0u32;
		while budget > 0 {
			let Some(&id) = queue.first() else { break };
			let Some(mut case) = Cases::<T>::get(id) else {
				queue = BoundedVec::truncate_from(queue.into_iter().skip(1).collect());
				continue;
			};
			let total = case.seats.saturating_mul(2);
			while budget > 0 && case.settled < total {
				Self::settle_step(id, &mut case);
				case.settled = case.settled.saturating_add(1);
				budget = budget.saturating_sub(1);
				steps = steps.saturating_add(1);
			}
			if case.settled < total {
				Cases::<T>::insert(id, case);
				break;
			}
			// Closing a case (its pot to `OnForfeit`, its records removed) counts as a step,
			// so that a block of empty cases is bounded and charged like any other.
			Self::close_settled(id, case);
			budget = budget.saturating_sub(1);
			steps = steps.saturating_add(1);
			queue = BoundedVec::truncate_from(queue.into_iter().skip(1).collect());
		}
		Settling::<T>::put(queue);
		T::WeightInfo::settle(steps)
	}

	/// Coherent seats of `case`: votes revealed for its final ruling, in any round.
	fn coherent(case: &Case<T>) -> u32 {
		case.ruling.map(|ruling| case.total_tally.of(ruling)).unwrap_or(0)
	}

	/// One settlement step of `case` (see the module docs).
	fn settle_step(id: CaseId, case: &mut Case<T>) {
		let penalties = case.settled < case.seats;
		let index = if penalties { case.settled } else { case.settled.saturating_sub(case.seats) };
		let Some(seat) = Seats::<T>::get(id, index) else { return };
		let coherent = case.ruling.is_some_and(|ruling| seat.vote == Some(ruling));
		match (penalties, case.ruling.is_some(), coherent) {
			// Penalty pass: an incoherent seat of a decided case pays into the pot.
			(true, true, false) => {
				let taken = Self::penalise(id, &seat);
				case.pot = case.pot.saturating_add(taken);
				Self::release_seat(id, index, &seat, taken);
			}
			// Penalty pass, anything else: waits for the payment pass.
			(true, _, _) => {}
			// Payment pass: a coherent seat takes its share.
			(false, true, true) => {
				let reward = Self::share(case);
				Self::pay(id, &seat, reward);
				case.paid = case.paid.saturating_add(1);
				case.paid_out = case.paid_out.saturating_add(reward);
				Self::release_seat(id, index, &seat, Zero::zero());
			}
			// Payment pass, a seat of a case closed without the court's ruling.
			(false, false, _) => Self::release_seat(id, index, &seat, Zero::zero()),
			// Payment pass, an incoherent seat: settled in the penalty pass.
			(false, true, false) => {}
		}
	}

	/// The next coherent juror's share: an equal part of the pot, the last one the rest.
	fn share(case: &Case<T>) -> BalanceOf<T> {
		let coherent = Self::coherent(case);
		let left = case.pot.saturating_sub(case.paid_out);
		if case.paid.saturating_add(1) >= coherent {
			return left;
		}
		let each = case.pot.checked_div(&BalanceOf::<T>::from(coherent)).unwrap_or_default();
		each.min(left)
	}

	/// Moves an incoherent juror's penalty from its stake into the court's account.
	fn penalise(id: CaseId, seat: &Seat<T>) -> BalanceOf<T> {
		let penalty = T::IncoherencePenalty::get().mul_floor(T::StakePerSeat::get());
		let taken = T::Currency::transfer_on_hold(
			&HoldReason::JurorStake.into(),
			&seat.juror,
			&Self::account(),
			penalty,
			Precision::BestEffort,
			Restriction::Free,
			Fortitude::Force,
		)
		.unwrap_or_default();
		Self::deposit_event(Event::JurorPenalised {
			case: id,
			juror: seat.juror.clone(),
			amount: taken,
		});
		taken
	}

	/// Pays a coherent juror's reward from the court's account.
	fn pay(id: CaseId, seat: &Seat<T>, reward: BalanceOf<T>) {
		if reward.is_zero() {
			return;
		}
		if T::Currency::transfer(&Self::account(), &seat.juror, reward, Preservation::Preserve)
			.is_err()
		{
			frame_support::defensive!("the court's account holds every pot it pays");
			return;
		}
		Self::deposit_event(Event::JurorRewarded {
			case: id,
			juror: seat.juror.clone(),
			amount: reward,
		});
	}

	/// Releases a seat: its lock is lifted, `taken` of the juror's stake is gone, and a juror
	/// left with nothing leaves the pool.
	fn release_seat(id: CaseId, index: u32, seat: &Seat<T>, taken: BalanceOf<T>) {
		Seats::<T>::remove(id, index);
		SeatOf::<T>::remove(id, &seat.juror);
		let Some(mut juror) = Jurors::<T>::get(&seat.juror) else {
			frame_support::defensive!("a seated juror stays in the pool until settled");
			return;
		};
		let before = juror.active;
		juror.active = juror.active.saturating_sub(taken);
		juror.locked = juror.locked.saturating_sub(T::StakePerSeat::get());
		juror.open_seats = juror.open_seats.saturating_sub(1);
		juror.locked = juror.locked.min(juror.active);
		if juror.active.is_zero() && juror.open_seats == 0 && juror.unbonding.is_none() {
			Self::save_juror(&seat.juror, before, juror.clone());
			Self::remove_juror(&seat.juror, juror.slot);
		} else {
			Self::save_juror(&seat.juror, before, juror);
		}
	}

	/// Ends a settled case: a pot no coherent juror took goes to `OnForfeit`.
	fn close_settled(id: CaseId, case: Case<T>) {
		let left = case.pot.saturating_sub(case.paid_out);
		if !left.is_zero() {
			match T::Currency::withdraw(
				&Self::account(),
				left,
				Precision::BestEffort,
				Preservation::Preserve,
				Fortitude::Polite,
			) {
				Ok(credit) => T::OnForfeit::on_unbalanced(credit),
				Err(_) => {
					frame_support::defensive!("the court's account holds every pot");
				}
			}
			Self::deposit_event(Event::PotForfeited { case: id, amount: left });
		}
		Cases::<T>::remove(id);
		CaseOf::<T>::remove(case.subject);
		Docket::<T>::mutate(|docket| docket.open = docket.open.saturating_sub(1));
		Self::deposit_event(Event::CaseSettled { case: id });
	}
}
