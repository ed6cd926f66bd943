//! Types stored by the court and passed to its calls.

use crate::Config;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	traits::fungible::Inspect, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;
use sp_runtime::Perbill;
pub use work_token_primitives::{JobId, SlashId, Verdict};

/// The account id of a runtime.
pub type AccountIdOf<T> = <T as frame_system::Config>::AccountId;

/// The balance type of the court's `Currency`.
pub type BalanceOf<T> = <<T as Config>::Currency as Inspect<AccountIdOf<T>>>::Balance;

/// Penalties and forfeited bonds nobody coherent was left to receive.
pub type CreditOf<T> =
	frame_support::traits::fungible::Credit<AccountIdOf<T>, <T as Config>::Currency>;

/// Identifier of a court case, assigned in opening order from 0.
pub type CaseId = u32;

/// What a case decides: a disputed slash of the work token or a challenged job of the market.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum Subject {
	/// Slash `SlashId`, disputed by its provider.
	Dispute(SlashId),
	/// Job `JobId`, challenged by its client.
	Challenge(JobId),
}

/// A slash reduction a juror may vote for, in quarters.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum Reduction {
	/// A quarter of the slash applies.
	Quarter,
	/// Half of the slash applies.
	Half,
	/// Three quarters of the slash apply.
	ThreeQuarters,
}

impl Reduction {
	/// The part of the slash that applies.
	pub fn keep(self) -> Perbill {
		match self {
			Reduction::Quarter => Perbill::from_percent(25),
			Reduction::Half => Perbill::from_percent(50),
			Reduction::ThreeQuarters => Perbill::from_percent(75),
		}
	}
}

/// A juror's vote, and a round's or a case's ruling. For a challenged job `Uphold` means the
/// challenge is upheld (the result was faulty) and `Overturn` that it is rejected (the result
/// stands); `Reduce` is for slashes only.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum Ruling {
	/// The accusation stands: the slash applies in full, the challenged result was faulty.
	Uphold,
	/// The accusation falls: the slash is dropped, the challenged result stands.
	Overturn,
	/// The slash applies in part.
	Reduce(Reduction),
}

impl Ruling {
	/// Every ruling, in the order ties are broken for slashes: from the accusation standing
	/// in full to it falling.
	pub const ALL: [Ruling; 5] = [
		Ruling::Uphold,
		Ruling::Reduce(Reduction::ThreeQuarters),
		Ruling::Reduce(Reduction::Half),
		Ruling::Reduce(Reduction::Quarter),
		Ruling::Overturn,
	];

	/// Its place in a [`Tally`].
	pub fn index(self) -> usize {
		match self {
			Ruling::Uphold => 0,
			Ruling::Reduce(Reduction::ThreeQuarters) => 1,
			Ruling::Reduce(Reduction::Half) => 2,
			Ruling::Reduce(Reduction::Quarter) => 3,
			Ruling::Overturn => 4,
		}
	}

	/// The work token's verdict for this ruling.
	pub fn verdict(self) -> Verdict {
		match self {
			Ruling::Uphold => Verdict::Uphold,
			Ruling::Overturn => Verdict::Overturn,
			Ruling::Reduce(reduction) => Verdict::Reduce(reduction.keep()),
		}
	}
}

impl Subject {
	/// Whether `ruling` may be voted on this subject (a job cannot be reduced).
	pub fn allows(self, ruling: Ruling) -> bool {
		!matches!((self, ruling), (Subject::Challenge(_), Ruling::Reduce(_)))
	}

	/// The ruling when nobody votes in round 0, and the first pick among tied rulings there (an
	/// appeal round keeps the appealed ruling instead): the slash stands
	/// (as when a dispute times out), the challenged result stands (as when a challenge
	/// lapses). Disputing or challenging is never a way around a decision nobody makes.
	pub fn default_ruling(self) -> Ruling {
		match self {
			Subject::Dispute(_) => Ruling::Uphold,
			Subject::Challenge(_) => Ruling::Overturn,
		}
	}
}

/// Votes revealed per ruling, by [`Ruling::index`].
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
pub struct Tally(pub [u32; 5]);

impl Tally {
	/// Counts one revealed vote for `ruling`.
	pub fn add(&mut self, ruling: Ruling) {
		if let Some(count) = self.0.get_mut(ruling.index()) {
			*count = count.saturating_add(1);
		}
	}

	/// Votes for `ruling`.
	pub fn of(&self, ruling: Ruling) -> u32 {
		self.0.get(ruling.index()).copied().unwrap_or(0)
	}

	/// The plurality ruling of `subject`'s case: the most votes; among tied rulings the
	/// subject's default if it is one of them, else the one nearest to it in
	/// [`Ruling::ALL`]'s order (from the default's end). No votes: the default.
	pub fn plurality(&self, subject: Subject) -> Ruling {
		let default = subject.default_ruling();
		let mut order = Ruling::ALL;
		if default == Ruling::Overturn {
			order.reverse();
		}
		let mut best = default;
		let mut best_votes = self.of(default);
		for ruling in order {
			if self.of(ruling) > best_votes {
				best = ruling;
				best_votes = self.of(ruling);
			}
		}
		best
	}
}

/// Where a case stands. Every phase ends at a block, after which the hook moves it on.
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
pub enum Phase<BlockNumber> {
	/// Jurors are drawn at the start of block `at`, with randomness nobody knew when the case
	/// opened or the round was appealed.
	Drawing {
		/// The block that draws.
		at: BlockNumber,
	},
	/// Drawn jurors commit `blake2_256((juror, case, ruling, salt))` until `ends`.
	Commit {
		/// Last block of the commit window.
		ends: BlockNumber,
	},
	/// Jurors reveal their vote until `ends`.
	Reveal {
		/// Last block of the reveal window.
		ends: BlockNumber,
	},
	/// The round's ruling stands unless the losing side appeals by `ends`.
	Appeal {
		/// Last block of the appeal window.
		ends: BlockNumber,
	},
	/// The last round was appealed: the fallback origin decides by `ends`, else the last
	/// round's ruling stands.
	Fallback {
		/// Last block for the fallback origin.
		ends: BlockNumber,
	},
	/// Decided: jurors are paid and penalised, a few per block.
	Settling,
}

/// A drawn juror's seat in a case.
#[derive(
	Encode, Decode, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
pub struct Seat<T: Config> {
	/// The juror.
	pub juror: AccountIdOf<T>,
	/// The round it was drawn for.
	pub round: u8,
	/// `blake2_256((juror, case, ruling, salt))`, once committed.
	pub commitment: Option<[u8; 32]>,
	/// The ruling, once revealed.
	pub vote: Option<Ruling>,
}

/// Most appeals of a case: one per appeal round and one to the fallback origin.
pub struct MaxAppeals<T>(core::marker::PhantomData<T>);
impl<T: Config> frame_support::traits::Get<u32> for MaxAppeals<T> {
	fn get() -> u32 {
		<T::MaxAppealRounds as frame_support::traits::Get<u32>>::get().saturating_add(1)
	}
}

/// An appeal: who paid which bond for which round.
#[derive(
	Encode, Decode, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
pub struct Appeal<T: Config> {
	/// Who appealed.
	pub appellant: AccountIdOf<T>,
	/// The ruling appealed against.
	pub against: Ruling,
	/// The bond held from the appellant.
	pub bond: BalanceOf<T>,
}

/// A case before the court.
#[derive(
	Encode, Decode, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
pub struct Case<T: Config> {
	/// What it decides.
	pub subject: Subject,
	/// The provider accused (of the slash, of the faulty result).
	pub accused: AccountIdOf<T>,
	/// The reporter of the slash (`None`: a trusted origin or the market) or the client of the
	/// job.
	pub accuser: Option<AccountIdOf<T>>,
	/// The round: 0, then one more per appeal.
	pub round: u8,
	/// Where it stands.
	pub phase: Phase<frame_system::pallet_prelude::BlockNumberFor<T>>,
	/// The block whose agenda holds the case (the end of its phase), if any.
	pub scheduled: Option<frame_system::pallet_prelude::BlockNumberFor<T>>,
	/// Seats drawn so far, over all rounds (the seats themselves are in `Seats`).
	pub seats: u32,
	/// Seats of the current round start at this index.
	pub round_start: u32,
	/// Revealed votes of the current round.
	pub tally: Tally,
	/// Revealed votes over all rounds.
	pub total_tally: Tally,
	/// The ruling of the last round decided, then the case's final ruling.
	pub ruling: Option<Ruling>,
	/// Appeals made: one per round after the first, and the appeal to the fallback origin.
	pub appeals: BoundedVec<Appeal<T>, MaxAppeals<T>>,
	/// Penalties and forfeited bonds collected for the coherent jurors.
	pub pot: BalanceOf<T>,
	/// Paid out of the pot to coherent jurors so far.
	pub paid_out: BalanceOf<T>,
	/// Settlement progress: steps done, two per seat (penalties first, then payments).
	pub settled: u32,
	/// Coherent seats paid so far (the last one takes what is left of the pot).
	pub paid: u32,
}

/// A juror's stake and commitments.
#[derive(
	Encode, Decode, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
pub struct Juror<T: Config> {
	/// Its slot in the draw tree.
	pub slot: u32,
	/// Stake that can be drawn (on hold).
	pub active: BalanceOf<T>,
	/// The part of `active` locked by open seats (`StakePerSeat` each).
	pub locked: BalanceOf<T>,
	/// Seats not yet settled.
	pub open_seats: u32,
	/// Stake leaving the pool (on hold, not drawn) and the block it may be withdrawn from.
	pub unbonding: Option<(BalanceOf<T>, frame_system::pallet_prelude::BlockNumberFor<T>)>,
}

/// Totals of the jury.
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
pub struct JuryTotals {
	/// Stake that can be drawn: the sum of every juror's `active` stake (the draw tree's
	/// total).
	pub drawable: u128,
	/// Jurors in the pool.
	pub jurors: u32,
	/// The next slot never used (slots start at 1).
	pub next_slot: u32,
}

/// The court's docket.
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
pub struct DocketState {
	/// The id the next case gets.
	pub next_id: CaseId,
	/// Cases open (from opening until their seats are settled).
	pub open: u32,
}
