//! The market's dispatchable calls, as a pallet section imported into [`crate::pallet`]. Each
//! call checks the origin and hands over to [`crate::assignment`], [`crate::jobs`] or
//! [`crate::reputation`].

/// The calls, with their call indices, weights, origins and events.
#[frame_support::pallet_macros::pallet_section]
mod calls {
	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Submit a job with `fee` and the hash of its specification. The fee is held and the
		/// job is queued; at the start of the next block it is assigned to an active provider
		/// drawn with probability proportional to effective stake (stake × reputation
		/// multiplier), with randomness that did not exist when the client signed (S35). If no
		/// provider can take it, the fee is returned then. Either way it counts as demand.
		///
		/// Origin: signed; the caller is the client. At most `MaxJobsPerBlock` jobs per block.
		///
		/// Emits [`Event::JobSubmitted`]; in the next block [`Event::JobAssigned`] or
		/// [`Event::JobUnassigned`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::submit_job())]
		pub fn submit_job(
			origin: OriginFor<T>,
			spec: T::Hash,
			#[pallet::compact] fee: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_submit_job(&who, spec, fee)
		}

		/// Submit the result of job `id` before its deadline.
		///
		/// Origin: signed by the assigned provider.
		///
		/// Emits [`Event::JobResultSubmitted`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::submit_result())]
		pub fn submit_result(origin: OriginFor<T>, id: JobId, result: T::Hash) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_submit_result(&who, id, result)
		}

		/// Accept the result of job `id`: the fee, less `ProtocolFee`, joins the provider's
		/// fees of this era (split at its end by whole-era stake), and the provider's
		/// reputation rises with the fee. Also pays a challenged job whose challenge lapsed.
		///
		/// Origin: signed by the client; by anyone once the acceptance window has passed, or
		/// once a challenge has lapsed.
		///
		/// Emits [`Event::JobCompleted`] and [`Event::ReputationUpdated`] (and
		/// [`Event::ChallengeLapsed`]).
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::accept_result().saturating_add(T::Challenges::close_weight()))]
		pub fn accept_result(origin: OriginFor<T>, id: JobId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_accept_result(&who, id)
		}

		/// Challenge the result of job `id` within the acceptance window; the arbiter decides
		/// by the job's challenge end (`deadline + AcceptanceWindow + ChallengeTimeout`), or the
		/// challenge lapses and the job is paid.
		///
		/// Origin: signed by the client.
		///
		/// Emits [`Event::JobChallenged`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::challenge_result().saturating_add(T::Challenges::open_weight()))]
		pub fn challenge_result(origin: OriginFor<T>, id: JobId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_challenge_result(&who, id)
		}

		/// Decide the challenge of job `id` before it lapses: `upheld` refunds the client, lowers
		/// the provider's reputation and reports a Major offence of the era the result was
		/// delivered in (S30); otherwise the job is paid.
		///
		/// Origin: `ArbiterOrigin`.
		///
		/// Emits [`Event::ChallengeResolved`], then [`Event::JobFailed`] and
		/// [`Event::OffenceReported`], or [`Event::JobCompleted`].
		#[pallet::call_index(4)]
		#[pallet::weight(Pallet::<T>::resolve_challenge_weight())]
		pub fn resolve_challenge(origin: OriginFor<T>, id: JobId, upheld: bool) -> DispatchResult {
			T::ArbiterOrigin::ensure_origin(origin)?;
			Self::do_resolve_challenge(id, upheld)
		}

		/// Set the reputation tiers.
		///
		/// Origin: `AdminOrigin`.
		///
		/// Emits [`Event::ReputationTiersSet`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::set_reputation_tiers())]
		pub fn set_reputation_tiers(
			origin: OriginFor<T>,
			tiers: ReputationTiers,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_set_reputation_tiers(tiers)
		}
	}
}
