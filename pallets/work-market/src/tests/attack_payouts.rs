//! Attacks on payouts (S29): stake added just before a payout must take nothing from those
//! who backed the provider for the whole era.

use crate::{mock::*, Reputation};
use pallet_work_token::Event as TokenEvent;

/// The `(to_provider, to_pool)` of the fees split at the end of era `era` for `provider`.
fn fees_split(provider: AccountId, era: u32) -> (Balance, Balance) {
	token_events()
		.iter()
		.find_map(|e| match e {
			TokenEvent::FeesDistributed { provider: p, era: e, to_provider, to_pool }
				if *p == provider && *e == era =>
			{
				Some((*to_provider, *to_pool))
			}
			_ => None,
		})
		.expect("fees were split")
}

/// Provider 10 (1,000, no commission) backed by delegator 11 (3,000) since genesis delivers a
/// job of 100 in era 1; `before_accept` runs just before the client accepts. Returns how the
/// fee was split at the era's end.
fn fee_split_with(before_accept: impl FnOnce()) -> (Balance, Balance) {
	let mut split = (0, 0);
	ExtBuilder::default()
		.provider(10, 1_000, Perbill::zero())
		.delegation(11, 10, 3_000)
		.build_and_execute(|| {
			run_to_era(1);
			let id = assigned(13, 100);
			assert_ok!(WorkMarket::submit_result(RuntimeOrigin::signed(10), id, evidence(8)));
			before_accept();
			assert_ok!(WorkMarket::accept_result(RuntimeOrigin::signed(13), id));
			run_to_era(2);
			split = fees_split(10, 1);
		});
	split
}

#[test]
fn bonding_just_before_acceptance_takes_no_fee_from_delegators() {
	let honest = fee_split_with(|| {});
	// The provider bonds 8,000 more in the block before the client accepts.
	let attack = fee_split_with(|| {
		assert_ok!(WorkToken::bond_extra(RuntimeOrigin::signed(10), 8_000));
	});
	// 95 after the protocol fee, split 1,000 : 3,000 by whole-era stake either way (with the
	// stake of the moment it would have been 9,000 : 3,000).
	assert_eq!(honest, (23, 72));
	assert_eq!(attack, honest);
}

#[test]
fn delegating_just_before_the_era_ends_shares_nothing_of_that_era() {
	ExtBuilder::default()
		.provider(10, 1_000, Perbill::zero())
		.delegation(11, 10, 1_000)
		.build_and_execute(|| {
			run_to_era(1);
			let id = assigned(13, 100);
			assert_ok!(WorkMarket::submit_result(RuntimeOrigin::signed(10), id, evidence(8)));
			assert_ok!(WorkMarket::accept_result(RuntimeOrigin::signed(13), id));
			// A puppet delegates a large amount in the last block of the era.
			run_to_block(2 * ERA_LENGTH - 1);
			assert_ok!(WorkToken::delegate(RuntimeOrigin::signed(12), 10, 9_000));
			let before_11 = WorkToken::delegation_summary(&11, &10).unwrap().pending_rewards;
			run_to_era(2);
			// Fees and emission of era 1 went to the shares that backed era 1 only.
			let (_, to_pool) = fees_split(10, 1);
			assert!(to_pool > 0);
			let pending = |who| WorkToken::delegation_summary(&who, &10).unwrap().pending_rewards;
			assert_eq!(pending(12), 0);
			assert!(pending(11) >= before_11 + to_pool - 1);
			// From era 2 on, the puppet's tokens back the provider and earn like any other.
			assert_eq!(WorkToken::delegation_summary(&12, &10).unwrap().value, 9_000);
		});
}

#[test]
fn a_reputation_pumped_during_the_era_does_not_raise_that_eras_reward() {
	ExtBuilder::default()
		.provider(10, 1_000, Perbill::zero())
		.provider(11, 1_000, Perbill::zero())
		.build_and_execute(|| {
			run_to_era(1);
			// Mid-era, 10's score jumps into the top tier (×1.2).
			Reputation::<Test>::insert(10, Permill::from_percent(95));
			System::reset_events();
			run_to_era(2);
			let reward = |who| {
				token_events()
					.iter()
					.find_map(|e| match e {
						TokenEvent::ProviderRewarded { provider, self_stake, .. }
							if *provider == who =>
						{
							Some(*self_stake)
						}
						_ => None,
					})
					.unwrap()
			};
			// Era 1 is paid with the multipliers of era 1's set: equal.
			assert_eq!(reward(10), reward(11));
			// The new score counts from the next set on.
			System::reset_events();
			run_to_era(3);
			let ratio = reward(10) as f64 / reward(11) as f64;
			assert!((ratio - 1.2).abs() < 0.01, "ratio {ratio}");
		});
}
