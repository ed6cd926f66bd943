//! The court's events, as a pallet section imported into [`crate::pallet`].

/// Events: one for every balance movement and every step of a case.
#[frame_support::pallet_macros::pallet_section]
mod events {
	/// Events of the court.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `juror` put `amount` more on hold as juror stake (joining the pool if new).
		JurorStaked { juror: T::AccountId, amount: BalanceOf<T> },
		/// `juror` took `amount` out of the draw; it can be withdrawn from block `unlock`.
		JurorUnbonded { juror: T::AccountId, amount: BalanceOf<T>, unlock: BlockNumberFor<T> },
		/// `juror` withdrew `amount` of unbonded stake.
		JurorWithdrawn { juror: T::AccountId, amount: BalanceOf<T> },
		/// `juror` left the pool (nothing staked, locked or unbonding).
		JurorLeft { juror: T::AccountId },
		/// Case `case` opened for `subject`; its first jurors are drawn in the next block.
		CaseOpened { case: CaseId, subject: Subject },
		/// The court was full (`MaxOpenCases`): `subject` is left to its owner's arbiter
		/// origin.
		CourtFull { subject: Subject },
		/// `juror` was drawn for round `round` of `case`; a seat's stake is locked.
		JurorDrawn { case: CaseId, juror: T::AccountId, round: u8 },
		/// Round `round` of `case` drew `jurors` jurors; they commit until `commit_ends`.
		RoundDrawn { case: CaseId, round: u8, jurors: u32, commit_ends: BlockNumberFor<T> },
		/// `juror` committed a vote in `case`.
		VoteCommitted { case: CaseId, juror: T::AccountId },
		/// Jurors of `case` reveal until `reveal_ends`.
		RevealOpened { case: CaseId, reveal_ends: BlockNumberFor<T> },
		/// `juror` revealed `ruling` in `case`.
		VoteRevealed { case: CaseId, juror: T::AccountId, ruling: Ruling },
		/// Round `round` of `case` ruled `ruling` with `tally`; the losing side may appeal
		/// until `appeal_ends`.
		RoundDecided {
			case: CaseId,
			round: u8,
			ruling: Ruling,
			tally: Tally,
			appeal_ends: BlockNumberFor<T>,
		},
		/// `appellant` appealed `case` with `bond` on hold: a new round is drawn, or
		/// (`to_fallback`) the fallback origin decides.
		Appealed { case: CaseId, appellant: T::AccountId, bond: BalanceOf<T>, to_fallback: bool },
		/// `case` is decided: `ruling` on `subject` went to its owner.
		CaseDecided { case: CaseId, subject: Subject, ruling: Ruling },
		/// The owner did not apply `case`'s ruling (it had already ended the subject, or its
		/// own timeout passed): the case is settled as if its owner had closed it, appeal bonds
		/// returned and seats released with neither reward nor penalty.
		RulingNotApplied { case: CaseId, error: DispatchError },
		/// `appellant`'s bond of `amount` went to `case`'s pot: its appeal failed.
		AppealBondForfeited { case: CaseId, appellant: T::AccountId, amount: BalanceOf<T> },
		/// The owner ended `case`'s subject without the court: seats are released with neither
		/// reward nor penalty, appeal bonds returned.
		CaseClosed { case: CaseId },
		/// `juror` lost `amount` of its stake to `case`'s pot: it did not reveal, or voted
		/// against the final ruling.
		JurorPenalised { case: CaseId, juror: T::AccountId, amount: BalanceOf<T> },
		/// `juror` was paid `amount` from `case`'s pot for voting with the final ruling.
		JurorRewarded { case: CaseId, juror: T::AccountId, amount: BalanceOf<T> },
		/// `amount` of `case`'s pot went to `OnForfeit`: no juror voted with the final ruling.
		PotForfeited { case: CaseId, amount: BalanceOf<T> },
		/// Every seat of `case` is settled; the case is gone.
		CaseSettled { case: CaseId },
	}
}
