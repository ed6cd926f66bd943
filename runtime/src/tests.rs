//! Tests of the runtime's wiring: governance tracks, voting with staked `WORK`, a referendum
//! that changes the slash fractions, and protocol revenue arriving in the treasury.

use crate::{
	governance::tracks, AccountId, AllPalletsWithSystem, Balance, Balances, BlockNumber,
	ConvictionVoting, OriginCaller, Referenda, Runtime, RuntimeCall, RuntimeOrigin, System,
	Treasury, WorkToken, UNIT,
};
use frame_support::{
	assert_noop, assert_ok,
	traits::{
		fungible::{Inspect, InspectHold},
		schedule::DispatchTime,
		Bounded, OnInitialize, StorePreimage,
	},
};
use pallet_conviction_voting::{AccountVote, Conviction, Vote};
use pallet_work_token::{Severity, SlashFractions};
use sp_runtime::{BuildStorage, Perbill};

const PROVIDER: AccountId = AccountId::new([1; 32]);
const DELEGATOR: AccountId = AccountId::new([2; 32]);
const PROPOSER: AccountId = AccountId::new([3; 32]);
/// The provider's self-stake; it holds as much again free.
const STAKE: Balance = 5_000 * UNIT;

/// A chain with one provider (10,000 `WORK`, half of it staked), a delegator and a proposer.
fn new_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Runtime>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Runtime> {
		balances: vec![
			(PROVIDER, 2 * STAKE),
			(DELEGATOR, 10_000 * UNIT),
			(PROPOSER, 10_000 * UNIT),
		],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_treasury::GenesisConfig::<Runtime>::default().assimilate_storage(&mut storage).unwrap();
	pallet_work_market::GenesisConfig::<Runtime>::default()
		.assimilate_storage(&mut storage)
		.unwrap();
	pallet_work_token::GenesisConfig::<Runtime> {
		providers: vec![(PROVIDER, STAKE, Perbill::zero())],
		delegations: vec![(DELEGATOR, PROVIDER, 5_000 * UNIT)],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs the `on_initialize` hooks of every pallet, block by block, up to block `n`.
fn run_to_block(n: BlockNumber) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		AllPalletsWithSystem::on_initialize(next);
	}
}

/// Submits a referendum proposing `call` on the track of `origin` and places its decision
/// deposit. Returns its index.
fn propose(call: RuntimeCall, origin: OriginCaller) -> u32 {
	let index = pallet_referenda::ReferendumCount::<Runtime>::get();
	let bounded: Bounded<RuntimeCall, sp_runtime::traits::BlakeTwo256> =
		<crate::Preimage as StorePreimage>::bound(call).unwrap();
	assert_ok!(Referenda::submit(
		RuntimeOrigin::signed(PROPOSER),
		Box::new(origin),
		bounded,
		DispatchTime::After(1),
	));
	assert_ok!(Referenda::place_decision_deposit(RuntimeOrigin::signed(PROPOSER), index));
	index
}

fn aye(balance: Balance) -> AccountVote<Balance> {
	AccountVote::Standard { vote: Vote { aye: true, conviction: Conviction::Locked1x }, balance }
}

#[test]
fn both_track_tables_are_valid() {
	use pallet_referenda::TracksInfo as _;
	assert_ok!(tracks::TracksInfo::check_integrity());
	assert_eq!(tracks::TracksInfo::tracks().count(), tracks::DEV_PERIODS.len());
	for (dev, production) in tracks::DEV_PERIODS.iter().zip(tracks::PRODUCTION_PERIODS.iter()) {
		assert!(dev.decision > dev.confirm && dev.confirm > 0);
		assert!(production.decision > production.confirm && production.confirm > 0);
		assert!(production.fastest() > dev.fastest());
	}
}

/// Blocks a referendum needs besides its track's periods: note the preimage and submit, place
/// the decision deposit, vote.
const TRANSACTION_BLOCKS: BlockNumber = 3;

#[test]
fn the_tracks_that_serve_deadlines_can_meet_them() {
	use frame_support::traits::Get;
	let era: BlockNumber = <Runtime as pallet_work_token::Config>::EraLength::get();
	let admin = tracks::DEV_PERIODS[1].fastest() + TRANSACTION_BLOCKS;
	let arbiter = tracks::DEV_PERIODS[2].fastest() + TRANSACTION_BLOCKS;
	// `cancel_slash` before the dispute window ends.
	let dispute_window: u32 = <Runtime as pallet_work_token::Config>::DisputeWindow::get();
	assert!(admin <= dispute_window * era, "{admin} > {}", dispute_window * era);
	// The court's fallback decides within its period; the pallets' arbiters before the
	// challenge lapses and the dispute times out.
	let fallback: u32 = <Runtime as pallet_work_court::Config>::FallbackPeriod::get();
	assert!(arbiter <= fallback, "{arbiter} > {fallback}");
	let challenge: u32 = <Runtime as pallet_work_market::Config>::ChallengeTimeout::get();
	assert!(arbiter <= challenge);
	let timeout: u32 = <Runtime as pallet_work_token::Config>::DisputeTimeout::get();
	assert!(arbiter <= timeout * era);
}

#[test]
fn each_track_origin_reaches_only_its_own_calls() {
	use crate::governance::origins::Origin;
	use frame_support::traits::EnsureOrigin;
	type Admin = crate::configs::AdminOrigin;
	type Arbiter = crate::configs::ArbiterOrigin;
	type Spend = <Runtime as pallet_treasury::Config>::SpendOrigin;
	let origin = |o: Origin| RuntimeOrigin::from(OriginCaller::Origins(o));
	new_ext().execute_with(|| {
		assert!(Admin::try_origin(origin(Origin::WorkTokenAdmin)).is_ok());
		assert!(Arbiter::try_origin(origin(Origin::WorkTokenAdmin)).is_err());
		assert!(Spend::try_origin(origin(Origin::WorkTokenAdmin)).is_err());
		assert!(Arbiter::try_origin(origin(Origin::CourtArbiter)).is_ok());
		assert!(Admin::try_origin(origin(Origin::CourtArbiter)).is_err());
		assert!(Admin::try_origin(origin(Origin::Treasurer)).is_err());
		assert_eq!(
			Spend::try_origin(origin(Origin::Treasurer)).ok(),
			Some(crate::governance::configs::MaxTreasurerSpend::get())
		);
		assert!(Admin::try_origin(RuntimeOrigin::signed(PROPOSER)).is_err());
		assert!(Arbiter::try_origin(RuntimeOrigin::signed(PROPOSER)).is_err());
		// A treasurer referendum cannot spend more than its cap.
		assert_noop!(
			Treasury::spend(
				origin(Origin::Treasurer),
				Box::new(()),
				crate::governance::configs::MaxTreasurerSpend::get() + 1,
				Box::new(PROPOSER),
				None,
			),
			pallet_treasury::Error::<Runtime>::InsufficientPermission
		);
	});
}

#[test]
fn an_accused_provider_may_not_vote_on_the_tracks_that_decide_slashes() {
	new_ext().execute_with(|| {
		let admin = propose(
			RuntimeCall::System(frame_system::Call::remark { remark: vec![] }),
			OriginCaller::Origins(crate::governance::origins::Origin::WorkTokenAdmin),
		);
		let treasurer = propose(
			RuntimeCall::System(frame_system::Call::remark { remark: vec![1] }),
			OriginCaller::Origins(crate::governance::origins::Origin::Treasurer),
		);
		assert_ok!(WorkToken::report_offence(
			RuntimeOrigin::root(),
			PROVIDER,
			Severity::Minor,
			0,
			sp_core::H256::repeat_byte(2),
		));
		assert_noop!(
			ConvictionVoting::vote(RuntimeOrigin::signed(PROVIDER), admin, aye(STAKE)),
			crate::governance::pallet_custom_origins::Error::<Runtime>::AccusedMayNotVote
		);
		// Other tracks, and other voters, are not affected.
		assert_ok!(ConvictionVoting::vote(RuntimeOrigin::signed(PROVIDER), treasurer, aye(STAKE)));
		assert_ok!(ConvictionVoting::vote(RuntimeOrigin::signed(DELEGATOR), admin, aye(UNIT)));
	});
}

#[test]
fn a_canceller_referendum_frees_the_only_root_slot() {
	new_ext().execute_with(|| {
		let spam =
			propose(RuntimeCall::System(frame_system::Call::remark { remark: vec![] }), root());
		run_to_block(5);
		assert!(matches!(
			pallet_referenda::ReferendumInfoFor::<Runtime>::get(spam),
			Some(pallet_referenda::ReferendumInfo::Ongoing(ref s)) if s.deciding.is_some()
		));
		let cancel = propose(
			RuntimeCall::Referenda(pallet_referenda::Call::cancel { index: spam }),
			OriginCaller::Origins(crate::governance::origins::Origin::ReferendumCanceller),
		);
		assert_ok!(ConvictionVoting::vote(
			RuntimeOrigin::signed(PROVIDER),
			cancel,
			aye(2 * STAKE - UNIT)
		));
		run_to_block(20);
		assert!(matches!(
			pallet_referenda::ReferendumInfoFor::<Runtime>::get(spam),
			Some(pallet_referenda::ReferendumInfo::Cancelled(..))
		));
	});
}

fn root() -> OriginCaller {
	OriginCaller::system(frame_system::RawOrigin::Root)
}

#[test]
fn a_provider_votes_with_its_held_stake_but_not_more() {
	new_ext().execute_with(|| {
		let fractions = SlashFractions {
			minor: Perbill::from_percent(2),
			major: Perbill::from_percent(20),
			critical: Perbill::from_percent(60),
		};
		let call = RuntimeCall::WorkToken(pallet_work_token::Call::set_slash_fractions {
			fractions: fractions.clone(),
		});
		let index = propose(
			call,
			OriginCaller::Origins(crate::governance::origins::Origin::WorkTokenAdmin),
		);
		assert_eq!(Balances::total_balance_on_hold(&PROVIDER), STAKE);
		// More than the free balance: the held stake votes too.
		assert_noop!(
			ConvictionVoting::vote(RuntimeOrigin::signed(PROVIDER), index, aye(2 * STAKE + 1)),
			pallet_conviction_voting::Error::<Runtime>::InsufficientFunds
		);
		assert_ok!(ConvictionVoting::vote(RuntimeOrigin::signed(PROVIDER), index, aye(2 * STAKE)));
		// Delegated `WORK` sits in the work token's delegation account, not the delegator's:
		// the delegator votes only what it still holds.
		assert_eq!(Balances::total_balance(&DELEGATOR), 5_000 * UNIT);
		assert_noop!(
			ConvictionVoting::vote(RuntimeOrigin::signed(DELEGATOR), index, aye(5_001 * UNIT)),
			pallet_conviction_voting::Error::<Runtime>::InsufficientFunds
		);
		// Prepare, decide, confirm, enact: the dev tracks take a few blocks each.
		run_to_block(30);
		assert_eq!(pallet_work_token::SlashFractionsOf::<Runtime>::get(), fractions);
	});
}

#[test]
fn a_slash_remainder_goes_to_the_treasury_and_issuance_is_kept() {
	new_ext().execute_with(|| {
		let treasury = Treasury::account_id();
		let start = Balances::balance(&treasury);
		// Root reports (no bond, no reporter reward): all of the slash is revenue.
		assert_ok!(WorkToken::report_offence(
			RuntimeOrigin::root(),
			PROVIDER,
			Severity::Minor,
			0,
			sp_core::H256::repeat_byte(1),
		));
		let issuance = Balances::total_issuance();
		let minted = pallet_work_token::TotalMinted::<Runtime>::get();
		// The dispute window (two eras) ends at block 20: era 2.
		run_to_block(25);
		let slashed = Balances::balance(&treasury) - start;
		let applied = System::events()
			.into_iter()
			.find_map(|record| match record.event {
				crate::RuntimeEvent::WorkToken(pallet_work_token::Event::SlashApplied {
					own,
					pool,
					..
				}) => Some(own + pool),
				_ => None,
			})
			.expect("the slash was applied");
		// Minor takes 1% of the own stake (the pool is spared); all of it arrived, to the unit.
		assert_eq!(applied, STAKE / 100);
		assert_eq!(slashed, applied);
		// Applied in the era the dispute window ended, and counted there.
		assert_eq!(WorkToken::treasury_income().0, applied);
		let minted_since = pallet_work_token::TotalMinted::<Runtime>::get() - minted;
		assert_eq!(Balances::total_issuance(), issuance + minted_since);
		assert_eq!(WorkToken::era_summary().treasury_balance, start + slashed);
	});
}
