//! Property tests of the share arithmetic (`shares.rs`), 10,000 cases each, including extreme
//! exchange rates (1 token against 10^30 shares).

use crate::shares::Pool;
use proptest::prelude::*;

/// A pool with any rate of at most one token per share (shares are minted 1:1 and only
/// slashes move the rate, downwards), from balanced to 1 token vs 10^30 shares.
fn pool() -> impl Strategy<Value = Pool> {
	prop_oneof![
		(1u128..1_000_000).prop_map(|t| Pool { tokens: t, shares: t }),
		(1u128..1_000_000, 0u128..1_000_000)
			.prop_map(|(t, extra)| Pool { tokens: t, shares: t + extra }),
		(1u128..1_000, 1u128..=1_000_000_000_000_000_000_000_000_000_000)
			.prop_map(|(t, s)| Pool { tokens: t, shares: s.max(t) }),
	]
}

#[derive(Debug, Clone)]
enum Op {
	Deposit(usize, u128),
	Withdraw(usize, u128),
	Redeem(usize),
}

fn op() -> impl Strategy<Value = Op> {
	prop_oneof![
		(0usize..4, 1u128..1_000_000_000).prop_map(|(h, a)| Op::Deposit(h, a)),
		(0usize..4, 0u128..1_000_000_000).prop_map(|(h, a)| Op::Withdraw(h, a)),
		(0usize..4).prop_map(Op::Redeem),
	]
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(10_000))]

	/// A depositor never receives shares worth more than it paid, and loses less than one
	/// share's worth plus one unit to rounding.
	#[test]
	fn deposit_never_mints_value(mut p in pool(), amount in 1u128..1_000_000_000_000) {
		let before = p;
		if let Ok(minted) = p.deposit(amount) {
			let worth = p.value_of(minted);
			prop_assert!(worth <= amount);
			let one_share = before.tokens / before.shares + 1;
			prop_assert!(amount - worth <= one_share + 1, "lost {} of {}", amount - worth, amount);
			prop_assert_eq!(p.tokens, before.tokens + amount);
		}
	}

	/// Taking `amount` out burns shares worth at least `amount`: a holder never gets more
	/// than it gives up, and gives up less than one extra share's worth plus one unit.
	#[test]
	fn withdrawal_never_mints_value(p in pool(), held_fraction in 1u128..=100, amount in 0u128..1_000_000) {
		let held = (p.shares / 100 * held_fraction).max(1).min(p.shares);
		let mut after = p;
		let value_before = p.value_of(held);
		if let Ok((burnt, removed)) = after.withdraw(amount, held) {
			prop_assert!(removed >= amount);
			let value_after = after.value_of(held - burnt);
			prop_assert!(value_before >= value_after + removed || burnt == held,
				"before {} after {} removed {}", value_before, value_after, removed);
			prop_assert_eq!(after.tokens + removed, p.tokens);
		}
	}

	/// Any sequence over four holders keeps the books exact: shares add up, holders' values
	/// never exceed the pool, tokens move only by what went in and out, and the last holder
	/// out takes every remaining token.
	#[test]
	fn sequences_keep_books_exact(ops in prop::collection::vec(op(), 1..60)) {
		let mut p = Pool::default();
		let mut held = [0u128; 4];
		let mut inflow = 0u128;
		let mut outflow = 0u128;
		for op in ops {
			match op {
				Op::Deposit(h, a) => if let Ok(m) = p.deposit(a) { held[h] += m; inflow += a; },
				Op::Withdraw(h, a) => if let Ok((b, r)) = p.withdraw(a, held[h]) { held[h] -= b; outflow += r; },
				Op::Redeem(h) => if let Ok(r) = p.redeem(held[h]) { held[h] = 0; outflow += r; },
			}
			prop_assert_eq!(held.iter().sum::<u128>(), p.shares);
			prop_assert!(held.iter().map(|s| p.value_of(*s)).sum::<u128>() <= p.tokens);
			prop_assert_eq!(p.tokens, inflow - outflow);
		}
		for h in held.iter_mut() {
			if let Ok(r) = p.redeem(*h) { outflow += r; *h = 0; }
		}
		prop_assert_eq!((p.tokens, p.shares), (0, 0));
		prop_assert_eq!(inflow, outflow);
	}
}
