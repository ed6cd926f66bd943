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

mod calls;
mod cases;
mod draw;
mod errors;
mod events;
#[cfg(any(feature = "std", feature = "try-runtime", test))]
mod invariants;
mod jury;
mod resolver;
mod settlement;
pub mod sum_tree;
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
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::{
		traits::{AccountIdConversion, Zero},
		Perbill,
	};
	use work_token_primitives::{StakeRelations, Verdicts};

	/// Default configurations: a runtime derives them with
	/// `#[derive_impl(pallet_work_court::config_preludes::TestDefaultConfig)]` and sets only
	/// what depends on it (currency, randomness, the pallets it decides for, origins).
	pub mod config_preludes {
		use super::*;
		use frame_support::{
			derive_impl, parameter_types,
			traits::{ConstU128, ConstU32, ConstU64},
		};

		parameter_types! {
			/// The court's account: it holds the pot of every open case.
			/// Its first four bytes differ from the work token's (`wrk/`), so the two accounts
			/// stay apart even where account ids are as short as a `u64`.
			pub const CourtPalletId: PalletId = PalletId(*b"wrkcourt");
			/// A juror who does not reveal, or reveals against the final ruling, loses half of
			/// what its seat locks.
			pub const HalfOfTheSeat: Perbill = Perbill::from_percent(50);
		}

		/// Small numbers for unit tests: three jurors, then seven, then fifteen; windows of
		/// three blocks; a seat locks 10 of a juror's stake (balances `u128`, blocks `u64`).
		pub struct TestDefaultConfig;

		#[derive_impl(frame_system::config_preludes::TestDefaultConfig, no_aggregated_types)]
		impl frame_system::DefaultConfig for TestDefaultConfig {}

		#[frame_support::register_default_impl(TestDefaultConfig)]
		impl DefaultConfig for TestDefaultConfig {
			#[inject_runtime_type]
			type RuntimeHoldReason = ();
			type OnForfeit = ();
			type PalletId = CourtPalletId;
			type MinJurorStake = ConstU128<50>;
			type StakePerSeat = ConstU128<10>;
			type JurorUnbonding = ConstU64<10>;
			type MaxJurors = ConstU32<64>;
			type JurorsPerCase = ConstU32<3>;
			type MaxAppealRounds = ConstU32<2>;
			type MaxSeatsPerCase = ConstU32<25>;
			type CommitPeriod = ConstU64<3>;
			type RevealPeriod = ConstU64<3>;
			type AppealPeriod = ConstU64<3>;
			type FallbackPeriod = ConstU64<5>;
			type IncoherencePenalty = HalfOfTheSeat;
			type AppealBond = ConstU128<40>;
			type MaxOpenCases = ConstU32<32>;
			type MaxCasesPerBlock = ConstU32<4>;
			type MaxSettlementsPerBlock = ConstU32<8>;
			type MaxDrawAttempts = ConstU32<4>;
			type WeightInfo = ();
		}
	}

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration of the court.
	#[pallet::config(with_default)]
	pub trait Config: frame_system::Config {
		/// The currency jurors stake and appellants bond (fungible holds).
		#[pallet::no_default]
		type Currency: Inspect<Self::AccountId>
			+ Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ BalancedHold<Self::AccountId>;

		/// The runtime's hold reason, which includes this pallet's [`HoldReason`].
		#[pallet::no_default_bounds]
		type RuntimeHoldReason: From<HoldReason>;

		/// Source of randomness for drawing jurors.
		#[pallet::no_default]
		type Randomness: frame_support::traits::Randomness<Self::Hash, BlockNumberFor<Self>>;

		/// Where verdicts on disputed slashes go (the work token).
		#[pallet::no_default]
		type Disputes: Verdicts<SlashId, Verdict>;

		/// Where verdicts on challenged jobs go (the work market).
		#[pallet::no_default]
		type Challenges: Verdicts<JobId, bool>;

		/// Who backs whom: a delegator of the accused is a party to its case.
		#[pallet::no_default]
		type Relations: StakeRelations<Self::AccountId>;

		/// Decides a case whose last round was appealed (token-holder governance; sudo on a
		/// dev chain).
		#[pallet::no_default]
		type FallbackOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Where the pot of a case goes when no juror voted with its final ruling.
		#[pallet::no_default_bounds]
		type OnForfeit: OnUnbalanced<CreditOf<Self>>;

		/// The court's account, which holds the pots of open cases.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// Least stake a juror keeps in the pool (or none).
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type MinJurorStake: Get<BalanceOf<Self>>;

		/// Stake a seat in a case locks; a juror needs this much unlocked to be drawn.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type StakePerSeat: Get<BalanceOf<Self>>;

		/// Blocks between unbonding juror stake and withdrawing it.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type JurorUnbonding: Get<BlockNumberFor<Self>>;

		/// Most jurors in the pool (the draw tree's size).
		#[pallet::constant]
		type MaxJurors: Get<u32>;

		/// Jurors drawn for a case's first round; each appeal round draws twice the previous
		/// round's plus one.
		#[pallet::constant]
		type JurorsPerCase: Get<u32>;

		/// Most appeal rounds drawn from the pool; an appeal of the last one goes to
		/// `FallbackOrigin`.
		#[pallet::constant]
		type MaxAppealRounds: Get<u32>;

		/// Most seats of a case over all its rounds: at least the sum of every round's jurors.
		#[pallet::constant]
		type MaxSeatsPerCase: Get<u32>;

		/// Blocks jurors have to commit.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type CommitPeriod: Get<BlockNumberFor<Self>>;

		/// Blocks jurors have to reveal.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type RevealPeriod: Get<BlockNumberFor<Self>>;

		/// Blocks the losing side has to appeal a round's ruling.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type AppealPeriod: Get<BlockNumberFor<Self>>;

		/// Blocks `FallbackOrigin` has to decide a case appealed past the last round; then the
		/// last round's ruling stands.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type FallbackPeriod: Get<BlockNumberFor<Self>>;

		/// The part of a seat's stake a juror loses for not revealing or for revealing against
		/// the final ruling.
		#[pallet::constant]
		type IncoherencePenalty: Get<Perbill>;

		/// The bond of an appeal of round 0; each later round's is twice the one before.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type AppealBond: Get<BalanceOf<Self>>;

		/// Most cases open at once; more disputes and challenges are left to the owners'
		/// arbiter origin.
		#[pallet::constant]
		type MaxOpenCases: Get<u32>;

		/// Most cases whose phase ends in one block.
		#[pallet::constant]
		type MaxCasesPerBlock: Get<u32>;

		/// Most seats settled per block.
		#[pallet::constant]
		type MaxSettlementsPerBlock: Get<u32>;

		/// Picks per seat, pooled over a round's seats; once they are spent, unfilled seats stay
		/// empty (a pick may be a delegator of the accused, or a juror without unlocked stake:
		/// parties and seated jurors are out of the draw).
		#[pallet::constant]
		type MaxDrawAttempts: Get<u32>;

		/// Weights of this pallet's calls and hooks.
		type WeightInfo: WeightInfo;
	}

	/// Reasons this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A juror's stake (drawable, locked by seats, or unbonding).
		#[codec(index = 0)]
		JurorStake,
		/// An appellant's bond, until its case's ruling is final or the case is closed.
		#[codec(index = 1)]
		AppealBond,
	}

	/// Jurors by account.
	#[pallet::storage]
	pub type Jurors<T: Config> = StorageMap<_, Twox64Concat, T::AccountId, Juror<T>>;

	/// The juror in each slot of the draw tree.
	#[pallet::storage]
	pub type SlotJuror<T: Config> = StorageMap<_, Twox64Concat, u32, T::AccountId>;

	/// The draw tree's nodes (see [`sum_tree`]): node `i` sums the stakes of a range of slots.
	#[pallet::storage]
	pub type DrawTree<T> = StorageMap<_, Twox64Concat, u32, u128, ValueQuery>;

	/// Totals of the jury: drawable stake, jurors, the next fresh slot.
	#[pallet::storage]
	pub type Jury<T> = StorageValue<_, JuryTotals, ValueQuery>;

	/// Slots freed by jurors who left, reused before fresh ones.
	#[pallet::storage]
	pub type FreeSlots<T: Config> = StorageValue<_, BoundedVec<u32, T::MaxJurors>, ValueQuery>;

	/// Open cases.
	#[pallet::storage]
	pub type Cases<T: Config> = StorageMap<_, Twox64Concat, CaseId, Case<T>>;

	/// The case of each subject before the court.
	#[pallet::storage]
	pub type CaseOf<T> = StorageMap<_, Twox64Concat, Subject, CaseId>;

	/// The next case id and the number of open cases.
	#[pallet::storage]
	pub type Docket<T> = StorageValue<_, DocketState, ValueQuery>;

	/// Seats of each case, by index in drawing order.
	#[pallet::storage]
	pub type Seats<T: Config> =
		StorageDoubleMap<_, Twox64Concat, CaseId, Twox64Concat, u32, Seat<T>>;

	/// The seat of a juror in a case (a juror sits at most once in a case).
	#[pallet::storage]
	pub type SeatOf<T: Config> =
		StorageDoubleMap<_, Twox64Concat, CaseId, Twox64Concat, T::AccountId, u32>;

	/// The cases whose phase ends at each block.
	#[pallet::storage]
	pub type Agenda<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<CaseId, T::MaxCasesPerBlock>,
		ValueQuery,
	>;

	/// Decided cases whose seats are being settled, oldest first.
	#[pallet::storage]
	pub type Settling<T: Config> = StorageValue<_, BoundedVec<CaseId, T::MaxOpenCases>, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Jurors in the pool at genesis, with their stake.
		pub jurors: alloc::vec::Vec<(T::AccountId, BalanceOf<T>)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			// The court's account holds the existential deposit from genesis on, so that
			// paying out a pot never has to kill it.
			let ed = T::Currency::minimum_balance();
			T::Currency::mint_into(&Pallet::<T>::account(), ed)
				.expect("the court's account can be endowed at genesis");
			for (who, stake) in &self.jurors {
				Pallet::<T>::do_join(who, *stake).expect("genesis jurors are valid");
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Self::advance_due_cases(now).saturating_add(Self::settle_some())
		}

		fn integrity_test() {
			assert!(T::JurorsPerCase::get() > 0, "JurorsPerCase must be non-zero");
			assert!(
				Pallet::<T>::seats_over_all_rounds() <= T::MaxSeatsPerCase::get(),
				"MaxSeatsPerCase must hold every round's jurors"
			);
			assert!(T::MaxCasesPerBlock::get() > 0, "MaxCasesPerBlock must be non-zero");
			assert!(
				T::MaxSettlementsPerBlock::get() > 0,
				"MaxSettlementsPerBlock must be non-zero"
			);
			assert!(
				T::MinJurorStake::get() >= T::StakePerSeat::get(),
				"a juror at the minimum stake must be able to take a seat"
			);
			assert!(T::MaxDrawAttempts::get() > 0, "MaxDrawAttempts must be non-zero");
			assert!(!T::StakePerSeat::get().is_zero(), "StakePerSeat must be non-zero");
			assert!(
				T::MaxJurors::get() < u32::MAX / 2,
				"MaxJurors must leave room for the draw tree's index arithmetic"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	impl<T: Config> Pallet<T> {
		/// The court's account: it holds the existential deposit and the pots of open cases.
		pub fn account() -> T::AccountId {
			T::PalletId::get().into_account_truncating()
		}
	}
}
