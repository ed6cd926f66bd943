//! Votes and the attacks on them: parties never sit, a commitment cannot be copied, every
//! vote outside its window or seat is refused and changes nothing.

use crate::{mock::*, Error, Phase, Ruling, Subject, Tally};
use frame_support::assert_ok;

#[test]
fn a_delegator_of_the_accused_is_never_drawn_even_with_most_of_the_stake() {
	// Delegator 12 holds 8,000 of the pool's 9,600 stake, far more than anyone: never seated,
	// and its stake cannot empty the jury either (it is taken out of the draw once picked).
	ExtBuilder::default().juror(DELEGATOR, 8_000).build_and_execute(|| {
		for _ in 0..3 {
			let slash = disputed_slash();
			let (id, _) = case_of(Subject::Dispute(slash));
			run_until_phase(id, |p| matches!(p, Phase::Commit { .. }));
			let jurors = jurors_of(id, 0);
			assert!(!jurors.contains(&DELEGATOR));
			assert_eq!(jurors.len(), 3);
			assert_ok!(WorkToken::cancel_slash(RuntimeOrigin::root(), slash));
			run_until_settled(id);
		}
	});
}

#[test]
fn the_accused_and_the_reporter_are_never_drawn() {
	ExtBuilder::default().juror(REPORTER, 5_000).juror(PROVIDER, 5_000).build_and_execute(|| {
		let slash = disputed_slash();
		let (id, _) = case_of(Subject::Dispute(slash));
		run_until_phase(id, |p| matches!(p, Phase::Commit { .. }));
		let jurors = jurors_of(id, 0);
		assert!(!jurors.contains(&REPORTER) && !jurors.contains(&PROVIDER));
		assert_eq!(jurors.len(), 3);
	});
}

#[test]
fn a_copied_commitment_cannot_be_revealed_by_the_copier() {
	ExtBuilder::default().build_and_execute(|| {
		let slash = disputed_slash();
		let (id, _) = case_of(Subject::Dispute(slash));
		run_until_phase(id, |p| matches!(p, Phase::Commit { .. }));
		let jurors = jurors_of(id, 0);
		let (honest, copier) = (jurors[0], jurors[1]);
		let commitment = WorkCourt::commitment(&honest, id, Ruling::Overturn, salt(honest));
		assert_ok!(WorkCourt::commit_vote(RuntimeOrigin::signed(honest), id, commitment));
		// The copier sees the commitment on chain and submits it as its own.
		assert_ok!(WorkCourt::commit_vote(RuntimeOrigin::signed(copier), id, commitment));
		run_until_phase(id, |p| matches!(p, Phase::Reveal { .. }));
		assert_ok!(WorkCourt::reveal_vote(
			RuntimeOrigin::signed(honest),
			id,
			Ruling::Overturn,
			salt(honest)
		));
		// Even knowing the vote and salt now, the commitment binds the honest juror's account.
		assert_noop!(
			WorkCourt::reveal_vote(
				RuntimeOrigin::signed(copier),
				id,
				Ruling::Overturn,
				salt(honest)
			),
			Error::<Test>::CommitmentMismatch
		);
	});
}

#[test]
fn vote_errors_change_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		let slash = disputed_slash();
		let (id, _) = case_of(Subject::Dispute(slash));
		let some = [7u8; 32];
		// Before the draw: no commit window.
		assert_noop!(
			WorkCourt::commit_vote(RuntimeOrigin::signed(20), id, some),
			Error::<Test>::NotCommitPhase
		);
		assert_noop!(
			WorkCourt::commit_vote(RuntimeOrigin::signed(20), 99, some),
			Error::<Test>::UnknownCase
		);
		run_until_phase(id, |p| matches!(p, Phase::Commit { .. }));
		let jurors = jurors_of(id, 0);
		let outsider = JURORS.iter().copied().find(|j| !jurors.contains(j)).unwrap();
		assert_noop!(
			WorkCourt::commit_vote(RuntimeOrigin::signed(outsider), id, some),
			Error::<Test>::NotDrawn
		);
		let (a, b, c) = (jurors[0], jurors[1], jurors[2]);
		assert_noop!(
			WorkCourt::reveal_vote(RuntimeOrigin::signed(a), id, Ruling::Uphold, salt(a)),
			Error::<Test>::NotRevealPhase
		);
		let commitment = WorkCourt::commitment(&a, id, Ruling::Uphold, salt(a));
		assert_ok!(WorkCourt::commit_vote(RuntimeOrigin::signed(a), id, commitment));
		let commitment = WorkCourt::commitment(&b, id, Ruling::Uphold, salt(b));
		assert_ok!(WorkCourt::commit_vote(RuntimeOrigin::signed(b), id, commitment));
		run_until_phase(id, |p| matches!(p, Phase::Reveal { .. }));
		assert_noop!(
			WorkCourt::commit_vote(RuntimeOrigin::signed(c), id, some),
			Error::<Test>::NotCommitPhase
		);
		assert_noop!(
			WorkCourt::reveal_vote(RuntimeOrigin::signed(c), id, Ruling::Uphold, salt(c)),
			Error::<Test>::NotCommitted
		);
		assert_noop!(
			WorkCourt::reveal_vote(RuntimeOrigin::signed(a), id, Ruling::Overturn, salt(a)),
			Error::<Test>::CommitmentMismatch
		);
		assert_noop!(
			WorkCourt::reveal_vote(RuntimeOrigin::signed(a), id, Ruling::Uphold, salt(b)),
			Error::<Test>::CommitmentMismatch
		);
		assert_ok!(WorkCourt::reveal_vote(RuntimeOrigin::signed(a), id, Ruling::Uphold, salt(a)));
		assert_noop!(
			WorkCourt::reveal_vote(RuntimeOrigin::signed(a), id, Ruling::Uphold, salt(a)),
			Error::<Test>::AlreadyRevealed
		);
		assert_noop!(
			WorkCourt::reveal_vote(
				RuntimeOrigin::signed(outsider),
				id,
				Ruling::Uphold,
				salt(outsider)
			),
			Error::<Test>::NotDrawn
		);
		run_until_phase(id, |p| matches!(p, Phase::Appeal { .. }));
		assert_noop!(
			WorkCourt::reveal_vote(RuntimeOrigin::signed(b), id, Ruling::Uphold, salt(b)),
			Error::<Test>::NotRevealPhase
		);
		assert_noop!(
			WorkCourt::decide_appealed(RuntimeOrigin::signed(GOVERNANCE), id, Ruling::Uphold),
			Error::<Test>::NotFallbackPhase
		);
	});
}

#[test]
fn the_plurality_breaks_ties_toward_the_default_then_the_nearest_ruling() {
	use crate::Reduction::*;
	let dispute = Subject::Dispute(0);
	let challenge = Subject::Challenge(0);
	let tally = |votes: &[Ruling]| {
		let mut t = Tally::default();
		for v in votes {
			t.add(*v);
		}
		t
	};
	assert_eq!(tally(&[]).plurality(dispute), Ruling::Uphold);
	assert_eq!(tally(&[]).plurality(challenge), Ruling::Overturn);
	let split = tally(&[Ruling::Uphold, Ruling::Overturn]);
	assert_eq!(split.plurality(dispute), Ruling::Uphold);
	assert_eq!(split.plurality(challenge), Ruling::Overturn);
	let reduced = tally(&[Ruling::Reduce(Half), Ruling::Reduce(Quarter), Ruling::Overturn]);
	assert_eq!(reduced.plurality(dispute), Ruling::Reduce(Half), "nearest to Uphold among ties");
	let clear = tally(&[Ruling::Overturn, Ruling::Overturn, Ruling::Uphold]);
	assert_eq!(clear.plurality(dispute), Ruling::Overturn);
	assert!(!challenge.allows(Ruling::Reduce(Half)) && dispute.allows(Ruling::Reduce(Half)));
}
