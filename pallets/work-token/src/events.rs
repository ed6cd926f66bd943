//! The pallet's events (S22), as a pallet section imported into [`crate::pallet`].

/// Events: one for every balance movement and lifecycle step.
#[frame_support::pallet_macros::pallet_section]
mod events {
	/// Events of this pallet.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `provider` registered with `stake` on hold and `commission`.
		ProviderRegistered { provider: T::AccountId, stake: BalanceOf<T>, commission: Perbill },
		/// `provider` put `amount` more on hold as active stake.
		Bonded { provider: T::AccountId, amount: BalanceOf<T> },
		/// `provider` unbonded `amount`; it can be withdrawn from `unlock_era` on.
		Unbonded { provider: T::AccountId, amount: BalanceOf<T>, unlock_era: EraIndex },
		/// `provider` moved `amount` from unbonding back to active stake.
		Rebonded { provider: T::AccountId, amount: BalanceOf<T> },
		/// `amount` of unlocked stake was released from hold to `provider`'s free balance.
		Withdrawn { provider: T::AccountId, amount: BalanceOf<T> },
		/// `provider` has nothing bonded or unbonding any more and its records were removed.
		ProviderRemoved { provider: T::AccountId },
		/// `delegator` delegated `amount` to `provider`'s pool. The tokens wait in an entry
		/// cohort (not at risk, not earning) until [`Event::EntryConverted`] of their cohort.
		Delegated { delegator: T::AccountId, provider: T::AccountId, amount: BalanceOf<T> },
		/// `delegator` took back `amount` of its tokens still waiting to enter `provider`'s
		/// pool; they were paid back at once.
		EntryWithdrawn { delegator: T::AccountId, provider: T::AccountId, amount: BalanceOf<T> },
		/// Entry cohort `cohort` of `provider`'s pool entered: its `tokens` bought `shares`,
		/// which are at risk and earn from this era on.
		EntryConverted {
			provider: T::AccountId,
			cohort: CohortId,
			tokens: BalanceOf<T>,
			shares: BalanceOf<T>,
		},
		/// `delegator` started unbonding `amount` from `provider`; withdrawable from
		/// `unlock_era`.
		Undelegated {
			delegator: T::AccountId,
			provider: T::AccountId,
			amount: BalanceOf<T>,
			unlock_era: EraIndex,
		},
		/// `amount` of unlocked delegation was paid back to `delegator`.
		DelegationWithdrawn {
			delegator: T::AccountId,
			provider: T::AccountId,
			amount: BalanceOf<T>,
		},
		/// `delegator`'s position with `provider` is empty and was removed.
		DelegationRemoved { delegator: T::AccountId, provider: T::AccountId },
		/// `provider`'s commission changed from `old` to `new` (a decrease, or a scheduled
		/// increase taking effect).
		CommissionUpdated { provider: T::AccountId, old: Perbill, new: Perbill },
		/// `provider` scheduled a commission increase to `commission` from `effective_era`.
		CommissionChangeScheduled {
			provider: T::AccountId,
			commission: Perbill,
			effective_era: EraIndex,
		},
		/// `provider` was paid `commission` and its `self_stake` part of era `era`'s rewards.
		ProviderRewarded {
			provider: T::AccountId,
			era: EraIndex,
			commission: BalanceOf<T>,
			self_stake: BalanceOf<T>,
		},
		/// `amount` of era `era`'s rewards went to `provider`'s delegators (claimable).
		PoolRewarded { provider: T::AccountId, era: EraIndex, amount: BalanceOf<T> },
		/// Era `era`'s rewards were distributed: `emission` minted at `staking_ratio`; the
		/// annual inflation rate is now `next_inflation`.
		EraRewarded {
			era: EraIndex,
			emission: BalanceOf<T>,
			staking_ratio: Perbill,
			next_inflation: Perbill,
		},
		/// `delegator` was paid `amount` of rewards from `provider`'s pool.
		RewardsClaimed { delegator: T::AccountId, provider: T::AccountId, amount: BalanceOf<T> },
		/// `delegator`'s `amount` of rewards were delegated again (they enter the pool like any
		/// new delegation).
		RewardsCompounded { delegator: T::AccountId, provider: T::AccountId, amount: BalanceOf<T> },
		/// The job fees `provider` earned in era `era` were split by whole-era stake:
		/// `to_provider` (commission and self-stake part) paid to it, `to_pool` to its
		/// delegators' rewards.
		FeesDistributed {
			provider: T::AccountId,
			era: EraIndex,
			to_provider: BalanceOf<T>,
			to_pool: BalanceOf<T>,
		},
		/// `delegator` turned auto-compounding of rewards from `provider` on or off.
		AutoCompoundSet { delegator: T::AccountId, provider: T::AccountId, enabled: bool },
		/// `provider` set its pool's minimum delegation to `minimum`.
		MinDelegationSet { provider: T::AccountId, minimum: BalanceOf<T> },
		/// Era `era` started at block `start_block`.
		NewEra { era: EraIndex, start_block: BlockNumberFor<T> },
		/// Slash `id` against `provider` was reported for `offence_era` and is pending until
		/// era `dispute_until`; `own` and `pool` are locked. Delegators of `provider` watch
		/// for this event: their stake is at risk and frozen until the slash is settled.
		OffenceReported {
			id: SlashId,
			provider: T::AccountId,
			reporter: Option<T::AccountId>,
			severity: Severity,
			offence_era: EraIndex,
			fraction: Perbill,
			own: BalanceOf<T>,
			pool: BalanceOf<T>,
			dispute_until: EraIndex,
		},
		/// `provider` disputed slash `id`, posting `bond`.
		SlashDisputed { id: SlashId, provider: T::AccountId, bond: BalanceOf<T> },
		/// The arbiter decided `verdict` on slash `id`.
		DisputeResolved { id: SlashId, verdict: Verdict },
		/// The dispute of slash `id` timed out unresolved; the slash applies as reported and
		/// the dispute bond is slashed.
		DisputeTimedOut { id: SlashId },
		/// Report `id` is held under slash `by`, a report of the same incident at a higher
		/// severity: it takes `by`'s place if `by` is overturned or cancelled, and is
		/// discarded (bonds returned, no reward) if `by` applies.
		SlashSuperseded { id: SlashId, by: SlashId },
		/// Report `id`, held under slash `by`, was discarded because `by` applied: its bonds
		/// were returned and its reporter gets no reward.
		FallbackDiscarded { id: SlashId, by: SlashId },
		/// Report `was`, held under an overturned or cancelled slash, is pending again as slash
		/// `id`, with a fresh dispute window.
		FallbackRestored { id: SlashId, was: SlashId },
		/// `provider` is suspended by disputed slash `id` (Major or Critical, window over, no
		/// verdict yet): out of the active set and earning nothing until the verdict.
		Suspended { id: SlashId, provider: T::AccountId },
		/// The admin cancelled slash `id` against `provider`.
		SlashCancelled { id: SlashId, provider: T::AccountId },
		/// Slash `id` took `own` from `provider`'s stake and `pool` from its delegators.
		SlashApplied { id: SlashId, provider: T::AccountId, own: BalanceOf<T>, pool: BalanceOf<T> },
		/// `reporter` received `amount` of slash `id`.
		ReporterRewarded { id: SlashId, reporter: T::AccountId, amount: BalanceOf<T> },
		/// `amount` of slash `id` went to `OnSlash`.
		SlashDeposited { id: SlashId, amount: BalanceOf<T> },
		/// `amount` of protocol revenue (slashed stake, a losing bond, a protocol fee or a
		/// forfeited pot) arrived in the treasury through [`crate::ToTreasury`].
		TreasuryDeposited { amount: BalanceOf<T> },
		/// `amount` of protocol revenue was burnt by [`crate::ToTreasury`]: the runtime has no
		/// treasury account, or the deposit would have left it below the existential deposit.
		RevenueBurnt { amount: BalanceOf<T> },
		/// `amount` of `who`'s free balance was put on hold as a report or dispute bond.
		BondHeld { who: T::AccountId, amount: BalanceOf<T> },
		/// `who`'s bond of `amount` was returned.
		BondReturned { who: T::AccountId, amount: BalanceOf<T> },
		/// `who`'s losing bond of `amount` was slashed to `OnSlash`.
		BondSlashed { who: T::AccountId, amount: BalanceOf<T> },
		/// `who`'s losing bond of `amount` went to `to`, the dispute resolver that decided
		/// against it (its jurors are paid from it).
		BondForfeited { who: T::AccountId, to: T::AccountId, amount: BalanceOf<T> },
		/// `provider` is jailed until era `until`.
		Jailed { provider: T::AccountId, until: EraIndex },
		/// `provider` left jail.
		Unjailed { provider: T::AccountId },
		/// `provider` was tombstoned and may never register again.
		Tombstoned { provider: T::AccountId },
		/// The base slash fractions are now `fractions`.
		SlashFractionsSet { fractions: SlashFractions },
		/// The minimum provider stake moved from `old` to `new` (S5).
		MinStakeUpdated { old: BalanceOf<T>, new: BalanceOf<T> },
		/// The active set of era `era`, highest effective stake first.
		ActiveSetChanged { era: EraIndex, providers: BoundedVec<T::AccountId, T::MaxProviders> },
		/// The active-set mode is now `mode`.
		ActiveSetModeSet { mode: ActiveSetMode },
		/// `provider` chilled: out of the active set from the next era.
		Chilled { provider: T::AccountId },
		/// `provider` is no longer chilled.
		Unchilled { provider: T::AccountId },
		/// `provider` left the active set in the middle of the era (jailed, suspended,
		/// tombstoned, deregistered or removed).
		LeftActiveSet { provider: T::AccountId },
		/// `provider` deregistered: its `unbonded` active stake unlocks at `unlock_era`; it takes
		/// no new work or delegations. Its delegators can only exit.
		ProviderDeregistered {
			provider: T::AccountId,
			unbonded: BalanceOf<T>,
			unlock_era: EraIndex,
		},
		/// `by` closed what it could of `delegator`'s position with `provider`, which can no
		/// longer serve it.
		Kicked { by: T::AccountId, delegator: T::AccountId, provider: T::AccountId },
	}
}
