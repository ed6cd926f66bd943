//! Appeals: the losing side posts a bond that doubles each round, the next round draws twice
//! the jurors plus one, the last appeal goes to the fallback origin, and every wait ends.

use crate::{mock::*, Cases, Error, Event, Phase, Ruling, Subject};
use frame_support::assert_ok;
use pallet_work_token::PendingSlashes;

/// A dispute whose first round upheld the slash; returns (slash, case, round-0 jurors).
fn upheld_once() -> (u32, crate::CaseId, Vec<AccountId>) {
	let slash = disputed_slash();
	let (id, _) = case_of(Subject::Dispute(slash));
	run_until_phase(id, |p| matches!(p, Phase::Commit { .. }));
	let jurors = jurors_of(id, 0);
	let votes: Vec<_> = jurors.iter().map(|j| (*j, Ruling::Uphold)).collect();
	vote_round(id, &votes);
	(slash, id, jurors)
}

#[test]
fn the_accused_appeals_an_upheld_slash_and_seven_new_jurors_are_drawn() {
	ExtBuilder::default().build_and_execute(|| {
		let (_, id, first) = upheld_once();
		let before = free(PROVIDER);
		assert_ok!(WorkCourt::appeal(RuntimeOrigin::signed(PROVIDER), id));
		System::assert_has_event(
			Event::Appealed {
				case: id,
				appellant: PROVIDER,
				bond: APPEAL_BOND,
				to_fallback: false,
			}
			.into(),
		);
		assert_eq!((free(PROVIDER), appeal_held(PROVIDER)), (before - APPEAL_BOND, APPEAL_BOND));
		run_until_phase(id, |p| matches!(p, Phase::Commit { .. }));
		let second = jurors_of(id, 1);
		assert_eq!(second.len(), 7);
		assert!(second.iter().all(|j| !first.contains(j)), "a juror sits once in a case");
		assert_eq!(Cases::<Test>::get(id).unwrap().round, 1);
	});
}

#[test]
fn a_successful_appeal_gets_its_bond_back_and_the_first_rounds_jurors_are_incoherent() {
	ExtBuilder::default().build_and_execute(|| {
		let (slash, id, first) = upheld_once();
		assert_ok!(WorkCourt::appeal(RuntimeOrigin::signed(PROVIDER), id));
		run_until_phase(id, |p| matches!(p, Phase::Commit { .. }));
		let second = jurors_of(id, 1);
		let votes: Vec<_> = second.iter().map(|j| (*j, Ruling::Overturn)).collect();
		vote_round(id, &votes);
		run_until_settled(id);
		assert!(PendingSlashes::<Test>::get(slash).is_none(), "overturned");
		// Appeal bond and dispute bond back; the first round's jurors lose 5 each.
		assert_eq!((appeal_held(PROVIDER), dispute_bond_held(PROVIDER)), (0, 0));
		assert!(!court_events().iter().any(|e| matches!(e, Event::AppealBondForfeited { .. })));
		System::assert_has_event(
			pallet_work_token::Event::BondReturned { who: PROVIDER, amount: DISPUTE_BOND }.into(),
		);
		for juror in &first {
			assert_eq!(juror_held(*juror), JUROR_STAKE - 5);
		}
		// The pot (report bond 50 + 3 × 5) goes to the seven coherent jurors of round 1.
		let paid = rewards_paid();
		assert_eq!(paid, REPORT_BOND + 15);
	});
}

#[test]
fn a_failed_appeal_forfeits_its_bond_to_the_coherent_jurors() {
	ExtBuilder::default().build_and_execute(|| {
		let (_, id, first) = upheld_once();
		assert_ok!(WorkCourt::appeal(RuntimeOrigin::signed(PROVIDER), id));
		run_until_phase(id, |p| matches!(p, Phase::Commit { .. }));
		let second = jurors_of(id, 1);
		let votes: Vec<_> = second.iter().map(|j| (*j, Ruling::Uphold)).collect();
		vote_round(id, &votes);
		run_until_settled(id);
		System::assert_has_event(
			Event::AppealBondForfeited { case: id, appellant: PROVIDER, amount: APPEAL_BOND }
				.into(),
		);
		// Ten coherent jurors (3 + 7) share the appeal bond and the dispute bond: 140.
		let paid = rewards_paid();
		assert_eq!(paid, APPEAL_BOND + DISPUTE_BOND);
		assert_eq!(first.len() + second.len(), 10);
		assert_eq!(appeal_held(PROVIDER), 0);
	});
}

#[test]
fn the_appeal_of_the_last_round_goes_to_governance_which_decides() {
	ExtBuilder::default().build_and_execute(|| {
		let (slash, id, _) = upheld_once();
		// Round 0 → 1 → 2, each upheld by silence (the default), the bond doubling.
		for (round, bond) in [(0u8, APPEAL_BOND), (1, 2 * APPEAL_BOND)] {
			assert_eq!(WorkCourt::appeal_bond(round), bond);
			assert_ok!(WorkCourt::appeal(RuntimeOrigin::signed(PROVIDER), id));
			vote_round(id, &[]);
		}
		assert_eq!(Cases::<Test>::get(id).unwrap().round, 2);
		assert_ok!(WorkCourt::appeal(RuntimeOrigin::signed(PROVIDER), id));
		System::assert_has_event(
			Event::Appealed {
				case: id,
				appellant: PROVIDER,
				bond: 4 * APPEAL_BOND,
				to_fallback: true,
			}
			.into(),
		);
		assert!(matches!(Cases::<Test>::get(id).unwrap().phase, Phase::Fallback { .. }));
		assert_noop!(
			WorkCourt::decide_appealed(RuntimeOrigin::signed(PROVIDER), id, Ruling::Overturn),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_ok!(WorkCourt::decide_appealed(
			RuntimeOrigin::signed(GOVERNANCE),
			id,
			Ruling::Overturn
		));
		run_until_settled(id);
		assert!(PendingSlashes::<Test>::get(slash).is_none());
		// Every appeal was against Uphold and the final ruling is Overturn: all bonds back.
		assert_eq!(appeal_held(PROVIDER), 0);
	});
}

#[test]
fn governance_silence_leaves_the_last_rounds_ruling() {
	ExtBuilder::default().build_and_execute(|| {
		let (slash, id, _) = upheld_once();
		for _ in 0..2 {
			assert_ok!(WorkCourt::appeal(RuntimeOrigin::signed(PROVIDER), id));
			vote_round(id, &[]);
		}
		assert_ok!(WorkCourt::appeal(RuntimeOrigin::signed(PROVIDER), id));
		run_until_settled(id);
		// The token heard the court's Uphold (the slash has applied since, or waits to).
		System::assert_has_event(
			pallet_work_token::Event::DisputeResolved {
				id: slash,
				verdict: work_token_primitives::Verdict::Uphold,
			}
			.into(),
		);
		System::assert_has_event(
			Event::CaseDecided {
				case: id,
				subject: Subject::Dispute(slash),
				ruling: Ruling::Uphold,
			}
			.into(),
		);
	});
}

#[test]
fn appeal_errors_change_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		let slash = disputed_slash();
		let (id, _) = case_of(Subject::Dispute(slash));
		assert_noop!(
			WorkCourt::appeal(RuntimeOrigin::signed(PROVIDER), id),
			Error::<Test>::NotAppealPhase
		);
		assert_noop!(
			WorkCourt::appeal(RuntimeOrigin::signed(PROVIDER), 99),
			Error::<Test>::UnknownCase
		);
		run_until_phase(id, |p| matches!(p, Phase::Commit { .. }));
		let votes: Vec<_> = jurors_of(id, 0).into_iter().map(|j| (j, Ruling::Uphold)).collect();
		vote_round(id, &votes);
		// Upheld: only the accused lost; the reporter won.
		assert_noop!(
			WorkCourt::appeal(RuntimeOrigin::signed(REPORTER), id),
			Error::<Test>::NotLosingParty
		);
		assert_noop!(
			WorkCourt::appeal(RuntimeOrigin::signed(30), id),
			Error::<Test>::NotLosingParty
		);
		// The accused without the bond.
		let spendable = free(PROVIDER) - 1;
		assert_ok!(<Balances as frame_support::traits::fungible::Mutate<_>>::transfer(
			&PROVIDER,
			&2,
			spendable - APPEAL_BOND + 1,
			frame_support::traits::tokens::Preservation::Preserve
		));
		assert_noop!(
			WorkCourt::appeal(RuntimeOrigin::signed(PROVIDER), id),
			Error::<Test>::InsufficientBalance
		);
		// After the window.
		run_until_settled(id);
		assert_noop!(
			WorkCourt::appeal(RuntimeOrigin::signed(PROVIDER), id),
			Error::<Test>::UnknownCase
		);
		assert_noop!(
			WorkCourt::decide_appealed(RuntimeOrigin::signed(GOVERNANCE), id, Ruling::Uphold),
			Error::<Test>::UnknownCase
		);
	});
}

#[test]
fn an_appeal_round_nobody_votes_in_leaves_the_appealed_ruling_standing() {
	ExtBuilder::default().build_and_execute(|| {
		let slash = disputed_slash();
		let (id, _) = case_of(Subject::Dispute(slash));
		run_until_phase(id, |p| matches!(p, Phase::Commit { .. }));
		let first = jurors_of(id, 0);
		let votes: Vec<_> = first.iter().map(|j| (*j, Ruling::Overturn)).collect();
		vote_round(id, &votes);
		// The reporter lost and appeals; the appeal round stays silent (as if nobody could be
		// drawn): silence does not undo round 0.
		assert_ok!(WorkCourt::appeal(RuntimeOrigin::signed(REPORTER), id));
		vote_round(id, &[]);
		assert_eq!(Cases::<Test>::get(id).unwrap().ruling, Some(Ruling::Overturn));
		run_until_settled(id);
		assert!(PendingSlashes::<Test>::get(slash).is_none(), "overturned");
		System::assert_has_event(
			Event::AppealBondForfeited { case: id, appellant: REPORTER, amount: APPEAL_BOND }
				.into(),
		);
		// Round 0's jurors were right: they share the report bond, the appeal bond and the
		// silent round's penalties (7 × 5).
		assert_eq!(rewards_paid(), REPORT_BOND + APPEAL_BOND + 35);
		for juror in &first {
			assert_eq!(juror_held(*juror), JUROR_STAKE);
		}
	});
}

#[test]
fn an_appeal_that_ends_worse_for_the_appellant_loses_its_bond() {
	ExtBuilder::default().build_and_execute(|| {
		let slash = disputed_slash();
		let (id, _) = case_of(Subject::Dispute(slash));
		run_until_phase(id, |p| matches!(p, Phase::Commit { .. }));
		let half = Ruling::Reduce(crate::Reduction::Half);
		let votes: Vec<_> = jurors_of(id, 0).into_iter().map(|j| (j, half)).collect();
		vote_round(id, &votes);
		// The accused wants less than half and appeals; the next round upholds in full.
		assert_ok!(WorkCourt::appeal(RuntimeOrigin::signed(PROVIDER), id));
		run_until_phase(id, |p| matches!(p, Phase::Commit { .. }));
		let votes: Vec<_> = jurors_of(id, 1).into_iter().map(|j| (j, Ruling::Uphold)).collect();
		vote_round(id, &votes);
		run_until_settled(id);
		System::assert_has_event(
			Event::AppealBondForfeited { case: id, appellant: PROVIDER, amount: APPEAL_BOND }
				.into(),
		);
		assert_eq!(appeal_held(PROVIDER), 0);
	});
}

#[test]
fn a_ruling_the_owner_refuses_settles_the_case_as_closed() {
	ExtBuilder::default().build_and_execute(|| {
		let (slash, id, first) = upheld_once();
		assert_ok!(WorkCourt::appeal(RuntimeOrigin::signed(PROVIDER), id));
		// The slash disappears behind the court's back (the owner will refuse the ruling).
		let pending = PendingSlashes::<Test>::take(slash).unwrap();
		run_until_phase(id, |p| matches!(p, Phase::Commit { .. }));
		let votes: Vec<_> = jurors_of(id, 1).into_iter().map(|j| (j, Ruling::Uphold)).collect();
		vote_round(id, &votes);
		run_until_settled(id);
		assert!(court_events().iter().any(|e| matches!(e, Event::RulingNotApplied { .. })));
		// Nobody is paid or penalised by a ruling that was not applied; the appeal bond is back.
		assert_eq!(rewards_paid(), 0);
		assert!(!court_events().iter().any(|e| matches!(e, Event::JurorPenalised { .. })));
		assert_eq!(appeal_held(PROVIDER), 0);
		for juror in &first {
			assert_eq!(juror_held(*juror), JUROR_STAKE);
		}
		// Put the slash back so that the work token's books balance for the final checks.
		PendingSlashes::<Test>::insert(slash, pending);
	});
}
