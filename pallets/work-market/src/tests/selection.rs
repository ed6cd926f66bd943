//! Stake-weighted job assignment (S11) and reputation tiers (S13). The active set and the
//! minimum stake are tested in the work token's `tests/selection.rs`.

use crate::{
	mock::*, reputation::next_score, Error, Event, Pallet, Reputation, ReputationTiers,
	ReputationTiersOf,
};
use pallet_work_token::ActiveSet;
use sp_runtime::DispatchError;
use work_token_primitives::MarketSignals;

/// Selection frequencies match effective-stake shares. Providers with 1,000, 2,000 and 3,000
/// (shares 1/6, 2/6, 3/6); 6,000 draws for each of five fixed seeds. Tolerance: ±0.025 in
/// frequency, which is 3.9 standard deviations of the largest share (σ = √(p(1−p)/n) ≤
/// 0.0065): a correct sampler fails it with probability below 1e-4 per seed, while a sampler
/// off by 15% of any share fails it.
#[test]
fn draws_follow_effective_stake_within_tolerance() {
	ExtBuilder::default()
		.provider(10, 1_000, Perbill::zero())
		.provider(11, 2_000, Perbill::zero())
		.provider(12, 3_000, Perbill::zero())
		.build_and_execute(|| {
			const DRAWS: u64 = 6_000;
			for seed in 1..=5u64 {
				set_random_seed(seed);
				let mut counts = [0u64; 3];
				let set = Pallet::<Test>::draw_set();
				for job in 0..DRAWS {
					let who = Pallet::<Test>::draw_provider(&set, job, |_| true).unwrap();
					counts[(who - 10) as usize] += 1;
				}
				for (i, count) in counts.iter().enumerate() {
					let expected = (i as f64 + 1.0) / 6.0;
					let seen = *count as f64 / DRAWS as f64;
					assert!(
						(seen - expected).abs() < 0.025,
						"seed {seed}: provider {} drawn {seen:.4}, expected {expected:.4}",
						10 + i
					);
				}
			}
		});
}

#[test]
fn rejected_draws_are_redrawn_and_stay_proportional_among_the_rest() {
	ExtBuilder::default()
		.provider(10, 1_000, Perbill::zero())
		.provider(11, 1_000, Perbill::zero())
		.provider(12, 2_000, Perbill::zero())
		.build_and_execute(|| {
			set_random_seed(7);
			// 10 cannot take jobs: 11 and 12 share the draws 1:2.
			let mut counts = [0u64; 3];
			let set = Pallet::<Test>::draw_set();
			for job in 0..3_000 {
				let who =
					Pallet::<Test>::draw_provider(&set, job, |p: &AccountId| *p != 10).unwrap();
				counts[(who - 10) as usize] += 1;
			}
			assert_eq!(counts[0], 0);
			let share_12 = counts[2] as f64 / 3_000.0;
			assert!((share_12 - 2.0 / 3.0).abs() < 0.03, "12 drew {share_12:.4}");
			assert_eq!(
				Pallet::<Test>::draw_provider(&set, 0, |_| false),
				Err(crate::Unassigned::NoCapacity)
			);
			assert_eq!(
				Pallet::<Test>::draw_provider(&[], 0, |_| true),
				Err(crate::Unassigned::NoActiveProvider)
			);
		});
}

#[test]
fn reputation_is_an_ema_and_tiers_map_it_to_multipliers() {
	let alpha = Permill::from_percent(10);
	assert_eq!(next_score(Permill::from_percent(50), alpha, true), Permill::from_percent(55));
	assert_eq!(next_score(Permill::from_percent(50), alpha, false), Permill::from_percent(45));
	assert_eq!(next_score(Permill::one(), alpha, true), Permill::one());
	assert_eq!(next_score(Permill::zero(), alpha, false), Permill::zero());
	let tiers = <Test as crate::Config>::DefaultReputationTiers::get();
	assert_eq!(tiers.multiplier(Permill::from_percent(49)), 50);
	assert_eq!(tiers.multiplier(Permill::from_percent(50)), 100);
	assert_eq!(tiers.multiplier(Permill::from_percent(89)), 100);
	assert_eq!(tiers.multiplier(Permill::from_percent(90)), 120);
}

#[test]
fn set_reputation_tiers_checks_origin_and_order() {
	ExtBuilder::default().build_and_execute(|| {
		let tiers = ReputationTiers {
			low_below: Permill::from_percent(30),
			high_from: Permill::from_percent(80),
			low: 25,
			mid: 100,
			high: 150,
		};
		assert_noop!(
			WorkMarket::set_reputation_tiers(RuntimeOrigin::signed(10), tiers),
			DispatchError::BadOrigin
		);
		let bad = ReputationTiers { low: 200, ..tiers };
		assert_noop!(
			WorkMarket::set_reputation_tiers(RuntimeOrigin::root(), bad),
			Error::<Test>::InvalidTiers
		);
		assert_ok!(WorkMarket::set_reputation_tiers(RuntimeOrigin::root(), tiers));
		assert_eq!(ReputationTiersOf::<Test>::get(), tiers);
		System::assert_last_event(Event::ReputationTiersSet { tiers }.into());
	});
}

/// Reputation reaches the work token as its multiplier: the effective stake of the active set
/// (and so the draw; the token's own tests show the era's rewards follow effective stake).
#[test]
fn reputation_multiplies_effective_stake_in_the_active_set() {
	ExtBuilder::default()
		.provider(10, 1_000, Perbill::zero())
		.provider(11, 1_000, Perbill::zero())
		.build_and_execute(|| {
			Reputation::<Test>::insert(10, Permill::from_percent(95)); // ×1.2
			Reputation::<Test>::insert(11, Permill::from_percent(40)); // ×0.5
			assert_eq!(<WorkMarket as MarketSignals<AccountId, Balance>>::multiplier(&10), 120);
			assert_eq!(<WorkMarket as MarketSignals<AccountId, Balance>>::multiplier(&11), 50);
			run_to_era(1);
			let set = ActiveSet::<Test>::get();
			assert_eq!(set[0].who, 10);
			assert_eq!((set[0].effective_stake, set[1].effective_stake), (1_200, 500));
			assert_eq!(WorkMarket::draw_set(), vec![(10, 1_200), (11, 1_700)]);
		});
}
