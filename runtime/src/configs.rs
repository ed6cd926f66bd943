//! Configuration of each pallet of the runtime.

use crate::governance::{configs::TreasuryAccountOf, CourtArbiter, WorkTokenAdmin};
use crate::*;
use frame_support::traits::EitherOf;
use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::{ConstBool, ConstU128, ConstU32, ConstU64, ConstU8, VariantCountOf},
	weights::{
		constants::{ParityDbWeight, WEIGHT_REF_TIME_PER_SECOND},
		IdentityFee, Weight,
	},
};
use frame_system::{
	limits::{BlockLength, BlockWeights},
	EnsureRoot,
};

/// Root (a root-track referendum, or sudo on the development chain) or a referendum on the
/// `work_token_admin` track.
pub type AdminOrigin = EitherOf<EnsureRoot<AccountId>, WorkTokenAdmin>;
/// Root or a referendum on the `court_arbiter` track.
pub type ArbiterOrigin = EitherOf<EnsureRoot<AccountId>, CourtArbiter>;
use pallet_transaction_payment::{FungibleAdapter, Multiplier, TargetedFeeAdjustment};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_runtime::{Perbill, Perquintill};

/// Share of block weight available to normal transactions.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

parameter_types! {
	pub const BlockHashCount: BlockNumber = 2400;
	pub const Version: RuntimeVersion = VERSION;
	/// Two seconds of compute per block.
	pub RuntimeBlockWeights: BlockWeights = BlockWeights::with_sensible_defaults(
		Weight::from_parts(2u64 * WEIGHT_REF_TIME_PER_SECOND, u64::MAX),
		NORMAL_DISPATCH_RATIO,
	);
	/// 5 MiB blocks; normal transactions may use 75% of that.
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(5 * 1024 * 1024)
		.modify_max_length_for_class(DispatchClass::Normal, |max| {
			*max = NORMAL_DISPATCH_RATIO * *max
		})
		.build();
	/// Generic substrate address format.
	pub const SS58Prefix: u8 = 42;
	/// Most block authors (Aura) and finality voters (GRANDPA) the chain can have.
	pub const MaxAuthorities: u32 = 32;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	/// The node stores state in ParityDB; these are its measured read/write costs.
	type DbWeight = ParityDbWeight;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
}

impl pallet_timestamp::Config for Runtime {
	type Moment = u64;
	/// Aura checks that each block's timestamp lies in the slot its author claimed. The dev
	/// node's manual seal stamps each block with the start of the next slot, so it passes too.
	type OnTimestampSet = Aura;
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = ();
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = MaxAuthorities;
	/// One block per slot: a second block in the same slot is an equivocation.
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = ConstU64<SLOT_DURATION>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = MaxAuthorities;
	/// No nominators: the authority set is fixed in the chain spec.
	type MaxNominators = ConstU32<0>;
	/// No session pallet, so no key-ownership proofs to keep.
	type MaxSetIdSessionEntries = ConstU64<0>;
	/// Equivocation reports need key-ownership proofs from a session pallet; without one they
	/// are not accepted.
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}

impl pallet_balances::Config for Runtime {
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ();
	type ReserveIdentifier = [u8; 8];
	type Balance = Balance;
	type RuntimeEvent = RuntimeEvent;
	type DustRemoval = ();
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type AccountStore = System;
	type WeightInfo = pallet_balances::weights::SubstrateWeight<Runtime>;
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type DoneSlashHandler = ();
}

parameter_types! {
	pub const TargetBlockFullness: Perquintill = Perquintill::from_percent(25);
	pub AdjustmentVariable: Multiplier = Multiplier::from_rational(1, 100_000);
	pub MinimumMultiplier: Multiplier = Multiplier::from_rational(1, 1_000_000_000u128);
	pub MaximumMultiplier: Multiplier = Multiplier::from_u32(100);
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type OnChargeTransaction = FungibleAdapter<Balances, ()>;
	type OperationalFeeMultiplier = ConstU8<5>;
	/// One pico-WORK per unit of ref-time: a transfer costs a fraction of a milli-WORK.
	type WeightToFee = IdentityFee<Balance>;
	type LengthToFee = IdentityFee<Balance>;
	type FeeMultiplierUpdate = TargetedFeeAdjustment<
		Self,
		TargetBlockFullness,
		AdjustmentVariable,
		MinimumMultiplier,
		MaximumMultiplier,
	>;
	type WeightInfo = pallet_transaction_payment::weights::SubstrateWeight<Runtime>;
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}

impl pallet_insecure_randomness_collective_flip::Config for Runtime {}

parameter_types! {
	/// Blocks per era (dev speed).
	pub const EraLength: BlockNumber = ERA_LENGTH;
	/// At most five percentage points more commission per change.
	pub const MaxCommissionIncrease: Perbill = Perbill::from_percent(5);
	/// Inflation steers toward half of the issuance being bonded, between 2% and 10% a
	/// year, moving at most 0.01 percentage points per era.
	pub const TargetStakingRatio: Perbill = Perbill::from_percent(50);
	pub const MinInflation: Perbill = Perbill::from_percent(2);
	pub const MaxInflation: Perbill = Perbill::from_percent(10);
	pub const MaxInflationChange: Perbill = Perbill::from_parts(100_000);
	/// Id of the account that holds all delegated tokens.
	pub const WorkTokenPalletId: frame_support::PalletId = frame_support::PalletId(*b"wrk/tokn");
	/// Id of the market's escrow account, where job fees wait.
	pub const MarketPalletId: frame_support::PalletId = frame_support::PalletId(*b"wrk/mrkt");
	/// Minor 1%, Major 10%, Critical 50% until governance sets others.
	pub const DefaultSlashFractions: pallet_work_token::SlashFractions =
		pallet_work_token::SlashFractions {
			minor: Perbill::from_percent(1),
			major: Perbill::from_percent(10),
			critical: Perbill::from_percent(50),
		};
	/// Each standing strike adds half the base fraction.
	pub const StrikeEscalation: Perbill = Perbill::from_percent(50);
	/// A tenth of each applied slash rewards its reporter.
	pub const SlashRewardFraction: Perbill = Perbill::from_percent(10);
	/// 5% of each paid job fee goes to the treasury.
	pub const ProtocolFee: Perbill = Perbill::from_percent(5);
	/// A new job outcome weighs 10% in a provider's reputation.
	pub const ReputationSmoothing: sp_runtime::Permill = sp_runtime::Permill::from_percent(10);
	/// Below 50% → ×0.5, 50–90% → ×1.0, from 90% → ×1.2.
	pub const DefaultReputationTiers: pallet_work_market::ReputationTiers =
		pallet_work_market::ReputationTiers {
			low_below: sp_runtime::Permill::from_percent(50),
			high_from: sp_runtime::Permill::from_percent(90),
			low: 50,
			mid: 100,
			high: 120,
		};
	/// Every eligible provider is active until governance picks a mode.
	pub const DefaultActiveSetMode: pallet_work_token::ActiveSetMode =
		pallet_work_token::ActiveSetMode::Unbounded;
}

impl pallet_work_token::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type EraLength = EraLength;
	/// Four eras: 40 blocks at dev speed.
	type UnbondingPeriod = ConstU32<4>;
	type MaxUnbondingChunks = ConstU32<16>;
	type MaxProviders = ConstU32<256>;
	/// Ten `WORK`.
	type MinStakeFloor = ConstU128<{ 10 * UNIT }>;
	/// One `WORK`.
	type MinDelegation = ConstU128<UNIT>;
	/// Delegators never cost a loop, so the bound only caps storage per provider.
	type MaxDelegatorsPerProvider = ConstU32<10_000>;
	type MaxDelegationsPerDelegator = ConstU32<16>;
	/// Two eras' notice before a higher commission applies.
	type CommissionChangeDelay = ConstU32<2>;
	type MaxCommissionIncrease = MaxCommissionIncrease;
	/// 10-second eras: 365.25 days of them.
	type ErasPerYear = ConstU32<3_155_760>;
	type TargetStakingRatio = TargetStakingRatio;
	type MinInflation = MinInflation;
	type MaxInflation = MaxInflation;
	type MaxInflationChange = MaxInflationChange;
	type PalletId = WorkTokenPalletId;
	/// Root reports without a bond; anyone else posts one.
	type ReporterOrigin = EnsureRoot<AccountId>;
	type ArbiterOrigin = ArbiterOrigin;
	type AdminOrigin = AdminOrigin;
	/// Ten `WORK` each.
	type ReportBond = ConstU128<{ 10 * UNIT }>;
	type DisputeBond = ConstU128<{ 10 * UNIT }>;
	/// Report window 1 + dispute window 2 = 3 ≤ the 4-era unbonding period (S20).
	type ReportWindow = ConstU32<1>;
	type DisputeWindow = ConstU32<2>;
	/// A dispute still unresolved eight eras after the window times out: the slash applies as
	/// reported and the dispute bond is slashed (a dispute is never cheaper than accepting).
	/// Room for the court's three rounds and its fallback (about 50 blocks).
	type DisputeTimeout = ConstU32<8>;
	type JailEras = ConstU32<2>;
	type DefaultSlashFractions = DefaultSlashFractions;
	type StrikeEscalation = StrikeEscalation;
	/// A strike decays every 10 eras.
	type StrikeDecayEras = ConstU32<10>;
	type MaxStrikes = ConstU32<10>;
	type SlashRewardFraction = SlashRewardFraction;
	/// Slashed stake (after the reporter's share) and losing bonds go to the treasury.
	type OnSlash = pallet_work_token::ToTreasury<Runtime>;
	type TreasuryAccount = TreasuryAccountOf;
	type MaxSlashesPerBlock = ConstU32<8>;
	/// The minimum stake moves between 10 and 1,000 `WORK`.
	type MinStakeCeiling = ConstU128<{ 1_000 * UNIT }>;
	type TargetJobsPerProvider = ConstU32<10>;
	type DefaultActiveSetMode = DefaultActiveSetMode;
	/// Performance multipliers, demand and the collateral open jobs hold come from the market.
	type Market = WorkMarket;
	/// Disputed slashes are decided by the court's jurors (`ArbiterOrigin` can still decide).
	type Disputes = WorkCourt;
	type WeightInfo = pallet_work_token::weights::SubstrateWeight<Runtime>;
}

impl pallet_work_market::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	/// The work token's providers take the jobs.
	type Providers = WorkToken;
	/// Challenged jobs are decided by the court's jurors (`ArbiterOrigin` can still decide).
	type Challenges = WorkCourt;
	/// Insecure (collective coin flip) on the dev chain; a production chain plugs in BABE's
	/// VRF or a beacon here.
	type Randomness = RandomnessCollectiveFlip;
	type ArbiterOrigin = ArbiterOrigin;
	type AdminOrigin = AdminOrigin;
	/// Protocol fees go to the treasury.
	type OnProtocolFee = pallet_work_token::ToTreasury<Runtime>;
	/// Job fees wait in the escrow account `modlwrk/mrkt…`.
	type PalletId = MarketPalletId;
	type MaxOpenJobsPerProvider = ConstU32<16>;
	/// Open job fees of at most a tenth of the self-stake.
	type StakeToFeeRatio = ConstU32<10>;
	/// 20 blocks to deliver, 10 to accept or challenge, and 70 more for the court (three
	/// rounds and its fallback) to decide a challenge before it lapses and the job is paid.
	type JobDeadline = ConstU32<20>;
	type AcceptanceWindow = ConstU32<10>;
	type ChallengeTimeout = ConstU32<70>;
	type ProtocolFee = ProtocolFee;
	type MaxJobsPerBlock = ConstU32<16>;
	type ReputationSmoothing = ReputationSmoothing;
	/// A job of one `WORK` or more counts fully in reputation; cheaper ones in proportion.
	type ReputationFullCreditFee = ConstU128<UNIT>;
	type DefaultReputationTiers = DefaultReputationTiers;
	type WeightInfo = pallet_work_market::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// The court's account, which holds the pots of open cases.
	pub const CourtPalletId: frame_support::PalletId = frame_support::PalletId(*b"wrkcourt");
	/// A juror who does not reveal, or reveals against the final ruling, loses half of what
	/// its seat locks.
	pub const IncoherencePenalty: Perbill = Perbill::from_percent(50);
}

impl pallet_work_court::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	/// Insecure on the dev chain, like the market's draw; a production chain plugs in BABE's
	/// VRF or a beacon here.
	type Randomness = RandomnessCollectiveFlip;
	type Disputes = WorkToken;
	type Challenges = WorkMarket;
	type Relations = WorkToken;
	/// Governance (the `court_arbiter` track, or root) decides cases appealed past the last
	/// round.
	type FallbackOrigin = ArbiterOrigin;
	/// Pots no coherent juror took go to the treasury.
	type OnForfeit = pallet_work_token::ToTreasury<Runtime>;
	type PalletId = CourtPalletId;
	/// Fifty `WORK` to join the jury; a seat locks ten.
	type MinJurorStake = ConstU128<{ 50 * UNIT }>;
	type StakePerSeat = ConstU128<{ 10 * UNIT }>;
	/// Forty blocks (four eras at dev speed) to leave the jury.
	type JurorUnbonding = ConstU32<40>;
	/// The draw tree has 16,384 slots: 14 reads per draw.
	type MaxJurors = ConstU32<16_384>;
	/// Three jurors, then seven, then fifteen.
	type JurorsPerCase = ConstU32<3>;
	type MaxAppealRounds = ConstU32<2>;
	type MaxSeatsPerCase = ConstU32<25>;
	/// Four blocks for each window at dev speed: a round takes 13 blocks.
	type CommitPeriod = ConstU32<4>;
	type RevealPeriod = ConstU32<4>;
	type AppealPeriod = ConstU32<4>;
	type FallbackPeriod = ConstU32<10>;
	type IncoherencePenalty = IncoherencePenalty;
	/// Twenty `WORK` to appeal round 0, forty for round 1, eighty to reach governance.
	type AppealBond = ConstU128<{ 20 * UNIT }>;
	type MaxOpenCases = ConstU32<256>;
	type MaxCasesPerBlock = ConstU32<16>;
	type MaxSettlementsPerBlock = ConstU32<32>;
	type MaxDrawAttempts = ConstU32<4>;
	type WeightInfo = pallet_work_court::weights::SubstrateWeight<Runtime>;
}
