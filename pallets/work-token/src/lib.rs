//! # Work-token pallet
//!
//! A work token is stake-for-access: a **provider** locks tokens as collateral before it may do
//! paid work, and holders delegate to providers. This crate implements, of the work-token
//! specification (`SPEC.md`), the provider stake (S1, S2), delegation pools with O(1) share
//! accounting (S7, S8), commission safeguards (S9) and era rewards with automatic yield
//! adjustment (S14).
//!
//! ## Stake lives on hold
//!
//! Stake never leaves the provider's account: it is placed on hold with the pallet's
//! [`HoldReason::ProviderStake`] through the `fungible` traits. The held balance of every
//! provider always equals its [`StakeLedger::total`] (active + unbonding), and
//! [`TotalStaked`] equals the sum of those holds; `try_state` checks both.
//!
//! ## Eras
//!
//! The pallet counts time in eras of `EraLength` blocks: era `e` starts at block
//! `e * EraLength`. Unbonding is counted in eras. A new era emits [`Event::NewEra`].
//!
//! ## Lifecycle of a provider's stake
//!
//! | step | call | effect |
//! |---|---|---|
//! | register | [`Pallet::register_provider`] | `stake ≥ MinProviderStake` goes on hold, provider record created |
//! | top up | [`Pallet::bond_extra`] | more free balance goes on hold, active stake grows |
//! | unbond | [`Pallet::unbond`] | active stake moves to a chunk unlocking at `current_era + UnbondingPeriod` |
//! | change of mind | [`Pallet::rebond`] | newest chunks move back to active stake |
//! | withdraw | [`Pallet::withdraw_unbonded`] | unlocked chunks are released from hold; an empty ledger removes the provider |
//!
//! Active stake is always either zero or at least [`MinProviderStake`]: a partial unbond may
//! not leave a provider below the minimum, but a provider may unbond everything.
//!
//! ## Delegation (S7, S8)
//!
//! Holders [`delegate`](Pallet::delegate) to a provider's pool and receive shares at the pool's
//! exchange rate `tokens / shares`. A slash lowers a pool's tokens once, which every share
//! feels pro rata: nothing ever loops over delegators. [`undelegate`](Pallet::undelegate)
//! moves tokens into a share-based *unbonding pool* for the unlock era (still slashable);
//! [`withdraw_delegation`](Pallet::withdraw_delegation) pays unlocked chunks out. All delegated
//! tokens sit in one keyless account ([`Pallet::delegation_account`]).
//!
//! Rounding always favours the pool and never mints: deposits mint `floor` shares, shares are
//! worth `floor` tokens, withdrawals burn `ceil` shares; the last holder out takes every
//! remaining token. Each operation costs its caller less than one share's worth plus one unit.
//!
//! ## Commission (S9)
//!
//! [`set_commission`](Pallet::set_commission): decreases apply at once; an increase is capped
//! by `MaxCommissionIncrease` and applies `CommissionChangeDelay` eras later.
//!
//! ## Rewards (S14)
//!
//! Each era's emission (`InflationRate` × issuance / `ErasPerYear`) is minted at the start of
//! the next era and split across providers by the stake that was bonded for the *whole* era.
//! Inside a provider: commission first, then pro rata to self-stake and delegated tokens. The
//! delegators' part feeds a reward-per-share accumulator, so
//! [`claim_rewards`](Pallet::claim_rewards) is O(1); rewards never expire. The rate moves
//! toward `TargetStakingRatio` by at most `MaxInflationChange` per era, within
//! `[MinInflation, MaxInflation]`. See [`rewards`] for the rounding bounds.
//!
//! ### Worked example: one era's reward split
//!
//! Provider 10 has 3,000 self-stake and 10% commission; delegators 11 and 12 joined in era 0
//! with 600 and 400 (shares 1:1), so they earn from era 1. Era 1's emission is 1,000 and 10 is
//! the only provider:
//!
//! | step | computation | amount |
//! |---|---|---|
//! | provider reward | whole emission (only provider) | 1,000 |
//! | commission | 10% × 1,000 | 100 |
//! | left to split | 1,000 − 100 | 900 |
//! | self-stake part | 900 × 3,000 / 4,000 | 675 |
//! | delegated part | 900 × 1,000 / 4,000 | 225 |
//! | paid to provider 10 at the era boundary | 100 + 675 | 775 |
//! | claimable by delegator 11 | 225 × 600 / 1,000 | 135 |
//! | claimable by delegator 12 | 225 × 400 / 1,000 | 90 |
//!
//! This is the unit test `worked_example_one_era_reward_split`:
#![doc = docify::embed!("src/tests/rewards.rs", worked_example_one_era_reward_split)]
//!
//! ## Example: a provider's stake
//!
//! A provider registers, unbonds part of its stake and withdraws it after the unbonding period
//! (the unit test `provider_lifecycle_example`):
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
mod era;
mod impls;
#[cfg(any(feature = "std", feature = "try-runtime", test))]
mod invariants;
mod ledger;
pub mod migrations;
pub mod rewards;
pub mod shares;
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
		traits::fungible::{Inspect, Mutate, MutateHold},
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
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

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

		/// Weights of this pallet's calls and hooks.
		type WeightInfo: WeightInfo;
	}

	/// Reasons this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A provider's self-stake (active and unbonding).
		#[codec(index = 0)]
		ProviderStake,
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
			Self::maybe_start_era(now)
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
	}
}
