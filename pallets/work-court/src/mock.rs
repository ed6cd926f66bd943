//! Mock runtime for the court's tests: `frame_system`, `pallet_balances`, the work token and
//! the market, both decided by the court, wired as a chain builder would.

use crate::{self as pallet_work_court, CaseId, Phase, Ruling, Subject};
use frame_support::{
	assert_ok, derive_impl, parameter_types,
	traits::{fungible::InspectHold, ConstU128, ConstU32, ConstU64},
};
pub use pallet_work_token::testing::burned;
use pallet_work_token::testing::RecordBurn;
use sp_runtime::BuildStorage;
pub use work_token_primitives::Severity;

pub use frame_support::assert_noop;
pub use sp_runtime::Perbill;

/// Account id of the mock runtime.
pub type AccountId = u64;
/// Balance of the mock runtime.
pub type Balance = u128;
type Block = frame_system::mocking::MockBlock<Test>;

/// Free balance of each endowed account (1..=40) at genesis.
pub const ENDOWMENT: Balance = 10_000;
/// Blocks per era (the work token's test default).
pub const ERA_LENGTH: u64 = 10;
/// The work token's report and dispute bonds (its test defaults).
pub const REPORT_BOND: Balance = 50;
/// The work token's dispute bond.
pub const DISPUTE_BOND: Balance = 100;
/// Stake a seat locks.
pub const STAKE_PER_SEAT: Balance = 10;
/// Stake of each genesis juror.
pub const JUROR_STAKE: Balance = 100;
/// Blocks of each window: commit, reveal, appeal.
pub const WINDOW: u64 = 3;
/// The appeal bond of round 0.
pub const APPEAL_BOND: Balance = 40;
/// The genesis jurors.
pub const JURORS: [AccountId; 16] =
	[20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35];
/// The provider of the standard scene.
pub const PROVIDER: AccountId = 10;
/// A delegator of `PROVIDER`.
pub const DELEGATOR: AccountId = 12;
/// A signed reporter.
pub const REPORTER: AccountId = 13;
/// A client.
pub const CLIENT: AccountId = 14;
/// The fallback origin's account.
pub const GOVERNANCE: AccountId = 1;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		WorkToken: pallet_work_token,
		WorkMarket: pallet_work_market,
		WorkCourt: pallet_work_court,
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
	type ExistentialDeposit = ConstU128<1>;
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

parameter_types! {
	/// Jobs per provider per era the work token aims at.
	pub storage TargetJobsPerProvider: u32 = 10;
}

frame_support::ord_parameter_types! {
	/// Governance, the court's fallback.
	pub const Governance: AccountId = GOVERNANCE;
}

#[derive_impl(pallet_work_token::config_preludes::TestDefaultConfig)]
impl pallet_work_token::Config for Test {
	type Currency = Balances;
	type ReporterOrigin = frame_system::EnsureRoot<AccountId>;
	type ArbiterOrigin = frame_system::EnsureRoot<AccountId>;
	type AdminOrigin = frame_system::EnsureRoot<AccountId>;
	type OnSlash = RecordBurn<Test>;
	type TargetJobsPerProvider = TargetJobsPerProvider;
	// Room for three rounds and the fallback before an undecided dispute times out.
	type DisputeTimeout = ConstU32<6>;
	type Market = WorkMarket;
	type Disputes = WorkCourt;
}

#[derive_impl(pallet_work_market::config_preludes::TestDefaultConfig)]
impl pallet_work_market::Config for Test {
	type Currency = Balances;
	type Providers = WorkToken;
	type Randomness = pallet_work_token::testing::TestRandomness<Test>;
	type ArbiterOrigin = frame_system::EnsureRoot<AccountId>;
	type AdminOrigin = frame_system::EnsureRoot<AccountId>;
	type OnProtocolFee = RecordBurn<Test>;
	// Room for three rounds and the fallback before a challenge lapses.
	type ChallengeTimeout = ConstU64<60>;
	type Challenges = WorkCourt;
}

#[docify::export(config_example)]
#[derive_impl(pallet_work_court::config_preludes::TestDefaultConfig)]
impl pallet_work_court::Config for Test {
	type Currency = Balances;
	type Randomness = pallet_work_token::testing::TestRandomness<Test>;
	type Disputes = WorkToken;
	type Challenges = WorkMarket;
	type Relations = WorkToken;
	type FallbackOrigin = frame_system::EnsureSignedBy<Governance, AccountId>;
	// Pots nobody voted for are burnt (and counted).
	type OnForfeit = RecordBurn<Test>;
}

/// Builds test externalities: accounts 1..=40 endowed, provider 10 (1,000 stake) with
/// delegator 12 (500), and the genesis jurors.
pub struct ExtBuilder {
	jurors: Vec<(AccountId, Balance)>,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self { jurors: JURORS.iter().map(|j| (*j, JUROR_STAKE)).collect() }
	}
}

impl ExtBuilder {
	/// No jurors at genesis.
	pub fn no_jurors(mut self) -> Self {
		self.jurors.clear();
		self
	}

	/// Sets the stake of genesis juror `who` (adding it if new).
	pub fn juror(mut self, who: AccountId, stake: Balance) -> Self {
		self.jurors.retain(|(j, _)| *j != who);
		self.jurors.push((who, stake));
		self
	}

	/// The externalities, at block 1 of era 0.
	pub fn build(self) -> sp_io::TestExternalities {
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		let balances: Vec<(AccountId, Balance)> = (1..=40).map(|who| (who, ENDOWMENT)).collect();
		pallet_balances::GenesisConfig::<Test> { balances, ..Default::default() }
			.assimilate_storage(&mut storage)
			.unwrap();
		pallet_work_token::GenesisConfig::<Test> {
			min_provider_stake: None,
			providers: vec![(PROVIDER, 1_000, Perbill::from_percent(10))],
			delegations: vec![(DELEGATOR, PROVIDER, 500)],
			active_set_mode: None,
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		pallet_work_market::GenesisConfig::<Test>::default()
			.assimilate_storage(&mut storage)
			.unwrap();
		pallet_work_court::GenesisConfig::<Test> { jurors: self.jurors }
			.assimilate_storage(&mut storage)
			.unwrap();
		pallet_work_token::testing::set_random_seed(0);
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| {
			System::set_block_number(1);
			pallet_work_token::testing::start_conservation::<Test>();
		});
		ext
	}

	/// Runs `test`, then checks the three pallets' invariants and conservation.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			WorkCourt::do_try_state().expect("court invariants hold after the test");
			WorkMarket::do_try_state().expect("market invariants hold after the test");
			WorkToken::do_try_state().expect("work-token invariants hold after the test");
			pallet_work_token::testing::check_conservation::<Test>();
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

/// Runs the next block.
pub fn next_block() {
	run_to_block(System::block_number() + 1);
}

/// Free balance of `who`.
pub fn free(who: AccountId) -> Balance {
	Balances::free_balance(who)
}

/// Juror stake of `who` on hold.
pub fn juror_held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&crate::HoldReason::JurorStake.into(), &who)
}

/// Appeal bonds of `who` on hold.
pub fn appeal_held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&crate::HoldReason::AppealBond.into(), &who)
}

/// The work token's dispute bond of `who` on hold.
pub fn dispute_bond_held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&pallet_work_token::HoldReason::DisputeBond.into(), &who)
}

/// The work token's report bond of `who` on hold.
pub fn report_bond_held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&pallet_work_token::HoldReason::ReportBond.into(), &who)
}

/// Evidence hash `n`.
pub fn evidence(n: u8) -> sp_core::H256 {
	sp_core::H256::repeat_byte(n)
}

/// `REPORTER` reports a Critical offence of `PROVIDER` in era 0 with a bond, and the
/// provider disputes it: returns the slash id. The court opens a case at once.
pub fn disputed_slash() -> work_token_primitives::SlashId {
	let id = pallet_work_token::SlashQueueState::<Test>::get().next_id;
	assert_ok!(WorkToken::report_offence(
		RuntimeOrigin::signed(REPORTER),
		PROVIDER,
		Severity::Critical,
		0,
		evidence(1)
	));
	assert_ok!(WorkToken::dispute_slash(RuntimeOrigin::signed(PROVIDER), id));
	id
}

/// The case of `subject` and its record.
pub fn case_of(subject: Subject) -> (CaseId, crate::Case<Test>) {
	WorkCourt::case_of(subject).expect("the subject has a case")
}

/// The jurors seated in round `round` of case `id`, in drawing order.
pub fn jurors_of(id: CaseId, round: u8) -> Vec<AccountId> {
	let mut seats: Vec<(u32, crate::Seat<Test>)> = crate::Seats::<Test>::iter_prefix(id).collect();
	seats.sort_by_key(|(index, _)| *index);
	seats.into_iter().filter(|(_, s)| s.round == round).map(|(_, s)| s.juror).collect()
}

/// The salt juror `who` uses in the tests.
pub fn salt(who: AccountId) -> [u8; 32] {
	[who as u8; 32]
}

/// Runs blocks until case `id` is in a phase `matches` accepts (at most 100 blocks).
pub fn run_until_phase(id: CaseId, matches: impl Fn(&Phase<u64>) -> bool) {
	for _ in 0..100 {
		if crate::Cases::<Test>::get(id).is_some_and(|case| matches(&case.phase)) {
			return;
		}
		next_block();
	}
	panic!("case {id} never reached the phase");
}

/// Runs until case `id` has drawn its round and `votes` commit then reveal their rulings
/// (jurors not listed stay silent); returns with the case in its appeal window.
pub fn vote_round(id: CaseId, votes: &[(AccountId, Ruling)]) {
	run_until_phase(id, |p| matches!(p, Phase::Commit { .. }));
	for (juror, ruling) in votes {
		let commitment = WorkCourt::commitment(juror, id, *ruling, salt(*juror));
		assert_ok!(WorkCourt::commit_vote(RuntimeOrigin::signed(*juror), id, commitment));
	}
	run_until_phase(id, |p| matches!(p, Phase::Reveal { .. }));
	for (juror, ruling) in votes {
		assert_ok!(WorkCourt::reveal_vote(
			RuntimeOrigin::signed(*juror),
			id,
			*ruling,
			salt(*juror)
		));
	}
	run_until_phase(id, |p| matches!(p, Phase::Appeal { .. }));
}

/// Runs until case `id` is settled and gone (at most 100 blocks).
pub fn run_until_settled(id: CaseId) {
	for _ in 0..100 {
		if !crate::Cases::<Test>::contains_key(id) {
			return;
		}
		next_block();
	}
	panic!("case {id} was never settled");
}

/// Everything the court paid jurors since the start of the test.
pub fn rewards_paid() -> Balance {
	court_events()
		.iter()
		.filter_map(|e| match e {
			crate::Event::JurorRewarded { amount, .. } => Some(*amount),
			_ => None,
		})
		.sum()
}

/// The court's events since the start of the test, oldest first.
pub fn court_events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::WorkCourt(event) => Some(event),
			_ => None,
		})
		.collect()
}
