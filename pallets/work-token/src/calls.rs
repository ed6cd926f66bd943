//! The pallet's dispatchable calls (S21), as a pallet section imported into
//! [`crate::pallet`]. Each call is a thin wrapper: it checks the origin and hands over to the
//! module that owns the concept (`provider_stake`, `delegation`, `commission`, `rewards`,
//! `slashing`, `disputes`, `offences`).

/// The calls, with their call indices, weights, origins and events.
#[frame_support::pallet_macros::pallet_section]
mod calls {
	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Register the caller as a provider with `stake` on hold and `commission`.
		///
		/// Origin: signed; the caller becomes the provider. `stake` must be at least
		/// [`MinProviderStake`] and leave the existential deposit free.
		///
		/// Emits [`Event::ProviderRegistered`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_provider())]
		pub fn register_provider(
			origin: OriginFor<T>,
			#[pallet::compact] stake: BalanceOf<T>,
			commission: Perbill,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_register(&who, stake, commission)
		}

		/// Put `amount` more of the caller's free balance on hold as active stake.
		///
		/// Origin: signed by a registered provider. The result must respect the minimum.
		///
		/// Emits [`Event::Bonded`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::bond_extra())]
		pub fn bond_extra(
			origin: OriginFor<T>,
			#[pallet::compact] amount: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_bond_extra(&who, amount)
		}

		/// Start unbonding `amount` of active stake; it unlocks `UnbondingPeriod` eras later.
		///
		/// Origin: signed by a registered provider. Remaining active stake must be zero or at
		/// least [`MinProviderStake`].
		///
		/// Emits [`Event::Unbonded`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::unbond())]
		pub fn unbond(
			origin: OriginFor<T>,
			#[pallet::compact] amount: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_unbond(&who, amount)
		}

		/// Move `amount` of unbonding stake back to active stake, newest chunks first.
		///
		/// Origin: signed by a registered provider. The resulting active stake must be at
		/// least [`MinProviderStake`].
		///
		/// Emits [`Event::Rebonded`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::rebond(T::MaxUnbondingChunks::get()))]
		pub fn rebond(
			origin: OriginFor<T>,
			#[pallet::compact] amount: BalanceOf<T>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let touched = Self::do_rebond(&who, amount)?;
			Ok(Some(T::WeightInfo::rebond(touched)).into())
		}

		/// Release every unbonding chunk that has unlocked to the caller's free balance.
		///
		/// Origin: signed by a registered provider. When nothing is left bonded or unbonding,
		/// the provider's records are removed.
		///
		/// Emits [`Event::Withdrawn`], and [`Event::ProviderRemoved`] when the ledger empties.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::withdraw_unbonded(T::MaxUnbondingChunks::get()))]
		pub fn withdraw_unbonded(origin: OriginFor<T>) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let removed = Self::do_withdraw_unbonded(&who)?;
			Ok(Some(T::WeightInfo::withdraw_unbonded(removed)).into())
		}

		/// Delegate `amount` of the caller's free balance to `provider`'s pool. The tokens wait
		/// in an entry cohort, neither at risk nor earning, until no offence committed before
		/// this era can be reported or is pending (`ReportWindow` eras, at least one); then
		/// they buy shares at the pool's rate and earn from that era on (S10, S30). Waiting
		/// tokens can be taken back at once with `undelegate`.
		///
		/// Origin: signed, not the provider itself. The provider must take delegations (not
		/// deregistered, jailed, suspended or tombstoned). The position must reach the pool's
		/// minimum delegation; the existential deposit stays free.
		///
		/// Emits [`Event::Delegated`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::delegate())]
		pub fn delegate(
			origin: OriginFor<T>,
			provider: T::AccountId,
			#[pallet::compact] amount: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_delegate(&who, &provider, amount)
		}

		/// Take `amount` out of the caller's delegation to `provider`. Tokens still waiting to
		/// enter are taken first and paid back at once. The rest burns shares worth it (rounded
		/// up) and joins the unbonding pool that unlocks `UnbondingPeriod` eras later. Asking
		/// for at least the position's value takes all of it and burns every share, even
		/// worthless ones (S31). A remaining position must stay at or above the pool's minimum.
		///
		/// Origin: signed by a delegator of `provider`.
		///
		/// Emits [`Event::EntryWithdrawn`] and/or [`Event::Undelegated`]; when nothing is left,
		/// [`Event::RewardsClaimed`] and [`Event::DelegationRemoved`].
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::undelegate())]
		pub fn undelegate(
			origin: OriginFor<T>,
			provider: T::AccountId,
			#[pallet::compact] amount: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_undelegate(&who, &provider, amount)
		}

		/// Pay out every unlocked unbonding chunk of the caller's delegation to `provider`.
		/// An empty position is removed.
		///
		/// Origin: signed by a delegator of `provider`.
		///
		/// Emits [`Event::DelegationWithdrawn`], and [`Event::DelegationRemoved`] when the
		/// position empties.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::withdraw_delegation(T::MaxUnbondingChunks::get()))]
		pub fn withdraw_delegation(
			origin: OriginFor<T>,
			provider: T::AccountId,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let chunks = Self::do_withdraw_delegation(&who, &provider)?;
			Ok(Some(T::WeightInfo::withdraw_delegation(chunks)).into())
		}

		/// Set the minimum delegation of the caller's pool (at least `MinDelegation`). Existing
		/// positions are not affected until they change.
		///
		/// Origin: signed by a registered provider.
		///
		/// Emits [`Event::MinDelegationSet`].
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::set_min_delegation())]
		pub fn set_min_delegation(
			origin: OriginFor<T>,
			#[pallet::compact] minimum: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_min_delegation(&who, minimum)
		}

		/// Change the caller's commission. A decrease (or no change) applies at once and
		/// cancels any scheduled increase. An increase may be at most `MaxCommissionIncrease`
		/// above the current commission and takes effect `CommissionChangeDelay` eras later,
		/// replacing any increase already scheduled.
		///
		/// Origin: signed by a registered provider.
		///
		/// Emits [`Event::CommissionUpdated`] or [`Event::CommissionChangeScheduled`].
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::set_commission())]
		pub fn set_commission(origin: OriginFor<T>, commission: Perbill) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_commission(&who, commission)
		}

		/// Settle and pay out the caller's rewards from `provider`'s pool (or re-delegate them
		/// when auto-compound is on). O(1): no other position is touched.
		///
		/// Origin: signed by a delegator of `provider`.
		///
		/// Emits [`Event::RewardsClaimed`] or [`Event::RewardsCompounded`].
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::claim_rewards())]
		pub fn claim_rewards(origin: OriginFor<T>, provider: T::AccountId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_claim_rewards(&who, &provider)
		}

		/// Turn auto-compounding of the caller's rewards from `provider` on or off. With it on,
		/// settled rewards become new shares (earning from the next era) instead of being paid.
		///
		/// Origin: signed by a delegator of `provider`.
		///
		/// Emits [`Event::AutoCompoundSet`].
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::set_auto_compound())]
		pub fn set_auto_compound(
			origin: OriginFor<T>,
			provider: T::AccountId,
			enabled: bool,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_auto_compound(&who, &provider, enabled)
		}

		/// Report an offence of `provider` in `offence_era` with `severity`, identified by
		/// `evidence` (the hash of off-chain evidence). The slash amount is computed from the
		/// stake at risk in `offence_era` with the severity's fraction, escalated by standing
		/// strikes, and locked: that stake cannot be withdrawn, and earns nothing, until the
		/// slash is settled; delegations made after `offence_era` never bear it. It applies
		/// after `DisputeWindow` eras. A report of an incident already pending at a lower
		/// severity supersedes that slash (its reporter gets the bond back and no reward); at
		/// the same or a higher severity it is a duplicate (S28).
		///
		/// Origin: `ReporterOrigin` (no bond), or any signed account, which posts
		/// `ReportBond` (returned when the slash applies or is cancelled, slashed when it is
		/// overturned). A provider cannot report itself.
		///
		/// Emits [`Event::OffenceReported`] (and [`Event::BondHeld`] for a bonded report;
		/// [`Event::SlashSuperseded`] and [`Event::BondReturned`] when it supersedes one).
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::report_offence().saturating_add(Pallet::<T>::case_close_weight()))]
		pub fn report_offence(
			origin: OriginFor<T>,
			provider: T::AccountId,
			severity: Severity,
			offence_era: EraIndex,
			evidence: T::Hash,
		) -> DispatchResult {
			let signer = ensure_signed(origin.clone()).ok();
			let bond = match T::ReporterOrigin::try_origin(origin) {
				Ok(_) => Zero::zero(),
				Err(_) => {
					ensure!(signer.is_some(), DispatchError::BadOrigin);
					T::ReportBond::get()
				}
			};
			Self::do_report_offence(signer, bond, &provider, severity, offence_era, evidence, false)
				.map(|_| ())
		}

		/// Dispute slash `id` while its window is open, posting `DisputeBond`. The slash then
		/// waits for the arbiter, or for the timeout (`DisputeTimeout` eras after the window),
		/// after which it applies as reported and the bond is slashed. A disputed Major or
		/// Critical slash still undecided when the window ends suspends the provider until the
		/// verdict (S33).
		///
		/// Origin: signed by the accused provider.
		///
		/// Emits [`Event::SlashDisputed`] and [`Event::BondHeld`].
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::dispute_slash().saturating_add(Pallet::<T>::case_open_weight()))]
		pub fn dispute_slash(origin: OriginFor<T>, id: SlashId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_dispute_slash(&who, id)
		}

		/// Decide disputed slash `id`: `Uphold` applies it and slashes the dispute bond;
		/// `Overturn` drops it at once and slashes the report bond; `Reduce(p)` applies `p` of
		/// it and returns both bonds. A slash never applies before its dispute window ends: a
		/// verdict given earlier is recorded and applied then.
		///
		/// Origin: `ArbiterOrigin`.
		///
		/// Emits [`Event::DisputeResolved`], then the events of applying or dropping it.
		#[pallet::call_index(14)]
		#[pallet::weight(Pallet::<T>::resolve_dispute_weight())]
		pub fn resolve_dispute(
			origin: OriginFor<T>,
			id: SlashId,
			verdict: Verdict,
		) -> DispatchResult {
			T::ArbiterOrigin::ensure_origin(origin)?;
			Self::do_resolve_dispute(id, verdict, false)
		}

		/// Cancel pending or disputed slash `id`; both bonds are returned and the incident
		/// may be reported again.
		///
		/// Origin: `AdminOrigin`.
		///
		/// Emits [`Event::SlashCancelled`] and [`Event::BondReturned`] for each bond.
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::cancel_slash()
			.saturating_add(Pallet::<T>::case_close_weight())
			.saturating_add(Pallet::<T>::case_open_weight()))]
		pub fn cancel_slash(origin: OriginFor<T>, id: SlashId) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_cancel_slash(id)
		}

		/// Apply slash `id` once it is due: an undisputed or decided slash from the end of its
		/// window, an undecided disputed one from its timeout. The chain does this by itself in
		/// `on_initialize`; this call lets anyone do it sooner when blocks are busy. Free when
		/// it succeeds.
		///
		/// Origin: signed, anyone.
		///
		/// Emits [`Event::SlashApplied`], [`Event::SlashDeposited`], and as they happen
		/// [`Event::ReporterRewarded`], [`Event::Jailed`], [`Event::Tombstoned`],
		/// [`Event::DisputeTimedOut`], [`Event::BondReturned`].
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::apply_slash().saturating_add(Pallet::<T>::case_close_weight()))]
		pub fn apply_slash(origin: OriginFor<T>, id: SlashId) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			Self::do_apply_slash(id)?;
			Ok(Pays::No.into())
		}

		/// Leave jail once `JailEras` have passed since the jailing slash.
		///
		/// Origin: signed by the jailed provider; not a tombstoned one.
		///
		/// Emits [`Event::Unjailed`].
		#[pallet::call_index(17)]
		#[pallet::weight(T::WeightInfo::unjail())]
		pub fn unjail(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_unjail(&who)
		}

		/// Set the base slash fraction of each severity; they must grow with severity.
		/// Pending slashes keep the amounts locked at report time.
		///
		/// Origin: `AdminOrigin`.
		///
		/// Emits [`Event::SlashFractionsSet`].
		#[pallet::call_index(18)]
		#[pallet::weight(T::WeightInfo::set_slash_fractions())]
		pub fn set_slash_fractions(
			origin: OriginFor<T>,
			fractions: SlashFractions,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_set_slash_fractions(fractions)
		}

		/// Set how the active set is sized from the next era on. Modes that could leave the
		/// set empty are refused (S34).
		///
		/// Origin: `AdminOrigin`.
		///
		/// Emits [`Event::ActiveSetModeSet`].
		#[pallet::call_index(24)]
		#[pallet::weight(T::WeightInfo::set_active_set_mode())]
		pub fn set_active_set_mode(origin: OriginFor<T>, mode: ActiveSetMode) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_set_active_set_mode(mode)
		}

		/// Stop taking new work from the next era (S3); stake and delegations stay.
		///
		/// Origin: signed by a registered provider.
		///
		/// Emits [`Event::Chilled`].
		#[pallet::call_index(26)]
		#[pallet::weight(T::WeightInfo::chill())]
		pub fn chill(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_chilled(&who, true)
		}

		/// Take new work again from the next era.
		///
		/// Origin: signed by a chilled provider.
		///
		/// Emits [`Event::Unchilled`].
		#[pallet::call_index(27)]
		#[pallet::weight(T::WeightInfo::unchill())]
		pub fn unchill(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_chilled(&who, false)
		}

		/// Leave (S37): unbond all active stake, leave the active set at once, and take no new
		/// work, delegations, stake or rebonds. Delegators can only exit. The records are
		/// removed once every chunk and position is withdrawn; strikes and a
		/// tombstone stay with the account.
		///
		/// Origin: signed by a registered provider without open jobs that has not
		/// deregistered.
		///
		/// Emits [`Event::ProviderDeregistered`] (and [`Event::LeftActiveSet`]).
		#[pallet::call_index(28)]
		#[pallet::weight(T::WeightInfo::deregister())]
		pub fn deregister(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_deregister(&who)
		}

		/// Deregister `provider`, which holds a seat it cannot use: it is not in the active set,
		/// and its self-stake was below [`MinProviderStake`] for the whole last era and still
		/// is (one era of grace after the minimum rises). Its stake unbonds as if it had called `deregister` (nothing is slashed).
		///
		/// Origin: signed, anyone.
		///
		/// Emits [`Event::ProviderDeregistered`].
		#[pallet::call_index(30)]
		#[pallet::weight(T::WeightInfo::deregister_underfunded())]
		pub fn deregister_underfunded(
			origin: OriginFor<T>,
			provider: T::AccountId,
		) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_deregister_underfunded(&provider)
		}

		/// Close what can be closed of `delegator`'s position with `provider`, when the
		/// provider can no longer serve it: it deregistered, is tombstoned, or its pool was
		/// slashed to nothing while shares remain. Waiting tokens are paid back, bonded tokens
		/// start unbonding (worthless shares are burnt), unlocked chunks are paid out; all of it
		/// to the delegator (S31).
		///
		/// Origin: signed, anyone.
		///
		/// Emits [`Event::Kicked`] with the events of undelegating and withdrawing.
		#[pallet::call_index(29)]
		#[pallet::weight(T::WeightInfo::kick(T::MaxUnbondingChunks::get()))]
		pub fn kick(
			origin: OriginFor<T>,
			delegator: T::AccountId,
			provider: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_kick(&who, &delegator, &provider)
		}
	}
}
