//! Attacks through governance locks (S39): conviction voting locks a voter's whole balance,
//! held funds included. Job fees leave the client's account for the market's escrow at
//! submission (with `Fortitude::Polite`), so:
//! - a client that votes everything after submitting cannot keep the provider from being paid;
//! - a voter cannot turn locked tokens into a fee and so carry them, through a colluding
//!   provider, out from under its lock (which would let it vote them twice).

use crate::{mock::*, Error, Event};
use frame_support::traits::{Get, LockableCurrency, WithdrawReasons};

/// Locks all of `who`'s balance, as a conviction vote of everything would.
fn vote_everything(who: AccountId) {
	Balances::set_lock(*b"pyconvot", &who, Balance::MAX, WithdrawReasons::all());
}

/// Client 13's job of 100, delivered by provider 10, after which the client votes everything.
/// Returns the job's id and the client's free balance then.
fn delivered_to_a_voting_client() -> (crate::JobId, Balance) {
	run_to_era(1);
	let id = assigned(13, 100);
	assert_ok!(WorkMarket::submit_result(RuntimeOrigin::signed(10), id, evidence(8)));
	vote_everything(13);
	(id, free_balance(13))
}

#[test]
fn a_client_voting_its_held_fee_cannot_block_the_payment() {
	one_provider(|| {
		let (id, before) = delivered_to_a_voting_client();
		assert_ok!(WorkMarket::accept_result(RuntimeOrigin::signed(13), id));
		assert_eq!(held_fees(13), 0);
		assert_eq!(free_balance(13), before);
		// The provider's pool holds the fee less the protocol fee, to be split at the era's end.
		assert_eq!(pallet_work_token::Pools::<Test>::get(10).map(|p| p.unsplit_fees), Some(95));
		assert!(market_events()
			.iter()
			.any(|e| matches!(e, Event::JobCompleted { paid: 95, protocol_fee: 5, .. })));
	});
}

#[test]
fn a_client_voting_its_held_fee_cannot_block_payment_by_lapse() {
	one_provider(|| {
		let (id, before) = delivered_to_a_voting_client();
		// The client stays silent: the acceptance window after the deadline lapses and the hook
		// pays the job.
		let window: u64 = <<Test as crate::Config>::AcceptanceWindow as Get<u64>>::get();
		let deadline = crate::Jobs::<Test>::get(id).map(|job| job.deadline).unwrap_or_default();
		run_to_block(deadline + window + 2);
		assert!(!crate::Jobs::<Test>::contains_key(id));
		assert_eq!(held_fees(13), 0);
		// Paid, not refunded.
		assert_eq!(free_balance(13), before);
	});
}

#[test]
fn locked_tokens_cannot_become_a_fee() {
	one_provider(|| {
		run_to_era(1);
		// Provider 10 votes everything it has, its held stake included, then tries to pay a
		// colluding job with it.
		vote_everything(10);
		assert_noop!(
			WorkMarket::submit_job(RuntimeOrigin::signed(10), evidence(7), 100),
			Error::<Test>::InsufficientBalance
		);
		// Its held stake stays where it was: nothing moved into the escrow.
		assert_eq!(WorkMarket::escrowed_fees(), 0);
	});
}
