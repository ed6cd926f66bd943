//! The court's errors, as a pallet section imported into [`crate::pallet`].

/// Errors: a named variant for each way a call can fail; a call that fails changes nothing.
#[frame_support::pallet_macros::pallet_section]
mod errors {
	/// Errors of the court. A call that fails changes nothing.
	#[pallet::error]
	pub enum Error<T> {
		/// The amount is zero.
		ZeroAmount,
		/// Not enough free balance (keeping the existential deposit).
		InsufficientBalance,
		/// A juror's stake must be zero or at least `MinJurorStake`.
		BelowMinimumStake,
		/// The pool has `MaxJurors` jurors.
		TooManyJurors,
		/// The caller is not in the jury pool.
		NotJuror,
		/// That much stake is locked by open seats.
		StakeLocked,
		/// Nothing is unbonding.
		NothingToWithdraw,
		/// The unbonding delay is not over.
		StillUnbonding,
		/// No open case has this id.
		UnknownCase,
		/// The subject already has a case.
		AlreadyOpen,
		/// The caller has no seat in the case's current round.
		NotDrawn,
		/// The case is not in its commit window.
		NotCommitPhase,
		/// The case is not in its reveal window.
		NotRevealPhase,
		/// The juror did not commit in this round.
		NotCommitted,
		/// The juror already revealed.
		AlreadyRevealed,
		/// The revealed vote and salt do not match the commitment.
		CommitmentMismatch,
		/// A challenged job cannot be ruled a reduction.
		RulingNotAllowed,
		/// The case is not in its appeal window.
		NotAppealPhase,
		/// Only the side the round ruled against may appeal.
		NotLosingParty,
		/// The case has had every appeal it may have.
		TooManyAppeals,
		/// The case is not waiting for the fallback origin.
		NotFallbackPhase,
	}
}
