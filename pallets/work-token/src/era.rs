//! Era progression: era `e` starts at block `e * EraLength`.

use crate::{Config, CurrentEra, EraStartBlock, Event, Pallet};
use frame_support::{traits::Get, weights::Weight};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_arithmetic::traits::{CheckedRem, Zero};
use work_token_primitives::MarketSignals;

impl<T: Config> Pallet<T> {
	/// Starts a new era when `now` is a multiple of `EraLength`. Idle blocks read no storage.
	pub(crate) fn maybe_start_era(now: BlockNumberFor<T>) -> Weight {
		let starts_era = !now.is_zero()
			&& now.checked_rem(&T::EraLength::get()).is_some_and(|rest| rest.is_zero());
		if !starts_era {
			return Weight::zero();
		}
		let era = CurrentEra::<T>::get().saturating_add(1);
		CurrentEra::<T>::put(era);
		EraStartBlock::<T>::put(now);
		Self::deposit_event(Event::NewEra { era, start_block: now });
		// Rewards of the era that ended use the commission that applied during it.
		let rewards = Self::distribute_era_rewards(era.saturating_sub(1));
		let commissions = Self::apply_scheduled_commissions(era);
		// Demand of the era that ended sets the minimum stake and the set for the new one.
		let demand = T::Market::take_demand();
		Self::rotate_active_set(era, demand);
		rewards.saturating_add(commissions)
	}
}
