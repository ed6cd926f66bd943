//! The pallet's errors (S21), as a pallet section imported into [`crate::pallet`].

/// Errors: a named variant for each way a call can fail; a call that fails changes nothing.
#[frame_support::pallet_macros::pallet_section]
mod errors {
	/// Errors of this pallet. A call that fails changes nothing.
	#[pallet::error]
	pub enum Error<T> {
		/// The amount is zero.
		ZeroAmount,
		/// The account is already a registered provider.
		AlreadyProvider,
		/// The account is not a registered provider.
		NotProvider,
		/// Active stake would be above zero but below [`MinProviderStake`].
		BelowMinimumStake,
		/// The free balance (less the existential deposit) cannot cover the amount.
		InsufficientBalance,
		/// More than the active stake was asked to be unbonded.
		InsufficientActiveStake,
		/// The ledger already has `MaxUnbondingChunks` chunks; withdraw or wait for a later era.
		TooManyUnbondingChunks,
		/// More than the unbonding stake was asked to be rebonded.
		NotEnoughUnbonding,
		/// No unbonding chunk has unlocked yet.
		NothingToWithdraw,
		/// `MaxProviders` providers are already registered.
		TooManyProviders,
		/// An amount would overflow the balance type.
		Overflow,
		/// A provider cannot delegate to itself.
		CannotDelegateToSelf,
		/// The account has no delegation with that provider.
		NotDelegator,
		/// The provider's pool has shares but no tokens left; it takes no new delegations.
		PoolDepleted,
		/// The amount is too small to buy a single share.
		DelegationTooSmall,
		/// More than the delegation's bonded value was asked for.
		InsufficientDelegation,
		/// The position would be above zero but below the pool's minimum delegation.
		BelowMinimumDelegation,
		/// A pool minimum below the global `MinDelegation`.
		BelowGlobalMinimumDelegation,
		/// The provider's pool already has `MaxDelegatorsPerProvider` delegators.
		TooManyDelegators,
		/// The delegator already delegates to `MaxDelegationsPerDelegator` providers.
		TooManyDelegations,
		/// The provider deregistered (or has no active self-stake left): it takes no new
		/// delegations, stake or rebonds, and cannot unchill or deregister again.
		ProviderLeaving,
		/// A commission increase above `MaxCommissionIncrease` in one change.
		CommissionIncreaseTooLarge,
		/// The position has no rewards to claim.
		NothingToClaim,
		/// The provider is jailed, suspended or tombstoned; it takes no new delegations.
		ProviderJailed,
		/// The account was tombstoned by a Critical slash.
		Tombstoned,
		/// A provider cannot report itself.
		CannotReportSelf,
		/// The offence era has not started yet.
		OffenceInFuture,
		/// The offence era is older than the report window.
		OffenceTooOld,
		/// The offence era is before the provider registered.
		OffenceBeforeRegistration,
		/// This incident (offence era and evidence) is already pending at the same or a higher
		/// severity.
		DuplicateReport,
		/// No stake was at risk for the offence: the slash would be zero.
		NothingToSlash,
		/// A bonded report needs some of the provider's own stake at risk in the offence era
		/// (a provider with none did no work then); `ReporterOrigin` may still report it.
		NoOwnStakeAtRisk,
		/// No pending slash has this id.
		UnknownSlash,
		/// Only the accused provider may dispute a slash.
		NotAccused,
		/// The slash is already disputed.
		AlreadyDisputed,
		/// The dispute window of the slash has ended.
		DisputeWindowClosed,
		/// The slash is not disputed.
		NotDisputed,
		/// The slash's dispute window has not ended yet.
		SlashNotDue,
		/// The slash is disputed and neither resolved nor timed out.
		DisputeUnresolved,
		/// Unlocked stake is frozen by an open claim (a pending slash or an open job of the era
		/// it was bonded in) and must wait until it is settled.
		WithdrawalFrozen,
		/// The provider is not jailed.
		NotJailed,
		/// The provider's jail has not run out yet.
		StillJailed,
		/// Slash fractions must grow with severity.
		UnorderedFractions,
		/// The mode could leave the active set empty: `Static(0)`, or a dynamic mode without
		/// `0 < min <= max` and `jobs_per_provider > 0`.
		InvalidActiveSetMode,
		/// The provider is already chilled (or already not chilled).
		AlreadyInThatState,
		/// The self-stake left would not back the provider's open jobs' fees.
		StakeBacksOpenJobs,
		/// The provider has open jobs; it may deregister once they are done.
		HasOpenJobs,
		/// The provider still serves its delegators (not deregistered, not tombstoned, its pool
		/// not slashed to nothing): only the delegator may close its position.
		NotKickable,
		/// The position has nothing a kick could close yet (only chunks still unbonding).
		NothingToKick,
		/// The provider is active, or has the minimum stake now, or had it at some point of the
		/// last era or this one: only it may deregister itself.
		NotUnderfunded,
	}
}
