//! Weights of `pallet_work_market`. Stand-ins carried over from the work token's last
//! benchmark run until `scripts/benchmark.sh` regenerates them for this pallet.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::{constants::ParityDbWeight, Weight}};

/// Weight functions of `pallet_work_market`: one per benchmark, with its components as arguments.
pub trait WeightInfo {
	/// Weight of benchmark `submit_job`.
	fn submit_job() -> Weight;
	/// Weight of benchmark `submit_result`.
	fn submit_result() -> Weight;
	/// Weight of benchmark `accept_result`.
	fn accept_result() -> Weight;
	/// Weight of benchmark `challenge_result`.
	fn challenge_result() -> Weight;
	/// Weight of benchmark `resolve_challenge`.
	fn resolve_challenge() -> Weight;
	/// Weight of benchmark `set_reputation_tiers`.
	fn set_reputation_tiers() -> Weight;
	/// Weight of benchmark `process_jobs`.
	fn process_jobs(n: u32, ) -> Weight;
	/// Weight of benchmark `assign_jobs`.
	fn assign_jobs(n: u32, ) -> Weight;
}

/// Weights for `pallet_work_market` using the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `WorkMarket::JobQueueState` (r:1 w:1)
	/// Proof: `WorkMarket::JobQueueState` (`max_values`: Some(1), `max_size`: Some(24), added: 519, mode: `MaxEncodedLen`)
	/// Storage: `WorkMarket::ActiveSet` (r:1 w:0)
	/// Proof: `WorkMarket::ActiveSet` (`max_values`: Some(1), `max_size`: Some(16386), added: 16881, mode: `MaxEncodedLen`)
	/// Storage: `RandomnessCollectiveFlip::RandomMaterial` (r:1 w:0)
	/// Proof: `RandomnessCollectiveFlip::RandomMaterial` (`max_values`: Some(1), `max_size`: Some(2594), added: 3089, mode: `MaxEncodedLen`)
	/// Storage: `WorkMarket::Tombstones` (r:1 w:0)
	/// Proof: `WorkMarket::Tombstones` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `WorkMarket::Providers` (r:1 w:0)
	/// Proof: `WorkMarket::Providers` (`max_values`: None, `max_size`: Some(63), added: 2538, mode: `MaxEncodedLen`)
	/// Storage: `WorkMarket::Workloads` (r:1 w:1)
	/// Proof: `WorkMarket::Workloads` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `WorkMarket::Ledgers` (r:1 w:0)
	/// Proof: `WorkMarket::Ledgers` (`max_values`: None, `max_size`: Some(393), added: 2868, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `WorkMarket::JobsThisEra` (r:1 w:1)
	/// Proof: `WorkMarket::JobsThisEra` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `WorkMarket::Jobs` (r:0 w:1)
	/// Proof: `WorkMarket::Jobs` (`max_values`: None, `max_size`: Some(173), added: 2648, mode: `MaxEncodedLen`)
	fn submit_job() -> Weight {
		// Proof size (bytes): measured `20106`, estimated `17871`.
		// Minimum execution time: 139_328_000 picoseconds.
		Weight::from_parts(157_194_000, 17871)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `WorkMarket::Jobs` (r:1 w:1)
	/// Proof: `WorkMarket::Jobs` (`max_values`: None, `max_size`: Some(173), added: 2648, mode: `MaxEncodedLen`)
	fn submit_result() -> Weight {
		// Proof size (bytes): measured `480`, estimated `3638`.
		// Minimum execution time: 14_521_000 picoseconds.
		Weight::from_parts(16_405_000, 3638)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `WorkMarket::Jobs` (r:1 w:1)
	/// Proof: `WorkMarket::Jobs` (`max_values`: None, `max_size`: Some(173), added: 2648, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:3 w:3)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `WorkMarket::Providers` (r:1 w:0)
	/// Proof: `WorkMarket::Providers` (`max_values`: None, `max_size`: Some(63), added: 2538, mode: `MaxEncodedLen`)
	/// Storage: `WorkMarket::Ledgers` (r:1 w:0)
	/// Proof: `WorkMarket::Ledgers` (`max_values`: None, `max_size`: Some(393), added: 2868, mode: `MaxEncodedLen`)
	/// Storage: `WorkMarket::Pools` (r:1 w:1)
	/// Proof: `WorkMarket::Pools` (`max_values`: None, `max_size`: Some(132), added: 2607, mode: `MaxEncodedLen`)
	/// Storage: `WorkMarket::CurrentEra` (r:1 w:0)
	/// Proof: `WorkMarket::CurrentEra` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `WorkMarket::RewardsUnclaimed` (r:1 w:1)
	/// Proof: `WorkMarket::RewardsUnclaimed` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `WorkMarket::Workloads` (r:1 w:1)
	/// Proof: `WorkMarket::Workloads` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `WorkMarket::Reputation` (r:1 w:1)
	/// Proof: `WorkMarket::Reputation` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	fn accept_result() -> Weight {
		// Proof size (bytes): measured `1278`, estimated `8799`.
		// Minimum execution time: 155_522_000 picoseconds.
		Weight::from_parts(165_807_000, 8799)
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().writes(9_u64))
	}
	/// Storage: `WorkMarket::Jobs` (r:1 w:1)
	/// Proof: `WorkMarket::Jobs` (`max_values`: None, `max_size`: Some(173), added: 2648, mode: `MaxEncodedLen`)
	fn challenge_result() -> Weight {
		// Proof size (bytes): measured `516`, estimated `3638`.
		// Minimum execution time: 13_931_000 picoseconds.
		Weight::from_parts(15_473_000, 3638)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `WorkMarket::Jobs` (r:1 w:1)
	/// Proof: `WorkMarket::Jobs` (`max_values`: None, `max_size`: Some(173), added: 2648, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `WorkMarket::Workloads` (r:1 w:1)
	/// Proof: `WorkMarket::Workloads` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `WorkMarket::Reputation` (r:1 w:1)
	/// Proof: `WorkMarket::Reputation` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `WorkMarket::CurrentEra` (r:1 w:0)
	/// Proof: `WorkMarket::CurrentEra` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `WorkMarket::Tombstones` (r:1 w:0)
	/// Proof: `WorkMarket::Tombstones` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `WorkMarket::Providers` (r:1 w:0)
	/// Proof: `WorkMarket::Providers` (`max_values`: None, `max_size`: Some(63), added: 2538, mode: `MaxEncodedLen`)
	/// Storage: `WorkMarket::Ledgers` (r:1 w:0)
	/// Proof: `WorkMarket::Ledgers` (`max_values`: None, `max_size`: Some(393), added: 2868, mode: `MaxEncodedLen`)
	/// Storage: `WorkMarket::Offences` (r:1 w:1)
	/// Proof: `WorkMarket::Offences` (`max_values`: None, `max_size`: Some(754), added: 3229, mode: `MaxEncodedLen`)
	/// Storage: `WorkMarket::SlashFractionsOf` (r:1 w:0)
	/// Proof: `WorkMarket::SlashFractionsOf` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `WorkMarket::Pools` (r:1 w:0)
	/// Proof: `WorkMarket::Pools` (`max_values`: None, `max_size`: Some(132), added: 2607, mode: `MaxEncodedLen`)
	/// Storage: `WorkMarket::UnbondingPools` (r:1 w:0)
	/// Proof: `WorkMarket::UnbondingPools` (`max_values`: None, `max_size`: Some(84), added: 2559, mode: `MaxEncodedLen`)
	/// Storage: `WorkMarket::SlashQueueState` (r:1 w:1)
	/// Proof: `WorkMarket::SlashQueueState` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `WorkMarket::PendingSlashes` (r:0 w:1)
	/// Proof: `WorkMarket::PendingSlashes` (`max_values`: None, `max_size`: Some(187), added: 2662, mode: `MaxEncodedLen`)
	fn resolve_challenge() -> Weight {
		// Proof size (bytes): measured `1049`, estimated `4219`.
		// Minimum execution time: 100_650_000 picoseconds.
		Weight::from_parts(106_078_000, 4219)
			.saturating_add(T::DbWeight::get().reads(14_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	/// Storage: `WorkMarket::ReputationTiersOf` (r:0 w:1)
	/// Proof: `WorkMarket::ReputationTiersOf` (`max_values`: Some(1), `max_size`: Some(14), added: 509, mode: `MaxEncodedLen`)
	fn set_reputation_tiers() -> Weight {
		// Proof size (bytes): measured `0`, estimated `0`.
		// Minimum execution time: 4_797_000 picoseconds.
		Weight::from_parts(5_348_000, 0)
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `WorkMarket::JobQueueState` (r:1 w:1)
	/// Proof: `WorkMarket::JobQueueState` (`max_values`: Some(1), `max_size`: Some(24), added: 519, mode: `MaxEncodedLen`)
	/// Storage: `WorkMarket::Jobs` (r:16 w:16)
	/// Proof: `WorkMarket::Jobs` (`max_values`: None, `max_size`: Some(173), added: 2648, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:16 w:16)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:16 w:16)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `WorkMarket::Workloads` (r:1 w:1)
	/// Proof: `WorkMarket::Workloads` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `WorkMarket::Reputation` (r:1 w:1)
	/// Proof: `WorkMarket::Reputation` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `WorkMarket::CurrentEra` (r:1 w:0)
	/// Proof: `WorkMarket::CurrentEra` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `WorkMarket::Tombstones` (r:1 w:0)
	/// Proof: `WorkMarket::Tombstones` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `WorkMarket::Providers` (r:1 w:0)
	/// Proof: `WorkMarket::Providers` (`max_values`: None, `max_size`: Some(63), added: 2538, mode: `MaxEncodedLen`)
	/// Storage: `WorkMarket::Ledgers` (r:1 w:0)
	/// Proof: `WorkMarket::Ledgers` (`max_values`: None, `max_size`: Some(393), added: 2868, mode: `MaxEncodedLen`)
	/// Storage: `WorkMarket::Offences` (r:1 w:1)
	/// Proof: `WorkMarket::Offences` (`max_values`: None, `max_size`: Some(754), added: 3229, mode: `MaxEncodedLen`)
	/// Storage: `WorkMarket::SlashFractionsOf` (r:1 w:0)
	/// Proof: `WorkMarket::SlashFractionsOf` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `WorkMarket::Pools` (r:1 w:0)
	/// Proof: `WorkMarket::Pools` (`max_values`: None, `max_size`: Some(132), added: 2607, mode: `MaxEncodedLen`)
	/// Storage: `WorkMarket::UnbondingPools` (r:1 w:0)
	/// Proof: `WorkMarket::UnbondingPools` (`max_values`: None, `max_size`: Some(84), added: 2559, mode: `MaxEncodedLen`)
	/// Storage: `WorkMarket::SlashQueueState` (r:1 w:1)
	/// Proof: `WorkMarket::SlashQueueState` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `WorkMarket::PendingSlashes` (r:0 w:16)
	/// Proof: `WorkMarket::PendingSlashes` (`max_values`: None, `max_size`: Some(187), added: 2662, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[0, 16]`.
	fn process_jobs(n: u32, ) -> Weight {
		// Proof size (bytes): measured `583 + n * (286 ±0)`, estimated `4219 + n * (2648 ±0)`.
		// Minimum execution time: 1_943_000 picoseconds.
		Weight::from_parts(11_171_108, 4219)
			// Standard error: 105_226
			.saturating_add(Weight::from_parts(81_956_616, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(4_u64))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2648).saturating_mul(n.into()))
	}
	fn assign_jobs(n: u32, ) -> Weight {
		Weight::from_parts(5_000_000, 1_000)
			.saturating_add(Weight::from_parts(160_000_000, 18_000).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((10_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes((6_u64).saturating_mul(n.into())))
	}
}

// For tests and runtimes that do not care: the same figures on ParityDB weights.
impl WeightInfo for () {
	fn submit_job() -> Weight {
		Weight::from_parts(157_194_000, 17871)
			.saturating_add(ParityDbWeight::get().reads(10_u64))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
	}
	fn submit_result() -> Weight {
		Weight::from_parts(16_405_000, 3638)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn accept_result() -> Weight {
		Weight::from_parts(165_807_000, 8799)
			.saturating_add(ParityDbWeight::get().reads(12_u64))
			.saturating_add(ParityDbWeight::get().writes(9_u64))
	}
	fn challenge_result() -> Weight {
		Weight::from_parts(15_473_000, 3638)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn resolve_challenge() -> Weight {
		Weight::from_parts(106_078_000, 4219)
			.saturating_add(ParityDbWeight::get().reads(14_u64))
			.saturating_add(ParityDbWeight::get().writes(8_u64))
	}
	fn set_reputation_tiers() -> Weight {
		Weight::from_parts(5_348_000, 0)
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn process_jobs(n: u32, ) -> Weight {
		Weight::from_parts(11_171_108, 4219)
			.saturating_add(Weight::from_parts(81_956_616, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(9_u64))
			.saturating_add(ParityDbWeight::get().reads((3_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
			.saturating_add(ParityDbWeight::get().writes((4_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2648).saturating_mul(n.into()))
	}
	fn assign_jobs(n: u32, ) -> Weight {
		Weight::from_parts(5_000_000, 1_000)
			.saturating_add(Weight::from_parts(160_000_000, 18_000).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().reads((10_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes((6_u64).saturating_mul(n.into())))
	}
}
