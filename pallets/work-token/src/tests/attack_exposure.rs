//! Attacks on exposure (S30): who bears a slash is fixed at the offence. A delegation made
//! after the offence era never bears it, even between the offence and its report; an offence
//! found by a challenge is dated to the era the faulty result was delivered in, so delegators
//! who saw the challenge and left still pay.

use crate::{mock::*, Pallet, PendingSlashes, Severity};

fn entering(delegator: AccountId, provider: AccountId) -> Balance {
	Pallet::<Test>::delegation_summary(&delegator, &provider).map_or(0, |d| d.entering)
}

#[test]
fn a_delegation_made_between_offence_and_report_never_bears_it() {
	provider_with_delegators(|| {
		run_to_era(2);
		// The offence happened in era 1. In era 2, before anyone reports it, 13 delegates.
		assert_ok!(WorkToken::delegate(RuntimeOrigin::signed(13), 10, 1_000));
		oracle_reports(10, Severity::Critical, 1, 1);
		let slash = PendingSlashes::<Test>::get(0).unwrap();
		// Only what backed the provider in era 1 is at risk: 1,000 own, 1,000 delegated.
		assert_eq!((slash.own, slash.pool), (500, 500));
		// 13 waits outside the pool while the slash of an earlier era is pending ...
		run_to_era(2 + DISPUTE_WINDOW);
		assert!(PendingSlashes::<Test>::get(0).is_none());
		assert_eq!(entering(13, 10), 1_000);
		// ... while 11 and 12 bore it; 13 takes its tokens back whole (the tombstoned provider
		// takes no one in any more).
		assert_eq!((value_of(11, 10), value_of(12, 10)), (300, 200));
		let free = free_balance(13);
		assert_ok!(WorkToken::undelegate(RuntimeOrigin::signed(13), 10, 1_000));
		assert_eq!(free_balance(13), free + 1_000);
	});
}

#[test]
fn a_delegation_made_after_the_report_in_the_offence_era_never_bears_it() {
	provider_with_delegators(|| {
		run_to_era(1);
		oracle_reports(10, Severity::Critical, 1, 1);
		// Same era as the offence, but after its amounts were locked.
		assert_ok!(WorkToken::delegate(RuntimeOrigin::signed(13), 10, 1_000));
		run_to_era(2);
		assert_eq!(entering(13, 10), 1_000, "waits while a slash of its own era is pending");
		run_to_era(1 + DISPUTE_WINDOW + 1);
		assert_eq!((value_of(11, 10), value_of(12, 10)), (300, 200));
		let free = free_balance(13);
		assert_ok!(WorkToken::undelegate(RuntimeOrigin::signed(13), 10, 1_000));
		assert_eq!(free_balance(13), free + 1_000);
	});
}

#[test]
fn a_delegation_made_in_the_offence_era_and_entered_before_the_report_bears_it() {
	// The rule is exact, not generous: stake that backed the offence era pays for it.
	provider_with_delegators(|| {
		run_to_era(1);
		assert_ok!(WorkToken::delegate(RuntimeOrigin::signed(13), 10, 1_000));
		run_to_era(2); // 13's era-1 cohort enters at the boundary.
		oracle_reports(10, Severity::Critical, 1, 1);
		assert_eq!(PendingSlashes::<Test>::get(0).unwrap().pool, 1_000);
		run_to_era(2 + DISPUTE_WINDOW);
		assert_eq!(value_of(13, 10), 500);
	});
}

#[test]
fn a_waiting_cohort_never_shares_a_slash_locked_without_it() {
	// Provider 10 has little own stake, so a Major slash reaches its delegators.
	ExtBuilder::default()
		.provider(10, 200, Perbill::zero())
		.delegation(11, 10, 1_000)
		.delegation(12, 10, 1_000)
		.build_and_execute(|| {
			// 13 joins in era 0; a disputed Minor of era 0 keeps its cohort waiting.
			assert_ok!(WorkToken::delegate(RuntimeOrigin::signed(13), 10, 1_000));
			oracle_reports(10, Severity::Minor, 0, 1);
			assert_ok!(WorkToken::dispute_slash(RuntimeOrigin::signed(10), 0));
			run_to_era(2);
			// A Major of era 2 is locked from the stake at risk then: 13 was waiting, not in it.
			oracle_reports(10, Severity::Major, 2, 2);
			assert_eq!(PendingSlashes::<Test>::get(1).unwrap().pool, 240);
			// The Minor is overturned: no claim of 13's era is left, but the Major is pending.
			assert_ok!(WorkToken::resolve_dispute(
				RuntimeOrigin::root(),
				0,
				crate::Verdict::Overturn
			));
			run_to_era(3);
			assert_eq!(entering(13, 10), 1_000, "no entry while a slash is pending");
			run_to_era(2 + DISPUTE_WINDOW);
			assert!(PendingSlashes::<Test>::get(1).is_none());
			// 11 and 12 bore the 240; 13 none of it.
			assert_eq!((value_of(11, 10), value_of(12, 10)), (880, 880));
			assert_eq!(value_of(13, 10) + entering(13, 10), 1_000);
		});
}
