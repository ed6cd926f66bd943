//! Mock runtime for the pallet's unit tests: `frame_system`, `pallet_balances` and this pallet.

use crate::{self as pallet_work_token, EraIndex, HoldReason};
use frame_support::{
	derive_impl, parameter_types,
	traits::{fungible::InspectHold, ConstU128, ConstU32},
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
}

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
	type WeightInfo = ();
}

/// Builds test externalities with endowed accounts and optional genesis providers.
#[derive(Default)]
pub struct ExtBuilder {
	providers: Vec<(AccountId, Balance, Perbill)>,
}

impl ExtBuilder {
	/// Adds a provider registered at genesis.
	pub fn provider(mut self, who: AccountId, stake: Balance, commission: Perbill) -> Self {
		self.providers.push((who, stake, commission));
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
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| System::set_block_number(1));
		ext
	}

	/// Runs `test`, then checks every storage invariant of the pallet.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			WorkToken::do_try_state().expect("try_state invariants hold after the test");
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

/// Runs blocks until era `era` has started.
pub fn run_to_era(era: EraIndex) {
	run_to_block(u64::from(era) * ERA_LENGTH);
	assert_eq!(crate::CurrentEra::<Test>::get(), era);
}

/// Provider stake of `who` on hold.
pub fn held_stake(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::ProviderStake.into(), &who)
}

/// Free balance of `who`.
pub fn free_balance(who: AccountId) -> Balance {
	Balances::free_balance(who)
}

/// This pallet's events since the last call, oldest first.
pub fn work_token_events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::WorkToken(event) => Some(event),
			_ => None,
		})
		.collect()
}
