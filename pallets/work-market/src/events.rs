//! The market's events, as a pallet section imported into [`crate::pallet`].

/// Events: every job step and every balance movement, with both parties and amounts.
#[frame_support::pallet_macros::pallet_section]
mod events {
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// Job `id` of `client` with `fee` on hold was submitted; it is assigned in the next
		/// block.
		JobSubmitted { id: JobId, client: T::AccountId, fee: BalanceOf<T> },
		/// Job `id` was assigned to `provider`; its result is due by block `deadline`.
		/// Emitted at the start of the block after the submission.
		JobAssigned { id: JobId, provider: T::AccountId, deadline: BlockNumberFor<T> },
		/// No provider could take job `id`; `fee` was returned to `client` (the whole fee, or
		/// less the protocol fee when the drawn provider could not back it). Emitted at the
		/// start of the block after the submission.
		JobUnassigned { id: JobId, client: T::AccountId, fee: BalanceOf<T>, reason: Unassigned },
		/// `provider` submitted `result` for job `id`; the client may challenge it until block
		/// `accept_by`.
		JobResultSubmitted {
			id: JobId,
			provider: T::AccountId,
			result: T::Hash,
			accept_by: BlockNumberFor<T>,
		},
		/// `client` challenged the result of job `id` by `provider`; unless resolved by block
		/// `decide_by`, the challenge lapses and the job is paid.
		JobChallenged {
			id: JobId,
			client: T::AccountId,
			provider: T::AccountId,
			decide_by: BlockNumberFor<T>,
		},
		/// Nobody resolved the challenge of job `id` in time: the result stands.
		ChallengeLapsed { id: JobId },
		/// The arbiter resolved the challenge of job `id`: `upheld` or rejected.
		ChallengeResolved { id: JobId, upheld: bool },
		/// A refund of `amount` could not be paid to `client` (its account was closed and the
		/// refund is below the existential deposit): it went to `OnProtocolFee`.
		RefundForfeited { client: T::AccountId, amount: BalanceOf<T> },
		/// Job `id` of `client` was paid: `paid` into `provider`'s fees of this era (split at
		/// the era's end by whole-era stake, see the work token's `FeesDistributed`), `protocol_fee` to
		/// `OnProtocolFee`.
		JobCompleted {
			id: JobId,
			client: T::AccountId,
			provider: T::AccountId,
			paid: BalanceOf<T>,
			protocol_fee: BalanceOf<T>,
		},
		/// Job `id` failed (missed deadline or upheld challenge): `refund` returned to
		/// `client`; whether an offence of `provider` was reported.
		JobFailed {
			id: JobId,
			client: T::AccountId,
			provider: T::AccountId,
			refund: BalanceOf<T>,
			offence_reported: bool,
		},
		/// `provider`'s reputation moved from `old` to `new` after a job outcome.
		ReputationUpdated {
			provider: T::AccountId,
			old: sp_runtime::Permill,
			new: sp_runtime::Permill,
		},
		/// The reputation tiers are now `tiers`.
		ReputationTiersSet { tiers: ReputationTiers },
	}
}
