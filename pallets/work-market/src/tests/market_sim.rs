//! A simulated market over 20 eras: demand rises and falls, the active set (dynamic mode)
//! and the minimum stake follow. Run it with
//! `cargo test --release -p pallet-work-market simulated_market -- --nocapture` to print the
//! table shown in the README; the test asserts the S5/S6 bounds at every era.

use crate::{mock::*, Jobs, Reputation};
use pallet_work_token::{ActiveSet, ActiveSetMode, MinProviderStake};

/// Jobs submitted in each era of the simulation.
const DEMAND: [u32; 20] = [0, 2, 4, 8, 12, 12, 9, 6, 3, 0, 0, 3, 6, 9, 12, 12, 12, 6, 2, 0];

#[test]
fn simulated_market() {
	ExtBuilder::default()
		.provider(10, 600, Perbill::from_percent(5))
		.provider(11, 800, Perbill::from_percent(5))
		.provider(12, 1_000, Perbill::from_percent(5))
		.provider(13, 1_200, Perbill::from_percent(5))
		.build_and_execute(|| {
			set_random_seed(42);
			MinStakeCeiling::set(&1_000);
			TargetJobsPerProvider::set(&3);
			let mode = ActiveSetMode::Dynamic { min: 1, max: 4, jobs_per_provider: 3 };
			assert_ok!(WorkToken::set_active_set_mode(RuntimeOrigin::root(), mode));
			println!("| era | jobs | active set | minimum stake | providers at or above it |");
			println!("|---:|---:|---:|---:|---:|");
			let mut previous_min = MinProviderStake::<Test>::get();
			for (era, demand) in DEMAND.iter().enumerate() {
				let era = era as u32 + 1;
				// Clients 14..=19 submit this era's jobs, three per block (what one provider can
				// hold at once); each batch is assigned in the next block, delivered and accepted.
				let jobs: Vec<u32> = (0..*demand).collect();
				for batch in jobs.chunks(3) {
					let ids: Vec<u64> = batch
						.iter()
						.map(|n| {
							let id = crate::JobQueueState::<Test>::get().next_id;
							let client = 14 + u64::from(n % 6);
							assert_ok!(WorkMarket::submit_job(
								RuntimeOrigin::signed(client),
								evidence(1),
								10
							));
							id
						})
						.collect();
					next_block();
					for id in ids {
						let job =
							Jobs::<Test>::get(id).expect("every job of the simulation is taken");
						assert_ok!(WorkMarket::submit_result(
							RuntimeOrigin::signed(job.provider),
							id,
							evidence(2)
						));
						assert_ok!(WorkMarket::accept_result(
							RuntimeOrigin::signed(job.client),
							id
						));
					}
				}
				run_to_era(era);
				let min = MinProviderStake::<Test>::get();
				let set = ActiveSet::<Test>::get().len() as u32;
				let above = [600, 800, 1_000, 1_200].iter().filter(|s| **s >= min).count();
				println!("| {era} | {demand} | {set} | {min} | {above} |");
				// S5: at most ×0.9 … ×2 per era, within [floor, ceiling].
				assert!(min * 10 >= previous_min * 9 && min <= previous_min * 2);
				assert!((MIN_STAKE..=1_000).contains(&min));
				// S6: the dynamic size, never more than the eligible providers.
				let wanted = demand.div_ceil(3).clamp(1, 4).min(above as u32);
				assert_eq!(set, wanted, "era {era}");
				previous_min = min;
			}
			// Delivering every job raised every provider that did one above neutral.
			assert!(Reputation::<Test>::iter().all(|(_, r)| r > crate::reputation::NEUTRAL));
		});
}
