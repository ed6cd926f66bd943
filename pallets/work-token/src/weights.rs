//! Weights of `pallet-work-token`.
//!
//! PROVISIONAL: these figures are estimates built from the storage each call touches
//! (reads/writes below) and a conservative execution time. They are replaced by figures
//! generated with the node's `benchmark pallet` subcommand once the benchmarking issue lands;
//! the benchmarks themselves (`benchmarking.rs`) already exist and run as tests.

#![allow(unused_parens)]
#![allow(unused_imports)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// Weight functions of the pallet.
pub trait WeightInfo {
	/// `register_provider`.
	fn register_provider() -> Weight;
	/// `bond_extra`.
	fn bond_extra() -> Weight;
	/// `unbond`.
	fn unbond() -> Weight;
	/// `rebond`, touching `c` unbonding chunks.
	fn rebond(c: u32) -> Weight;
	/// `withdraw_unbonded`, removing `c` unbonding chunks.
	fn withdraw_unbonded(c: u32) -> Weight;
	/// The era transition in `on_initialize` with `p` providers (rewards included).
	fn new_era(p: u32) -> Weight;
	/// `claim_rewards`.
	fn claim_rewards() -> Weight;
	/// `set_auto_compound`.
	fn set_auto_compound() -> Weight;
	/// `delegate`.
	fn delegate() -> Weight;
	/// `undelegate`.
	fn undelegate() -> Weight;
	/// `withdraw_delegation`, withdrawing `c` unbonding chunks.
	fn withdraw_delegation(c: u32) -> Weight;
	/// `set_min_delegation`.
	fn set_min_delegation() -> Weight;
	/// `set_commission`, in its heaviest case (replacing a scheduled increase).
	fn set_commission() -> Weight;
	/// `report_offence` with the most unbonding pools at risk, bonded.
	fn report_offence() -> Weight;
	/// `dispute_slash`.
	fn dispute_slash() -> Weight;
	/// `resolve_dispute`, in its heaviest verdict (upholding: the slash is applied).
	fn resolve_dispute() -> Weight;
	/// `cancel_slash` of a disputed slash (two bonds returned).
	fn cancel_slash() -> Weight;
	/// `apply_slash` of a Critical slash touching every unbonding pool at risk.
	fn apply_slash() -> Weight;
	/// `unjail`.
	fn unjail() -> Weight;
	/// `set_slash_fractions`.
	fn set_slash_fractions() -> Weight;
	/// The slash step of `on_initialize`, looking at `n` slashes (each charged as applied).
	fn apply_due_slashes(n: u32) -> Weight;
	/// `submit_job` with the most draws.
	fn submit_job() -> Weight;
	/// `submit_result`.
	fn submit_result() -> Weight;
	/// `accept_result`, paying provider and pool.
	fn accept_result() -> Weight;
	/// `challenge_result`.
	fn challenge_result() -> Weight;
	/// `resolve_challenge`, upheld (refund and offence report).
	fn resolve_challenge() -> Weight;
	/// `set_active_set_mode`.
	fn set_active_set_mode() -> Weight;
	/// `set_reputation_tiers`.
	fn set_reputation_tiers() -> Weight;
	/// `chill` or `unchill`.
	fn chill() -> Weight;
	/// `unchill`.
	fn unchill() -> Weight;
	/// Witness: `apply_slash` with `d` delegators in the pool.
	fn apply_slash_with_delegators(d: u32) -> Weight;
	/// Witness: the era transition with one provider of `d` delegators.
	fn new_era_with_delegators(d: u32) -> Weight;
	/// The job step of `on_initialize`, looking at `n` jobs (each charged as the heaviest).
	fn process_jobs(n: u32) -> Weight;
}

/// Weights for the pallet using the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	// Reads: Providers, MinProviderStake, ProviderCount, CurrentEra, System::Account, Holds,
	// TotalStaked. Writes: Providers, Ledgers, ProviderCount, System::Account, Holds, TotalStaked.
	fn register_provider() -> Weight {
		Weight::from_parts(60_000_000, 6_000)
			.saturating_add(T::DbWeight::get().reads(7))
			.saturating_add(T::DbWeight::get().writes(6))
	}
	// Reads: Ledgers, MinProviderStake, System::Account, Holds, TotalStaked.
	// Writes: Ledgers, System::Account, Holds, TotalStaked.
	fn bond_extra() -> Weight {
		Weight::from_parts(50_000_000, 6_000)
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(4))
	}
	// Reads: Ledgers, CurrentEra, MinProviderStake. Writes: Ledgers.
	fn unbond() -> Weight {
		Weight::from_parts(30_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	// Reads: Ledgers, MinProviderStake. Writes: Ledgers.
	fn rebond(c: u32) -> Weight {
		Weight::from_parts(30_000_000, 4_000)
			.saturating_add(Weight::from_parts(200_000, 0).saturating_mul(c.into()))
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	// Reads: Ledgers, CurrentEra, System::Account, Holds, TotalStaked, ProviderCount.
	// Writes: Ledgers, Providers, ProviderCount, System::Account, Holds, TotalStaked.
	fn withdraw_unbonded(c: u32) -> Weight {
		Weight::from_parts(60_000_000, 6_000)
			.saturating_add(Weight::from_parts(200_000, 0).saturating_mul(c.into()))
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().writes(6))
	}
	// Per provider: Ledgers, Pools, Providers read; Ledgers, Pools, cohort, mints written.
	fn new_era(p: u32) -> Weight {
		Weight::from_parts(20_000_000, 3_000)
			.saturating_add(Weight::from_parts(40_000_000, 9_000).saturating_mul(p.into()))
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().reads(3u64.saturating_mul(p.into())))
			.saturating_add(T::DbWeight::get().writes(6))
			.saturating_add(T::DbWeight::get().writes(5u64.saturating_mul(p.into())))
	}
	fn claim_rewards() -> Weight {
		Weight::from_parts(60_000_000, 8_000)
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	fn set_auto_compound() -> Weight {
		Weight::from_parts(15_000_000, 3_000)
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn delegate() -> Weight {
		Weight::from_parts(70_000_000, 8_000)
			.saturating_add(T::DbWeight::get().reads(7))
			.saturating_add(T::DbWeight::get().writes(6))
	}
	fn undelegate() -> Weight {
		Weight::from_parts(50_000_000, 8_000)
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	fn withdraw_delegation(c: u32) -> Weight {
		Weight::from_parts(60_000_000, 8_000)
			.saturating_add(Weight::from_parts(5_000_000, 2_600).saturating_mul(c.into()))
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().reads(c.into()))
			.saturating_add(T::DbWeight::get().writes(6))
			.saturating_add(T::DbWeight::get().writes(c.into()))
	}
	fn set_min_delegation() -> Weight {
		Weight::from_parts(15_000_000, 3_000)
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn set_commission() -> Weight {
		Weight::from_parts(30_000_000, 12_000)
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	// Reads: PendingSlashes/Offences/Providers/Ledgers/Pools, up to 8 unbonding pools,
	// balances and holds of the parties.
	fn report_offence() -> Weight {
		Weight::from_parts(80_000_000, 30_000)
			.saturating_add(T::DbWeight::get().reads(16))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	fn dispute_slash() -> Weight {
		Weight::from_parts(40_000_000, 6_000)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	fn resolve_dispute() -> Weight {
		Weight::from_parts(150_000_000, 40_000)
			.saturating_add(T::DbWeight::get().reads(22))
			.saturating_add(T::DbWeight::get().writes(18))
	}
	fn cancel_slash() -> Weight {
		Weight::from_parts(60_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(8))
			.saturating_add(T::DbWeight::get().writes(8))
	}
	fn apply_slash() -> Weight {
		Weight::from_parts(140_000_000, 40_000)
			.saturating_add(T::DbWeight::get().reads(20))
			.saturating_add(T::DbWeight::get().writes(16))
	}
	fn unjail() -> Weight {
		Weight::from_parts(20_000_000, 3_000)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn set_slash_fractions() -> Weight {
		Weight::from_parts(10_000_000, 0).saturating_add(T::DbWeight::get().writes(1))
	}
	fn apply_due_slashes(n: u32) -> Weight {
		Weight::from_parts(5_000_000, 1_500)
			.saturating_add(Weight::from_parts(140_000_000, 40_000).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().reads(20u64.saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(16u64.saturating_mul(n.into())))
	}
	fn submit_job() -> Weight {
		Weight::from_parts(90_000_000, 20_000)
			.saturating_add(T::DbWeight::get().reads(24))
			.saturating_add(T::DbWeight::get().writes(6))
	}
	fn submit_result() -> Weight {
		Weight::from_parts(25_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn accept_result() -> Weight {
		Weight::from_parts(110_000_000, 12_000)
			.saturating_add(T::DbWeight::get().reads(12))
			.saturating_add(T::DbWeight::get().writes(10))
	}
	fn challenge_result() -> Weight {
		Weight::from_parts(25_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn resolve_challenge() -> Weight {
		Weight::from_parts(130_000_000, 30_000)
			.saturating_add(T::DbWeight::get().reads(20))
			.saturating_add(T::DbWeight::get().writes(10))
	}
	fn set_active_set_mode() -> Weight {
		Weight::from_parts(10_000_000, 0).saturating_add(T::DbWeight::get().writes(1))
	}
	fn set_reputation_tiers() -> Weight {
		Weight::from_parts(10_000_000, 0).saturating_add(T::DbWeight::get().writes(1))
	}
	fn chill() -> Weight {
		Weight::from_parts(15_000_000, 3_000)
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn unchill() -> Weight {
		Self::chill()
	}
	fn apply_slash_with_delegators(_d: u32) -> Weight {
		Self::apply_slash()
	}
	fn new_era_with_delegators(_d: u32) -> Weight {
		Self::new_era(1)
	}
	fn process_jobs(n: u32) -> Weight {
		Weight::from_parts(5_000_000, 1_500)
			.saturating_add(Weight::from_parts(130_000_000, 30_000).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().reads(20u64.saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(10u64.saturating_mul(n.into())))
	}
}

/// Weights for tests, using RocksDB database weights.
impl WeightInfo for () {
	fn register_provider() -> Weight {
		Weight::from_parts(60_000_000, 6_000)
			.saturating_add(RocksDbWeight::get().reads(7))
			.saturating_add(RocksDbWeight::get().writes(6))
	}
	fn bond_extra() -> Weight {
		Weight::from_parts(50_000_000, 6_000)
			.saturating_add(RocksDbWeight::get().reads(5))
			.saturating_add(RocksDbWeight::get().writes(4))
	}
	fn unbond() -> Weight {
		Weight::from_parts(30_000_000, 4_000)
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn rebond(c: u32) -> Weight {
		Weight::from_parts(30_000_000, 4_000)
			.saturating_add(Weight::from_parts(200_000, 0).saturating_mul(c.into()))
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn withdraw_unbonded(c: u32) -> Weight {
		Weight::from_parts(60_000_000, 6_000)
			.saturating_add(Weight::from_parts(200_000, 0).saturating_mul(c.into()))
			.saturating_add(RocksDbWeight::get().reads(6))
			.saturating_add(RocksDbWeight::get().writes(6))
	}
	fn new_era(p: u32) -> Weight {
		Weight::from_parts(20_000_000, 3_000)
			.saturating_add(Weight::from_parts(40_000_000, 9_000).saturating_mul(p.into()))
			.saturating_add(RocksDbWeight::get().reads(6))
			.saturating_add(RocksDbWeight::get().reads(3u64.saturating_mul(p.into())))
			.saturating_add(RocksDbWeight::get().writes(6))
			.saturating_add(RocksDbWeight::get().writes(5u64.saturating_mul(p.into())))
	}
	fn claim_rewards() -> Weight {
		Weight::from_parts(60_000_000, 8_000)
			.saturating_add(RocksDbWeight::get().reads(5))
			.saturating_add(RocksDbWeight::get().writes(5))
	}
	fn set_auto_compound() -> Weight {
		Weight::from_parts(15_000_000, 3_000)
			.saturating_add(RocksDbWeight::get().reads(1))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn delegate() -> Weight {
		Weight::from_parts(70_000_000, 8_000)
			.saturating_add(RocksDbWeight::get().reads(7))
			.saturating_add(RocksDbWeight::get().writes(6))
	}
	fn undelegate() -> Weight {
		Weight::from_parts(50_000_000, 8_000)
			.saturating_add(RocksDbWeight::get().reads(4))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn withdraw_delegation(c: u32) -> Weight {
		Weight::from_parts(60_000_000, 8_000)
			.saturating_add(Weight::from_parts(5_000_000, 2_600).saturating_mul(c.into()))
			.saturating_add(RocksDbWeight::get().reads(6))
			.saturating_add(RocksDbWeight::get().reads(c.into()))
			.saturating_add(RocksDbWeight::get().writes(6))
			.saturating_add(RocksDbWeight::get().writes(c.into()))
	}
	fn set_min_delegation() -> Weight {
		Weight::from_parts(15_000_000, 3_000)
			.saturating_add(RocksDbWeight::get().reads(1))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn set_commission() -> Weight {
		Weight::from_parts(30_000_000, 12_000)
			.saturating_add(RocksDbWeight::get().reads(4))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	// Reads: PendingSlashes/Offences/Providers/Ledgers/Pools, up to 8 unbonding pools,
	// balances and holds of the parties.
	fn report_offence() -> Weight {
		Weight::from_parts(80_000_000, 30_000)
			.saturating_add(RocksDbWeight::get().reads(16))
			.saturating_add(RocksDbWeight::get().writes(5))
	}
	fn dispute_slash() -> Weight {
		Weight::from_parts(40_000_000, 6_000)
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn resolve_dispute() -> Weight {
		Weight::from_parts(150_000_000, 40_000)
			.saturating_add(RocksDbWeight::get().reads(22))
			.saturating_add(RocksDbWeight::get().writes(18))
	}
	fn cancel_slash() -> Weight {
		Weight::from_parts(60_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(8))
			.saturating_add(RocksDbWeight::get().writes(8))
	}
	fn apply_slash() -> Weight {
		Weight::from_parts(140_000_000, 40_000)
			.saturating_add(RocksDbWeight::get().reads(20))
			.saturating_add(RocksDbWeight::get().writes(16))
	}
	fn unjail() -> Weight {
		Weight::from_parts(20_000_000, 3_000)
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn set_slash_fractions() -> Weight {
		Weight::from_parts(10_000_000, 0).saturating_add(RocksDbWeight::get().writes(1))
	}
	fn apply_due_slashes(n: u32) -> Weight {
		Weight::from_parts(5_000_000, 1_500)
			.saturating_add(Weight::from_parts(140_000_000, 40_000).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(1))
			.saturating_add(RocksDbWeight::get().reads(20u64.saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(16u64.saturating_mul(n.into())))
	}
	fn submit_job() -> Weight {
		Weight::from_parts(90_000_000, 20_000)
			.saturating_add(RocksDbWeight::get().reads(24))
			.saturating_add(RocksDbWeight::get().writes(6))
	}
	fn submit_result() -> Weight {
		Weight::from_parts(25_000_000, 4_000)
			.saturating_add(RocksDbWeight::get().reads(1))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn accept_result() -> Weight {
		Weight::from_parts(110_000_000, 12_000)
			.saturating_add(RocksDbWeight::get().reads(12))
			.saturating_add(RocksDbWeight::get().writes(10))
	}
	fn challenge_result() -> Weight {
		Weight::from_parts(25_000_000, 4_000)
			.saturating_add(RocksDbWeight::get().reads(1))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn resolve_challenge() -> Weight {
		Weight::from_parts(130_000_000, 30_000)
			.saturating_add(RocksDbWeight::get().reads(20))
			.saturating_add(RocksDbWeight::get().writes(10))
	}
	fn set_active_set_mode() -> Weight {
		Weight::from_parts(10_000_000, 0).saturating_add(RocksDbWeight::get().writes(1))
	}
	fn set_reputation_tiers() -> Weight {
		Weight::from_parts(10_000_000, 0).saturating_add(RocksDbWeight::get().writes(1))
	}
	fn chill() -> Weight {
		Weight::from_parts(15_000_000, 3_000)
			.saturating_add(RocksDbWeight::get().reads(1))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn unchill() -> Weight {
		Self::chill()
	}
	fn apply_slash_with_delegators(_d: u32) -> Weight {
		Self::apply_slash()
	}
	fn new_era_with_delegators(_d: u32) -> Weight {
		Self::new_era(1)
	}
	fn process_jobs(n: u32) -> Weight {
		Weight::from_parts(5_000_000, 1_500)
			.saturating_add(Weight::from_parts(130_000_000, 30_000).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(1))
			.saturating_add(RocksDbWeight::get().reads(20u64.saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(10u64.saturating_mul(n.into())))
	}
}
