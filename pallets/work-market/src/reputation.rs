//! Reputation (S13): a per-provider score in `Permill`, an exponential moving average of job
//! outcomes. A new provider starts neutral (50%). Governance-set [`ReputationTiers`] turn the
//! score into a multiplier of effective stake, used both to draw jobs and to split era
//! rewards.
//!
//! After an outcome `o` (100% for a completed job, 0% for a missed deadline or an upheld
//! challenge) the score becomes `score × (1 − α) + o × α`, with
//! `α = ReputationSmoothing × min(1, fee / ReputationFullCreditFee)`.
//!
//! **Reputation costs real work (S36).** The weight of an outcome grows with the fee of the job,
//! up to full weight at `ReputationFullCreditFee`: dust jobs move the score by next to nothing.
//! Farming a score with jobs from one's own client accounts costs, per full-weight job, the
//! protocol fee and the delegators' part of the fee, and the client cannot choose the provider
//! (the draw is by stake, in the next block), so most such jobs pay other providers.

use crate::{BalanceOf, Config, Event, Pallet, Reputation, ReputationTiers, ReputationTiersOf};
use frame_support::traits::Get;
use sp_runtime::{
	traits::{Saturating, UniqueSaturatedInto},
	PerThing, Permill,
};

/// The neutral score a provider starts with.
pub const NEUTRAL: Permill = Permill::from_percent(50);

/// The score after one more outcome: `score × (1 − alpha) + (success ? 100% : 0) × alpha`.
pub fn next_score(score: Permill, alpha: Permill, success: bool) -> Permill {
	let kept = alpha.left_from_one().saturating_mul(score);
	if success {
		kept.saturating_add(alpha)
	} else {
		kept
	}
}

/// The weight of a job of `fee` in the average: `alpha × min(1, fee / full_credit_fee)`.
pub fn outcome_weight(alpha: Permill, fee: u128, full_credit_fee: u128) -> Permill {
	if fee >= full_credit_fee {
		return alpha;
	}
	Permill::from_rational(fee, full_credit_fee).saturating_mul(alpha)
}

impl<T: Config> Pallet<T> {
	/// Records the outcome of a job of `fee` in `provider`'s score.
	pub(crate) fn record_outcome(provider: &T::AccountId, success: bool, fee: BalanceOf<T>) {
		let old = Reputation::<T>::get(provider);
		let alpha = outcome_weight(
			T::ReputationSmoothing::get(),
			fee.unique_saturated_into(),
			T::ReputationFullCreditFee::get().unique_saturated_into(),
		);
		let new = next_score(old, alpha, success);
		// A neutral score is the default: no entry.
		if new == NEUTRAL {
			Reputation::<T>::remove(provider);
		} else {
			Reputation::<T>::insert(provider, new);
		}
		Self::deposit_event(Event::ReputationUpdated { provider: provider.clone(), old, new });
	}

	/// `provider`'s multiplier of effective stake, in percent.
	pub fn reputation_multiplier(provider: &T::AccountId) -> u16 {
		ReputationTiersOf::<T>::get().multiplier(Reputation::<T>::get(provider))
	}

	/// Sets the tiers; thresholds ordered and multipliers growing with the score.
	pub(crate) fn do_set_reputation_tiers(tiers: ReputationTiers) -> sp_runtime::DispatchResult {
		frame_support::ensure!(tiers.is_valid(), crate::Error::<T>::InvalidTiers);
		ReputationTiersOf::<T>::put(tiers);
		Self::deposit_event(Event::ReputationTiersSet { tiers });
		Ok(())
	}
}
