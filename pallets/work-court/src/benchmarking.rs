//! Benchmarks (frame-benchmarking v2) for every call and every step of the hook, each in its
//! worst case. Cases are opened on made-up subjects: what the owner does with a ruling is
//! charged through its [`Verdicts::decide_weight`](work_token_primitives::Verdicts).

use crate::*;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{
		fungible::{Inspect, Mutate, MutateHold},
		EnsureOrigin, Get,
	},
	BoundedVec,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_runtime::traits::{One, Saturating};

/// A funded account.
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	let balance = T::MinJurorStake::get().saturating_mul(1_000_000u32.into());
	T::Currency::set_balance(&who, balance);
	who
}

/// A juror with `factor` times the minimum stake.
fn juror<T: Config>(index: u32, factor: u32) -> T::AccountId {
	let who = funded::<T>("juror", index);
	Pallet::<T>::do_join(&who, T::MinJurorStake::get().saturating_mul(factor.into()))
		.expect("joins");
	who
}

/// The court's account holds its existential deposit (as at genesis).
fn endow_court<T: Config>() {
	let ed = T::Currency::minimum_balance();
	T::Currency::set_balance(&Pallet::<T>::account(), ed);
}

/// Opens case `index` on a made-up slash; returns its id.
fn open<T: Config>(index: u32) -> CaseId {
	endow_court::<T>();
	let accused = funded::<T>("accused", index);
	let accuser = funded::<T>("accuser", index);
	let id = Docket::<T>::get().next_id;
	Pallet::<T>::open_case(Subject::Dispute(index), accused, Some(accuser)).expect("opens");
	id
}

/// Seats `who` in case `id`'s current round and moves the case to `phase`.
fn seated<T: Config>(id: CaseId, who: &T::AccountId, phase: Phase<BlockNumberFor<T>>) {
	let mut case = Cases::<T>::get(id).expect("open");
	let index = case.seats;
	Seats::<T>::insert(
		id,
		index,
		Seat { juror: who.clone(), round: case.round, commitment: None, vote: None },
	);
	SeatOf::<T>::insert(id, who, index);
	Jurors::<T>::mutate(who, |juror| {
		if let Some(juror) = juror {
			juror.locked = juror.locked.saturating_add(T::StakePerSeat::get());
			juror.open_seats = juror.open_seats.saturating_add(1);
		}
	});
	case.seats = index.saturating_add(1);
	case.phase = phase;
	Cases::<T>::insert(id, case);
}

/// Adds the most appeals a case can have, each by a funded appellant with its bond on hold.
fn appealed_to_the_end<T: Config>(id: CaseId) {
	let mut case = Cases::<T>::get(id).expect("open");
	for round in 0..=T::MaxAppealRounds::get() {
		let appellant = funded::<T>("appellant", round);
		let bond = Pallet::<T>::appeal_bond(round as u8);
		T::Currency::hold(&HoldReason::AppealBond.into(), &appellant, bond).expect("holds");
		case.appeals
			.try_push(Appeal { appellant, against: Ruling::Uphold, bond })
			.expect("room for every appeal");
	}
	Cases::<T>::insert(id, case);
}

fn now<T: Config>() -> BlockNumberFor<T> {
	frame_system::Pallet::<T>::block_number()
}

/// The end of a window still open when the call runs (the harness may move to block 1 after
/// the setup).
fn open_until<T: Config>() -> BlockNumberFor<T> {
	now::<T>().saturating_add(10u32.into())
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// A new juror: a fresh slot and a path of the draw tree.
	#[benchmark]
	fn join_jury() {
		let who = funded::<T>("juror", 0);
		let stake = T::MinJurorStake::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), stake);

		assert_eq!(Jurors::<T>::get(&who).map(|j| j.active), Some(stake));
	}

	#[benchmark]
	fn unbond_juror() {
		let who = juror::<T>(0, 3);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), T::MinJurorStake::get());

		assert!(Jurors::<T>::get(&who).is_some_and(|j| j.unbonding.is_some()));
	}

	/// Withdrawing everything: the juror leaves and its slot is freed.
	#[benchmark]
	fn withdraw_juror_stake() {
		let who = juror::<T>(0, 1);
		Pallet::<T>::do_unbond(&who, T::MinJurorStake::get()).expect("unbonds");
		frame_system::Pallet::<T>::set_block_number(
			now::<T>().saturating_add(T::JurorUnbonding::get()),
		);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));

		assert!(Jurors::<T>::get(&who).is_none());
	}

	#[benchmark]
	fn commit_vote() {
		let id = open::<T>(0);
		let who = juror::<T>(0, 2);
		seated::<T>(id, &who, Phase::Commit { ends: open_until::<T>() });

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), id, [1u8; 32]);

		assert!(SeatOf::<T>::get(id, &who)
			.and_then(|i| Seats::<T>::get(id, i))
			.is_some_and(|s| s.commitment.is_some()));
	}

	#[benchmark]
	fn reveal_vote() {
		let id = open::<T>(0);
		let who = juror::<T>(0, 2);
		seated::<T>(id, &who, Phase::Commit { ends: open_until::<T>() });
		let salt = [2u8; 32];
		let commitment = Pallet::<T>::commitment(&who, id, Ruling::Overturn, salt);
		Pallet::<T>::do_commit(&who, id, commitment).expect("commits");
		Cases::<T>::mutate(id, |case| {
			if let Some(case) = case {
				case.phase = Phase::Reveal { ends: open_until::<T>() };
			}
		});

		#[extrinsic_call]
		_(RawOrigin::Signed(who), id, Ruling::Overturn, salt);

		assert_eq!(Cases::<T>::get(id).map(|c| c.tally.of(Ruling::Overturn)), Some(1));
	}

	/// An appeal that starts a new round (a new agenda entry).
	#[benchmark]
	fn appeal() {
		let id = open::<T>(0);
		let case = Cases::<T>::get(id).expect("open");
		Cases::<T>::mutate(id, |c| {
			if let Some(c) = c {
				c.phase = Phase::Appeal { ends: open_until::<T>() };
				c.ruling = Some(Ruling::Uphold);
			}
		});

		#[extrinsic_call]
		_(RawOrigin::Signed(case.accused), id);

		assert_eq!(Cases::<T>::get(id).map(|c| c.round), Some(1));
	}

	/// Deciding a case with every appeal made (each bond returned or forfeited).
	#[benchmark]
	fn decide_appealed() -> Result<(), BenchmarkError> {
		let id = open::<T>(0);
		appealed_to_the_end::<T>(id);
		Cases::<T>::mutate(id, |c| {
			if let Some(c) = c {
				c.phase = Phase::Fallback { ends: now::<T>() };
				c.ruling = Some(Ruling::Uphold);
			}
		});
		let origin =
			T::FallbackOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, Ruling::Overturn);

		assert_eq!(Cases::<T>::get(id).map(|c| c.phase), Some(Phase::Settling));
		Ok(())
	}

	/// Opening a case when the agenda is full for as far as the search goes but its last
	/// block.
	#[benchmark]
	fn open_case() {
		endow_court::<T>();
		// Every block the search tries but the last is full.
		let search = Pallet::<T>::agenda_search();
		let start = now::<T>().saturating_add(One::one());
		let mut block = start;
		for _ in 0..search {
			let full: alloc::vec::Vec<CaseId> =
				(0..T::MaxCasesPerBlock::get()).map(|i| u32::MAX - i).collect();
			Agenda::<T>::insert(block, BoundedVec::truncate_from(full));
			block = block.saturating_add(One::one());
		}
		let accused = funded::<T>("accused", 0);
		let accuser = funded::<T>("accuser", 0);

		#[block]
		{
			Pallet::<T>::open_case(Subject::Dispute(0), accused, Some(accuser)).expect("opens");
		}

		assert!(CaseOf::<T>::contains_key(Subject::Dispute(0)));
	}

	/// Closing a case with every appeal made (each bond returned).
	#[benchmark]
	fn close_case() {
		let id = open::<T>(0);
		appealed_to_the_end::<T>(id);

		#[block]
		{
			Pallet::<T>::close_case(Subject::Dispute(0));
		}

		assert_eq!(Cases::<T>::get(id).map(|c| c.phase), Some(Phase::Settling));
	}

	/// A block with nothing on the agenda.
	#[benchmark]
	fn advance_idle() {
		#[block]
		{
			Pallet::<T>::advance_due_cases(now::<T>());
		}
	}

	/// Commit window over: reveal opens.
	#[benchmark]
	fn advance_phase() {
		let id = open::<T>(0);
		Cases::<T>::mutate(id, |c| {
			if let Some(c) = c {
				c.phase = Phase::Commit { ends: now::<T>() };
			}
		});

		#[block]
		{
			let _ = Pallet::<T>::advance_phase_of(id);
		}

		assert!(matches!(Cases::<T>::get(id).map(|c| c.phase), Some(Phase::Reveal { .. })));
	}

	/// Drawing `s` seats where every pick is rejected: the other `MaxSeatsPerCase - s` seats
	/// of the case are taken (each read and taken out of the draw), and every other juror's
	/// stake is locked by other cases, so each of the round's `s × MaxDrawAttempts` picks
	/// descends the tree with a growing list of jurors taken out, and is rejected. The writes
	/// of a seat that is filled are charged on top (see `draw_weight`).
	#[benchmark]
	fn draw_round(s: Linear<1, { T::MaxSeatsPerCase::get() }>) {
		let seats = T::MaxSeatsPerCase::get();
		let room = T::MaxJurors::get().saturating_sub(Jury::<T>::get().jurors);
		let pool = seats.saturating_mul(T::MaxDrawAttempts::get().saturating_add(1)).min(room);
		let jurors: alloc::vec::Vec<T::AccountId> = (0..pool).map(|i| juror::<T>(i, 1)).collect();
		let id = open::<T>(0);
		for who in jurors.iter().take(seats.saturating_sub(s) as usize) {
			seated::<T>(id, who, Phase::Drawing { at: now::<T>() });
		}
		// Every juror, also any from genesis, has its stake locked by other cases.
		let everyone: alloc::vec::Vec<T::AccountId> = Jurors::<T>::iter_keys().collect();
		for who in &everyone {
			Jurors::<T>::mutate(who, |juror| {
				if let Some(juror) = juror {
					juror.locked = juror.active;
				}
			});
		}
		let mut case = Cases::<T>::get(id).expect("open");

		#[block]
		{
			Pallet::<T>::draw_seats(id, &mut case, s);
		}

		assert_eq!(case.seats, seats.saturating_sub(s));
	}

	/// Making a ruling final with every appeal made; the owner's part is charged through its
	/// `decide_weight`.
	#[benchmark]
	fn finalize() {
		let id = open::<T>(0);
		appealed_to_the_end::<T>(id);
		Cases::<T>::mutate(id, |c| {
			if let Some(c) = c {
				c.phase = Phase::Appeal { ends: now::<T>() };
				c.ruling = Some(Ruling::Uphold);
			}
		});

		#[block]
		{
			let _ = Pallet::<T>::advance_phase_of(id);
		}

		assert_eq!(Cases::<T>::get(id).map(|c| c.phase), Some(Phase::Settling));
	}

	/// `n` settlement steps, each a penalty (the costlier kind: a transfer from a hold).
	#[benchmark]
	fn settle(n: Linear<0, { T::MaxSettlementsPerBlock::get() }>) {
		let id = open::<T>(0);
		for i in 0..n {
			let who = juror::<T>(i, 2);
			seated::<T>(id, &who, Phase::Settling);
		}
		Cases::<T>::mutate(id, |c| {
			if let Some(c) = c {
				c.phase = Phase::Settling;
				c.ruling = Some(Ruling::Uphold);
				c.scheduled = None;
			}
		});
		let _ = Settling::<T>::try_append(id);

		#[block]
		{
			Pallet::<T>::settle_some();
		}

		let case = Cases::<T>::get(id);
		assert!(case.is_none() || case.is_some_and(|c| c.settled >= n));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
