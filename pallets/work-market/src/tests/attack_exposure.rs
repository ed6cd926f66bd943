//! Attacks on exposure (S30): who bears a slash is fixed at the offence. A delegation made
//! after the offence era never bears it, even between the offence and its report; an offence
//! found by a challenge is dated to the era the faulty result was delivered in, so delegators
//! who saw the challenge and left still pay.
//!
//! These are the cases that need the market (jobs, challenges, reputation); the others are in
//! the work token's `tests/attack_exposure.rs`.

use crate::mock::*;
use pallet_work_token::PendingSlashes;

fn entering(delegator: AccountId, provider: AccountId) -> Balance {
	WorkToken::delegation_summary(&delegator, &provider).map_or(0, |d| d.entering)
}

#[test]
fn a_challenged_job_is_dated_to_its_delivery_and_leavers_after_the_challenge_still_pay() {
	// Provider 10 has little own stake, so a Major slash reaches its delegators.
	ExtBuilder::default()
		.provider(10, 200, Perbill::zero())
		.delegation(11, 10, 1_000)
		.delegation(12, 10, 1_000)
		.build_and_execute(|| {
			let id = assigned(13, 20);
			assert_ok!(WorkMarket::submit_result(RuntimeOrigin::signed(10), id, evidence(8)));
			assert_ok!(WorkMarket::challenge_result(RuntimeOrigin::signed(13), id));
			// Seeing the challenge in era 0, 11 leaves at once.
			assert_ok!(WorkToken::undelegate(RuntimeOrigin::signed(11), 10, 1_000));
			run_to_era(1);
			// In era 1, 14 joins, hoping the verdict is dated to now.
			assert_ok!(WorkToken::delegate(RuntimeOrigin::signed(14), 10, 1_000));
			assert_ok!(WorkMarket::resolve_challenge(RuntimeOrigin::root(), id, true));
			let slash = PendingSlashes::<Test>::get(0).unwrap();
			// Dated to era 0, when the result was delivered: 11's unbonding tokens are at risk.
			assert_eq!(slash.offence_era, 0);
			// Major, 20% of 2,200 = 440: 200 own, then 240 (≤ 20% of 2,000) from the delegators.
			assert_eq!((slash.own, slash.pool), (200, 240));
			run_to_era(1 + DISPUTE_WINDOW);
			assert!(PendingSlashes::<Test>::get(0).is_none());
			// 11 and 12 paid 120 each; 14 paid nothing.
			assert_eq!(value_of(12, 10), 880);
			let unbonding = WorkToken::delegation_summary(&11, &10).unwrap().unbonding;
			assert_eq!(unbonding, vec![(UNBONDING_PERIOD, 880)]);
			run_to_era(2 + DISPUTE_WINDOW);
			// 14 waits, whole, while its provider is jailed.
			assert_eq!(entering(14, 10), 1_000);
			assert_ok!(WorkToken::withdraw_delegation(RuntimeOrigin::signed(11), 10));
			assert_eq!(pool_tokens(10), 880);
		});
}
