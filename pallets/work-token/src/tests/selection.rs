//! The active set (S6) and the dynamic minimum stake (S5), and the market's multiplier in
//! effective stake (through a test `MarketSignals`). Job draws and reputation tiers are tested
//! in the market's `tests/selection.rs`.

use crate::{
	active_set::{next_min_stake, set_size, target_providers},
	mock::*,
	ActiveSet, ActiveSetMode, Error, Event, MinProviderStake,
};
use sp_runtime::DispatchError;

fn members() -> Vec<AccountId> {
	ActiveSet::<Test>::get().into_iter().map(|p| p.who).collect()
}

fn four_providers() -> ExtBuilder {
	ExtBuilder::default()
		.provider(10, 1_000, Perbill::zero())
		.provider(11, 500, Perbill::zero())
		.provider(12, 500, Perbill::zero())
		.provider(13, 300, Perbill::zero())
}

#[test]
fn unbounded_mode_takes_every_eligible_provider_sorted_with_ties_by_id() {
	four_providers().build_and_execute(|| {
		assert_eq!(members(), vec![10, 11, 12, 13]);
		// Jailed, chilled and below-minimum providers are not eligible.
		assert_ok!(WorkToken::chill(RuntimeOrigin::signed(13)));
		assert_noop!(
			WorkToken::chill(RuntimeOrigin::signed(13)),
			Error::<Test>::AlreadyInThatState
		);
		crate::Providers::<Test>::mutate(12, |i| i.as_mut().unwrap().jailed_until = Some(5));
		run_to_era(1);
		assert_eq!(members(), vec![10, 11]);
		System::assert_has_event(
			Event::ActiveSetChanged { era: 1, providers: vec![10, 11].try_into().unwrap() }.into(),
		);
		assert_ok!(WorkToken::unchill(RuntimeOrigin::signed(13)));
		run_to_era(2);
		assert_eq!(members(), vec![10, 11, 13]);
	});
}

#[test]
fn static_mode_cuts_at_n_and_breaks_ties_at_the_boundary_by_account_id() {
	four_providers().build_and_execute(|| {
		assert_noop!(
			WorkToken::set_active_set_mode(RuntimeOrigin::signed(10), ActiveSetMode::Static(2)),
			DispatchError::BadOrigin
		);
		assert_ok!(WorkToken::set_active_set_mode(RuntimeOrigin::root(), ActiveSetMode::Static(2)));
		run_to_era(1);
		// 11 and 12 tie at 500 for the second seat: the lower id wins.
		assert_eq!(members(), vec![10, 11]);
	});
}

#[test]
fn dynamic_mode_follows_demand_within_its_bounds() {
	four_providers().build_and_execute(|| {
		let mode = ActiveSetMode::Dynamic { min: 1, max: 3, jobs_per_provider: 2 };
		assert_noop!(
			WorkToken::set_active_set_mode(
				RuntimeOrigin::root(),
				ActiveSetMode::Dynamic { min: 3, max: 1, jobs_per_provider: 2 }
			),
			Error::<Test>::InvalidActiveSetMode
		);
		// Modes that could leave the set empty would stall the market for good (S34).
		for stalling in [
			ActiveSetMode::Static(0),
			ActiveSetMode::Dynamic { min: 0, max: 3, jobs_per_provider: 2 },
			ActiveSetMode::Dynamic { min: 1, max: 3, jobs_per_provider: 0 },
		] {
			assert_noop!(
				WorkToken::set_active_set_mode(RuntimeOrigin::root(), stalling),
				Error::<Test>::InvalidActiveSetMode
			);
		}
		assert_ok!(WorkToken::set_active_set_mode(RuntimeOrigin::root(), mode));
		run_to_era(1);
		assert_eq!(members(), vec![10], "no demand: the minimum size");
		// The market reports three jobs submitted in era 1.
		TestMarket::add_demand(3);
		run_to_era(2);
		assert_eq!(members(), vec![10, 11], "3 jobs / 2 per provider, rounded up = 2");
		assert_eq!(set_size(mode, 100, 4), 3, "capped at max");
		assert_eq!(set_size(mode, 100, 2), 2, "never more than eligible");
	});
}

#[test]
fn min_stake_moves_at_most_by_its_bounds_per_era() {
	// More eligible providers than the target raise it (at most ×2) ...
	assert_eq!(next_min_stake(100, 10, 1, 100, 10_000), 200);
	assert_eq!(next_min_stake(100, 3, 2, 100, 10_000), 150);
	// ... fewer lower it (at most ×0.9), and floor and ceiling hold.
	assert_eq!(next_min_stake(1_000, 1, 10, 100, 10_000), 900);
	assert_eq!(next_min_stake(105, 0, 10, 100, 10_000), 100);
	assert_eq!(next_min_stake(8_000, 10, 1, 100, 10_000), 10_000);
	assert_eq!(target_providers(ActiveSetMode::Unbounded, 25, 10), 3);
	assert_eq!(target_providers(ActiveSetMode::Unbounded, 0, 10), 1);
	assert_eq!(target_providers(ActiveSetMode::Static(4), 0, 10), 4);
}

#[test]
fn a_raised_minimum_makes_providers_ineligible_but_does_not_unbond_them() {
	four_providers().build_and_execute(|| {
		MinStakeCeiling::set(&10_000);
		// Four providers, no demand (target 1): the minimum doubles, 100 -> 200.
		run_to_era(1);
		assert_eq!(MinProviderStake::<Test>::get(), 200);
		System::assert_has_event(Event::MinStakeUpdated { old: 100, new: 200 }.into());
		run_to_era(2);
		assert_eq!(MinProviderStake::<Test>::get(), 400);
		// 13 (300) is below it: out of the set, stake untouched.
		assert_eq!(members(), vec![10, 11, 12]);
		assert_eq!(held_stake(13), 300);
	});
}

/// The market's multiplier scales effective stake, in the active set and in the era's rewards.
#[test]
fn the_market_multiplier_scales_effective_stake_in_selection_and_rewards() {
	ExtBuilder::default()
		.provider(10, 1_000, Perbill::zero())
		.provider(11, 1_000, Perbill::zero())
		.build_and_execute(|| {
			TestMarket::set_multiplier(10, 120);
			TestMarket::set_multiplier(11, 50);
			run_to_era(1);
			let set = ActiveSet::<Test>::get();
			assert_eq!(set[0].who, 10);
			assert_eq!((set[0].effective_stake, set[1].effective_stake), (1_200, 500));
			// Era 1's emission is split 1,200 : 500.
			System::reset_events();
			run_to_era(2);
			let paid = |who| {
				work_token_events()
					.iter()
					.filter_map(|e| match e {
						Event::ProviderRewarded { provider, self_stake, .. }
							if *provider == who =>
						{
							Some(*self_stake)
						}
						_ => None,
					})
					.sum::<Balance>()
			};
			let (a, b) = (paid(10), paid(11));
			assert!(a > 0 && b > 0);
			assert_eq!(a * 500 / 1_200, b, "rewards follow effective stake");
		});
}
