//! Property tests of the slash arithmetic (S16, S17): the waterfall never takes more than
//! its fraction, never more from the pool than the pool's fraction, and escalation is
//! monotone and bounded.

use crate::{
	slashing::{decayed_strikes, escalated_fraction, waterfall},
	Severity,
};
use proptest::prelude::*;
use sp_runtime::Perbill;

fn severity() -> impl Strategy<Value = Severity> {
	prop_oneof![Just(Severity::Minor), Just(Severity::Major), Just(Severity::Critical)]
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(10_000))]

	#[test]
	fn waterfall_stays_within_fraction_and_stake(
		sev in severity(),
		parts in 0u32..=1_000_000_000,
		own in 0u128..=u128::MAX / 4,
		pool in 0u128..=u128::MAX / 4,
	) {
		let f = Perbill::from_parts(parts);
		let (from_own, from_pool) = waterfall(sev, f, own, pool);
		prop_assert!(from_own <= own);
		prop_assert!(from_pool <= f.mul_floor(pool), "pool never pays above its fraction");
		prop_assert!(from_own + from_pool <= f.mul_floor(own + pool) + 1);
		match sev {
			Severity::Minor => prop_assert_eq!(from_pool, 0),
			Severity::Major => {
				// Own stake goes first: the pool pays only once own stake is exhausted.
				if from_pool > 0 { prop_assert_eq!(from_own, own); }
				prop_assert!(from_own + from_pool >= f.mul_floor(own + pool).saturating_sub(1));
			},
			Severity::Critical => {
				prop_assert_eq!(from_own, f.mul_floor(own));
				prop_assert_eq!(from_pool, f.mul_floor(pool));
			},
		}
	}

	#[test]
	fn escalation_is_monotone_and_bounded(
		base in 0u32..=1_000_000_000,
		step in 0u32..=1_000_000_000,
		strikes in 0u32..1_000,
	) {
		let (base, step) = (Perbill::from_parts(base), Perbill::from_parts(step));
		let now = escalated_fraction(base, step, strikes);
		let next = escalated_fraction(base, step, strikes + 1);
		prop_assert!(now >= base);
		prop_assert!(next >= now);
		prop_assert_eq!(escalated_fraction(base, step, 0), base);
	}

	#[test]
	fn strikes_only_decay(strikes in 0u32..100, last in 0u32..1_000, gap in 0u32..1_000, decay in 0u32..50) {
		let left = decayed_strikes(strikes, last, last + gap, decay);
		prop_assert!(left <= strikes);
		if decay == 0 { prop_assert_eq!(left, strikes); }
		if decay > 0 { prop_assert_eq!(left, strikes.saturating_sub(gap / decay)); }
	}
}
