//! Mock runtime for the pallet's unit tests: `frame_system`, `pallet_balances` and this pallet.

use crate::{self as pallet_work_token, EraIndex, HoldReason};
use codec::Encode;
use frame_support::{
	derive_impl, parameter_types,
	traits::{fungible::InspectHold, ConstU128, ConstU32, ConstU64},
};
use sp_runtime::BuildStorage;

pub use frame_support::{assert_noop, assert_ok};
pub use sp_runtime::Perbill;

/// Account id of the mock runtime.
pub type AccountId = u64;
/// Balance of the mock runtime.
pub type Balance = u128;
type Block = frame_system::mocking::MockBlock<Test>;

/// Blocks per era in the mock.
pub const ERA_LENGTH: u64 = 10;
/// Unbonding period in eras in the mock.
pub const UNBONDING_PERIOD: EraIndex = 3;
/// Maximum unbonding chunks in the mock.
pub const MAX_CHUNKS: u32 = 4;
/// Maximum providers in the mock.
pub const MAX_PROVIDERS: u32 = 8;
/// Minimum stake floor in the mock.
pub const MIN_STAKE: Balance = 100;
/// Existential deposit in the mock.
pub const ED: Balance = 1;
/// Free balance of each endowed account (10..=19) at genesis.
pub const ENDOWMENT: Balance = 10_000;
/// Global minimum delegation in the mock.
pub const MIN_DELEGATION: Balance = 10;
/// Maximum delegators per provider in the mock.
pub const MAX_DELEGATORS: u32 = 4;
/// Maximum providers per delegator in the mock.
pub const MAX_DELEGATIONS: u32 = 3;
/// Eras before a commission increase takes effect in the mock.
pub const COMMISSION_DELAY: EraIndex = 2;
/// Eras per year in the mock: small, so that one era's emission is a round, visible number.
pub const ERAS_PER_YEAR: u32 = 100;
/// Eras back an offence may be reported in the mock.
pub const REPORT_WINDOW: EraIndex = 1;
/// Eras a slash stays pending in the mock.
pub const DISPUTE_WINDOW: EraIndex = 2;
/// Eras after the window before an unresolved dispute times out in the mock.
pub const DISPUTE_TIMEOUT: EraIndex = 2;
/// Eras of jail in the mock.
pub const JAIL_ERAS: EraIndex = 2;
/// Eras per decaying strike in the mock.
pub const STRIKE_DECAY: EraIndex = 5;
/// Bond of a signed reporter in the mock.
pub const REPORT_BOND: Balance = 50;
/// Bond of a dispute in the mock.
pub const DISPUTE_BOND: Balance = 100;
/// Slashes looked at per block in the mock.
pub const MAX_SLASHES_PER_BLOCK: u32 = 2;
/// Blocks to deliver a job's result in the mock.
pub const JOB_DEADLINE: u64 = 5;
/// Blocks to accept or challenge a result in the mock.
pub const ACCEPTANCE_WINDOW: u64 = 3;
/// Blocks after the latest acceptance window in which a challenge may be resolved.
pub const CHALLENGE_TIMEOUT: u64 = 10;
/// Fee at which a job counts fully in reputation in the mock.
pub const FULL_CREDIT_FEE: Balance = 10;
/// Open jobs per provider in the mock.
pub const MAX_OPEN_JOBS: u32 = 3;
/// Self-stake per unit of open job fees in the mock.
pub const STAKE_TO_FEE: u32 = 10;
/// Jobs looked at per block in the mock.
pub const MAX_JOBS_PER_BLOCK: u32 = 4;
/// The trusted reporter (oracle) of the mock: reports without a bond.
pub const ORACLE: AccountId = 19;
/// An account with only `POOR_BALANCE`.
pub const POOR: AccountId = 1;
/// Free balance of `POOR`.
pub const POOR_BALANCE: Balance = 50;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		WorkToken: pallet_work_token,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type ExistentialDeposit = ConstU128<ED>;
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

parameter_types! {
	/// Blocks per era.
	pub const EraLength: u64 = ERA_LENGTH;
	/// Largest commission increase per change.
	pub const MaxCommissionIncrease: Perbill = Perbill::from_percent(10);
	/// Half of the issuance should be bonded.
	pub const TargetStakingRatio: Perbill = Perbill::from_percent(50);
	/// Inflation bounds and step.
	pub const MinInflation: Perbill = Perbill::from_percent(2);
	pub const MaxInflation: Perbill = Perbill::from_percent(20);
	pub const MaxInflationChange: Perbill = Perbill::from_percent(1);
	/// The pallet's id.
	pub const WorkTokenPalletId: frame_support::PalletId = frame_support::PalletId(*b"wrk/tokn");
	/// Base fractions: Minor 10%, Major 20%, Critical 50%.
	pub const DefaultSlashFractions: crate::SlashFractions = crate::SlashFractions {
		minor: Perbill::from_percent(10),
		major: Perbill::from_percent(20),
		critical: Perbill::from_percent(50),
	};
	/// Each standing strike adds half the base fraction.
	pub const StrikeEscalation: Perbill = Perbill::from_percent(50);
	/// The reporter gets 10% of an applied slash.
	pub const SlashRewardFraction: Perbill = Perbill::from_percent(10);
	/// 5% of each paid job fee goes to `OnSlash`.
	pub const ProtocolFee: Perbill = Perbill::from_percent(5);
	/// A new outcome weighs 10% in the reputation average.
	pub const ReputationSmoothing: sp_runtime::Permill = sp_runtime::Permill::from_percent(10);
	/// <50% → ×0.5, 50–90% → ×1.0, ≥90% → ×1.2.
	pub const DefaultReputationTiers: crate::ReputationTiers = crate::ReputationTiers {
		low_below: sp_runtime::Permill::from_percent(50),
		high_from: sp_runtime::Permill::from_percent(90),
		low: 50,
		mid: 100,
		high: 120,
	};
	/// Every eligible provider is active unless a test sets a mode.
	pub const DefaultActiveSetMode: crate::ActiveSetMode = crate::ActiveSetMode::Unbounded;
	/// The ceiling of the minimum stake: the floor unless a test raises it, so that the
	/// minimum only moves in the tests about it.
	pub storage MinStakeCeiling: Balance = MIN_STAKE;
	/// Jobs per provider per era the market aims at.
	pub storage TargetJobsPerProvider: u32 = 10;
}

std::thread_local! {
	static RANDOM_SEED: core::cell::Cell<u64> = const { core::cell::Cell::new(0) };
	static RANDOM_CALLS: core::cell::Cell<u64> = const { core::cell::Cell::new(0) };
	static RANDOM_PER_BLOCK: core::cell::Cell<bool> = const { core::cell::Cell::new(false) };
}

/// Seeds [`TestRandomness`]: the same seed gives the same draws.
pub fn set_random_seed(seed: u64) {
	RANDOM_SEED.with(|s| s.set(seed));
	RANDOM_CALLS.with(|c| c.set(0));
}

/// Makes [`TestRandomness`] a function of the block number and the subject only, like
/// randomness derived from block hashes: anyone can compute this block's value, nobody the
/// next block's.
pub fn set_randomness_per_block(per_block: bool) {
	RANDOM_PER_BLOCK.with(|p| p.set(per_block));
}

/// A seeded, deterministic randomness for tests: `blake2_256(seed, call count, subject)`, or
/// `blake2_256(seed, block number, subject)` after [`set_randomness_per_block`].
pub struct TestRandomness;
impl frame_support::traits::Randomness<sp_core::H256, u64> for TestRandomness {
	fn random(subject: &[u8]) -> (sp_core::H256, u64) {
		let seed = RANDOM_SEED.with(|s| s.get());
		let nonce = if RANDOM_PER_BLOCK.with(|p| p.get()) {
			System::block_number()
		} else {
			RANDOM_CALLS.with(|c| {
				let n = c.get();
				c.set(n + 1);
				n
			})
		};
		let hash = sp_io::hashing::blake2_256(&(seed, nonce, subject).encode());
		(sp_core::H256(hash), System::block_number())
	}
}

frame_support::ord_parameter_types! {
	/// The oracle account allowed to report without a bond.
	pub const Oracle: AccountId = ORACLE;
}

/// Root or the oracle.
pub type ReporterOrigin = frame_support::traits::EitherOfDiverse<
	frame_system::EnsureRoot<AccountId>,
	frame_system::EnsureSignedBy<Oracle, AccountId>,
>;

#[docify::export(config_example)]
impl pallet_work_token::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type EraLength = EraLength;
	type UnbondingPeriod = ConstU32<UNBONDING_PERIOD>;
	type MaxUnbondingChunks = ConstU32<MAX_CHUNKS>;
	type MaxProviders = ConstU32<MAX_PROVIDERS>;
	type MinStakeFloor = ConstU128<MIN_STAKE>;
	type MinDelegation = ConstU128<MIN_DELEGATION>;
	type MaxDelegatorsPerProvider = ConstU32<MAX_DELEGATORS>;
	type MaxDelegationsPerDelegator = ConstU32<MAX_DELEGATIONS>;
	type CommissionChangeDelay = ConstU32<COMMISSION_DELAY>;
	type MaxCommissionIncrease = MaxCommissionIncrease;
	type ErasPerYear = ConstU32<ERAS_PER_YEAR>;
	type TargetStakingRatio = TargetStakingRatio;
	type MinInflation = MinInflation;
	type MaxInflation = MaxInflation;
	type MaxInflationChange = MaxInflationChange;
	type PalletId = WorkTokenPalletId;
	type ReporterOrigin = ReporterOrigin;
	type ArbiterOrigin = frame_system::EnsureRoot<AccountId>;
	type AdminOrigin = frame_system::EnsureRoot<AccountId>;
	type ReportBond = ConstU128<REPORT_BOND>;
	type DisputeBond = ConstU128<DISPUTE_BOND>;
	type ReportWindow = ConstU32<REPORT_WINDOW>;
	type DisputeWindow = ConstU32<DISPUTE_WINDOW>;
	type DisputeTimeout = ConstU32<DISPUTE_TIMEOUT>;
	type JailEras = ConstU32<JAIL_ERAS>;
	type DefaultSlashFractions = DefaultSlashFractions;
	type StrikeEscalation = StrikeEscalation;
	type StrikeDecayEras = ConstU32<STRIKE_DECAY>;
	type MaxStrikes = ConstU32<5>;
	type SlashRewardFraction = SlashRewardFraction;
	// Slashed tokens are burnt (and counted): total issuance falls by exactly that much.
	type OnSlash = RecordBurn;
	type MaxSlashesPerBlock = ConstU32<MAX_SLASHES_PER_BLOCK>;
	type Randomness = TestRandomness;
	type MinStakeCeiling = MinStakeCeiling;
	type TargetJobsPerProvider = TargetJobsPerProvider;
	type DefaultActiveSetMode = DefaultActiveSetMode;
	type MaxOpenJobsPerProvider = ConstU32<MAX_OPEN_JOBS>;
	type StakeToFeeRatio = ConstU32<STAKE_TO_FEE>;
	type JobDeadline = ConstU64<JOB_DEADLINE>;
	type AcceptanceWindow = ConstU64<ACCEPTANCE_WINDOW>;
	type ChallengeTimeout = ConstU64<CHALLENGE_TIMEOUT>;
	type ProtocolFee = ProtocolFee;
	type MaxJobsPerBlock = ConstU32<MAX_JOBS_PER_BLOCK>;
	type ReputationSmoothing = ReputationSmoothing;
	type ReputationFullCreditFee = ConstU128<FULL_CREDIT_FEE>;
	type DefaultReputationTiers = DefaultReputationTiers;
	type WeightInfo = ();
}

std::thread_local! {
	static BURNED: core::cell::Cell<Balance> = const { core::cell::Cell::new(0) };
	static BASE_ISSUANCE: core::cell::Cell<Balance> = const { core::cell::Cell::new(0) };
}

/// Records `amount` as burnt outside `OnSlash` (test stand-ins that burn directly).
pub fn record_burn(amount: Balance) {
	BURNED.with(|b| b.set(b.get() + amount));
}

/// Conservation (S25): total issuance equals the sum of all accounts, and it moved from
/// genesis only by what the pallet minted (`TotalMinted`) and what `OnSlash` burnt.
pub fn check_conservation() {
	let accounts: Balance = frame_system::Account::<Test>::iter()
		.map(|(_, info)| info.data.free + info.data.reserved)
		.sum();
	assert_eq!(issuance(), accounts, "total issuance differs from the sum of accounts");
	let base = BASE_ISSUANCE.with(|b| b.get());
	let minted = crate::TotalMinted::<Test>::get();
	assert_eq!(issuance(), base + minted - burned(), "issuance moved by something else");
}

/// `OnSlash` of the mock: counts what it receives, then burns it by dropping the credit.
pub struct RecordBurn;
impl frame_support::traits::OnUnbalanced<crate::CreditOf<Test>> for RecordBurn {
	fn on_nonzero_unbalanced(credit: crate::CreditOf<Test>) {
		use frame_support::traits::Imbalance;
		BURNED.with(|b| b.set(b.get() + credit.peek()));
	}
}

/// Everything `OnSlash` has burnt in this test.
pub fn burned() -> Balance {
	BURNED.with(|b| b.get())
}

/// Builds test externalities with endowed accounts and optional genesis providers.
#[derive(Default)]
pub struct ExtBuilder {
	providers: Vec<(AccountId, Balance, Perbill)>,
	delegations: Vec<(AccountId, AccountId, Balance)>,
	mode: Option<crate::ActiveSetMode>,
}

impl ExtBuilder {
	/// Adds a provider registered at genesis.
	pub fn provider(mut self, who: AccountId, stake: Balance, commission: Perbill) -> Self {
		self.providers.push((who, stake, commission));
		self
	}

	/// Adds a delegation made at genesis.
	pub fn delegation(
		mut self,
		delegator: AccountId,
		provider: AccountId,
		amount: Balance,
	) -> Self {
		self.delegations.push((delegator, provider, amount));
		self
	}

	/// Sets the active-set mode at genesis.
	pub fn active_set_mode(mut self, mode: crate::ActiveSetMode) -> Self {
		self.mode = Some(mode);
		self
	}

	/// The externalities, at block 1 of era 0.
	pub fn build(self) -> sp_io::TestExternalities {
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		let mut balances: Vec<(AccountId, Balance)> =
			(10..20).map(|who| (who, ENDOWMENT)).collect();
		balances.push((POOR, POOR_BALANCE));
		pallet_balances::GenesisConfig::<Test> { balances, ..Default::default() }
			.assimilate_storage(&mut storage)
			.unwrap();
		pallet_work_token::GenesisConfig::<Test> {
			min_provider_stake: None,
			providers: self.providers,
			delegations: self.delegations,
			active_set_mode: self.mode,
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		BURNED.with(|b| b.set(0));
		set_random_seed(0);
		set_randomness_per_block(false);
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| {
			System::set_block_number(1);
			let base = issuance() - crate::TotalMinted::<Test>::get();
			BASE_ISSUANCE.with(|b| b.set(base));
		});
		ext
	}

	/// Runs `test`, then checks every storage invariant of the pallet and conservation.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			WorkToken::do_try_state().expect("try_state invariants hold after the test");
			check_conservation();
		});
	}
}

/// Default externalities; see [`ExtBuilder`]. Used by the benchmark test suite.
#[cfg_attr(not(feature = "runtime-benchmarks"), allow(dead_code))]
pub fn new_test_ext() -> sp_io::TestExternalities {
	ExtBuilder::default().build()
}

/// Runs blocks up to and including `n`, calling every pallet's hooks.
pub fn run_to_block(n: u64) {
	System::run_to_block::<AllPalletsWithSystem>(n);
}

/// Runs the next block (its `on_initialize` assigns the jobs submitted in this one).
pub fn next_block() {
	run_to_block(System::block_number() + 1);
}

/// Runs blocks until era `era` has started.
pub fn run_to_era(era: EraIndex) {
	run_to_block(u64::from(era) * ERA_LENGTH);
	assert_eq!(crate::CurrentEra::<Test>::get(), era);
}

/// Runs block by block until era `era` has started and returns the era emission minted on
/// the way (from each block's `EraRewarded` event; events are cleared before each block, so
/// afterwards only the last block's events remain).
pub fn run_to_era_counting_emission(era: EraIndex) -> Balance {
	let target = u64::from(era) * ERA_LENGTH;
	let mut minted = 0;
	while System::block_number() < target {
		System::reset_events();
		run_to_block(System::block_number() + 1);
		minted += work_token_events()
			.iter()
			.filter_map(|e| match e {
				crate::Event::EraRewarded { emission, .. } => Some(*emission),
				_ => None,
			})
			.sum::<Balance>();
	}
	minted
}

/// Total issuance.
pub fn issuance() -> Balance {
	<Balances as frame_support::traits::fungible::Inspect<AccountId>>::total_issuance()
}

/// Provider stake of `who` on hold.
pub fn held_stake(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::ProviderStake.into(), &who)
}

/// Free balance of `who`.
pub fn free_balance(who: AccountId) -> Balance {
	Balances::free_balance(who)
}

/// This pallet's events of the current block, oldest first.
pub fn work_token_events() -> Vec<crate::Event<Test>> {
	work_token_events_since(0)
}

/// This pallet's events of the current block from the `index`-th event (of any pallet) on:
/// with `index = System::events().len()` taken before a call, the events of that call.
pub fn work_token_events_since(index: usize) -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.skip(index)
		.filter_map(|record| match record.event {
			RuntimeEvent::WorkToken(event) => Some(event),
			_ => None,
		})
		.collect()
}
