//! Mock runtime for the market's tests: `frame_system`, `pallet_balances`, the work token (the
//! market's providers) and the market, wired to each other as a chain builder would.

use crate::{self as pallet_work_market, JobId};
use frame_support::{derive_impl, parameter_types, traits::ConstU128};
use sp_runtime::BuildStorage;
pub use work_token_primitives::EraIndex;

pub use frame_support::{assert_noop, assert_ok};
pub use sp_runtime::{Perbill, Permill};

/// Account id of the mock runtime.
pub type AccountId = u64;
/// Balance of the mock runtime.
pub type Balance = u128;
type Block = frame_system::mocking::MockBlock<Test>;

/// Blocks per era (the work token's test default).
pub const ERA_LENGTH: u64 = 10;
/// Minimum stake (the work token's test default).
pub const MIN_STAKE: Balance = 100;
/// Eras a slash stays pending (the work token's test default).
pub const DISPUTE_WINDOW: EraIndex = 2;
/// Eras unbonded tokens wait before they can be withdrawn (the work token's test default).
pub const UNBONDING_PERIOD: EraIndex = 3;
/// Most registered providers (the work token's test default).
pub const MAX_PROVIDERS: u32 = 8;
/// Existential deposit.
pub const ED: Balance = 1;
/// Free balance of each endowed account (10..=19) at genesis.
pub const ENDOWMENT: Balance = 10_000;
/// Blocks to deliver a result.
pub const JOB_DEADLINE: u64 = 5;
/// Blocks to accept or challenge a result.
pub const ACCEPTANCE_WINDOW: u64 = 3;
/// Blocks after the acceptance window to resolve a challenge.
pub const CHALLENGE_TIMEOUT: u64 = 10;
/// The fee at which a job counts fully in reputation.
pub const FULL_CREDIT_FEE: Balance = 10;
/// Most open jobs per provider.
pub const MAX_OPEN_JOBS: u32 = 3;
/// Self-stake to open fees.
pub const STAKE_TO_FEE: u32 = 10;
/// Jobs submitted per block, and looked at per cursor per block.
pub const MAX_JOBS_PER_BLOCK: u32 = 4;
/// The trusted reporter of the work token.
pub const ORACLE: AccountId = 19;
/// An account endowed with only `POOR_BALANCE` at genesis.
pub const POOR: AccountId = 1;
/// Free balance of `POOR` at genesis.
pub const POOR_BALANCE: Balance = 50;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		WorkToken: pallet_work_token,
		WorkMarket: pallet_work_market,
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
	/// The ceiling of the minimum stake: the floor (the work token's test default) unless a
	/// test raises it, so that the minimum only moves in the tests about it.
	pub storage MinStakeCeiling: Balance = MIN_STAKE;
	/// Jobs per provider per era the work token aims at.
	pub storage TargetJobsPerProvider: u32 = 10;
	/// The treasury: slashes, losing bonds and protocol fees go there, as in the dev runtime.
	pub const TreasuryAccountOf: Option<AccountId> = Some(TREASURY);
}

/// The treasury's account in the mock.
pub const TREASURY: AccountId = 9_999;

frame_support::ord_parameter_types! {
	/// The oracle account allowed to report without a bond.
	pub const Oracle: AccountId = ORACLE;
}

#[derive_impl(pallet_work_token::config_preludes::TestDefaultConfig)]
impl pallet_work_token::Config for Test {
	type Currency = Balances;
	type ReporterOrigin = frame_support::traits::EitherOfDiverse<
		frame_system::EnsureRoot<AccountId>,
		frame_system::EnsureSignedBy<Oracle, AccountId>,
	>;
	type ArbiterOrigin = frame_system::EnsureRoot<AccountId>;
	type AdminOrigin = frame_system::EnsureRoot<AccountId>;
	// Slashed stake and losing bonds go to the treasury: issuance does not move.
	type OnSlash = pallet_work_token::ToTreasury<Test>;
	type TreasuryAccount = TreasuryAccountOf;
	type MinStakeCeiling = MinStakeCeiling;
	type TargetJobsPerProvider = TargetJobsPerProvider;
	type Market = WorkMarket;
}

#[docify::export(config_example)]
#[derive_impl(pallet_work_market::config_preludes::TestDefaultConfig)]
impl pallet_work_market::Config for Test {
	type Currency = Balances;
	type Providers = WorkToken;
	type Randomness = TestRandomness;
	type ArbiterOrigin = frame_system::EnsureRoot<AccountId>;
	type AdminOrigin = frame_system::EnsureRoot<AccountId>;
	// Protocol fees go to the treasury, like slashes.
	type OnProtocolFee = pallet_work_token::ToTreasury<Test>;
}

pub use pallet_work_token::testing::{set_random_seed, set_randomness_per_block};

/// The seeded randomness of the test kit (see [`pallet_work_token::testing::TestRandomness`]).
pub type TestRandomness = pallet_work_token::testing::TestRandomness<Test>;

/// Conservation in the mock runtime; see [`pallet_work_token::testing::check_conservation`].
pub fn check_conservation() {
	pallet_work_token::testing::check_conservation::<Test>();
}

/// Builds test externalities with endowed accounts (10..=19, and `POOR`) and genesis
/// providers.
#[derive(Default)]
pub struct ExtBuilder {
	providers: Vec<(AccountId, Balance, Perbill)>,
	delegations: Vec<(AccountId, AccountId, Balance)>,
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
			active_set_mode: None,
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		crate::GenesisConfig::<Test>::default().assimilate_storage(&mut storage).unwrap();
		check_constants();
		set_random_seed(0);
		set_randomness_per_block(false);
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| {
			System::set_block_number(1);
			pallet_work_token::testing::start_conservation::<Test>();
		});
		ext
	}

	/// Runs `test`, then checks both pallets' storage invariants and conservation.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			WorkMarket::do_try_state().expect("market invariants hold after the test");
			WorkToken::do_try_state().expect("work-token invariants hold after the test");
			check_conservation();
		});
	}
}

/// Asserts that the constants above are the configuration's (the preludes' test defaults), so
/// that the tests' arithmetic follows the runtime they run in.
fn check_constants() {
	use frame_support::traits::Get;
	use pallet_work_market::Config as Market;
	use pallet_work_token::Config as Token;
	fn same<V: PartialEq + core::fmt::Debug>(configured: V, constant: V) {
		assert_eq!(configured, constant, "a mock constant differs from the configuration");
	}
	same(<Test as Token>::EraLength::get(), ERA_LENGTH);
	same(<Test as Token>::MinStakeFloor::get(), MIN_STAKE);
	same(<Test as Token>::DisputeWindow::get(), DISPUTE_WINDOW);
	same(<Test as Token>::UnbondingPeriod::get(), UNBONDING_PERIOD);
	same(<Test as Token>::MaxProviders::get(), MAX_PROVIDERS);
	same(<Test as pallet_balances::Config>::ExistentialDeposit::get(), ED);
	same(<Test as Market>::JobDeadline::get(), JOB_DEADLINE);
	same(<Test as Market>::AcceptanceWindow::get(), ACCEPTANCE_WINDOW);
	same(<Test as Market>::ChallengeTimeout::get(), CHALLENGE_TIMEOUT);
	same(<Test as Market>::ReputationFullCreditFee::get(), FULL_CREDIT_FEE);
	same(<Test as Market>::MaxOpenJobsPerProvider::get(), MAX_OPEN_JOBS);
	same(<Test as Market>::StakeToFeeRatio::get(), STAKE_TO_FEE);
	same(<Test as Market>::MaxJobsPerBlock::get(), MAX_JOBS_PER_BLOCK);
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
	assert_eq!(pallet_work_token::CurrentEra::<Test>::get(), era);
}

/// Free balance of `who`.
pub fn free_balance(who: AccountId) -> Balance {
	Balances::free_balance(who)
}

/// Job fees of client `who` waiting in the escrow (queued and open jobs).
pub fn held_fees(who: AccountId) -> Balance {
	let queued = crate::JobRequests::<Test>::get().into_iter().filter(|r| r.client == who);
	let open = crate::Jobs::<Test>::iter_values().filter(|j| j.client == who);
	queued.map(|r| r.fee).sum::<Balance>() + open.map(|j| j.fee).sum::<Balance>()
}

/// Evidence, specification or result hash `n`.
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

/// Provider 10 (2,000 stake, 10% commission) alone in the active set; clients 13 and up.
pub fn one_provider(test: impl FnOnce()) {
	ExtBuilder::default().provider(10, 2_000, Perbill::from_percent(10)).build_and_execute(test);
}

/// The oracle reports `severity` against `provider` for `era` with evidence `n`.
pub fn oracle_reports(
	provider: AccountId,
	severity: work_token_primitives::Severity,
	era: EraIndex,
	n: u8,
) {
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
	pallet_work_token::Pools::<Test>::get(provider).map(|p| p.tokens).unwrap_or_default()
}

/// What a position's shares are worth.
pub fn value_of(delegator: AccountId, provider: AccountId) -> Balance {
	WorkToken::delegation_summary(&delegator, &provider).map_or(0, |d| d.value)
}

/// Submits a job of `fee` by `client`; returns its id. It is assigned in the next block.
pub fn submit(client: AccountId, fee: Balance) -> JobId {
	let id = crate::JobQueueState::<Test>::get().next_id;
	assert_ok!(WorkMarket::submit_job(RuntimeOrigin::signed(client), evidence(7), fee));
	id
}

/// Submits a job and runs the next block, which assigns it; returns its id.
pub fn assigned(client: AccountId, fee: Balance) -> JobId {
	let id = submit(client, fee);
	next_block();
	assert!(crate::Jobs::<Test>::contains_key(id), "job {id} was assigned");
	id
}

/// The market's events of the current block, oldest first.
pub fn market_events() -> Vec<crate::Event<Test>> {
	market_events_since(0)
}

/// The work token's events of the current block, oldest first.
pub fn token_events() -> Vec<pallet_work_token::Event<Test>> {
	token_events_since(0)
}

/// The events of every pallet of the current block from the `index`-th event on.
pub fn events_since(index: usize) -> Vec<RuntimeEvent> {
	System::events().into_iter().skip(index).map(|record| record.event).collect()
}

/// The market's events of the current block from the `index`-th event (of any pallet) on:
/// with `index = System::events().len()` taken before a call, the events of that call.
pub fn market_events_since(index: usize) -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.skip(index)
		.filter_map(|record| match record.event {
			RuntimeEvent::WorkMarket(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// The work token's events of the current block from the `index`-th event (of any pallet) on.
pub fn token_events_since(index: usize) -> Vec<pallet_work_token::Event<Test>> {
	System::events()
		.into_iter()
		.skip(index)
		.filter_map(|record| match record.event {
			RuntimeEvent::WorkToken(event) => Some(event),
			_ => None,
		})
		.collect()
}
