//! The draw tree: a Fenwick (binary indexed) tree of juror stakes over slots `1..=capacity`,
//! so that a juror is drawn with probability proportional to its stake in `O(log n)` reads,
//! and a stake changes in `O(log n)` writes, for `n` = `MaxJurors`. Nothing here loops over
//! jurors.
//!
//! Node `i` holds the sum of the slots `(i - lowbit(i), i]`. To draw, pick `r` uniformly in
//! `[0, total)` and descend by powers of two to the first slot whose prefix sum exceeds `r`.

/// Where the tree's nodes live: storage in the pallet, a map in the tests.
pub trait Nodes {
	/// Node `index` (1-based); zero when never written.
	fn get(index: u32) -> u128;
	/// Sets node `index`.
	fn set(index: u32, value: u128);
}

/// The lowest set bit of `i`.
fn lowbit(i: u32) -> u32 {
	i & i.wrapping_neg()
}

/// Adds `amount` to slot `slot` (1-based, at most `capacity`).
pub fn increase<N: Nodes>(capacity: u32, slot: u32, amount: u128) {
	let mut i = slot;
	while i > 0 && i <= capacity {
		N::set(i, N::get(i).saturating_add(amount));
		i = i.saturating_add(lowbit(i));
	}
}

/// Takes `amount` from slot `slot` (which holds at least that much).
pub fn decrease<N: Nodes>(capacity: u32, slot: u32, amount: u128) {
	let mut i = slot;
	while i > 0 && i <= capacity {
		N::set(i, N::get(i).saturating_sub(amount));
		i = i.saturating_add(lowbit(i));
	}
}

/// The sum of slots `1..=slot`.
pub fn prefix<N: Nodes>(slot: u32) -> u128 {
	let mut sum = 0u128;
	let mut i = slot;
	while i > 0 {
		sum = sum.saturating_add(N::get(i));
		i = i.saturating_sub(lowbit(i));
	}
	sum
}

/// The slot that `r` falls in, with the slots of `excluded` (slot, stake) taken out of the
/// tree: the first slot whose prefix sum, less the excluded stake up to it, exceeds `r`.
/// `None` when `r` is not below the total less the excluded stake. Each level of the descent
/// subtracts the excluded stake inside its node: `O(k log n)` work for `k` exclusions, the
/// same `O(log n)` reads, no writes.
pub fn find<N: Nodes>(capacity: u32, mut r: u128, excluded: &[(u32, u128)]) -> Option<u32> {
	let mut position = 0u32;
	// The highest power of two not above `capacity` (zero for an empty tree).
	let mut step = capacity.checked_ilog2().map_or(0, |bits| 1u32 << bits);
	while step > 0 {
		let next = position.saturating_add(step);
		if next <= capacity {
			// Node `next` sums the slots `(position, next]`.
			let inside: u128 = excluded
				.iter()
				.filter(|(slot, _)| *slot > position && *slot <= next)
				.fold(0u128, |sum, (_, stake)| sum.saturating_add(*stake));
			let node = N::get(next).saturating_sub(inside);
			if node <= r {
				position = next;
				r = r.saturating_sub(node);
			}
		}
		step >>= 1;
	}
	let slot = position.saturating_add(1);
	(slot <= capacity).then_some(slot)
}

#[cfg(test)]
mod tests {
	use super::*;
	use proptest::prelude::*;
	use std::{cell::RefCell, collections::BTreeMap};

	std::thread_local! {
		static NODES: RefCell<BTreeMap<u32, u128>> = const { RefCell::new(BTreeMap::new()) };
	}

	struct Memory;
	impl Nodes for Memory {
		fn get(index: u32) -> u128 {
			NODES.with(|n| n.borrow().get(&index).copied().unwrap_or(0))
		}
		fn set(index: u32, value: u128) {
			NODES.with(|n| n.borrow_mut().insert(index, value));
		}
	}

	fn reset() {
		NODES.with(|n| n.borrow_mut().clear());
	}

	proptest! {
		/// After any increases and decreases, every prefix sum is the plain sum, and every `r`
		/// below the total falls in the slot whose range of the line holds it.
		#[test]
		fn prefix_sums_and_draws_match_a_plain_array(
			capacity in 1u32..70,
			ops in proptest::collection::vec((0u32..70, 0u128..1_000, any::<bool>()), 0..60),
		) {
			reset();
			let mut plain = vec![0u128; capacity as usize + 1];
			for (slot, amount, up) in ops {
				let slot = slot % capacity + 1;
				if up {
					increase::<Memory>(capacity, slot, amount);
					plain[slot as usize] += amount;
				} else {
					let amount = amount.min(plain[slot as usize]);
					decrease::<Memory>(capacity, slot, amount);
					plain[slot as usize] -= amount;
				}
			}
			let mut running = 0u128;
			for slot in 1..=capacity {
				running += plain[slot as usize];
				prop_assert_eq!(prefix::<Memory>(slot), running);
			}
			let total = running;
			let mut start = 0u128;
			for slot in 1..=capacity {
				let end = start + plain[slot as usize];
				if end > start {
					prop_assert_eq!(find::<Memory>(capacity, start, &[]), Some(slot));
					prop_assert_eq!(find::<Memory>(capacity, end - 1, &[]), Some(slot));
				}
				start = end;
			}
			prop_assert_eq!(find::<Memory>(capacity, total, &[]), None);
		}

		/// With some slots excluded, every `r` below the remaining total falls in the
		/// non-excluded slot whose range of the line (without the excluded slots) holds it.
		#[test]
		fn draws_skip_excluded_slots(
			capacity in 1u32..70,
			stakes in proptest::collection::vec(0u128..1_000, 70),
			excluded_mask in proptest::collection::vec(any::<bool>(), 70),
		) {
			reset();
			let mut excluded = Vec::new();
			for slot in 1..=capacity {
				let stake = stakes[slot as usize - 1];
				increase::<Memory>(capacity, slot, stake);
				if excluded_mask[slot as usize - 1] {
					excluded.push((slot, stake));
				}
			}
			let mut start = 0u128;
			for slot in 1..=capacity {
				if excluded.iter().any(|(s, _)| *s == slot) {
					continue;
				}
				let end = start + stakes[slot as usize - 1];
				if end > start {
					prop_assert_eq!(find::<Memory>(capacity, start, &excluded), Some(slot));
					prop_assert_eq!(find::<Memory>(capacity, end - 1, &excluded), Some(slot));
				}
				start = end;
			}
			prop_assert_eq!(find::<Memory>(capacity, start, &excluded), None);
		}
	}
}
