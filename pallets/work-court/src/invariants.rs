//! The court's storage invariants, checked by `try_state` and after every unit test.

use crate::{
	jury::to_u128, sum_tree, Agenda, BalanceOf, CaseOf, Cases, Config, Docket, HoldReason, Jurors,
	Jury, Pallet, Phase, SeatOf, Seats, Settling, SlotJuror,
};
use alloc::collections::btree_map::BTreeMap;
use frame_support::traits::{
	fungible::{Inspect, InspectHold},
	Get,
};
use sp_runtime::traits::{Saturating, Zero};

// `invariant!(condition, "what is wrong")` fails the check with that message.
use frame_support::ensure as invariant;

impl<T: Config> Pallet<T> {
	/// Checks every invariant of the court's storage against itself and the balances.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		Self::check_jurors()?;
		Self::check_cases()
	}

	/// Jurors: holds equal active plus unbonding stake; locks equal open seats; the draw tree
	/// and the drawable total equal the active stakes.
	fn check_jurors() -> Result<(), sp_runtime::TryRuntimeError> {
		let mut seats: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		for (_, juror, _) in SeatOf::<T>::iter() {
			let n = seats.entry(juror).or_insert(0);
			*n = n.saturating_add(1);
		}
		let capacity = T::MaxJurors::get();
		let reason = HoldReason::JurorStake.into();
		let mut drawable = 0u128;
		let mut count = 0u32;
		for (who, juror) in Jurors::<T>::iter() {
			let unbonding = juror.unbonding.map(|(value, _)| value).unwrap_or_default();
			invariant!(
				T::Currency::balance_on_hold(&reason, &who)
					== juror.active.saturating_add(unbonding),
				"juror hold differs from its stake"
			);
			let per_seat = T::StakePerSeat::get();
			invariant!(
				juror.locked == per_seat.saturating_mul(juror.open_seats.into()),
				"locked stake differs from open seats"
			);
			invariant!(juror.locked <= juror.active, "more locked than active");
			invariant!(
				seats.remove(&who).unwrap_or(0) == juror.open_seats,
				"open seats differ from the seats held"
			);
			invariant!(SlotJuror::<T>::get(juror.slot) == Some(who), "slot of another juror");
			let in_tree = sum_tree::prefix::<crate::jury::StoredTree<T>>(juror.slot)
				.saturating_sub(sum_tree::prefix::<crate::jury::StoredTree<T>>(
					juror.slot.saturating_sub(1),
				));
			invariant!(in_tree == to_u128::<T>(juror.active), "draw tree differs from the stake");
			drawable = drawable.saturating_add(to_u128::<T>(juror.active));
			count = count.saturating_add(1);
		}
		invariant!(seats.is_empty(), "seat of an account not in the pool");
		let jury = Jury::<T>::get();
		invariant!(jury.drawable == drawable, "drawable total differs from the jurors");
		invariant!(
			sum_tree::prefix::<crate::jury::StoredTree<T>>(capacity) == drawable,
			"draw tree total differs from the jurors"
		);
		invariant!(jury.jurors == count, "juror count is off");
		invariant!(SlotJuror::<T>::iter().count() as u32 == count, "slot without a juror");
		Ok(())
	}

	/// Cases: the docket, the agenda and the settlement queue match the cases; appeal bonds
	/// are on hold; the court's account holds its existential deposit and every open pot.
	fn check_cases() -> Result<(), sp_runtime::TryRuntimeError> {
		let queue = Settling::<T>::get();
		let mut bonds: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut pots: BalanceOf<T> = Zero::zero();
		let mut open = 0u32;
		for (id, case) in Cases::<T>::iter() {
			open = open.saturating_add(1);
			invariant!(CaseOf::<T>::get(case.subject) == Some(id), "case not under its subject");
			invariant!(id < Docket::<T>::get().next_id, "case id not yet issued");
			invariant!(
				(case.phase == Phase::Settling) == queue.contains(&id),
				"settling case out of the queue, or the reverse"
			);
			match case.scheduled {
				Some(block) => invariant!(
					Agenda::<T>::get(block).contains(&id),
					"scheduled case missing from the agenda"
				),
				None => invariant!(
					case.phase == Phase::Settling,
					"a case waiting for a phase end is not scheduled"
				),
			}
			let stored = Seats::<T>::iter_prefix(id).count() as u32;
			invariant!(stored <= case.seats, "more seats stored than drawn");
			invariant!(case.seats <= T::MaxSeatsPerCase::get(), "more seats than MaxSeatsPerCase");
			invariant!(case.paid_out <= case.pot, "paid out more than the pot");
			pots = pots.saturating_add(case.pot.saturating_sub(case.paid_out));
			for appeal in case.appeals.iter() {
				let held = bonds.entry(appeal.appellant.clone()).or_insert_with(Zero::zero);
				*held = held.saturating_add(appeal.bond);
			}
		}
		invariant!(Docket::<T>::get().open == open, "open case count is off");
		invariant!(CaseOf::<T>::iter().count() as u32 == open, "subject without a case");
		let reason = HoldReason::AppealBond.into();
		for (who, bond) in bonds {
			invariant!(
				T::Currency::balance_on_hold(&reason, &who) == bond,
				"appeal bonds on hold differ from the open appeals"
			);
		}
		let account = T::Currency::balance(&Self::account());
		// Anyone may send the account more; it never holds less.
		invariant!(
			account >= T::Currency::minimum_balance().saturating_add(pots),
			"the court's account holds less than its deposit and open pots"
		);
		Ok(())
	}
}
