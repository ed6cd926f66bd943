//! Attacks on the market (S35, S36): a client cannot steer the draw, and reputation cannot be
//! farmed cheaply.

use crate::{mock::*, reputation::outcome_weight, Jobs, Pallet, Reputation};

/// Delivers and accepts job `id` (so that its provider's capacity frees up).
fn complete(id: u64) {
	let job = Jobs::<Test>::get(id).unwrap();
	assert_ok!(WorkMarket::submit_result(RuntimeOrigin::signed(job.provider), id, evidence(2)));
	assert_ok!(WorkMarket::accept_result(RuntimeOrigin::signed(job.client), id));
}

#[test]
fn a_client_cannot_steer_the_draw_by_timing_its_submission() {
	ExtBuilder::default()
		.provider(10, 1_000, Perbill::zero())
		.provider(11, 2_000, Perbill::zero())
		.provider(12, 2_000, Perbill::zero())
		.build_and_execute(|| {
			// Randomness from block data: anyone can compute the current block's value.
			set_random_seed(3);
			set_randomness_per_block(true);
			let (mut sent, mut to_puppet) = (0u32, 0u32);
			for _ in 0..400 {
				// The attacker (client 13, owner of provider 10) computes the draw its job would
				// get with this block's randomness and submits only when it picks 10.
				let id = crate::JobQueueState::<Test>::get().next_id;
				let set = Pallet::<Test>::draw_set();
				let would = Pallet::<Test>::draw_provider(&set, id, |_| true);
				if would == Ok(10) {
					assert_ok!(WorkMarket::submit_job(RuntimeOrigin::signed(13), evidence(1), 10));
					next_block();
					sent += 1;
					to_puppet += u32::from(Jobs::<Test>::get(id).unwrap().provider == 10);
					complete(id);
				} else {
					next_block();
				}
			}
			// The draw happens in the next block, with randomness unknown at submission: the
			// attacker's jobs land on 10 about as often as its share of stake (1/5), far from
			// always. (With a same-block draw this strategy would score 100%.)
			assert!(sent > 40, "sent {sent}");
			let share = f64::from(to_puppet) / f64::from(sent);
			assert!(share < 0.4, "the attacker steered {share:.2} of its jobs");
		});
}

#[test]
fn a_job_counts_in_reputation_in_proportion_to_its_fee() {
	let alpha = Permill::from_percent(10);
	assert_eq!(outcome_weight(alpha, 10, 10), alpha);
	assert_eq!(outcome_weight(alpha, 1_000, 10), alpha);
	assert_eq!(outcome_weight(alpha, 1, 10), Permill::from_percent(1));
	assert_eq!(outcome_weight(alpha, 0, 10), Permill::zero());
}

#[test]
fn dust_jobs_earn_next_to_no_reputation() {
	ExtBuilder::default().provider(10, 2_000, Perbill::zero()).build_and_execute(|| {
		// Ten dust jobs (fee 1, a tenth of the full-credit fee) from the provider's puppets ...
		for _ in 0..10 {
			assert_ok!(WorkMarket::submit_job(RuntimeOrigin::signed(13), evidence(1), 1));
			let id = crate::JobQueueState::<Test>::get().next_id - 1;
			next_block();
			complete(id);
		}
		let after_dust = Reputation::<Test>::get(10);
		// ... raise it less than one full-fee job would: credit costs fees, not transactions.
		assert!(after_dust < Permill::from_percent(55), "{after_dust:?}");
		assert!(after_dust > Permill::from_percent(50));
	});
}

#[test]
fn farming_reputation_with_ones_own_jobs_pays_the_other_providers() {
	ExtBuilder::default()
		.provider(10, 1_000, Perbill::one())
		.provider(11, 1_000, Perbill::zero())
		.provider(12, 1_000, Perbill::zero())
		.build_and_execute(|| {
			// Provider 10 (a third of the stake, 100% commission) farms its score with jobs from
			// its puppets 13 and 14.
			let (mut own_jobs, mut paid_to_others) = (0u32, 0u128);
			for n in 0..30u64 {
				let client = 13 + n % 2;
				assert_ok!(WorkMarket::submit_job(RuntimeOrigin::signed(client), evidence(1), 10));
				let id = crate::JobQueueState::<Test>::get().next_id - 1;
				next_block();
				let provider = Jobs::<Test>::get(id).unwrap().provider;
				if provider == 10 {
					own_jobs += 1;
				} else {
					paid_to_others += 10;
				}
				complete(id);
			}
			// Only the jobs it was drawn for raised its score ...
			let expected = (0..own_jobs).fold(crate::reputation::NEUTRAL, |score, _| {
				crate::reputation::next_score(score, Permill::from_percent(10), true)
			});
			assert_eq!(Reputation::<Test>::get(10), expected);
			assert!(own_jobs < 20, "{own_jobs}");
			// ... and the other jobs' fees, most of them, left the party for good.
			assert!(paid_to_others >= 100, "{paid_to_others}");
			assert_eq!(u128::from(30 - own_jobs) * 10, paid_to_others);
		});
}

#[test]
fn a_fee_only_the_clients_provider_can_back_does_not_steer_the_draw() {
	// Provider 10 (the attacker's, 2,000 own) can back fees up to 200; 11 and 12 (1,000 own
	// each) only up to 100, but their delegators make them weigh 4,000 each in the draw.
	ExtBuilder::default()
		.provider(10, 2_000, Perbill::zero())
		.provider(11, 1_000, Perbill::zero())
		.provider(12, 1_000, Perbill::zero())
		.delegation(15, 11, 3_000)
		.delegation(16, 12, 3_000)
		.build_and_execute(|| {
			set_random_seed(11);
			let client_free = free_balance(13);
			let (mut sent, mut to_puppet) = (0u32, 0u32);
			for _ in 0..200 {
				// A fee of 150 that only 10 can back, hoping the draw skips 11 and 12.
				assert_ok!(WorkMarket::submit_job(RuntimeOrigin::signed(13), evidence(1), 150));
				let id = crate::JobQueueState::<Test>::get().next_id - 1;
				next_block();
				sent += 1;
				if let Some(job) = Jobs::<Test>::get(id) {
					assert_eq!(job.provider, 10);
					to_puppet += 1;
					complete(id);
				}
			}
			// 10 gets the job about as often as its share of the draw (1/5), not nearly always
			// (which redrawing on the fee would give: 1 - 0.8^8 = 83%) ...
			let share = f64::from(to_puppet) / f64::from(sent);
			assert!(share < 0.35, "the fee steered {share:.2} of the jobs");
			// ... and every miss cost the client the protocol fee (7 of 150).
			let misses = u128::from(sent - to_puppet);
			assert!(free_balance(13) <= client_free - misses * 7);
		});
}
