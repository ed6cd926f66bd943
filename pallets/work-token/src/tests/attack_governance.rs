//! Attacks through governance locks (S39). Conviction voting locks a voter's whole balance,
//! held stake included (a freeze overlaps holds). A provider, reporter or delegator that
//! votes must not make its stake or bonds harder to slash, and the lock must still hold.
//! The lock here is the one `pallet-conviction-voting` sets: a balance lock on the account.

use crate::{mock::*, Severity};
use frame_support::traits::{
	fungible::{Inspect, InspectHold, Mutate},
	tokens::Preservation,
	Get, LockableCurrency, WithdrawReasons,
};

/// The lock id `pallet-conviction-voting` uses.
const VOTE_LOCK: [u8; 8] = *b"pyconvot";

/// Locks all of `who`'s balance, held and free, as a conviction vote of everything would.
fn vote_everything(who: AccountId) {
	Balances::set_lock(VOTE_LOCK, &who, Balance::MAX, WithdrawReasons::all());
}

/// Provider 10's own stake and pool after a Major slash, with or without a vote lock taken
/// just before the report.
fn stake_after_major_slash(locked: bool) -> (Balance, Balance) {
	let mut after = (0, 0);
	provider_with_delegators(|| {
		if locked {
			vote_everything(10);
		}
		oracle_reports(10, Severity::Major, 0, 1);
		run_to_era(DISPUTE_WINDOW);
		after = (held_stake(10), pool_tokens(10));
	});
	after
}

#[test]
fn voting_with_the_whole_stake_does_not_shield_it_from_a_slash() {
	let honest = stake_after_major_slash(false);
	let voting = stake_after_major_slash(true);
	assert!(honest.0 < 1_000, "the slash took own stake");
	assert_eq!(voting, honest);
}

#[test]
fn a_voting_reporter_still_loses_its_bond_to_a_winning_dispute() {
	provider_with_delegators(|| {
		assert_ok!(WorkToken::report_offence(
			RuntimeOrigin::signed(13),
			10,
			Severity::Minor,
			0,
			evidence(1)
		));
		vote_everything(13);
		let bond: Balance = <<Test as crate::Config>::ReportBond as Get<Balance>>::get();
		let held_before = <Balances as InspectHold<AccountId>>::total_balance_on_hold(&13);
		assert_eq!(held_before, bond);
		assert_ok!(WorkToken::dispute_slash(RuntimeOrigin::signed(10), 0));
		assert_ok!(WorkToken::resolve_dispute(RuntimeOrigin::root(), 0, crate::Verdict::Overturn));
		assert_eq!(<Balances as InspectHold<AccountId>>::total_balance_on_hold(&13), 0);
		assert_eq!(<Balances as Inspect<AccountId>>::total_balance(&13), ENDOWMENT - bond);
	});
}

#[test]
fn stake_unbonded_under_a_vote_lock_stays_locked() {
	provider_with_delegators(|| {
		vote_everything(10);
		assert_ok!(WorkToken::unbond(RuntimeOrigin::signed(10), 100));
		run_to_era(UNBONDING_PERIOD + 1);
		assert_ok!(WorkToken::withdraw_unbonded(RuntimeOrigin::signed(10)));
		assert_eq!(held_stake(10), 900);
		// Back in the free balance, but the vote's lock still covers it.
		assert!(<Balances as Mutate<AccountId>>::transfer(&10, &20, 50, Preservation::Preserve)
			.is_err());
		Balances::remove_lock(VOTE_LOCK, &10);
		assert_ok!(<Balances as Mutate<AccountId>>::transfer(&10, &20, 50, Preservation::Preserve));
	});
}
