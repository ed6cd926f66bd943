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
mod delegation_account;
mod disputes;
pub mod entry;
mod era;
mod errors;
mod events;
pub mod exposure;
pub mod incidents;
#[cfg(any(feature = "std", feature = "try-runtime", test))]
mod invariants;
mod leaving;
mod ledger;
pub mod migrations;
mod offences;
mod provider_stake;
pub mod rewards;
pub mod shares;
pub mod slashing;
pub mod treasury;
mod types;
pub mod weights;
mod work_providers;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(any(test, feature = "test-utils"))]
pub mod testing;
#[cfg(test)]
mod tests;

pub use delegation::ShareBook;
use frame_support::pallet_macros::import_section;
pub use pallet::*;
pub use treasury::{Income, ToTreasury};
pub use types::*;
pub use weights::WeightInfo;

/// Log target of this pallet.
pub const LOG_TARGET: &str = "runtime::work-token";

#[import_section(events::events)]
#[import_section(errors::errors)]
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

	/// Default configurations: a runtime derives them with
	/// `#[derive_impl(pallet_work_token::config_preludes::TestDefaultConfig)]` and sets only
	/// what depends on it (currency, origins, where slashes go).
	pub mod config_preludes {
		use super::*;
		use frame_support::{
			derive_impl, parameter_types,
			traits::{ConstU128, ConstU32, ConstU64},
		};

		parameter_types! {
			/// The id of the delegation account.
			pub const DefaultPalletId: PalletId = PalletId(*b"wrk/tokn");
			/// Minor 10%, Major 20%, Critical 50%.
			pub const TestSlashFractions: SlashFractions = SlashFractions {
				minor: Perbill::from_percent(10),
				major: Perbill::from_percent(20),
				critical: Perbill::from_percent(50),
			};
			/// Half of the base fraction more per standing strike; a tenth of the own-stake
			/// part to the reporter; half of the issuance bonded is the target.
			pub const Half: Perbill = Perbill::from_percent(50);
			pub const Tenth: Perbill = Perbill::from_percent(10);
			pub const TwoPercent: Perbill = Perbill::from_percent(2);
			pub const TwentyPercent: Perbill = Perbill::from_percent(20);
			pub const OnePercent: Perbill = Perbill::from_percent(1);
			/// Every eligible provider is active.
			pub const Unbounded: ActiveSetMode = ActiveSetMode::Unbounded;
		}

		/// Small numbers for unit tests: ten-block eras, windows of one to three eras, a
		/// minimum stake of 100 and bonds of 50 and 100 (balances `u128`, blocks `u64`).
		pub struct TestDefaultConfig;

		#[derive_impl(frame_system::config_preludes::TestDefaultConfig, no_aggregated_types)]
		impl frame_system::DefaultConfig for TestDefaultConfig {}

		#[frame_support::register_default_impl(TestDefaultConfig)]
		impl DefaultConfig for TestDefaultConfig {
			#[inject_runtime_type]
			type RuntimeHoldReason = ();
			type EraLength = ConstU64<10>;
			type UnbondingPeriod = ConstU32<3>;
			type MaxUnbondingChunks = ConstU32<4>;
			type MaxProviders = ConstU32<8>;
			type MinStakeFloor = ConstU128<100>;
			type MinDelegation = ConstU128<10>;
			type MaxDelegatorsPerProvider = ConstU32<4>;
			type MaxDelegationsPerDelegator = ConstU32<3>;
			type CommissionChangeDelay = ConstU32<2>;
			type MaxCommissionIncrease = Tenth;
			type ErasPerYear = ConstU32<100>;
			type TargetStakingRatio = Half;
			type MinInflation = TwoPercent;
			type MaxInflation = TwentyPercent;
			type MaxInflationChange = OnePercent;
			type PalletId = DefaultPalletId;
			type ReportBond = ConstU128<50>;
			type DisputeBond = ConstU128<100>;
			type ReportWindow = ConstU32<1>;
			type DisputeWindow = ConstU32<2>;
			type DisputeTimeout = ConstU32<2>;
			type JailEras = ConstU32<2>;
			type DefaultSlashFractions = TestSlashFractions;
			type StrikeEscalation = Half;
			type StrikeDecayEras = ConstU32<5>;
			type MaxStrikes = ConstU32<5>;
			type SlashRewardFraction = Tenth;
			type OnSlash = ();
			type TreasuryAccount = ();
			type MaxSlashesPerBlock = ConstU32<2>;
			type MinStakeCeiling = ConstU128<100>;
			type TargetJobsPerProvider = ConstU32<10>;
			type DefaultActiveSetMode = Unbounded;
			type Market = ();
			type Disputes = work_token_primitives::ResolvedByOrigin;
			type WeightInfo = ();
		}
	}

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration of the pallet.
	#[pallet::config(with_default)]
	pub trait Config: frame_system::Config {
		/// The currency stake is held in (fungible holds; never locks or reserves).
		#[pallet::no_default]
		type Currency: Inspect<Self::AccountId>
			+ Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ BalancedHold<Self::AccountId>;

		/// The runtime's hold reason, which includes this pallet's [`HoldReason`].
		#[pallet::no_default_bounds]
		type RuntimeHoldReason: From<HoldReason>;

		/// Blocks per era. Must be non-zero.
		#[pallet::constant]
		#[pallet::no_default_bounds]
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
		#[pallet::no_default_bounds]
		type MinStakeFloor: Get<BalanceOf<Self>>;

		/// Global minimum of a delegation position; providers may set a higher one.
		#[pallet::constant]
		#[pallet::no_default_bounds]
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
		#[pallet::no_default]
		type ReporterOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Origin that resolves disputed slashes.
		#[pallet::no_default]
		type ArbiterOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Origin that cancels slashes and sets slash fractions.
		#[pallet::no_default]
		type AdminOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Bond a signed reporter without `ReporterOrigin` posts; slashed if the report is
		/// overturned.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type ReportBond: Get<BalanceOf<Self>>;

		/// Bond the accused posts to dispute a slash; slashed if the slash is upheld.
		#[pallet::constant]
		#[pallet::no_default_bounds]
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
		#[pallet::no_default_bounds]
		type OnSlash: OnUnbalanced<CreditOf<Self>>;

		/// The account [`ToTreasury`] pays protocol revenue into (S40), or `None` (`()`) for
		/// none: then `ToTreasury` burns it. The era summary shows its balance.
		#[pallet::no_default_bounds]
		type TreasuryAccount: Get<Option<Self::AccountId>>;

		/// Most slashes `on_initialize` looks at per block; the rest wait for the next block.
		#[pallet::constant]
		type MaxSlashesPerBlock: Get<u32>;

		/// Highest value [`MinProviderStake`] may take (S5).
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type MinStakeCeiling: Get<BalanceOf<Self>>;

		/// Jobs one provider is expected to serve per era: sizes the market's target number
		/// of providers in `Unbounded` mode (S5).
		#[pallet::constant]
		type TargetJobsPerProvider: Get<u32>;

		/// Active-set mode until `AdminOrigin` sets another (S6).
		#[pallet::constant]
		type DefaultActiveSetMode: Get<ActiveSetMode>;

		/// What a work market says about the providers: performance multipliers, demand, stake
		/// backing open work. `()` for a chain without a market (neutral multipliers, no
		/// demand).
		#[pallet::no_default_bounds]
		type Market: work_token_primitives::MarketSignals<Self::AccountId, BalanceOf<Self>>;

		/// Who decides disputed slashes besides `ArbiterOrigin` (a court), told when a dispute
		/// opens and when the slash ends otherwise. `ResolvedByOrigin` when only the origin
		/// decides.
		#[pallet::no_default_bounds]
		type Disputes: work_token_primitives::Resolver<
				SlashId,
				work_token_primitives::DisputeCase<Self::AccountId, BalanceOf<Self>>,
			> + work_token_primitives::ForfeitSink<Self::AccountId, BalanceOf<Self>, SlashId>;

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

	/// `(provider, era) -> open claims`: slashes pending (or held) for offences of that era and
	/// work a market assigned in it that is still open (see [`exposure`]); absent when none.
	/// The era key is big-endian under `Identity`, so a provider's entries iterate oldest first.
	#[pallet::storage]
	pub type Exposures<T: Config> =
		StorageDoubleMap<_, Twox64Concat, T::AccountId, Identity, [u8; 4], OpenClaims>;

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

	/// Everything this pallet has ever minted: era emission and the delegation account's
	/// existential deposit. With what `OnSlash` burns, it explains every change this pallet
	/// makes to total issuance (the conservation check of the tests).
	#[pallet::storage]
	pub type TotalMinted<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// Protocol revenue that [`ToTreasury`] paid into the treasury, this era and last; written
	/// only by `treasury.rs`.
	#[pallet::storage]
	pub type TreasuryIncome<T: Config> = StorageValue<_, Income<BalanceOf<T>>, ValueQuery>;

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
			// A market's hooks run after these (it comes after the work token in the runtime), so
			// a provider jailed in this block takes none of the jobs the market assigns in it.
			Self::maybe_start_era(now).saturating_add(Self::apply_due_slashes())
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

			assert!(T::MaxSlashesPerBlock::get() > 0, "MaxSlashesPerBlock must be non-zero");

			assert!(
				T::MinStakeCeiling::get() >= T::MinStakeFloor::get(),
				"MinStakeCeiling must be at least MinStakeFloor"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}
}
