#![doc = include_str!("../README.md")]
//!
//! ### One era's reward split
#![doc = docify::embed!("src/tests/rewards.rs", worked_example_one_era_reward_split)]
//!
//! ### A provider's stake
//!
//! A provider registers, unbonds part of its stake and withdraws it after the unbonding period:
#![doc = docify::embed!("src/tests/examples.rs", provider_lifecycle_example)]
//!
//! ### Integration: `impl pallet_work_token::Config`
//!
//! The test runtime's configuration (`src/mock.rs`), compiled by every test run:
#![doc = docify::embed!("src/mock.rs", config_example)]
#![cfg_attr(not(feature = "std"), no_std)]
// No-panic gate (checked by `cargo clippy` in CI): runtime code uses checked or saturating
// arithmetic, no indexing, no unwrap/expect/panic. Tests are exempt; so is the FRAME-macro
// module `pallet`, whose expansion uses `expect` internally and whose calls are one-line
// wrappers around the checked code in the other modules.
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

mod active_set;
pub mod api;
mod calls;
mod commission;
mod delegation;
mod disputes;
pub mod entry;
mod era;
mod events;
pub mod exposure;
mod impls;
pub mod incidents;
#[cfg(any(feature = "std", feature = "try-runtime", test))]
mod invariants;
mod jobs;
mod leaving;
mod ledger;
pub mod migrations;
mod offences;
pub mod reputation;
pub mod rewards;
pub mod shares;
pub mod slashing;
mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use delegation::ShareBook;
use frame_support::pallet_macros::import_section;
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

/// Log target of this pallet.
pub const LOG_TARGET: &str = "runtime::work-token";

#[import_section(events::events)]
#[import_section(events::errors)]
#[import_section(calls::calls)]
#[frame_support::pallet]
#[allow(clippy::expect_used, clippy::arithmetic_side_effects, clippy::indexing_slicing)]
pub mod pallet {
	use super::*;
	use frame_support::PalletId;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{BalancedHold, Inspect, Mutate, MutateHold},
			tokens::imbalance::OnUnbalanced,
		},
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::{
		traits::{Saturating, Zero},
		Perbill,
	};

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration of the pallet.
	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The currency stake is held in (fungible holds; never locks or reserves).
		type Currency: Inspect<Self::AccountId>
			+ Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ BalancedHold<Self::AccountId>;

		/// The runtime's hold reason, which includes this pallet's [`HoldReason`].
		type RuntimeHoldReason: From<HoldReason>;

		/// Blocks per era. Must be non-zero.
		#[pallet::constant]
		type EraLength: Get<BlockNumberFor<Self>>;

		/// Eras between `unbond` and the era in which the stake can be withdrawn.
		#[pallet::constant]
		type UnbondingPeriod: Get<EraIndex>;

		/// Maximum unbonding chunks per ledger; chunks unlocking in the same era are merged.
		#[pallet::constant]
		type MaxUnbondingChunks: Get<u32>;

		/// Maximum number of registered providers.
		#[pallet::constant]
		type MaxProviders: Get<u32>;

		/// Lowest value [`MinProviderStake`] may take. At least the existential deposit.
		#[pallet::constant]
		type MinStakeFloor: Get<BalanceOf<Self>>;

		/// Global minimum of a delegation position; providers may set a higher one.
		#[pallet::constant]
		type MinDelegation: Get<BalanceOf<Self>>;

		/// Maximum delegators (positions) per provider pool.
		#[pallet::constant]
		type MaxDelegatorsPerProvider: Get<u32>;

		/// Maximum providers one account may delegate to at once.
		#[pallet::constant]
		type MaxDelegationsPerDelegator: Get<u32>;

		/// Eras between scheduling a commission increase and its taking effect.
		#[pallet::constant]
		type CommissionChangeDelay: Get<EraIndex>;

		/// Largest commission increase one change may make.
		#[pallet::constant]
		type MaxCommissionIncrease: Get<Perbill>;

		/// Eras per year, to turn the annual inflation rate into a per-era emission.
		#[pallet::constant]
		type ErasPerYear: Get<u32>;

		/// Share of total issuance that should be bonded; inflation moves toward it.
		#[pallet::constant]
		type TargetStakingRatio: Get<Perbill>;

		/// Lowest annual inflation rate.
		#[pallet::constant]
		type MinInflation: Get<Perbill>;

		/// Highest annual inflation rate.
		#[pallet::constant]
		type MaxInflation: Get<Perbill>;

		/// Largest change of the annual inflation rate in one era.
		#[pallet::constant]
		type MaxInflationChange: Get<Perbill>;

		/// Id of the keyless account that holds all delegated tokens.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// Origin that reports offences without a bond (an oracle or governance). Any other
		/// signed account may report by posting `ReportBond`.
		type ReporterOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Origin that resolves disputed slashes.
		type ArbiterOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Origin that cancels slashes and sets slash fractions.
		type AdminOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Bond a signed reporter without `ReporterOrigin` posts; slashed if the report is
		/// overturned.
		#[pallet::constant]
		type ReportBond: Get<BalanceOf<Self>>;

		/// Bond the accused posts to dispute a slash; slashed if the slash is upheld.
		#[pallet::constant]
		type DisputeBond: Get<BalanceOf<Self>>;

		/// How many eras back an offence may be reported (S15).
		#[pallet::constant]
		type ReportWindow: Get<EraIndex>;

		/// Eras a reported slash stays pending and disputable (S18).
		#[pallet::constant]
		type DisputeWindow: Get<EraIndex>;

		/// Eras after the dispute window after which an unresolved dispute times out and the
		/// slash applies as reported.
		#[pallet::constant]
		type DisputeTimeout: Get<EraIndex>;

		/// Eras a Major or Critical slash jails the provider for.
		#[pallet::constant]
		type JailEras: Get<EraIndex>;

		/// Base fractions of each severity until `AdminOrigin` sets others.
		#[pallet::constant]
		type DefaultSlashFractions: Get<SlashFractions>;

		/// Extra fraction, relative to the base, per standing strike (S17): with 50%, the
		/// second offence is slashed ×1.5, the third ×2.
		#[pallet::constant]
		type StrikeEscalation: Get<Perbill>;

		/// Eras after which one strike decays. Zero: strikes never decay.
		#[pallet::constant]
		type StrikeDecayEras: Get<EraIndex>;

		/// Most strikes counted.
		#[pallet::constant]
		type MaxStrikes: Get<u32>;

		/// Share of an applied slash paid to the reporter (S19).
		#[pallet::constant]
		type SlashRewardFraction: Get<Perbill>;

		/// Where slashed tokens and losing bonds go (S19): a treasury, or `()` to burn them.
		type OnSlash: OnUnbalanced<CreditOf<Self>>;

		/// Most slashes `on_initialize` looks at per block; the rest wait for the next block.
		#[pallet::constant]
		type MaxSlashesPerBlock: Get<u32>;

		/// Source of randomness for drawing job providers (S11).
		type Randomness: frame_support::traits::Randomness<Self::Hash, BlockNumberFor<Self>>;

		/// Highest value [`MinProviderStake`] may take (S5).
		#[pallet::constant]
		type MinStakeCeiling: Get<BalanceOf<Self>>;

		/// Jobs one provider is expected to serve per era: sizes the market's target number
		/// of providers in `Unbounded` mode (S5).
		#[pallet::constant]
		type TargetJobsPerProvider: Get<u32>;

		/// Active-set mode until `AdminOrigin` sets another (S6).
		#[pallet::constant]
		type DefaultActiveSetMode: Get<ActiveSetMode>;

		/// Most open jobs per provider (S11).
		#[pallet::constant]
		type MaxOpenJobsPerProvider: Get<u32>;

		/// A provider's open job fees may not exceed its self-stake divided by this (S11).
		#[pallet::constant]
		type StakeToFeeRatio: Get<u32>;

		/// Blocks a provider has to submit a job's result (S12).
		#[pallet::constant]
		type JobDeadline: Get<BlockNumberFor<Self>>;

		/// Blocks the client has to accept or challenge a result; silence accepts (S12).
		#[pallet::constant]
		type AcceptanceWindow: Get<BlockNumberFor<Self>>;

		/// Blocks after the latest possible end of a job's acceptance window in which the
		/// arbiter may resolve a challenge; after that the challenge lapses and the job is
		/// paid (S34).
		#[pallet::constant]
		type ChallengeTimeout: Get<BlockNumberFor<Self>>;

		/// Share of each paid job fee sent to `OnSlash` (S12).
		#[pallet::constant]
		type ProtocolFee: Get<Perbill>;

		/// Most jobs the hook looks at per block; the rest wait for the next block.
		#[pallet::constant]
		type MaxJobsPerBlock: Get<u32>;

		/// Weight of a new job outcome in the reputation average (S13), for a job whose fee
		/// is at least `ReputationFullCreditFee`.
		#[pallet::constant]
		type ReputationSmoothing: Get<sp_runtime::Permill>;

		/// The fee at which a job outcome counts fully in reputation; cheaper jobs count in
		/// proportion to their fee (S36). Must be non-zero.
		#[pallet::constant]
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
		/// A provider's self-stake (active and unbonding).
		#[codec(index = 0)]
		ProviderStake,
		/// A signed reporter's bond while its report is pending.
		#[codec(index = 1)]
		ReportBond,
		/// The accused provider's bond while its dispute is pending.
		#[codec(index = 2)]
		DisputeBond,
		/// A client's job fee while the job is open.
		#[codec(index = 3)]
		JobFee,
	}

	/// The current era.
	#[pallet::storage]
	pub type CurrentEra<T> = StorageValue<_, EraIndex, ValueQuery>;

	/// The block at which the current era started.
	#[pallet::storage]
	pub type EraStartBlock<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	/// Default for [`MinProviderStake`]: the configured floor.
	pub struct DefaultMinProviderStake<T>(core::marker::PhantomData<T>);
	impl<T: Config> Get<BalanceOf<T>> for DefaultMinProviderStake<T> {
		fn get() -> BalanceOf<T> {
			T::MinStakeFloor::get()
		}
	}

	/// The minimum active self-stake of a provider.
	#[pallet::storage]
	pub type MinProviderStake<T: Config> =
		StorageValue<_, BalanceOf<T>, ValueQuery, DefaultMinProviderStake<T>>;

	/// Registered providers.
	#[pallet::storage]
	pub type Providers<T: Config> = StorageMap<_, Twox64Concat, T::AccountId, ProviderInfo>;

	/// Number of entries in [`Providers`]; at most `MaxProviders`.
	#[pallet::storage]
	pub type ProviderCount<T> = StorageValue<_, u32, ValueQuery>;

	/// Each provider's self-stake ledger. Present exactly when the provider is registered.
	#[pallet::storage]
	pub type Ledgers<T: Config> = StorageMap<_, Twox64Concat, T::AccountId, StakeLedger<T>>;

	/// Sum of all provider stake on hold (active and unbonding).
	#[pallet::storage]
	pub type TotalStaked<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// Each provider's delegation pool. Present exactly when the provider is registered.
	#[pallet::storage]
	pub type Pools<T: Config> = StorageMap<_, Twox64Concat, T::AccountId, DelegationPool<T>>;

	/// Delegation positions: `(delegator, provider) -> position`.
	#[pallet::storage]
	pub type Delegations<T: Config> =
		StorageDoubleMap<_, Twox64Concat, T::AccountId, Twox64Concat, T::AccountId, Delegation<T>>;

	/// Number of providers each delegator has a position with; at most
	/// `MaxDelegationsPerDelegator`. Absent means zero.
	#[pallet::storage]
	pub type DelegationCount<T: Config> = StorageMap<_, Twox64Concat, T::AccountId, u32>;

	/// Unbonding delegated tokens: `(provider, unlock_era) -> pool`.
	#[pallet::storage]
	pub type UnbondingPools<T: Config> =
		StorageDoubleMap<_, Twox64Concat, T::AccountId, Twox64Concat, EraIndex, UnbondingPool<T>>;

	/// Providers whose scheduled commission increase takes effect in an era.
	#[pallet::storage]
	pub type CommissionSchedule<T: Config> = StorageMap<
		_,
		Twox64Concat,
		EraIndex,
		BoundedVec<T::AccountId, T::MaxProviders>,
		ValueQuery,
	>;

	/// Default of [`InflationRate`]: halfway between the bounds.
	pub struct DefaultInflation<T>(core::marker::PhantomData<T>);
	impl<T: Config> Get<Perbill> for DefaultInflation<T> {
		fn get() -> Perbill {
			let (min, max) = (T::MinInflation::get(), T::MaxInflation::get());
			let half_range = max.deconstruct().saturating_sub(min.deconstruct()) / 2;
			min.saturating_add(Perbill::from_parts(half_range))
		}
	}

	/// The annual inflation rate used for the current era's emission.
	#[pallet::storage]
	pub type InflationRate<T: Config> = StorageValue<_, Perbill, ValueQuery, DefaultInflation<T>>;

	/// Rewards minted for delegators and not yet claimed (including rounding dust); held by
	/// the delegation account.
	#[pallet::storage]
	pub type RewardsUnclaimed<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// `(provider, cohort) -> conversion`: entry cohorts that bought shares and whose
	/// positions have not all collected them yet (see [`entry`]).
	#[pallet::storage]
	pub type Conversions<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		T::AccountId,
		Twox64Concat,
		CohortId,
		Conversion<BalanceOf<T>>,
	>;

	/// Sum of the tokens of all delegation pools and unbonding pools: what the delegation
	/// account holds beyond its existential deposit.
	#[pallet::storage]
	pub type TotalDelegated<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// Default of [`SlashFractionsOf`]: `DefaultSlashFractions`.
	pub struct DefaultFractions<T>(core::marker::PhantomData<T>);
	impl<T: Config> Get<SlashFractions> for DefaultFractions<T> {
		fn get() -> SlashFractions {
			T::DefaultSlashFractions::get()
		}
	}

	/// The base slash fraction of each severity (S15), set by `AdminOrigin`.
	#[pallet::storage]
	pub type SlashFractionsOf<T: Config> =
		StorageValue<_, SlashFractions, ValueQuery, DefaultFractions<T>>;

	/// Slashes reported and not yet applied, cancelled or overturned.
	#[pallet::storage]
	pub type PendingSlashes<T: Config> = StorageMap<_, Twox64Concat, SlashId, PendingSlash<T>>;

	/// The next slash id and the two application cursors (see [`SlashQueue`]).
	#[pallet::storage]
	pub type SlashQueueState<T> = StorageValue<_, SlashQueue, ValueQuery>;

	/// Strikes and pending-slash totals of each account with any; strikes outlive the
	/// account's registration until they decay (S32).
	#[pallet::storage]
	pub type Offences<T: Config> = StorageMap<_, Twox64Concat, T::AccountId, OffenceRecord<T>>;

	/// `(provider, incident) -> slash`: the pending slash of each reported incident, the top
	/// of its stack (see [`incidents`]).
	#[pallet::storage]
	pub type Incidents<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		T::AccountId,
		Twox64Concat,
		incidents::IncidentKey<T::Hash>,
		SlashId,
	>;

	/// `slash -> (id, report)`: the report of the same incident held under slash `slash`, at
	/// a lower severity; it takes its place if `slash` is overturned or cancelled, and is
	/// discarded if `slash` applies (see [`incidents`]).
	#[pallet::storage]
	pub type Fallbacks<T: Config> =
		StorageMap<_, Twox64Concat, SlashId, (SlashId, PendingSlash<T>)>;

	/// `(provider, era) -> open claims`: pending slashes of offences in that era and open jobs
	/// assigned in it (see [`exposure`]). The era key is big-endian under `Identity`, so a
	/// provider's entries iterate oldest first.
	#[pallet::storage]
	pub type Exposures<T: Config> =
		StorageDoubleMap<_, Twox64Concat, T::AccountId, Identity, [u8; 4], u32>;

	/// Default of [`ActiveSetModeOf`].
	pub struct DefaultMode<T>(core::marker::PhantomData<T>);
	impl<T: Config> Get<ActiveSetMode> for DefaultMode<T> {
		fn get() -> ActiveSetMode {
			T::DefaultActiveSetMode::get()
		}
	}

	/// How the active set is sized (S6), set by `AdminOrigin`.
	#[pallet::storage]
	pub type ActiveSetModeOf<T: Config> =
		StorageValue<_, ActiveSetMode, ValueQuery, DefaultMode<T>>;

	/// The providers that take jobs and earn rewards this era, highest effective stake first.
	#[pallet::storage]
	pub type ActiveSet<T: Config> =
		StorageValue<_, BoundedVec<ActiveProvider<T>, T::MaxProviders>, ValueQuery>;

	/// Default of [`Reputation`]: neutral.
	pub struct NeutralReputation;
	impl Get<sp_runtime::Permill> for NeutralReputation {
		fn get() -> sp_runtime::Permill {
			crate::reputation::NEUTRAL
		}
	}

	/// Each account's reputation score (S13); neutral when absent. It outlives the account's
	/// registration (S32).
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

	/// Everything this pallet has ever minted: era emission and the delegation account's
	/// existential deposit. With what `OnSlash` burns, it explains every change this pallet
	/// makes to total issuance (the conservation check of the tests).
	#[pallet::storage]
	pub type TotalMinted<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// Jobs submitted in the current era (demand, S5).
	#[pallet::storage]
	pub type JobsThisEra<T> = StorageValue<_, u32, ValueQuery>;

	/// Accounts tombstoned by a Critical slash, with the era: they may never register again.
	#[pallet::storage]
	pub type Tombstones<T: Config> = StorageMap<_, Twox64Concat, T::AccountId, EraIndex>;

	/// Genesis: initial minimum stake and providers.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Initial [`MinProviderStake`]; the floor when `None`.
		pub min_provider_stake: Option<BalanceOf<T>>,
		/// Providers registered at genesis: `(account, stake, commission)`.
		pub providers: alloc::vec::Vec<(T::AccountId, BalanceOf<T>, Perbill)>,
		/// Delegations made at genesis: `(delegator, provider, amount)`. They own shares from
		/// genesis (no entry wait) and earn from era 0, like the genesis providers' stake.
		pub delegations: alloc::vec::Vec<(T::AccountId, T::AccountId, BalanceOf<T>)>,
		/// The active-set mode; `DefaultActiveSetMode` when `None`.
		pub active_set_mode: Option<ActiveSetMode>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			if let Some(min) = self.min_provider_stake {
				assert!(min >= T::MinStakeFloor::get(), "genesis minimum stake below the floor");
				MinProviderStake::<T>::put(min);
			}
			for (who, stake, commission) in &self.providers {
				Pallet::<T>::do_register(who, *stake, *commission)
					.expect("genesis provider must be registrable");
			}
			for (delegator, provider, amount) in &self.delegations {
				Pallet::<T>::do_delegate(delegator, provider, *amount)
					.expect("genesis delegation must be valid");
			}
			Pallet::<T>::enter_genesis_delegations();
			if let Some(mode) = self.active_set_mode {
				Pallet::<T>::do_set_active_set_mode(mode).expect("genesis active-set mode valid");
			}
			Pallet::<T>::rebuild_active_set(0, 0);
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			// Slashes before assignment: a provider jailed in this block takes none of its jobs.
			Self::maybe_start_era(now)
				.saturating_add(Self::apply_due_slashes())
				.saturating_add(Self::assign_requested_jobs())
				.saturating_add(Self::process_jobs())
		}

		fn integrity_test() {
			assert!(!T::EraLength::get().is_zero(), "EraLength must be non-zero");
			assert!(T::UnbondingPeriod::get() > 0, "UnbondingPeriod must be non-zero");
			assert!(T::MaxUnbondingChunks::get() > 0, "MaxUnbondingChunks must be non-zero");
			assert!(T::MaxProviders::get() > 0, "MaxProviders must be non-zero");
			assert!(
				T::MinStakeFloor::get() >= T::Currency::minimum_balance(),
				"MinStakeFloor must be at least the existential deposit"
			);
			assert!(
				T::ReportWindow::get().saturating_add(T::DisputeWindow::get())
					<= T::UnbondingPeriod::get(),
				"ReportWindow + DisputeWindow must not exceed UnbondingPeriod (S20)"
			);
			assert!(
				T::DisputeWindow::get() > T::ReportWindow::get(),
				"DisputeWindow must exceed ReportWindow: a slash must never apply while its \
				 incident can still be reported again (S17, S28)"
			);
			assert!(T::JailEras::get() > 0, "JailEras must be non-zero (S33)");
			assert!(T::DefaultSlashFractions::get().is_ordered(), "slash fractions unordered");
			assert!(
				active_set::is_live_mode(T::DefaultActiveSetMode::get()),
				"DefaultActiveSetMode could leave the active set empty (S34)"
			);
			assert!(
				!T::ReputationFullCreditFee::get().is_zero(),
				"ReputationFullCreditFee must be non-zero"
			);
			assert!(T::MaxSlashesPerBlock::get() > 0, "MaxSlashesPerBlock must be non-zero");
			assert!(T::MaxJobsPerBlock::get() > 0, "MaxJobsPerBlock must be non-zero");
			assert!(T::StakeToFeeRatio::get() > 0, "StakeToFeeRatio must be non-zero");
			assert!(
				T::MinStakeCeiling::get() >= T::MinStakeFloor::get(),
				"MinStakeCeiling must be at least MinStakeFloor"
			);
			assert!(T::DefaultReputationTiers::get().is_valid(), "reputation tiers invalid");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}
}
