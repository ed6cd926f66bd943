//! Property tests of the reward accumulator, 10,000 cases each.

use crate::rewards::{earned, split_reward};
use proptest::prelude::*;
use sp_arithmetic::{helpers_128bit::multiply_by_rational_with_rounding, Rounding};
use sp_runtime::{
	traits::{CheckedAdd, Saturating},
	FixedPointNumber, FixedU128, Perbill,
};

const E18: u128 = 1_000_000_000_000_000_000;

proptest! {
	#![proptest_config(ProptestConfig::with_cases(10_000))]

	/// Over any series of era rewards into a pool, each holder's claim is never more than its
	/// exact rational share of the rewards offered and falls short by less than
	/// `eras * (shares / 10^18 + 1) + 1` units (the accumulator keeps 18 decimals); all claims
	/// together never exceed what was minted, and nothing is minted beyond what is claimable
	/// up to that bound. Share counts go up to 10^30, rewards from 0 to 10^24 per era.
	#[test]
	fn claims_track_the_exact_share(
		holdings in prop::collection::vec(prop_oneof![1u128..1_000, 1u128..=E18 * 1_000_000_000_000], 1..6),
		rewards in prop::collection::vec(prop_oneof![0u128..10, 0u128..=1_000_000 * E18], 1..12),
	) {
		let total: u128 = holdings.iter().sum();
		let mut acc = FixedU128::from_inner(0);
		// As the pallet does: a reward whose increment rounds to zero, or would overflow the
		// accumulator, is not minted.
		let mut minted = 0u128;
		for r in &rewards {
			let increment = FixedU128::checked_from_rational(*r, total).unwrap_or_default();
			if let (true, Some(next)) = (increment.into_inner() > 0, acc.checked_add(&increment)) {
				acc = next;
				minted += r;
			}
		}
		let eras = rewards.len() as u128;
		let mut paid = 0u128;
		for h in &holdings {
			let claim = earned(*h, FixedU128::from_inner(0), acc);
			let exact = multiply_by_rational_with_rounding(*h, minted, total, Rounding::Down).unwrap();
			prop_assert!(claim <= exact, "claim {} above exact {}", claim, exact);
			let bound = eras * (h / E18 + 1) + 1;
			prop_assert!(exact - claim <= bound, "short by {} > {}", exact - claim, bound);
			paid += claim;
		}
		prop_assert!(paid <= minted);
	}

	/// Settling in several steps never pays more than settling once.
	#[test]
	fn settling_in_steps_never_pays_more(
		h in 1u128..=E18 * 1_000,
		steps in prop::collection::vec(0u128..=E18, 1..10),
	) {
		let mut acc = FixedU128::from_inner(0);
		let mut stepwise = 0u128;
		for s in &steps {
			let next = acc.saturating_add(FixedU128::from_inner(*s));
			stepwise += earned(h, acc, next);
			acc = next;
		}
		prop_assert!(stepwise <= earned(h, FixedU128::from_inner(0), acc));
	}

	/// A provider's reward always splits into parts that add up to it, commission first.
	#[test]
	fn split_adds_up(reward in 0u128..=u128::MAX / 4, c in 0u32..=1_000_000_000, s in 0u128..E18 * E18, d in 0u128..E18 * E18) {
		let split = split_reward(reward, Perbill::from_parts(c), s, d);
		prop_assert_eq!(split.commission + split.self_stake + split.delegated, reward);
		prop_assert_eq!(split.commission, Perbill::from_parts(c).mul_floor(reward));
		if d == 0 { prop_assert_eq!(split.delegated, 0); }
	}
}
