//! Configuration of the governance pallets and the treasury.

use super::{origins, tracks::TracksInfo};
use crate::*;
use frame_support::{
	parameter_types,
	traits::{
		fungible::HoldConsideration,
		tokens::{pay::PayFromAccount, UnityAssetBalanceConversion},
		ConstU32, EitherOf, EqualPrivilegeOnly, LinearStoragePrice,
	},
	weights::Weight,
	PalletId,
};
use frame_system::{EnsureRoot, EnsureRootWithSuccess, EnsureSigned, EnsureWithSuccess};
use sp_runtime::{traits::IdentityLookup, Perbill, Permill};

/// Governance periods, in blocks: seconds on the dev chain. A production chain uses days (see
/// [`super::tracks::PRODUCTION_PERIODS`] and the README): lock period 7 days, undecided
/// timeout 14 days, spend period 6 days, payout window 30 days.
mod periods {
	use crate::BlockNumber;
	/// Blocks per conviction lock period (see [`super::VoteLockingPeriod`]).
	pub const VOTE_LOCKING: BlockNumber = 10;
	/// Blocks an undecided referendum waits for its decision deposit.
	pub const UNDECIDING_TIMEOUT: BlockNumber = 100;
	/// Blocks per treasury spend period.
	pub const SPEND: BlockNumber = 20;
	/// Blocks an approved spend may be paid out in.
	pub const PAYOUT: BlockNumber = 100;
}

parameter_types! {
	/// The scheduler may use 80% of a block's weight for dispatching approved calls.
	pub MaximumSchedulerWeight: Weight =
		Perbill::from_percent(80) * configs::RuntimeBlockWeights::get().max_block;
}

impl pallet_scheduler::Config for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type RuntimeEvent = RuntimeEvent;
	type PalletsOrigin = OriginCaller;
	type RuntimeCall = RuntimeCall;
	type MaximumWeight = MaximumSchedulerWeight;
	/// Only referenda schedule (through their own calls); root may too.
	type ScheduleOrigin = EnsureRoot<AccountId>;
	type MaxScheduledPerBlock = ConstU32<50>;
	type WeightInfo = pallet_scheduler::weights::SubstrateWeight<Runtime>;
	type OriginPrivilegeCmp = EqualPrivilegeOnly;
	type Preimages = Preimage;
	type BlockNumberProvider = System;
}

parameter_types! {
	/// A preimage costs one `WORK` plus a milli-`WORK` per byte, held until it is removed.
	pub const PreimageBaseDeposit: Balance = UNIT;
	pub const PreimageByteDeposit: Balance = MILLI_UNIT;
	pub const PreimageHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Preimage(pallet_preimage::HoldReason::Preimage);
}

impl pallet_preimage::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = pallet_preimage::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type ManagerOrigin = EnsureRoot<AccountId>;
	type Consideration = HoldConsideration<
		AccountId,
		Balances,
		PreimageHoldReason,
		LinearStoragePrice<PreimageBaseDeposit, PreimageByteDeposit, Balance>,
	>;
}

parameter_types! {
	/// A vote at conviction N locks its `WORK` for 2^(N-1) of these after the referendum ends
	/// (1x: one period, 6x: 32). Ten blocks at dev speed; a production chain uses about a week.
	pub const VoteLockingPeriod: BlockNumber = periods::VOTE_LOCKING;
}

impl pallet_conviction_voting::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = pallet_conviction_voting::weights::SubstrateWeight<Runtime>;
	/// Votes lock `WORK` in the voter's account. The lock covers the whole balance, held or
	/// free, so a provider's self-stake (held in its own account) votes too.
	type Currency = Balances;
	type Polls = Referenda;
	/// Support is measured against all `WORK` in existence that is not deactivated.
	type MaxTurnout =
		frame_support::traits::tokens::currency::ActiveIssuanceOf<Balances, AccountId>;
	type MaxVotes = ConstU32<512>;
	type VoteLockingPeriod = VoteLockingPeriod;
	type BlockNumberProvider = System;
	/// Accused providers may not vote on the tracks that decide slashes.
	type VotingHooks = super::voting::NoVoteOnOwnCase;
}

parameter_types! {
	/// Submitting a referendum holds one `WORK`, returned when it ends (unless it is killed).
	pub const SubmissionDeposit: Balance = UNIT;
	/// A referendum nobody places a decision deposit for times out after this long.
	pub const UndecidingTimeout: BlockNumber = periods::UNDECIDING_TIMEOUT;
}

impl pallet_referenda::Config for Runtime {
	type WeightInfo = pallet_referenda::weights::SubstrateWeight<Runtime>;
	type RuntimeCall = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type Scheduler = Scheduler;
	type Currency = Balances;
	/// Any account may submit; the track follows from the proposal's origin.
	type SubmitOrigin = EnsureSigned<AccountId>;
	/// Root or a `referendum_canceller` referendum, so that no referendum can hold a track's
	/// slots with nobody able to remove it (`local_testnet` has no sudo).
	type CancelOrigin = EitherOf<EnsureRoot<AccountId>, origins::ReferendumCanceller>;
	type KillOrigin = EitherOf<EnsureRoot<AccountId>, origins::ReferendumCanceller>;
	/// Deposits of killed referenda go to the treasury.
	type Slash = Treasury;
	type Votes = Balance;
	type Tally = pallet_conviction_voting::TallyOf<Runtime>;
	type SubmissionDeposit = SubmissionDeposit;
	type MaxQueued = ConstU32<100>;
	type UndecidingTimeout = UndecidingTimeout;
	/// Referenda are re-checked every block.
	type AlarmInterval = ConstU32<1>;
	type Tracks = TracksInfo;
	type Preimages = Preimage;
	type BlockNumberProvider = System;
}

impl origins::pallet_custom_origins::Config for Runtime {}

parameter_types! {
	/// The treasury's account (`modlpy/trsry…`): protocol revenue arrives here.
	pub const TreasuryPalletId: PalletId = PalletId(*b"py/trsry");
	pub TreasuryAccount: AccountId = Treasury::account_id();
	/// The same account, as the work token's `TreasuryAccount` wants it.
	pub TreasuryAccountOf: Option<AccountId> = Some(Treasury::account_id());
	/// No part of the treasury is burnt at the end of a spend period.
	pub const TreasuryBurn: Permill = Permill::zero();
	/// The most one `treasurer` referendum may spend: 100,000 `WORK`.
	pub const MaxTreasurerSpend: Balance = 100_000 * UNIT;
	/// Root may spend any amount.
	pub const MaxBalance: Balance = Balance::MAX;
	pub const SpendPeriod: BlockNumber = periods::SPEND;
	pub const PayoutPeriod: BlockNumber = periods::PAYOUT;
}

impl pallet_treasury::Config for Runtime {
	type Currency = Balances;
	type RejectOrigin = EitherOf<EnsureRoot<AccountId>, origins::Treasurer>;
	type RuntimeEvent = RuntimeEvent;
	type SpendPeriod = SpendPeriod;
	type Burn = TreasuryBurn;
	type PalletId = TreasuryPalletId;
	type BurnDestination = ();
	type WeightInfo = pallet_treasury::weights::SubstrateWeight<Runtime>;
	type SpendFunds = ();
	type MaxApprovals = ConstU32<100>;
	type SpendOrigin = EitherOf<
		EnsureRootWithSuccess<AccountId, MaxBalance>,
		EnsureWithSuccess<origins::Treasurer, AccountId, MaxTreasurerSpend>,
	>;
	/// Only `WORK` itself.
	type AssetKind = ();
	type Beneficiary = AccountId;
	type BeneficiaryLookup = IdentityLookup<AccountId>;
	type Paymaster = PayFromAccount<Balances, TreasuryAccount>;
	type BalanceConverter = UnityAssetBalanceConversion;
	type PayoutPeriod = PayoutPeriod;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
	type BlockNumberProvider = System;
}
