//! Mock runtime for the pallet's unit tests: `frame_system`, `pallet_balances` and this pallet.

use crate::{self as pallet_work_token, EraIndex, HoldReason};
use frame_support::{
	derive_impl, parameter_types,
	traits::{fungible::InspectHold, ConstU128},
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
	/// The ceiling of the minimum stake: the floor unless a test raises it, so that the
	/// minimum only moves in the tests about it.
	pub storage MinStakeCeiling: Balance = MIN_STAKE;
	/// Jobs per provider per era the market aims at.
	pub storage TargetJobsPerProvider: u32 = 10;
	/// Where `ToTreasury` pays: nowhere (it burns) unless a test sets an account.
	pub static TreasuryAccountOf: Option<AccountId> = None;
}

std::thread_local! {
	static MULTIPLIERS: core::cell::RefCell<std::collections::BTreeMap<AccountId, u16>> =
		const { core::cell::RefCell::new(std::collections::BTreeMap::new()) };
	static OPEN_WORK: core::cell::RefCell<std::collections::BTreeMap<AccountId, (u32, Balance)>> =
		const { core::cell::RefCell::new(std::collections::BTreeMap::new()) };
	static DEMAND: core::cell::Cell<u32> = const { core::cell::Cell::new(0) };
}

/// A stand-in market: multipliers, demand and open work are whatever a test sets.
pub struct TestMarket;
impl TestMarket {
	/// Sets `who`'s performance multiplier (percent).
	pub fn set_multiplier(who: AccountId, multiplier: u16) {
		MULTIPLIERS.with(|m| m.borrow_mut().insert(who, multiplier));
	}
	/// Gives `who` `jobs` open jobs backed by `collateral` of its self-stake.
	pub fn set_open_work(who: AccountId, jobs: u32, collateral: Balance) {
		OPEN_WORK.with(|w| w.borrow_mut().insert(who, (jobs, collateral)));
	}
	/// Adds `jobs` to the demand of the era.
	pub fn add_demand(jobs: u32) {
		DEMAND.with(|d| d.set(d.get() + jobs));
	}
	fn reset() {
		MULTIPLIERS.with(|m| m.borrow_mut().clear());
		OPEN_WORK.with(|w| w.borrow_mut().clear());
		DEMAND.with(|d| d.set(0));
	}
}
impl work_token_primitives::MarketSignals<AccountId, Balance> for TestMarket {
	fn multiplier(who: &AccountId) -> u16 {
		MULTIPLIERS.with(|m| m.borrow().get(who).copied().unwrap_or(100))
	}
	fn take_demand() -> u32 {
		DEMAND.with(|d| d.replace(0))
	}
	fn collateral_in_use(who: &AccountId) -> Balance {
		OPEN_WORK.with(|w| w.borrow().get(who).map_or(0, |(_, collateral)| *collateral))
	}
	fn open_work(who: &AccountId) -> u32 {
		OPEN_WORK.with(|w| w.borrow().get(who).map_or(0, |(jobs, _)| *jobs))
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
#[derive_impl(pallet_work_token::config_preludes::TestDefaultConfig)]
impl pallet_work_token::Config for Test {
	type Currency = Balances;
	type ReporterOrigin = ReporterOrigin;
	type ArbiterOrigin = frame_system::EnsureRoot<AccountId>;
	type AdminOrigin = frame_system::EnsureRoot<AccountId>;
	// Slashed tokens are burnt (and counted): total issuance falls by exactly that much.
	type OnSlash = crate::testing::RecordBurn<Test>;
	type TreasuryAccount = TreasuryAccountOf;
	type Market = TestMarket;
	type MinStakeCeiling = MinStakeCeiling;
	type TargetJobsPerProvider = TargetJobsPerProvider;
}

pub use crate::testing::{
	burned, check_conservation as check_conservation_of, record_burn, record_mint,
};

/// Conservation in the mock runtime; see [`crate::testing::check_conservation`].
pub fn check_conservation() {
	check_conservation_of::<Test>();
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
		TestMarket::reset();
		EVENTS_SEEN.with(|s| s.set(0));
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| {
			System::set_block_number(1);
			crate::testing::start_conservation::<Test>();
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

/// This pallet's events since `System::reset_events` last cleared them (the mock's blocks keep
/// their events), oldest first.
pub fn work_token_events() -> Vec<crate::Event<Test>> {
	work_token_events_since(0)
}

std::thread_local! {
	static EVENTS_SEEN: core::cell::Cell<usize> = const { core::cell::Cell::new(0) };
}

/// This pallet's events deposited since the previous call (or since the test began), across
/// blocks (the mock's blocks keep their events; only `System::reset_events` clears them, after
/// which everything is new).
pub fn work_token_events_since_last_call() -> Vec<crate::Event<Test>> {
	let all = System::events().len();
	let seen = EVENTS_SEEN.with(|s| s.replace(all));
	work_token_events_since(if seen > all { 0 } else { seen })
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

/// Evidence hash `n`.
pub fn evidence(n: u8) -> sp_core::H256 {
	sp_core::H256::repeat_byte(n)
}

/// Provider 10 (1,000 stake, 10% commission) with delegators 11 (600) and 12 (400), all
/// bonded since genesis.
pub fn provider_with_delegators(test: impl FnOnce()) {
	ExtBuilder::default()
		.provider(10, 1_000, Perbill::from_percent(10))
		.delegation(11, 10, 600)
		.delegation(12, 10, 400)
		.build_and_execute(test);
}

/// The oracle reports `severity` against `provider` for `era` with evidence `n`.
pub fn oracle_reports(provider: AccountId, severity: crate::Severity, era: u32, n: u8) {
	assert_ok!(WorkToken::report_offence(
		RuntimeOrigin::signed(ORACLE),
		provider,
		severity,
		era,
		evidence(n)
	));
}

/// Bonded tokens in `provider`'s pool.
pub fn pool_tokens(provider: AccountId) -> Balance {
	crate::Pools::<Test>::get(provider).map(|p| p.tokens).unwrap_or_default()
}

/// What a position's shares are worth (including shares of converted cohorts it has not
/// collected yet).
pub fn value_of(delegator: AccountId, provider: AccountId) -> Balance {
	WorkToken::delegation_summary(&delegator, &provider).map_or(0, |d| d.value)
}

/// `provider`'s bonded self-stake.
pub fn active(provider: AccountId) -> Balance {
	crate::Ledgers::<Test>::get(provider).map(|l| l.active).unwrap_or_default()
}

/// Asserts that total issuance moved from `before` only by `minted` emission and what
/// `OnSlash` burnt.
pub fn assert_conserved(before: Balance, minted: Balance) {
	assert_eq!(issuance(), before + minted - burned(), "issuance moved by something else");
}
