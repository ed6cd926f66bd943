//! Era rewards (S14): the split, no just-in-time rewards, O(1) claims, compounding,
//! eligibility, issuance accounting and the inflation controller.

use crate::{
	mock::*,
	rewards::{next_inflation, split_reward, RewardSplit},
	Delegations, Error, Event, InflationRate, RewardsUnclaimed,
};
use sp_runtime::DispatchError;

/// Makes the emission of the current era exactly `target` (for round numbers in examples).
/// At most 1% of the issuance (a 100% annual rate over the mock's 100 eras a year).
fn set_emission(target: Balance) {
	let issuance = Balances::total_issuance();
	let annual_target = target * u128::from(ERAS_PER_YEAR) + u128::from(ERAS_PER_YEAR) - 1;
	InflationRate::<Test>::put(Perbill::from_rational(annual_target, issuance));
	assert_eq!(WorkToken::era_emission(), target);
}

fn rewarded_pool(era: u32) -> Option<Balance> {
	work_token_events().into_iter().find_map(|e| match e {
		Event::PoolRewarded { era: e, amount, .. } if e == era => Some(amount),
		_ => None,
	})
}

fn provider_reward(era: u32) -> Option<(Balance, Balance)> {
	work_token_events().into_iter().find_map(|e| match e {
		Event::ProviderRewarded { era: e, commission, self_stake, .. } if e == era => {
			Some((commission, self_stake))
		}
		_ => None,
	})
}

/// The worked example of the pallet docs: one era's reward of a provider with 10% commission,
/// 3,000 self-stake and two delegators holding 600 and 400 shares.
#[docify::export]
#[test]
fn worked_example_one_era_reward_split() {
	ExtBuilder::default().provider(10, 3_000, Perbill::from_percent(10)).build_and_execute(|| {
		// Era 0: two delegators join. Their shares earn from era 1 on.
		assert_ok!(WorkToken::delegate(RuntimeOrigin::signed(11), 10, 600));
		assert_ok!(WorkToken::delegate(RuntimeOrigin::signed(12), 10, 400));
		run_to_era(1);
		assert_eq!(rewarded_pool(0), None, "joiners earn nothing for the era they joined in");

		// Era 1: the era's emission is 1,000 and provider 10 is the only provider.
		set_emission(1_000);
		let provider_free = free_balance(10);
		run_to_era(2);
		// Commission first: 10% of 1,000 = 100. The rest, 900, splits by earning stake:
		// self 3,000 / 4,000 -> 675; delegated 1,000 / 4,000 -> 225.
		assert_eq!(provider_reward(1), Some((100, 675)));
		assert_eq!(free_balance(10), provider_free + 775);
		assert_eq!(rewarded_pool(1), Some(225));
		// Inside the pool, pro rata to shares: 600 -> 135, 400 -> 90.
		let (free_11, free_12) = (free_balance(11), free_balance(12));
		assert_ok!(WorkToken::claim_rewards(RuntimeOrigin::signed(11), 10));
		assert_ok!(WorkToken::claim_rewards(RuntimeOrigin::signed(12), 10));
		assert_eq!(free_balance(11), free_11 + 135);
		assert_eq!(free_balance(12), free_12 + 90);
		System::assert_last_event(
			Event::RewardsClaimed { delegator: 12, provider: 10, amount: 90 }.into(),
		);
	});
}

#[test]
fn split_reward_adds_up_and_puts_commission_first() {
	assert_eq!(
		split_reward(1_000, Perbill::from_percent(10), 3_000, 1_000),
		RewardSplit { commission: 100, self_stake: 675, delegated: 225 }
	);
	// No delegated stake: everything after commission is the provider's.
	assert_eq!(
		split_reward(1_000, Perbill::from_percent(10), 3_000, 0),
		RewardSplit { commission: 100, self_stake: 900, delegated: 0 }
	);
	// Rounding goes to the delegated part, and the parts always add up.
	let s = split_reward(7, Perbill::from_percent(33), 1, 2);
	assert_eq!(s.commission + s.self_stake + s.delegated, 7);
}

#[test]
fn delegation_made_in_an_era_earns_nothing_for_it() {
	ExtBuilder::default().provider(10, 1_000, Perbill::zero()).build_and_execute(|| {
		assert_ok!(WorkToken::delegate(RuntimeOrigin::signed(11), 10, 1_000));
		run_to_era(1);
		// Era 1: 12 joins late; only 11's shares earn era 1.
		set_emission(1_000);
		assert_ok!(WorkToken::delegate(RuntimeOrigin::signed(12), 10, 1_000));
		run_to_era(2);
		assert_eq!(rewarded_pool(1), Some(500));
		assert_ok!(WorkToken::claim_rewards(RuntimeOrigin::signed(11), 10));
		System::assert_last_event(
			Event::RewardsClaimed { delegator: 11, provider: 10, amount: 500 }.into(),
		);
		assert_noop!(
			WorkToken::claim_rewards(RuntimeOrigin::signed(12), 10),
			Error::<Test>::NothingToClaim
		);
		// Era 2: both earn. 900 splits 1,000 self : 2,000 delegated -> 600 to the pool, 300
		// to each delegator.
		set_emission(900);
		run_to_era(3);
		assert_eq!(rewarded_pool(2), Some(600));
		assert_ok!(WorkToken::claim_rewards(RuntimeOrigin::signed(12), 10));
		System::assert_last_event(
			Event::RewardsClaimed { delegator: 12, provider: 10, amount: 300 }.into(),
		);
	});
}

#[test]
fn self_stake_bonded_mid_era_does_not_earn_that_era() {
	ExtBuilder::default()
		.provider(10, 1_000, Perbill::zero())
		.provider(11, 1_000, Perbill::zero())
		.build_and_execute(|| {
			run_to_era(1);
			// 10 triples its stake during era 1; era 1 still splits 1:1.
			assert_ok!(WorkToken::bond_extra(RuntimeOrigin::signed(10), 2_000));
			set_emission(1_000);
			run_to_era(2);
			let self_parts: Vec<_> = work_token_events()
				.into_iter()
				.filter_map(|e| match e {
					Event::ProviderRewarded { provider, self_stake, era: 1, .. } => {
						Some((provider, self_stake))
					}
					_ => None,
				})
				.collect();
			assert_eq!(self_parts, vec![(10, 500), (11, 500)]);
		});
}

#[test]
fn unbonding_mid_era_stops_earning_at_once() {
	ExtBuilder::default()
		.provider(10, 1_000, Perbill::zero())
		.provider(11, 1_000, Perbill::zero())
		.build_and_execute(|| {
			run_to_era(1);
			assert_ok!(WorkToken::unbond(RuntimeOrigin::signed(10), 500));
			assert_ok!(WorkToken::rebond(RuntimeOrigin::signed(10), 500));
			set_emission(1_000);
			run_to_era(2);
			// 10 counted with 500 (its lowest stake in the era), 11 with 1,000:
			// 1,000 * 500 / 1,500 = 333 (rounded down).
			assert!(work_token_events().contains(&Event::ProviderRewarded {
				provider: 10,
				era: 1,
				commission: 0,
				self_stake: 333
			}));
		});
}

#[test]
fn provider_below_minimum_earns_nothing() {
	ExtBuilder::default()
		.provider(10, 1_000, Perbill::zero())
		.provider(11, 1_000, Perbill::zero())
		.build_and_execute(|| {
			crate::MinProviderStake::<Test>::put(1_001);
			run_to_era(1);
			assert_eq!(provider_reward(0), None);
		});
}

#[test]
fn rewards_never_expire() {
	ExtBuilder::default().provider(10, 1_000, Perbill::zero()).build_and_execute(|| {
		assert_ok!(WorkToken::delegate(RuntimeOrigin::signed(11), 10, 1_000));
		run_to_era(1);
		let mut expected = 0;
		for era in 1..40 {
			set_emission(200);
			run_to_era(era + 1);
			expected += 100;
		}
		let free = free_balance(11);
		assert_ok!(WorkToken::claim_rewards(RuntimeOrigin::signed(11), 10));
		assert_eq!(free_balance(11), free + expected);
	});
}

#[test]
fn auto_compound_turns_rewards_into_shares() {
	ExtBuilder::default().provider(10, 1_000, Perbill::zero()).build_and_execute(|| {
		assert_ok!(WorkToken::delegate(RuntimeOrigin::signed(11), 10, 1_000));
		assert_ok!(WorkToken::set_auto_compound(RuntimeOrigin::signed(11), 10, true));
		System::assert_last_event(
			Event::AutoCompoundSet { delegator: 11, provider: 10, enabled: true }.into(),
		);
		run_to_era(1);
		set_emission(1_000);
		run_to_era(2);
		let free = free_balance(11);
		assert_ok!(WorkToken::claim_rewards(RuntimeOrigin::signed(11), 10));
		assert_eq!(free_balance(11), free, "nothing paid out");
		System::assert_last_event(
			Event::RewardsCompounded { delegator: 11, provider: 10, amount: 500 }.into(),
		);
		// The rewards enter the pool like a new delegation: waiting first, shares next era.
		let d = Delegations::<Test>::get(11, 10).unwrap();
		assert_eq!((d.shares, crate::Pallet::<Test>::entering_tokens(&d)), (1_000, 500));
		run_to_era(3);
		let summary = crate::Pallet::<Test>::delegation_summary(&11, &10).unwrap();
		assert_eq!((summary.shares, summary.entering), (1_500, 0));
	});
}

#[test]
fn leaving_pays_what_was_earned() {
	ExtBuilder::default().provider(10, 1_000, Perbill::zero()).build_and_execute(|| {
		assert_ok!(WorkToken::delegate(RuntimeOrigin::signed(11), 10, 1_000));
		run_to_era(1);
		set_emission(1_000);
		run_to_era(2);
		assert_ok!(WorkToken::undelegate(RuntimeOrigin::signed(11), 10, 1_000));
		run_to_era(2 + UNBONDING_PERIOD);
		let free = free_balance(11);
		assert_ok!(WorkToken::withdraw_delegation(RuntimeOrigin::signed(11), 10));
		assert_eq!(free_balance(11), free + 1_000 + 500);
		assert!(Delegations::<Test>::get(11, 10).is_none());
		assert_eq!(RewardsUnclaimed::<Test>::get(), 0);
	});
}

#[test]
fn claim_errors() {
	ExtBuilder::default().provider(10, 1_000, Perbill::zero()).build_and_execute(|| {
		assert_noop!(WorkToken::claim_rewards(RuntimeOrigin::root(), 10), DispatchError::BadOrigin);
		assert_noop!(
			WorkToken::claim_rewards(RuntimeOrigin::signed(11), 10),
			Error::<Test>::NotDelegator
		);
		assert_ok!(WorkToken::delegate(RuntimeOrigin::signed(11), 10, 100));
		assert_noop!(
			WorkToken::claim_rewards(RuntimeOrigin::signed(11), 10),
			Error::<Test>::NothingToClaim
		);
		assert_noop!(
			WorkToken::set_auto_compound(RuntimeOrigin::signed(12), 10, true),
			Error::<Test>::NotDelegator
		);
		assert_noop!(
			WorkToken::set_auto_compound(RuntimeOrigin::none(), 10, true),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn total_issuance_moves_only_by_minted_emission() {
	ExtBuilder::default()
		.provider(10, 1_000, Perbill::from_percent(7))
		.provider(11, 2_500, Perbill::from_percent(3))
		.build_and_execute(|| {
			assert_ok!(WorkToken::delegate(RuntimeOrigin::signed(12), 10, 333));
			assert_ok!(WorkToken::delegate(RuntimeOrigin::signed(13), 11, 777));
			let mut total_minted = 0;
			let start = Balances::total_issuance();
			for era in 1..=12u32 {
				run_to_block(u64::from(era) * ERA_LENGTH - 1);
				System::reset_events();
				let before = Balances::total_issuance();
				run_to_block(u64::from(era) * ERA_LENGTH);
				let emission = work_token_events()
					.into_iter()
					.find_map(|e| match e {
						Event::EraRewarded { emission, .. } => Some(emission),
						_ => None,
					})
					.expect("every era boundary reports its emission");
				assert!(emission > 0);
				assert_eq!(Balances::total_issuance(), before + emission, "era {era}");
				total_minted += emission;
			}
			// Claims move tokens, never create them.
			let before_claims = Balances::total_issuance();
			assert_ok!(WorkToken::claim_rewards(RuntimeOrigin::signed(12), 10));
			assert_ok!(WorkToken::claim_rewards(RuntimeOrigin::signed(13), 11));
			assert_eq!(Balances::total_issuance(), before_claims);
			assert_eq!(Balances::total_issuance(), start + total_minted);
		});
}

#[test]
fn inflation_moves_toward_the_target_within_bounds() {
	let (min, max, step) =
		(Perbill::from_percent(2), Perbill::from_percent(20), Perbill::from_percent(1));
	let target = Perbill::from_percent(50);
	// No stake at all: the full step up.
	assert_eq!(
		next_inflation(Perbill::from_percent(10), Perbill::zero(), target, step, min, max),
		Perbill::from_percent(11)
	);
	// At the target: unchanged.
	assert_eq!(
		next_inflation(Perbill::from_percent(10), target, target, step, min, max),
		Perbill::from_percent(10)
	);
	// Everything staked: the full step down.
	assert_eq!(
		next_inflation(Perbill::from_percent(10), Perbill::one(), target, step, min, max),
		Perbill::from_percent(9)
	);
	// Clamped at both ends.
	assert_eq!(next_inflation(max, Perbill::zero(), target, step, min, max), max);
	assert_eq!(next_inflation(min, Perbill::one(), target, step, min, max), min);
}
