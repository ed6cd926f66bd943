//! Types stored by the market and passed to its calls.

use crate::Config;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	traits::fungible::Inspect, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;
pub use work_token_primitives::{EraIndex, JobId};

/// The account id of a runtime.
pub type AccountIdOf<T> = <T as frame_system::Config>::AccountId;

/// The hash type of a runtime.
pub type HashOf<T> = <T as frame_system::Config>::Hash;

/// The balance type of the market's `Currency`.
pub type BalanceOf<T> = <<T as Config>::Currency as Inspect<AccountIdOf<T>>>::Balance;

/// Protocol fees on their way to `OnProtocolFee`.
pub type CreditOf<T> =
	frame_support::traits::fungible::Credit<AccountIdOf<T>, <T as Config>::Currency>;

/// Maps a reputation score to a multiplier of effective stake (S13): below `low_below` the
/// `low` multiplier, from `high_from` the `high` one, the `mid` one between. Multipliers are in
/// percent (`120` = ×1.2).
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct ReputationTiers {
	/// Scores below this get `low`.
	pub low_below: sp_runtime::Permill,
	/// Scores from this on get `high`.
	pub high_from: sp_runtime::Permill,
	/// Multiplier (percent) of the low tier.
	pub low: u16,
	/// Multiplier (percent) of the middle tier.
	pub mid: u16,
	/// Multiplier (percent) of the high tier.
	pub high: u16,
}

impl ReputationTiers {
	/// The multiplier, in percent, of `score`.
	pub fn multiplier(&self, score: sp_runtime::Permill) -> u16 {
		if score < self.low_below {
			self.low
		} else if score >= self.high_from {
			self.high
		} else {
			self.mid
		}
	}

	/// True when the thresholds are ordered and the multipliers grow with the score.
	pub fn is_valid(&self) -> bool {
		self.low_below <= self.high_from && self.low <= self.mid && self.mid <= self.high
	}
}

/// Where a job is in its lifecycle (S12).
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum JobStatus<BlockNumber, Hash> {
	/// Assigned; the result is due by the job's deadline.
	Assigned,
	/// The result is in; the client may challenge it until `accept_by`, silence accepts it.
	Submitted {
		/// Hash of the result.
		result: Hash,
		/// Last block of the acceptance window.
		accept_by: BlockNumber,
		/// The era the result was delivered in: the era of the offence if it is found
		/// faulty (S30).
		delivered_era: EraIndex,
	},
	/// The client challenged the result; the arbiter decides, or the challenge lapses at
	/// the job's challenge end and the job is paid (S34).
	Challenged {
		/// Hash of the result.
		result: Hash,
		/// The era the result was delivered in.
		delivered_era: EraIndex,
	},
}

/// A job: a client's fee on hold, assigned to a provider (S11).
#[derive(
	Encode, Decode, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
pub struct Job<T: Config> {
	/// Who pays.
	pub client: AccountIdOf<T>,
	/// Who does the work.
	pub provider: AccountIdOf<T>,
	/// The fee, on hold from the client until the job ends.
	pub fee: BalanceOf<T>,
	/// Hash of the job's specification.
	pub spec: HashOf<T>,
	/// Block the job was assigned in (the block after it was submitted).
	pub assigned_at: frame_system::pallet_prelude::BlockNumberFor<T>,
	/// The era it was assigned in: its provider's stake from this era on backs it, and stays
	/// exposed until the job ends.
	pub assigned_era: EraIndex,
	/// Last block for the result.
	pub deadline: frame_system::pallet_prelude::BlockNumberFor<T>,
	/// Lifecycle state.
	pub status: JobStatus<frame_system::pallet_prelude::BlockNumberFor<T>, HashOf<T>>,
}

/// A provider's open work: what bounds the jobs it may take (S11).
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	PartialEq,
	Eq,
	Debug,
	Default,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct Workload<Balance> {
	/// Jobs assigned and not ended.
	pub open_jobs: u32,
	/// Their fees.
	pub open_fees: Balance,
}

/// The job queue's cursors, in job order: one walks jobs to their deadline, one to the end of
/// their latest possible acceptance window, one to the end of their latest possible
/// challenge. Job ids at or after `next_id` do not exist yet.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct JobQueue {
	/// The id the next job gets.
	pub next_id: JobId,
	/// First job the deadline cursor has not passed.
	pub expiry_cursor: JobId,
	/// First job the acceptance cursor has not passed.
	pub acceptance_cursor: JobId,
	/// First job the challenge cursor has not passed.
	pub challenge_cursor: JobId,
}

/// A job submitted in the current block, waiting for the next block's randomness to be
/// assigned (S35): its fee is on hold.
#[derive(
	Encode, Decode, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
pub struct JobRequest<T: Config> {
	/// The job's id.
	pub id: JobId,
	/// Who pays.
	pub client: AccountIdOf<T>,
	/// The fee on hold.
	pub fee: BalanceOf<T>,
	/// Hash of the job's specification.
	pub spec: HashOf<T>,
}

/// Why a submitted job found no provider when it was drawn (it is refunded).
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum Unassigned {
	/// The active set was empty: no provider was eligible.
	NoActiveProvider,
	/// Every provider drawn was the client itself, no longer taking work, or had all of its
	/// job slots taken.
	NoCapacity,
	/// The provider drawn could not back the fee with its self-stake; the fee was returned
	/// less the protocol fee (so that a fee cannot pick the provider).
	FeeNotBacked,
}
