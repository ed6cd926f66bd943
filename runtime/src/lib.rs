//! # Work-token dev runtime
//!
//! Wires `pallet-work-token` and `pallet-work-market` next to `pallet-balances`, with `System`, `Timestamp`,
//! `TransactionPayment`, `Sudo`, a randomness source (SPEC S26) and the consensus pallets
//! `Aura` (block authoring) and `Grandpa` (finality) for the multi-validator local testnet. Token `WORK`, 12 decimals,
//! SS58 prefix 42. The constants are dev-speed: an era is a few seconds of blocks.

#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime`'s `impl_runtime_apis!` needs a high recursion limit.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

use alloc::vec::Vec;

mod apis;
pub mod configs;
pub mod genesis_config_presets;
pub mod governance;
#[cfg(test)]
mod tests;

use governance::pallet_custom_origins;

use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};
use sp_version::{runtime_version, RuntimeVersion};

pub use apis::RuntimeApi;
pub use pallet_work_court;
pub use pallet_work_market;
pub use pallet_work_token;

/// Signature of a transaction.
pub type Signature = MultiSignature;
/// Account id: the public key behind a signature.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// Balance of an account.
pub type Balance = u128;
/// Transaction index of an account.
pub type Nonce = u32;
/// Hash of a block or transaction.
pub type Hash = sp_core::H256;
/// Block number.
pub type BlockNumber = u32;
/// The address format for describing accounts.
pub type Address = MultiAddress<AccountId, ()>;
/// Block header.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// Block.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;
/// Transaction extensions, in the order polkadot.js signs them. Only standard ones.
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);
/// Unchecked extrinsic.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
/// The payload being signed in transactions.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;
/// Storage migrations run on runtime upgrade: every pallet's, in order.
pub type Migrations = (pallet_work_token::migrations::Migrations,);

/// Executive: dispatches calls to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

/// One `WORK` token: 12 decimals.
pub const UNIT: Balance = 1_000_000_000_000;
/// 1/1000 of a `WORK`.
pub const MILLI_UNIT: Balance = 1_000_000_000;
/// 1/1000000 of a `WORK`.
pub const MICRO_UNIT: Balance = 1_000_000;
/// The existential deposit.
pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_UNIT;

/// Target block time of the dev node's timer, in milliseconds.
pub const MILLI_SECS_PER_BLOCK: u64 = 1_000;
/// Aura slot length of the local testnet, in milliseconds: one block per slot. The dev node's
/// manual seal advances the chain's clock by one slot per block, whatever its real pace.
pub const SLOT_DURATION: u64 = 2_000;
/// Blocks per work-token era: 10 blocks, i.e. 10 s at the dev node's default block time.
pub const ERA_LENGTH: BlockNumber = 10;

/// Opaque types for the node, which does not need to know the runtime's call type.
pub mod opaque {
	use super::*;
	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Opaque block identifier.
	pub type BlockId = generic::BlockId<Block>;

	impl_opaque_keys! {
		/// The keys a validator registers: Aura to author blocks, GRANDPA to finalize them.
		/// `author_rotateKeys` generates both in the node's keystore and returns them
		/// SCALE-encoded in this order.
		pub struct SessionKeys {
			/// Block authoring (sr25519).
			pub aura: Aura,
			/// Finality voting (ed25519).
			pub grandpa: Grandpa,
		}
	}
}

/// Runtime version.
#[runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("work-token"),
	impl_name: alloc::borrow::Cow::Borrowed("work-token"),
	authoring_version: 1,
	spec_version: 102,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 2,
	system_version: 1,
};

#[frame_support::runtime]
mod runtime {
	/// The runtime.
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	/// Accounts, blocks, events.
	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	/// Block timestamps.
	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;

	/// Block authoring by slot (local testnet; the dev node seals manually).
	#[runtime::pallet_index(6)]
	pub type Aura = pallet_aura;

	/// Block finality (local testnet; the dev node finalizes each block it seals).
	#[runtime::pallet_index(7)]
	pub type Grandpa = pallet_grandpa;

	/// The `WORK` token.
	#[runtime::pallet_index(2)]
	pub type Balances = pallet_balances;

	/// Transaction fees.
	#[runtime::pallet_index(3)]
	pub type TransactionPayment = pallet_transaction_payment;

	/// The development chain's superuser (root without a referendum); `local_testnet` has no
	/// sudo key, so there root comes only from a referendum on the root track.
	#[runtime::pallet_index(4)]
	pub type Sudo = pallet_sudo;

	/// Randomness for job assignment (insecure, block-hash based; fine for a dev chain).
	#[runtime::pallet_index(5)]
	pub type RandomnessCollectiveFlip = pallet_insecure_randomness_collective_flip;

	/// The work token: provider stake, delegation pools, rewards, slashing and disputes.
	#[runtime::pallet_index(10)]
	pub type WorkToken = pallet_work_token;

	/// The work market: jobs, assignment and reputation. Its hooks run after the work token's,
	/// so a provider jailed in a block takes none of the jobs assigned in it.
	#[runtime::pallet_index(11)]
	pub type WorkMarket = pallet_work_market;

	/// The court: jurors drawn by stake decide disputed slashes and challenged jobs.
	#[runtime::pallet_index(12)]
	pub type WorkCourt = pallet_work_court;

	/// Protocol revenue (slashes, losing bonds, protocol fees, forfeited pots) and its spends.
	#[runtime::pallet_index(20)]
	pub type Treasury = pallet_treasury;

	/// The calls referenda propose, stored by hash.
	#[runtime::pallet_index(21)]
	pub type Preimage = pallet_preimage;

	/// Dispatches approved referenda at their enactment block.
	#[runtime::pallet_index(22)]
	pub type Scheduler = pallet_scheduler;

	/// Votes on referenda, weighted by conviction (the time the voter locks its `WORK`).
	#[runtime::pallet_index(23)]
	pub type ConvictionVoting = pallet_conviction_voting;

	/// Referenda on tracks: root, work-token parameters, court arbiter, treasurer.
	#[runtime::pallet_index(24)]
	pub type Referenda = pallet_referenda;

	/// The origins the tracks below root dispatch with.
	#[runtime::pallet_index(25)]
	pub type Origins = pallet_custom_origins;
}
