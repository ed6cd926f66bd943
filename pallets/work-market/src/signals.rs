//! What the market tells the work token about its providers ([`MarketSignals`]): performance
//! multipliers (reputation tiers), demand, and the stake that backs open work.

use crate::{BalanceOf, Config, Demand, Pallet, Workloads};
use work_token_primitives::MarketSignals;

impl<T: Config> MarketSignals<T::AccountId, BalanceOf<T>> for Pallet<T> {
	fn multiplier(who: &T::AccountId) -> u16 {
		Self::reputation_multiplier(who)
	}

	fn take_demand() -> u32 {
		Demand::<T>::take()
	}

	fn collateral_in_use(who: &T::AccountId) -> BalanceOf<T> {
		Self::collateral_in_use(who)
	}

	fn open_work(who: &T::AccountId) -> u32 {
		Workloads::<T>::get(who).open_jobs
	}
}
