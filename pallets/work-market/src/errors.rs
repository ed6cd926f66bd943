//! The market's errors, as a pallet section imported into [`crate::pallet`].

/// Errors: a named variant for each way a call can fail; a call that fails changes nothing.
#[frame_support::pallet_macros::pallet_section]
mod errors {
	#[pallet::error]
	pub enum Error<T> {
		/// An amount of zero.
		ZeroAmount,
		/// The client cannot put the fee on hold and keep the existential deposit.
		InsufficientBalance,
		/// A counter would overflow.
		Overflow,
		/// `MaxJobsPerBlock` jobs were already submitted in this block; submit in the next one.
		MarketBusy,
		/// No open job has this id.
		UnknownJob,
		/// Only the provider assigned to the job may submit its result.
		NotAssignedProvider,
		/// The job is not in the state this call needs.
		WrongJobState,
		/// The job's deadline has passed.
		DeadlinePassed,
		/// Only the client may accept before the acceptance window has passed.
		AcceptanceWindowOpen,
		/// Only the job's client may do this.
		NotClient,
		/// The acceptance window has passed; the result counts as accepted.
		AcceptanceWindowClosed,
		/// The challenge is still open: only the arbiter may decide it before its end.
		ChallengeOpen,
		/// The challenge's time is over: it lapsed and the job is to be paid.
		ChallengeLapsed,
		/// Reputation thresholds must be ordered and multipliers grow with the score.
		InvalidTiers,
	}
}
