//! The court as the resolver of the work token's disputes and the market's challenges
//! ([`Resolver`]), and as the sink of the bonds their losers forfeit ([`ForfeitSink`]).

use crate::{BalanceOf, CaseOf, Cases, Config, Pallet, Phase, Subject, WeightInfo};
use sp_runtime::{traits::Saturating, DispatchResult, Weight};
use work_token_primitives::{ChallengeCase, DisputeCase, ForfeitSink, JobId, Resolver, SlashId};

impl<T: Config> Resolver<SlashId, DisputeCase<T::AccountId, BalanceOf<T>>> for Pallet<T> {
	fn open(case: DisputeCase<T::AccountId, BalanceOf<T>>) -> DispatchResult {
		Self::open_case(Subject::Dispute(case.id), case.provider, case.reporter)
	}

	fn close(id: SlashId) {
		Self::close_case(Subject::Dispute(id))
	}

	fn open_weight() -> Weight {
		T::WeightInfo::open_case()
	}

	fn close_weight() -> Weight {
		T::WeightInfo::close_case()
	}
}

impl<T: Config> Resolver<JobId, ChallengeCase<T::AccountId, BalanceOf<T>>> for Pallet<T> {
	fn open(case: ChallengeCase<T::AccountId, BalanceOf<T>>) -> DispatchResult {
		Self::open_case(Subject::Challenge(case.id), case.provider, Some(case.client))
	}

	fn close(id: JobId) {
		Self::close_case(Subject::Challenge(id))
	}

	fn open_weight() -> Weight {
		T::WeightInfo::open_case()
	}

	fn close_weight() -> Weight {
		T::WeightInfo::close_case()
	}
}

impl<T: Config> Pallet<T> {
	/// A party of `subject`'s case forfeits `amount` by the court's ruling: it goes to the
	/// case's pot, in the court's account.
	fn take_forfeit(subject: Subject, amount: BalanceOf<T>) -> Option<T::AccountId> {
		let id = CaseOf::<T>::get(subject)?;
		let mut case = Cases::<T>::get(id)?;
		// Only a ruling of the court, being applied, pays its jurors.
		if case.phase != Phase::Settling || case.ruling.is_none() {
			return None;
		}
		case.pot = case.pot.saturating_add(amount);
		Cases::<T>::insert(id, case);
		Some(Self::account())
	}
}

impl<T: Config> ForfeitSink<T::AccountId, BalanceOf<T>, SlashId> for Pallet<T> {
	fn forfeit_to(id: SlashId, amount: BalanceOf<T>) -> Option<T::AccountId> {
		Self::take_forfeit(Subject::Dispute(id), amount)
	}
}

impl<T: Config> ForfeitSink<T::AccountId, BalanceOf<T>, JobId> for Pallet<T> {
	fn forfeit_to(id: JobId, amount: BalanceOf<T>) -> Option<T::AccountId> {
		Self::take_forfeit(Subject::Challenge(id), amount)
	}
}
