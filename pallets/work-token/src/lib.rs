#![doc = include_str!("../README.md")]
//!
//! ### One era's reward split
#![doc = docify::embed!("src/tests/rewards.rs", worked_example_one_era_reward_split)]
//!
//! ### A provider's stake
//!
//! A provider registers, unbonds part of its stake and withdraws it after the unbonding period:
#![doc = docify::embed!("src/tests/examples.rs", provider_lifecycle_example)]
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

pub mod api;
mod commission;
mod delegation;
mod disputes;
mod era;
mod impls;
#[cfg(any(feature = "std", feature = "try-runtime", test))]
mod invariants;
mod ledger;
pub mod migrations;
mod offences;
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
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

/// Log target of this pallet.
pub const LOG_TARGET: &str = "runtime::work-token";

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
		FixedU128, Perbill,
	};

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

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

		/// Most slashes pending against one provider, and most incidents remembered per
		/// provider inside the report window.
		#[pallet::constant]
		type MaxOffencesPerProvider: Get<u32>;

		/// Most slashes `on_initialize` looks at per block; the rest wait for the next block.
		#[pallet::constant]
		type MaxSlashesPerBlock: Get<u32>;

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

	/// `(provider, era) -> (reward per share at the end of era, positions not yet settled)`:
	/// where the shares that joined in `era` start earning.
	#[pallet::storage]
	pub type CohortRewardPerShare<T: Config> =
		StorageDoubleMap<_, Twox64Concat, T::AccountId, Twox64Concat, EraIndex, (FixedU128, u32)>;

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

	/// Strikes, pending slashes and recent incidents of each provider with any.
	#[pallet::storage]
	pub type Offences<T: Config> = StorageMap<_, Twox64Concat, T::AccountId, OffenceRecord<T>>;

	/// Accounts tombstoned by a Critical slash, with the era: they may never register again.
	#[pallet::storage]
	pub type Tombstones<T: Config> = StorageMap<_, Twox64Concat, T::AccountId, EraIndex>;

	/// Events of this pallet.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `provider` registered with `stake` on hold and `commission`.
		ProviderRegistered { provider: T::AccountId, stake: BalanceOf<T>, commission: Perbill },
		/// `provider` put `amount` more on hold as active stake.
		Bonded { provider: T::AccountId, amount: BalanceOf<T> },
		/// `provider` unbonded `amount`; it can be withdrawn from `unlock_era` on.
		Unbonded { provider: T::AccountId, amount: BalanceOf<T>, unlock_era: EraIndex },
		/// `provider` moved `amount` from unbonding back to active stake.
		Rebonded { provider: T::AccountId, amount: BalanceOf<T> },
		/// `amount` of unlocked stake was released from hold to `provider`'s free balance.
		Withdrawn { provider: T::AccountId, amount: BalanceOf<T> },
		/// `provider` has nothing bonded or unbonding any more and its records were removed.
		ProviderRemoved { provider: T::AccountId },
		/// `delegator` delegated `amount` to `provider`'s pool and received `shares`.
		Delegated {
			delegator: T::AccountId,
			provider: T::AccountId,
			amount: BalanceOf<T>,
			shares: BalanceOf<T>,
		},
		/// `delegator` started unbonding `amount` from `provider`; withdrawable from
		/// `unlock_era`.
		Undelegated {
			delegator: T::AccountId,
			provider: T::AccountId,
			amount: BalanceOf<T>,
			unlock_era: EraIndex,
		},
		/// `amount` of unlocked delegation was paid back to `delegator`.
		DelegationWithdrawn {
			delegator: T::AccountId,
			provider: T::AccountId,
			amount: BalanceOf<T>,
		},
		/// `delegator`'s position with `provider` is empty and was removed.
		DelegationRemoved { delegator: T::AccountId, provider: T::AccountId },
		/// `provider`'s commission changed from `old` to `new` (a decrease, or a scheduled
		/// increase taking effect).
		CommissionUpdated { provider: T::AccountId, old: Perbill, new: Perbill },
		/// `provider` scheduled a commission increase to `commission` from `effective_era`.
		CommissionChangeScheduled {
			provider: T::AccountId,
			commission: Perbill,
			effective_era: EraIndex,
		},
		/// `provider` was paid `commission` and its `self_stake` part of era `era`'s rewards.
		ProviderRewarded {
			provider: T::AccountId,
			era: EraIndex,
			commission: BalanceOf<T>,
			self_stake: BalanceOf<T>,
		},
		/// `amount` of era `era`'s rewards went to `provider`'s delegators (claimable).
		PoolRewarded { provider: T::AccountId, era: EraIndex, amount: BalanceOf<T> },
		/// Era `era`'s rewards were distributed: `emission` minted at `staking_ratio`; the
		/// annual inflation rate is now `next_inflation`.
		EraRewarded {
			era: EraIndex,
			emission: BalanceOf<T>,
			staking_ratio: Perbill,
			next_inflation: Perbill,
		},
		/// `delegator` was paid `amount` of rewards from `provider`'s pool.
		RewardsClaimed { delegator: T::AccountId, provider: T::AccountId, amount: BalanceOf<T> },
		/// `delegator`'s `amount` of rewards were delegated again for `shares`.
		RewardsCompounded {
			delegator: T::AccountId,
			provider: T::AccountId,
			amount: BalanceOf<T>,
			shares: BalanceOf<T>,
		},
		/// `delegator` turned auto-compounding of rewards from `provider` on or off.
		AutoCompoundSet { delegator: T::AccountId, provider: T::AccountId, enabled: bool },
		/// `provider` set its pool's minimum delegation to `minimum`.
		MinDelegationSet { provider: T::AccountId, minimum: BalanceOf<T> },
		/// Era `era` started at block `start_block`.
		NewEra { era: EraIndex, start_block: BlockNumberFor<T> },
		/// Slash `id` against `provider` was reported for `offence_era` and is pending until
		/// era `dispute_until`; `own` and `pool` are locked. Delegators of `provider` watch
		/// for this event: their stake is at risk and frozen until the slash is settled.
		OffenceReported {
			id: SlashId,
			provider: T::AccountId,
			reporter: Option<T::AccountId>,
			severity: Severity,
			offence_era: EraIndex,
			fraction: Perbill,
			own: BalanceOf<T>,
			pool: BalanceOf<T>,
			dispute_until: EraIndex,
		},
		/// `provider` disputed slash `id`, posting `bond`.
		SlashDisputed { id: SlashId, provider: T::AccountId, bond: BalanceOf<T> },
		/// The arbiter decided `verdict` on slash `id`.
		DisputeResolved { id: SlashId, verdict: Verdict },
		/// The dispute of slash `id` timed out unresolved; the slash applies as reported.
		DisputeTimedOut { id: SlashId },
		/// The admin cancelled slash `id` against `provider`.
		SlashCancelled { id: SlashId, provider: T::AccountId },
		/// Slash `id` took `own` from `provider`'s stake and `pool` from its delegators.
		SlashApplied { id: SlashId, provider: T::AccountId, own: BalanceOf<T>, pool: BalanceOf<T> },
		/// `reporter` received `amount` of slash `id`.
		ReporterRewarded { id: SlashId, reporter: T::AccountId, amount: BalanceOf<T> },
		/// `amount` of slash `id` went to `OnSlash`.
		SlashDeposited { id: SlashId, amount: BalanceOf<T> },
		/// `amount` of `who`'s free balance was put on hold as a report or dispute bond.
		BondHeld { who: T::AccountId, amount: BalanceOf<T> },
		/// `who`'s bond of `amount` was returned.
		BondReturned { who: T::AccountId, amount: BalanceOf<T> },
		/// `who`'s losing bond of `amount` was slashed to `OnSlash`.
		BondSlashed { who: T::AccountId, amount: BalanceOf<T> },
		/// `provider` is jailed until era `until`.
		Jailed { provider: T::AccountId, until: EraIndex },
		/// `provider` left jail.
		Unjailed { provider: T::AccountId },
		/// `provider` was tombstoned and may never register again.
		Tombstoned { provider: T::AccountId },
		/// The base slash fractions are now `fractions`.
		SlashFractionsSet { fractions: SlashFractions },
	}

	/// Errors of this pallet. A call that fails changes nothing.
	#[pallet::error]
	pub enum Error<T> {
		/// The amount is zero.
		ZeroAmount,
		/// The account is already a registered provider.
		AlreadyProvider,
		/// The account is not a registered provider.
		NotProvider,
		/// Active stake would be above zero but below [`MinProviderStake`].
		BelowMinimumStake,
		/// The free balance (less the existential deposit) cannot cover the amount.
		InsufficientBalance,
		/// More than the active stake was asked to be unbonded.
		InsufficientActiveStake,
		/// The ledger already has `MaxUnbondingChunks` chunks; withdraw or wait for a later era.
		TooManyUnbondingChunks,
		/// More than the unbonding stake was asked to be rebonded.
		NotEnoughUnbonding,
		/// No unbonding chunk has unlocked yet.
		NothingToWithdraw,
		/// `MaxProviders` providers are already registered.
		TooManyProviders,
		/// An amount would overflow the balance type.
		Overflow,
		/// A provider cannot delegate to itself.
		CannotDelegateToSelf,
		/// The account has no delegation with that provider.
		NotDelegator,
		/// The provider's pool has shares but no tokens left; it takes no new delegations.
		PoolDepleted,
		/// The amount is too small to buy a single share.
		DelegationTooSmall,
		/// More than the delegation's bonded value was asked for.
		InsufficientDelegation,
		/// The position would be above zero but below the pool's minimum delegation.
		BelowMinimumDelegation,
		/// A pool minimum below the global `MinDelegation`.
		BelowGlobalMinimumDelegation,
		/// The provider's pool already has `MaxDelegatorsPerProvider` delegators.
		TooManyDelegators,
		/// The delegator already delegates to `MaxDelegationsPerDelegator` providers.
		TooManyDelegations,
		/// The provider has no active self-stake (it is leaving); it takes no new delegations.
		ProviderLeaving,
		/// A commission increase above `MaxCommissionIncrease` in one change.
		CommissionIncreaseTooLarge,
		/// The position has no rewards to claim.
		NothingToClaim,
		/// The provider has a slash pending; it takes no new delegations until it is settled.
		ProviderHasPendingSlash,
		/// The provider is jailed (or tombstoned); it takes no new delegations.
		ProviderJailed,
		/// The account was tombstoned by a Critical slash.
		Tombstoned,
		/// A provider cannot report itself.
		CannotReportSelf,
		/// The offence era has not started yet.
		OffenceInFuture,
		/// The offence era is older than the report window.
		OffenceTooOld,
		/// The offence era is before the provider registered.
		OffenceBeforeRegistration,
		/// This incident (offence era and evidence) was already reported.
		DuplicateReport,
		/// The provider already has `MaxOffencesPerProvider` pending slashes or recent
		/// incidents.
		TooManyOffences,
		/// No stake was at risk for the offence: the slash would be zero.
		NothingToSlash,
		/// No pending slash has this id.
		UnknownSlash,
		/// Only the accused provider may dispute a slash.
		NotAccused,
		/// The slash is already disputed.
		AlreadyDisputed,
		/// The dispute window of the slash has ended.
		DisputeWindowClosed,
		/// The slash is not disputed.
		NotDisputed,
		/// The slash's dispute window has not ended yet.
		SlashNotDue,
		/// The slash is disputed and neither resolved nor timed out.
		DisputeUnresolved,
		/// Unlocked stake is frozen by a pending slash and must wait until it is settled.
		WithdrawalFrozen,
		/// The provider is not jailed.
		NotJailed,
		/// The provider's jail has not run out yet.
		StillJailed,
		/// Slash fractions must grow with severity.
		UnorderedFractions,
	}

	/// Genesis: initial minimum stake and providers.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Initial [`MinProviderStake`]; the floor when `None`.
		pub min_provider_stake: Option<BalanceOf<T>>,
		/// Providers registered at genesis: `(account, stake, commission)`.
		pub providers: alloc::vec::Vec<(T::AccountId, BalanceOf<T>, Perbill)>,
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
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
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
			assert!(T::DefaultSlashFractions::get().is_ordered(), "slash fractions unordered");
			assert!(
				T::MaxOffencesPerProvider::get() > 0,
				"MaxOffencesPerProvider must be non-zero"
			);
			assert!(T::MaxSlashesPerBlock::get() > 0, "MaxSlashesPerBlock must be non-zero");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Register the caller as a provider with `stake` on hold and `commission`.
		///
		/// Origin: signed; the caller becomes the provider. `stake` must be at least
		/// [`MinProviderStake`] and leave the existential deposit free.
		///
		/// Emits [`Event::ProviderRegistered`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_provider())]
		pub fn register_provider(
			origin: OriginFor<T>,
			#[pallet::compact] stake: BalanceOf<T>,
			commission: Perbill,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_register(&who, stake, commission)
		}

		/// Put `amount` more of the caller's free balance on hold as active stake.
		///
		/// Origin: signed by a registered provider. The result must respect the minimum.
		///
		/// Emits [`Event::Bonded`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::bond_extra())]
		pub fn bond_extra(
			origin: OriginFor<T>,
			#[pallet::compact] amount: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_bond_extra(&who, amount)
		}

		/// Start unbonding `amount` of active stake; it unlocks `UnbondingPeriod` eras later.
		///
		/// Origin: signed by a registered provider. Remaining active stake must be zero or at
		/// least [`MinProviderStake`].
		///
		/// Emits [`Event::Unbonded`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::unbond())]
		pub fn unbond(
			origin: OriginFor<T>,
			#[pallet::compact] amount: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_unbond(&who, amount)
		}

		/// Move `amount` of unbonding stake back to active stake, newest chunks first.
		///
		/// Origin: signed by a registered provider. The resulting active stake must be at
		/// least [`MinProviderStake`].
		///
		/// Emits [`Event::Rebonded`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::rebond(T::MaxUnbondingChunks::get()))]
		pub fn rebond(
			origin: OriginFor<T>,
			#[pallet::compact] amount: BalanceOf<T>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let touched = Self::do_rebond(&who, amount)?;
			Ok(Some(T::WeightInfo::rebond(touched)).into())
		}

		/// Release every unbonding chunk that has unlocked to the caller's free balance.
		///
		/// Origin: signed by a registered provider. When nothing is left bonded or unbonding,
		/// the provider's records are removed.
		///
		/// Emits [`Event::Withdrawn`], and [`Event::ProviderRemoved`] when the ledger empties.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::withdraw_unbonded(T::MaxUnbondingChunks::get()))]
		pub fn withdraw_unbonded(origin: OriginFor<T>) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let removed = Self::do_withdraw_unbonded(&who)?;
			Ok(Some(T::WeightInfo::withdraw_unbonded(removed)).into())
		}

		/// Delegate `amount` of the caller's free balance to `provider`'s pool, for shares at
		/// the pool's current rate (rounded down).
		///
		/// Origin: signed, not the provider itself. The position must reach the pool's minimum
		/// delegation; the existential deposit stays free.
		///
		/// Emits [`Event::Delegated`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::delegate())]
		pub fn delegate(
			origin: OriginFor<T>,
			provider: T::AccountId,
			#[pallet::compact] amount: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_delegate(&who, &provider, amount)
		}

		/// Start unbonding `amount` of the caller's delegation to `provider`. Shares worth
		/// `amount` (rounded up) are burnt; the tokens join the unbonding pool that unlocks
		/// `UnbondingPeriod` eras later. A remaining position must stay at or above the pool's
		/// minimum; undelegating the whole value is always allowed.
		///
		/// Origin: signed by a delegator of `provider`.
		///
		/// Emits [`Event::Undelegated`].
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::undelegate())]
		pub fn undelegate(
			origin: OriginFor<T>,
			provider: T::AccountId,
			#[pallet::compact] amount: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_undelegate(&who, &provider, amount)
		}

		/// Pay out every unlocked unbonding chunk of the caller's delegation to `provider`.
		/// An empty position is removed.
		///
		/// Origin: signed by a delegator of `provider`.
		///
		/// Emits [`Event::DelegationWithdrawn`], and [`Event::DelegationRemoved`] when the
		/// position empties.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::withdraw_delegation(T::MaxUnbondingChunks::get()))]
		pub fn withdraw_delegation(
			origin: OriginFor<T>,
			provider: T::AccountId,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let chunks = Self::do_withdraw_delegation(&who, &provider)?;
			Ok(Some(T::WeightInfo::withdraw_delegation(chunks)).into())
		}

		/// Set the minimum delegation of the caller's pool (at least `MinDelegation`). Existing
		/// positions are not affected until they change.
		///
		/// Origin: signed by a registered provider.
		///
		/// Emits [`Event::MinDelegationSet`].
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::set_min_delegation())]
		pub fn set_min_delegation(
			origin: OriginFor<T>,
			#[pallet::compact] minimum: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_min_delegation(&who, minimum)
		}

		/// Change the caller's commission. A decrease (or no change) applies at once and
		/// cancels any scheduled increase. An increase may be at most `MaxCommissionIncrease`
		/// above the current commission and takes effect `CommissionChangeDelay` eras later,
		/// replacing any increase already scheduled.
		///
		/// Origin: signed by a registered provider.
		///
		/// Emits [`Event::CommissionUpdated`] or [`Event::CommissionChangeScheduled`].
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::set_commission())]
		pub fn set_commission(origin: OriginFor<T>, commission: Perbill) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_commission(&who, commission)
		}

		/// Settle and pay out the caller's rewards from `provider`'s pool (or re-delegate them
		/// when auto-compound is on). O(1): no other position is touched.
		///
		/// Origin: signed by a delegator of `provider`.
		///
		/// Emits [`Event::RewardsClaimed`] or [`Event::RewardsCompounded`].
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::claim_rewards())]
		pub fn claim_rewards(origin: OriginFor<T>, provider: T::AccountId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_claim_rewards(&who, &provider)
		}

		/// Turn auto-compounding of the caller's rewards from `provider` on or off. With it on,
		/// settled rewards become new shares (earning from the next era) instead of being paid.
		///
		/// Origin: signed by a delegator of `provider`.
		///
		/// Emits [`Event::AutoCompoundSet`].
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::set_auto_compound())]
		pub fn set_auto_compound(
			origin: OriginFor<T>,
			provider: T::AccountId,
			enabled: bool,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_auto_compound(&who, &provider, enabled)
		}

		/// Report an offence of `provider` in `offence_era` with `severity`, identified by
		/// `evidence` (the hash of off-chain evidence). The slash amount is computed from the
		/// stake at risk in `offence_era` with the severity's fraction, escalated by standing
		/// strikes, and locked: that stake cannot be withdrawn and the provider takes no new
		/// delegations until the slash is settled. It applies after `DisputeWindow` eras.
		///
		/// Origin: `ReporterOrigin` (no bond), or any signed account, which posts
		/// `ReportBond` (returned when the slash applies or is cancelled, slashed when it is
		/// overturned). A provider cannot report itself.
		///
		/// Emits [`Event::OffenceReported`] (and [`Event::BondHeld`] for a bonded report).
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::report_offence())]
		pub fn report_offence(
			origin: OriginFor<T>,
			provider: T::AccountId,
			severity: Severity,
			offence_era: EraIndex,
			evidence: T::Hash,
		) -> DispatchResult {
			let signer = ensure_signed(origin.clone()).ok();
			let bond = match T::ReporterOrigin::try_origin(origin) {
				Ok(_) => Zero::zero(),
				Err(_) => {
					ensure!(signer.is_some(), DispatchError::BadOrigin);
					T::ReportBond::get()
				}
			};
			Self::do_report_offence(signer, bond, &provider, severity, offence_era, evidence)
		}

		/// Dispute slash `id` while its window is open, posting `DisputeBond`. The slash then
		/// waits for the arbiter, or for the timeout (`DisputeTimeout` eras after the window),
		/// after which it applies as reported and the bond is returned.
		///
		/// Origin: signed by the accused provider.
		///
		/// Emits [`Event::SlashDisputed`] and [`Event::BondHeld`].
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::dispute_slash())]
		pub fn dispute_slash(origin: OriginFor<T>, id: SlashId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_dispute_slash(&who, id)
		}

		/// Decide disputed slash `id`: `Uphold` applies it and slashes the dispute bond;
		/// `Overturn` drops it and slashes the report bond; `Reduce(p)` applies `p` of it and
		/// returns both bonds.
		///
		/// Origin: `ArbiterOrigin`.
		///
		/// Emits [`Event::DisputeResolved`], then the events of applying or dropping it.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::resolve_dispute())]
		pub fn resolve_dispute(
			origin: OriginFor<T>,
			id: SlashId,
			verdict: Verdict,
		) -> DispatchResult {
			T::ArbiterOrigin::ensure_origin(origin)?;
			Self::do_resolve_dispute(id, verdict)
		}

		/// Cancel pending or disputed slash `id`; both bonds are returned and the incident
		/// may be reported again.
		///
		/// Origin: `AdminOrigin`.
		///
		/// Emits [`Event::SlashCancelled`] and [`Event::BondReturned`] for each bond.
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::cancel_slash())]
		pub fn cancel_slash(origin: OriginFor<T>, id: SlashId) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_cancel_slash(id)
		}

		/// Apply slash `id` once it is due: an undisputed slash from the end of its window, a
		/// disputed one from its timeout. The chain does this by itself in `on_initialize`;
		/// this call lets anyone do it sooner when blocks are busy. Free when it succeeds.
		///
		/// Origin: signed, anyone.
		///
		/// Emits [`Event::SlashApplied`], [`Event::SlashDeposited`], and as they happen
		/// [`Event::ReporterRewarded`], [`Event::Jailed`], [`Event::Tombstoned`],
		/// [`Event::DisputeTimedOut`], [`Event::BondReturned`].
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::apply_slash())]
		pub fn apply_slash(origin: OriginFor<T>, id: SlashId) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			Self::do_apply_slash(id)?;
			Ok(Pays::No.into())
		}

		/// Leave jail once `JailEras` have passed since the jailing slash.
		///
		/// Origin: signed by the jailed provider; not a tombstoned one.
		///
		/// Emits [`Event::Unjailed`].
		#[pallet::call_index(17)]
		#[pallet::weight(T::WeightInfo::unjail())]
		pub fn unjail(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_unjail(&who)
		}

		/// Set the base slash fraction of each severity; they must grow with severity.
		/// Pending slashes keep the amounts locked at report time.
		///
		/// Origin: `AdminOrigin`.
		///
		/// Emits [`Event::SlashFractionsSet`].
		#[pallet::call_index(18)]
		#[pallet::weight(T::WeightInfo::set_slash_fractions())]
		pub fn set_slash_fractions(
			origin: OriginFor<T>,
			fractions: SlashFractions,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_set_slash_fractions(fractions)
		}
	}
}
