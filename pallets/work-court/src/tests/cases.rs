//! A case from dispute to settlement, to the unit: drawing, commit and reveal, the ruling
//! applied through the seam, penalties and rewards; challenged jobs; cases nobody votes on;
//! cases their owner ends first.

use crate::{mock::*, Cases, Event, Phase, Reduction, Ruling, Subject};
use frame_support::assert_ok;
use pallet_work_token::{PendingSlashes, Tombstones};

/// The first round of a fresh dispute, with its jurors.
fn first_round() -> (u32, crate::CaseId, Vec<AccountId>) {
	let slash = disputed_slash();
	let (id, case) = case_of(Subject::Dispute(slash));
	assert_eq!(case.phase, Phase::Drawing { at: 2 });
	run_until_phase(id, |p| matches!(p, Phase::Commit { .. }));
	let jurors = jurors_of(id, 0);
	(slash, id, jurors)
}

#[test]
fn a_dispute_opens_a_case_and_the_next_block_draws_three_jurors_who_lock_a_seat_each() {
	ExtBuilder::default().build_and_execute(|| {
		let (_, id, jurors) = first_round();
		assert_eq!(jurors.len(), 3);
		System::assert_has_event(
			Event::RoundDrawn { case: id, round: 0, jurors: 3, commit_ends: 2 + WINDOW }.into(),
		);
		for juror in &jurors {
			let record = crate::Jurors::<Test>::get(juror).unwrap();
			assert_eq!((record.locked, record.open_seats), (STAKE_PER_SEAT, 1));
			assert!(WorkCourt::seated(id, juror));
		}
		// Parties are never drawn.
		assert!(!jurors.contains(&PROVIDER) && !jurors.contains(&REPORTER));
	});
}

#[test]
fn jurors_overturn_a_slash_the_reporter_forfeits_its_bond_to_them_and_the_dissenter_pays() {
	ExtBuilder::default().build_and_execute(|| {
		let (slash, id, jurors) = first_round();
		let (a, b, c) = (jurors[0], jurors[1], jurors[2]);
		let before: Vec<Balance> = jurors.iter().map(|j| free(*j)).collect();
		let reporter_before = free(REPORTER);
		vote_round(id, &[(a, Ruling::Overturn), (b, Ruling::Overturn), (c, Ruling::Uphold)]);
		let case = Cases::<Test>::get(id).unwrap();
		assert_eq!(case.ruling, Some(Ruling::Overturn));
		assert_eq!(case.tally.of(Ruling::Overturn), 2);
		// Nobody appeals: the ruling is final when the window ends.
		run_until_settled(id);
		System::assert_has_event(
			Event::CaseDecided {
				case: id,
				subject: Subject::Dispute(slash),
				ruling: Ruling::Overturn,
			}
			.into(),
		);
		// The work token dropped the slash: dispute bond back, report bond to the court.
		assert!(PendingSlashes::<Test>::get(slash).is_none());
		System::assert_has_event(
			pallet_work_token::Event::BondReturned { who: PROVIDER, amount: DISPUTE_BOND }.into(),
		);
		assert_eq!(dispute_bond_held(PROVIDER), 0);
		System::assert_has_event(
			pallet_work_token::Event::BondForfeited {
				who: REPORTER,
				to: WorkCourt::account(),
				amount: REPORT_BOND,
			}
			.into(),
		);
		assert_eq!((free(REPORTER), report_bond_held(REPORTER)), (reporter_before, 0));
		// Pot: the report bond (50) and the dissenter's penalty (half of its seat's 10).
		System::assert_has_event(Event::JurorPenalised { case: id, juror: c, amount: 5 }.into());
		assert_eq!(juror_held(c), JUROR_STAKE - 5);
		assert_eq!(free(c), before[2]);
		// Two coherent jurors share 55: 27, and the last one what is left, 28.
		assert_eq!(free(a) - before[0] + free(b) - before[1], 55);
		assert!(free(a) - before[0] >= 27 && free(b) - before[1] >= 27);
		assert_eq!((juror_held(a), juror_held(b)), (JUROR_STAKE, JUROR_STAKE));
		for juror in &jurors {
			let record = crate::Jurors::<Test>::get(juror).unwrap();
			assert_eq!((record.locked, record.open_seats), (0, 0));
		}
		assert_eq!(WorkCourt::pot_balance(), 0);
		System::assert_has_event(Event::CaseSettled { case: id }.into());
	});
}

#[test]
fn jurors_uphold_a_slash_the_provider_forfeits_its_dispute_bond_to_them() {
	ExtBuilder::default().build_and_execute(|| {
		let (slash, id, jurors) = first_round();
		let before: Vec<Balance> = jurors.iter().map(|j| free(*j)).collect();
		let votes: Vec<_> = jurors.iter().map(|j| (*j, Ruling::Uphold)).collect();
		vote_round(id, &votes);
		run_until_settled(id);
		// Decided before the dispute window's end: the slash waits for it, then applies.
		let pending = PendingSlashes::<Test>::get(slash).unwrap();
		assert_eq!(pending.decided, Some(Perbill::one()));
		run_to_block(2 * ERA_LENGTH);
		assert!(PendingSlashes::<Test>::get(slash).is_none());
		assert!(Tombstones::<Test>::contains_key(PROVIDER), "a Critical slash tombstones");
		// The dispute bond (100) split three ways: 33, 33, 34.
		let gains: Vec<Balance> = jurors.iter().zip(&before).map(|(j, b)| free(*j) - b).collect();
		assert_eq!(gains.iter().sum::<Balance>(), DISPUTE_BOND);
		assert!(gains.iter().all(|g| *g == 33 || *g == 34));
	});
}

#[test]
fn a_round_nobody_votes_on_ends_with_the_default_and_the_silent_jurors_lose_to_burn() {
	ExtBuilder::default().build_and_execute(|| {
		let (slash, id, jurors) = first_round();
		vote_round(id, &[]);
		assert_eq!(Cases::<Test>::get(id).unwrap().ruling, Some(Ruling::Uphold));
		let burned_before = burned();
		run_until_settled(id);
		// The slash stands (as on a timeout), each silent juror lost 5, and with nobody
		// coherent the pot (100 + 15) is burnt.
		assert_eq!(PendingSlashes::<Test>::get(slash).unwrap().decided, Some(Perbill::one()));
		for juror in &jurors {
			assert_eq!(juror_held(*juror), JUROR_STAKE - 5);
		}
		System::assert_has_event(Event::PotForfeited { case: id, amount: 115 }.into());
		assert_eq!(burned() - burned_before, 115);
	});
}

#[test]
fn a_reduction_applies_the_chosen_part_and_both_bonds_come_back() {
	ExtBuilder::default().build_and_execute(|| {
		let (slash, id, jurors) = first_round();
		let half = Ruling::Reduce(Reduction::Half);
		let votes: Vec<_> = jurors.iter().map(|j| (*j, half)).collect();
		vote_round(id, &votes);
		run_until_settled(id);
		assert_eq!(
			PendingSlashes::<Test>::get(slash).unwrap().decided,
			Some(Perbill::from_percent(50))
		);
		System::assert_has_event(
			pallet_work_token::Event::BondReturned { who: PROVIDER, amount: DISPUTE_BOND }.into(),
		);
		assert_eq!(dispute_bond_held(PROVIDER), 0);
		assert_eq!(report_bond_held(REPORTER), REPORT_BOND, "it waits for the slash to apply");
		// Nobody forfeited anything, nobody was incoherent: the pot is empty, seats released.
		assert_eq!(WorkCourt::pot_balance(), 0);
		for juror in &jurors {
			assert_eq!(juror_held(*juror), JUROR_STAKE);
		}
	});
}

#[test]
fn a_challenged_job_is_decided_by_jurors_and_cannot_be_reduced() {
	ExtBuilder::default().build_and_execute(|| {
		let job = pallet_work_market::JobQueueState::<Test>::get().next_id;
		assert_ok!(WorkMarket::submit_job(RuntimeOrigin::signed(CLIENT), evidence(3), 10));
		next_block();
		assert_ok!(WorkMarket::submit_result(RuntimeOrigin::signed(PROVIDER), job, evidence(4)));
		assert_ok!(WorkMarket::challenge_result(RuntimeOrigin::signed(CLIENT), job));
		let (id, case) = case_of(Subject::Challenge(job));
		assert_eq!((case.accused, case.accuser), (PROVIDER, Some(CLIENT)));
		run_until_phase(id, |p| matches!(p, Phase::Commit { .. }));
		let jurors = jurors_of(id, 0);
		let half = Ruling::Reduce(Reduction::Half);
		for juror in &jurors {
			let commitment = WorkCourt::commitment(juror, id, half, salt(*juror));
			assert_ok!(WorkCourt::commit_vote(RuntimeOrigin::signed(*juror), id, commitment));
		}
		run_until_phase(id, |p| matches!(p, Phase::Reveal { .. }));
		assert_noop!(
			WorkCourt::reveal_vote(RuntimeOrigin::signed(jurors[0]), id, half, salt(jurors[0])),
			crate::Error::<Test>::RulingNotAllowed
		);
		// Recommitting is over; they vote again next time. Here nobody reveals: the default
		// for a job is that the result stands, and the provider is paid.
		run_until_settled(id);
		assert!(pallet_work_market::Jobs::<Test>::get(job).is_none());
		System::assert_has_event(
			pallet_work_market::Event::ChallengeResolved { id: job, upheld: false }.into(),
		);
	});
}

#[test]
fn an_upheld_challenge_refunds_the_client_through_the_market() {
	ExtBuilder::default().build_and_execute(|| {
		let job = pallet_work_market::JobQueueState::<Test>::get().next_id;
		assert_ok!(WorkMarket::submit_job(RuntimeOrigin::signed(CLIENT), evidence(3), 10));
		next_block();
		assert_ok!(WorkMarket::submit_result(RuntimeOrigin::signed(PROVIDER), job, evidence(4)));
		let client = free(CLIENT);
		assert_ok!(WorkMarket::challenge_result(RuntimeOrigin::signed(CLIENT), job));
		let (id, _) = case_of(Subject::Challenge(job));
		run_until_phase(id, |p| matches!(p, Phase::Commit { .. }));
		let votes: Vec<_> = jurors_of(id, 0).into_iter().map(|j| (j, Ruling::Uphold)).collect();
		vote_round(id, &votes);
		run_until_settled(id);
		System::assert_has_event(
			pallet_work_market::Event::ChallengeResolved { id: job, upheld: true }.into(),
		);
		assert_eq!(free(CLIENT), client + 10, "the fee came back");
	});
}

#[test]
fn a_case_its_owner_ends_first_releases_every_seat_without_reward_or_penalty() {
	ExtBuilder::default().build_and_execute(|| {
		let (slash, id, jurors) = first_round();
		// The admin cancels the slash while jurors are still committing.
		assert_ok!(WorkToken::cancel_slash(RuntimeOrigin::root(), slash));
		System::assert_has_event(Event::CaseClosed { case: id }.into());
		assert_eq!(Cases::<Test>::get(id).unwrap().phase, Phase::Settling);
		run_until_settled(id);
		for juror in &jurors {
			assert_eq!(juror_held(*juror), JUROR_STAKE);
			assert_eq!(crate::Jurors::<Test>::get(juror).unwrap().open_seats, 0);
		}
		assert!(crate::Agenda::<Test>::iter().all(|(_, due)| !due.contains(&id)));
	});
}

#[test]
fn the_arbiter_origin_can_still_decide_and_the_court_steps_aside() {
	ExtBuilder::default().build_and_execute(|| {
		let (slash, id, _) = first_round();
		assert_ok!(WorkToken::resolve_dispute(
			RuntimeOrigin::root(),
			slash,
			work_token_primitives::Verdict::Overturn
		));
		System::assert_has_event(Event::CaseClosed { case: id }.into());
		// Forfeited bonds of an origin's verdict do not go to the court.
		assert_eq!(WorkCourt::pot_balance(), 0);
		run_until_settled(id);
	});
}

#[test]
fn a_full_court_leaves_the_dispute_to_the_arbiter_origin() {
	ExtBuilder::default().build_and_execute(|| {
		crate::Docket::<Test>::mutate(|d| {
			d.open = <Test as crate::Config>::MaxOpenCases::get();
		});
		let slash = disputed_slash();
		System::assert_has_event(Event::CourtFull { subject: Subject::Dispute(slash) }.into());
		assert!(WorkCourt::case_of(Subject::Dispute(slash)).is_none());
		// The dispute stands and the origin decides it.
		assert!(PendingSlashes::<Test>::get(slash).unwrap().dispute_bond.is_some());
		assert_ok!(WorkToken::resolve_dispute(
			RuntimeOrigin::root(),
			slash,
			work_token_primitives::Verdict::Overturn
		));
		crate::Docket::<Test>::mutate(|d| d.open = 0);
	});
}

#[test]
fn an_empty_pool_decides_by_the_default_rule() {
	ExtBuilder::default().no_jurors().build_and_execute(|| {
		let slash = disputed_slash();
		let (id, _) = case_of(Subject::Dispute(slash));
		run_until_phase(id, |p| matches!(p, Phase::Commit { .. }));
		System::assert_has_event(
			Event::RoundDrawn { case: id, round: 0, jurors: 0, commit_ends: 2 + WINDOW }.into(),
		);
		run_until_settled(id);
		assert_eq!(PendingSlashes::<Test>::get(slash).unwrap().decided, Some(Perbill::one()));
	});
}

use frame_support::traits::Get;

#[test]
fn a_case_reached_late_keeps_its_nominal_windows() {
	ExtBuilder::default().build_and_execute(|| {
		// Block 2's agenda is full of other (made-up) cases: the new case is drawn in block 3.
		let full: Vec<crate::CaseId> = (0
			..<<Test as crate::Config>::MaxCasesPerBlock as frame_support::traits::Get<u32>>::get(
			))
			.map(|i| u32::MAX - i)
			.collect();
		crate::Agenda::<Test>::insert(2, frame_support::BoundedVec::truncate_from(full));
		let slash = disputed_slash();
		let (id, case) = case_of(Subject::Dispute(slash));
		assert_eq!(case.scheduled, Some(3));
		run_until_phase(id, |p| matches!(p, Phase::Commit { .. }));
		// The commit window still ends where it would have: the delay is not carried on.
		System::assert_has_event(
			Event::RoundDrawn { case: id, round: 0, jurors: 3, commit_ends: 2 + WINDOW }.into(),
		);
	});
}
