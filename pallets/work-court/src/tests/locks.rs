//! Governance locks (S39): conviction voting locks a voter's whole balance, held stake
//! included. A juror or reporter that has voted everything still loses what the court takes.

use crate::{mock::*, Event, Ruling};
use frame_support::traits::{LockableCurrency, WithdrawReasons};

/// Locks all of `who`'s balance, as a conviction vote of everything would.
fn vote_everything(who: AccountId) {
	Balances::set_lock(*b"pyconvot", &who, Balance::MAX, WithdrawReasons::all());
}

#[test]
fn a_voting_juror_still_pays_its_penalty_and_a_voting_reporter_its_bond() {
	ExtBuilder::default().build_and_execute(|| {
		let slash = disputed_slash();
		let (id, _) = case_of(crate::Subject::Dispute(slash));
		run_until_phase(id, |p| matches!(p, crate::Phase::Commit { .. }));
		let jurors = jurors_of(id, 0);
		let (a, b, c) = (jurors[0], jurors[1], jurors[2]);
		for who in [a, b, c, REPORTER] {
			vote_everything(who);
		}
		vote_round(id, &[(a, Ruling::Overturn), (b, Ruling::Overturn), (c, Ruling::Uphold)]);
		run_until_settled(id);
		System::assert_has_event(Event::JurorPenalised { case: id, juror: c, amount: 5 }.into());
		assert_eq!(juror_held(c), JUROR_STAKE - 5);
		assert_eq!(report_bond_held(REPORTER), 0);
		System::assert_has_event(
			pallet_work_token::Event::BondForfeited {
				who: REPORTER,
				to: WorkCourt::account(),
				amount: REPORT_BOND,
			}
			.into(),
		);
	});
}
