//! Reputation (S13): a per-provider score in `Permill`, an exponential moving average of job
//! outcomes. A new provider starts neutral (50%). Governance-set [`ReputationTiers`] turn the
//! score into a multiplier of effective stake, used both to draw jobs and to split era
//! rewards.
//!
//! After an outcome `o` (100% for a completed job, 0% for a missed deadline or an upheld
//! challenge) the score becomes `score × (1 − α) + o × α`, with `α = ReputationSmoothing`.

use crate::{Config, Event, Pallet, Reputation, ReputationTiers, ReputationTiersOf};
use frame_support::traits::Get;
use sp_runtime::{traits::Saturating, PerThing, Permill};

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

impl<T: Config> Pallet<T> {
	/// Records a job outcome in `provider`'s score.
	pub(crate) fn record_outcome(provider: &T::AccountId, success: bool) {
		let old = Reputation::<T>::get(provider);
		let new = next_score(old, T::ReputationSmoothing::get(), success);
		Reputation::<T>::insert(provider, new);
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
