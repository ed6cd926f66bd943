//! Property tests of the stake ledger: random operation sequences keep the books exact, and a
//! failed operation leaves the ledger untouched.

use crate::{mock::*, StakeLedger};
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Op {
	Bond(Balance),
	Unbond(Balance),
	Rebond(Balance),
	Withdraw,
	NextEra,
}

fn amount() -> impl Strategy<Value = Balance> {
	prop_oneof![
		Just(0),
		Just(1),
		Just(MIN_STAKE - 1),
		Just(MIN_STAKE),
		0..5_000u128,
		Just(u128::MAX)
	]
}

fn op() -> impl Strategy<Value = Op> {
	prop_oneof![
		amount().prop_map(Op::Bond),
		amount().prop_map(Op::Unbond),
		amount().prop_map(Op::Rebond),
		Just(Op::Withdraw),
		Just(Op::NextEra),
	]
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(5_000))]

	/// `total` moves exactly by what was bonded and withdrawn; chunks stay ordered, non-zero
	/// and bounded; active stake is 0 or at least the minimum; failures change nothing.
	#[test]
	fn ledger_books_balance(initial in MIN_STAKE..10_000u128, ops in prop::collection::vec(op(), 1..40)) {
		let mut ledger = StakeLedger::<Test>::new(initial);
		let mut era = 0u32;
		let mut expected_total = initial;
		for op in ops {
			let before = ledger.clone();
			let ok = match op {
				Op::Bond(a) => ledger.bond(a, MIN_STAKE).map(|_| expected_total = expected_total.saturating_add(a)).is_ok(),
				Op::Unbond(a) => ledger.unbond(a, era + UNBONDING_PERIOD, MIN_STAKE).is_ok(),
				Op::Rebond(a) => ledger.rebond(a, MIN_STAKE).is_ok(),
				Op::Withdraw => {
					let (out, removed) = ledger.withdraw_unlocked(era, None);
					expected_total -= out;
					prop_assert_eq!(removed as usize, before.unlocking.len() - ledger.unlocking.len());
					true
				},
				Op::NextEra => { era += 1; true },
			};
			if !ok {
				prop_assert_eq!(&ledger, &before, "a failed operation changed the ledger");
			}
			prop_assert_eq!(ledger.total(), expected_total);
			prop_assert!(ledger.active == 0 || ledger.active >= MIN_STAKE);
			prop_assert!(ledger.unlocking.iter().all(|c| c.value > 0));
			prop_assert!(ledger.unlocking.windows(2).all(|w| w[0].unlock_era < w[1].unlock_era));
			prop_assert!(ledger.unlocking.len() as u32 <= MAX_CHUNKS);
		}
	}

	/// Unbond followed by rebond of the same amount restores the ledger exactly.
	#[test]
	fn unbond_then_rebond_is_identity(initial in MIN_STAKE..1_000_000u128, a in 1..1_000_000u128) {
		let mut ledger = StakeLedger::<Test>::new(initial);
		let original = ledger.clone();
		if ledger.unbond(a, UNBONDING_PERIOD, MIN_STAKE).is_ok() {
			prop_assert!(ledger.rebond(a, MIN_STAKE).is_ok());
			prop_assert_eq!(ledger, original);
		}
	}
}

/// Regression (found by `ledger_books_balance`): the ledger itself rejects zero amounts, so no
/// zero chunk can be created even by a caller that skips the dispatch-level check.
#[test]
fn ledger_rejects_zero_amounts() {
	use crate::Error;
	let mut ledger = StakeLedger::<Test>::new(MIN_STAKE);
	let original = ledger.clone();
	assert!(matches!(ledger.unbond(0, UNBONDING_PERIOD, MIN_STAKE), Err(Error::ZeroAmount)));
	assert!(matches!(ledger.bond(0, MIN_STAKE), Err(Error::ZeroAmount)));
	assert!(matches!(ledger.rebond(0, MIN_STAKE), Err(Error::ZeroAmount)));
	assert_eq!(ledger, original);
}

/// Regression (found by `ledger_books_balance` in a CI rehearsal): bonding so much that
/// active + unbonding would exceed the balance type used to succeed, leaving a total that
/// saturated. The ledger now refuses it.
#[test]
fn ledger_total_never_overflows() {
	use crate::Error;
	let mut ledger = StakeLedger::<Test>::new(MIN_STAKE);
	assert!(ledger.unbond(MIN_STAKE, UNBONDING_PERIOD, MIN_STAKE).is_ok());
	let original = ledger.clone();
	assert!(matches!(ledger.bond(u128::MAX, MIN_STAKE), Err(Error::Overflow)));
	assert_eq!(ledger, original);
	assert!(ledger.bond(u128::MAX - MIN_STAKE, MIN_STAKE).is_ok());
	assert_eq!(ledger.total(), u128::MAX);
}
