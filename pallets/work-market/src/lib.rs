#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]
// No-panic gate (checked by `cargo clippy` in CI): runtime code uses checked or saturating
// arithmetic, no indexing, no unwrap/expect/panic. Tests are exempt; so is the FRAME-macro
// module `pallet`.
#![cfg_attr(
	not(test),
	deny(
		clippy::arithmetic_side_effects,
		clippy::indexing_slicing,
		clippy::unwrap_used,
		clippy::expect_used,
		clippy::panic
	)
)]

extern crate alloc;

pub mod api;
mod assignment;
mod calls;
mod errors;
mod escrow;
mod events;
#[cfg(any(feature = "std", feature = "try-runtime", test))]
mod invariants;
mod jobs;
pub mod reputation;
mod signals;
pub mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

use frame_support::pallet_macros::import_section;
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

#[import_section(events::events)]
#[import_section(errors::errors)]
#[import_section(calls::calls)]
#[frame_support::pallet]
#[allow(clippy::expect_used, clippy::arithmetic_side_effects, clippy::indexing_slicing)]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{BalancedHold, Inspect, Mutate, MutateHold},
			tokens::imbalance::OnUnbalanced,
		},
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::Perbill;
	use work_token_primitives::{ChallengeCase, Resolver, WorkProviders};

	/// Default configurations: a runtime derives them with
	/// `#[derive_impl(pallet_work_market::config_preludes::TestDefaultConfig)]` and sets only
	/// what depends on it (currency, providers, randomness, origins).
	pub mod config_preludes {
		use super::*;
		use frame_support::{
			derive_impl, parameter_types,
			traits::{ConstU128, ConstU32, ConstU64},
		};

		parameter_types! {
			/// 5% of each paid fee is the protocol's.
			pub const FivePercent: Perbill = Perbill::from_percent(5);
			/// The id of the escrow account job fees wait in.
			pub const MarketPalletId: frame_support::PalletId = frame_support::PalletId(*b"wrk/mrkt");
			/// A new outcome weighs 10% in the reputation average.
			pub const TenthOfScore: sp_runtime::Permill = sp_runtime::Permill::from_percent(10);
			/// Below 50% ×0.5, 50–90% ×1.0, from 90% ×1.2.
			pub const Tiers: ReputationTiers = ReputationTiers {
				low_below: sp_runtime::Permill::from_percent(50),
				high_from: sp_runtime::Permill::from_percent(90),
				low: 50,
				mid: 100,
				high: 120,
			};
		}

		/// Small numbers for unit tests: five blocks to deliver, three to accept, ten more to
		/// resolve a challenge; three open jobs a provider, four submissions a block (balances
		/// `u128`, blocks `u64`).
		pub struct TestDefaultConfig;

		#[derive_impl(frame_system::config_preludes::TestDefaultConfig, no_aggregated_types)]
		impl frame_system::DefaultConfig for TestDefaultConfig {}

		#[frame_support::register_default_impl(TestDefaultConfig)]
		impl DefaultConfig for TestDefaultConfig {
			#[inject_runtime_type]
			type RuntimeHoldReason = ();
			type Challenges = work_token_primitives::ResolvedByOrigin;
			type OnProtocolFee = ();
			type PalletId = MarketPalletId;
			type MaxOpenJobsPerProvider = ConstU32<3>;
			type StakeToFeeRatio = ConstU32<10>;
			type JobDeadline = ConstU64<5>;
			type AcceptanceWindow = ConstU64<3>;
			type ChallengeTimeout = ConstU64<10>;
			type ProtocolFee = FivePercent;
			type MaxJobsPerBlock = ConstU32<4>;
			type ReputationSmoothing = TenthOfScore;
			type ReputationFullCreditFee = ConstU128<10>;
			type DefaultReputationTiers = Tiers;
			type WeightInfo = ();
		}
	}

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration of the market.
	#[pallet::config(with_default)]
	pub trait Config: frame_system::Config {
		/// The currency job fees are held in (fungible holds).
		#[pallet::no_default]
		type Currency: Inspect<Self::AccountId>
			+ Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ BalancedHold<Self::AccountId>;

		/// The runtime's hold reason, which includes this pallet's [`HoldReason`].
		#[pallet::no_default_bounds]
		type RuntimeHoldReason: From<HoldReason>;

		/// The providers: who may be drawn, with what weight and collateral, and where fees
		/// and offences go (the work token).
		#[pallet::no_default]
		type Providers: WorkProviders<
			Self::AccountId,
			BalanceOf<Self>,
			Self::Hash,
			BlockNumberFor<Self>,
		>;

		/// Who decides challenged jobs besides `ArbiterOrigin` (a court), told when a challenge
		/// opens and ends.
		#[pallet::no_default_bounds]
		type Challenges: Resolver<JobId, ChallengeCase<Self::AccountId, BalanceOf<Self>>>;

		/// Source of randomness for drawing providers (S11, S35).
		#[pallet::no_default]
		type Randomness: frame_support::traits::Randomness<Self::Hash, BlockNumberFor<Self>>;

		/// Origin that resolves challenges.
		#[pallet::no_default]
		type ArbiterOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Origin that sets the reputation tiers.
		#[pallet::no_default]
		type AdminOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Where protocol fees go: a treasury, or `()` to burn them.
		#[pallet::no_default_bounds]
		type OnProtocolFee: OnUnbalanced<CreditOf<Self>>;

		/// Id of the escrow account job fees wait in between submission and payment or
		/// refund (see the `escrow` module).
		#[pallet::constant]
		type PalletId: Get<frame_support::PalletId>;

		/// Most open jobs per provider (S11).
		#[pallet::constant]
		type MaxOpenJobsPerProvider: Get<u32>;

		/// A provider's open job fees may not exceed its self-stake divided by this (S11).
		#[pallet::constant]
		type StakeToFeeRatio: Get<u32>;

		/// Blocks a provider has to submit a job's result (S12).
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type JobDeadline: Get<BlockNumberFor<Self>>;

		/// Blocks the client has to accept or challenge a result; silence accepts (S12).
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type AcceptanceWindow: Get<BlockNumberFor<Self>>;

		/// Blocks after the latest possible end of a job's acceptance window in which a
		/// challenge may be resolved; after that it lapses and the job is paid (S34).
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type ChallengeTimeout: Get<BlockNumberFor<Self>>;

		/// Share of each paid job fee sent to `OnProtocolFee` (S12).
		#[pallet::constant]
		type ProtocolFee: Get<Perbill>;

		/// Most jobs submitted per block, and most jobs each of the hook's cursors looks at
		/// per block.
		#[pallet::constant]
		type MaxJobsPerBlock: Get<u32>;

		/// Weight of a new job outcome in the reputation average (S13), for a job whose fee
		/// is at least `ReputationFullCreditFee`.
		#[pallet::constant]
		type ReputationSmoothing: Get<sp_runtime::Permill>;

		/// The fee at which a job outcome counts fully in reputation; cheaper jobs count in
		/// proportion to their fee (S36). Must be non-zero.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type ReputationFullCreditFee: Get<BalanceOf<Self>>;

		/// Reputation tiers until `AdminOrigin` sets others (S13).
		#[pallet::constant]
		type DefaultReputationTiers: Get<ReputationTiers>;

		/// Weights of this pallet's calls and hooks.
		type WeightInfo: WeightInfo;
	}

	/// Reasons this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// Job fees in the escrow account while their jobs are queued or open.
		#[codec(index = 0)]
		JobFee,
	}

	/// Open jobs.
	#[pallet::storage]
	pub type Jobs<T: Config> = StorageMap<_, Twox64Concat, JobId, Job<T>>;

	/// The next job id and the hook's three cursors.
	#[pallet::storage]
	pub type JobQueueState<T> = StorageValue<_, JobQueue, ValueQuery>;

	/// Jobs submitted in the current block, assigned at the start of the next (S35).
	#[pallet::storage]
	pub type JobRequests<T: Config> =
		StorageValue<_, BoundedVec<JobRequest<T>, T::MaxJobsPerBlock>, ValueQuery>;

	/// Each provider's open jobs and their fees; absent when none.
	#[pallet::storage]
	pub type Workloads<T: Config> =
		StorageMap<_, Twox64Concat, T::AccountId, Workload<BalanceOf<T>>, ValueQuery>;

	/// Jobs submitted since the work token last took the count (demand, S5).
	#[pallet::storage]
	pub type Demand<T> = StorageValue<_, u32, ValueQuery>;

	/// Default of [`Reputation`]: neutral.
	pub struct NeutralReputation;
	impl Get<sp_runtime::Permill> for NeutralReputation {
		fn get() -> sp_runtime::Permill {
			crate::reputation::NEUTRAL
		}
	}

	/// Each account's reputation score (S13); neutral when absent. It belongs to the account,
	/// not to a registration (S32).
	#[pallet::storage]
	pub type Reputation<T: Config> = StorageMap<
		_,
		Twox64Concat,
		T::AccountId,
		sp_runtime::Permill,
		ValueQuery,
		NeutralReputation,
	>;

	/// Default of [`ReputationTiersOf`].
	pub struct DefaultTiers<T>(core::marker::PhantomData<T>);
	impl<T: Config> Get<ReputationTiers> for DefaultTiers<T> {
		fn get() -> ReputationTiers {
			T::DefaultReputationTiers::get()
		}
	}

	/// Score-to-multiplier tiers (S13), set by `AdminOrigin`.
	#[pallet::storage]
	pub type ReputationTiersOf<T: Config> =
		StorageValue<_, ReputationTiers, ValueQuery, DefaultTiers<T>>;

	/// Genesis: the escrow account is endowed with the existential deposit.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// No fields: the escrow needs only its existential deposit.
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			Pallet::<T>::create_escrow();
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(_now: BlockNumberFor<T>) -> Weight {
			Self::assign_requested_jobs().saturating_add(Self::process_jobs())
		}

		fn integrity_test() {
			assert!(T::MaxJobsPerBlock::get() > 0, "MaxJobsPerBlock must be non-zero");
			assert!(T::StakeToFeeRatio::get() > 0, "StakeToFeeRatio must be non-zero");
			assert!(T::DefaultReputationTiers::get().is_valid(), "reputation tiers invalid");
			assert!(
				!T::ReputationFullCreditFee::get().is_zero(),
				"ReputationFullCreditFee must be non-zero"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}
}
