//! The court's dispatchable calls, as a pallet section imported into [`crate::pallet`]. Each
//! call checks the origin and hands over to [`crate::jury`] or [`crate::cases`].

/// The calls, with their call indices, weights, origins and events.
#[frame_support::pallet_macros::pallet_section]
mod calls {
	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Put `amount` of free balance on hold as juror stake, joining the jury pool (with at
		/// least `MinJurorStake`) or adding to one's stake. The chance of being drawn for a
		/// seat is one's stake over the pool's.
		///
		/// Origin: signed; the caller is the juror.
		///
		/// Emits [`Event::JurorStaked`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::join_jury())]
		pub fn join_jury(
			origin: OriginFor<T>,
			#[pallet::compact] amount: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_join(&who, amount)
		}

		/// Take `amount` of unlocked juror stake out of the draw; withdraw it with
		/// `withdraw_juror_stake` after `JurorUnbonding` blocks. What stays must be zero or at
		/// least `MinJurorStake`; stake locked by open seats cannot be unbonded.
		///
		/// Origin: signed; the caller is the juror.
		///
		/// Emits [`Event::JurorUnbonded`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::unbond_juror())]
		pub fn unbond_juror(
			origin: OriginFor<T>,
			#[pallet::compact] amount: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_unbond(&who, amount)
		}

		/// Withdraw unbonded juror stake once its delay is over; a juror with nothing left
		/// leaves the pool.
		///
		/// Origin: signed; the caller is the juror.
		///
		/// Emits [`Event::JurorWithdrawn`], and [`Event::JurorLeft`] when nothing is left.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::withdraw_juror_stake())]
		pub fn withdraw_juror_stake(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw(&who)
		}

		/// Commit to a vote in case `case`: `commitment` is
		/// `blake2_256(SCALE(juror, case, ruling, salt))` with a secret 32-byte `salt`. May be
		/// sent again in the window to change the vote.
		///
		/// Origin: signed; a juror drawn for the case's current round, in its commit window.
		///
		/// Emits [`Event::VoteCommitted`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::commit_vote())]
		pub fn commit_vote(
			origin: OriginFor<T>,
			case: CaseId,
			commitment: [u8; 32],
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_commit(&who, case, commitment)
		}

		/// Reveal the vote committed in case `case`: `ruling` and `salt` must hash to the
		/// commitment. A challenged job cannot be ruled a reduction.
		///
		/// Origin: signed; a juror of the current round that committed, in the reveal window.
		///
		/// Emits [`Event::VoteRevealed`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::reveal_vote())]
		pub fn reveal_vote(
			origin: OriginFor<T>,
			case: CaseId,
			ruling: Ruling,
			salt: [u8; 32],
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_reveal(&who, case, ruling, salt)
		}

		/// Appeal the round's ruling in case `case`, posting `AppealBond × 2^round` (returned
		/// if the final ruling is better for the appellant than the one appealed, else paid to
		/// the jurors). A new round of twice the jurors plus one is drawn in the next block,
		/// and must beat the appealed ruling (silence and ties leave it standing); an appeal of
		/// the last round (`MaxAppealRounds`) goes to `FallbackOrigin`.
		///
		/// Origin: signed; the side the ruling went against: the accused when it upholds or
		/// reduces, the accuser when it overturns or reduces.
		///
		/// Emits [`Event::Appealed`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::appeal())]
		pub fn appeal(origin: OriginFor<T>, case: CaseId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_appeal(&who, case)
		}

		/// Decide a case appealed past its last round. If the origin does not decide within
		/// `FallbackPeriod` blocks, the last round's ruling stands.
		///
		/// Origin: `FallbackOrigin`.
		///
		/// Emits [`Event::CaseDecided`], then the settlement events.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::decide_appealed()
			.saturating_add(T::Disputes::decide_weight().max(T::Challenges::decide_weight())))]
		pub fn decide_appealed(
			origin: OriginFor<T>,
			case: CaseId,
			ruling: Ruling,
		) -> DispatchResult {
			T::FallbackOrigin::ensure_origin(origin)?;
			Self::do_decide(case, ruling)
		}
	}
}
