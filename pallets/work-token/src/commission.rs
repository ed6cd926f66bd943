//! Commission changes (S9): decreases apply at once; an increase is capped by
//! `MaxCommissionIncrease` and takes effect `CommissionChangeDelay` eras later, so delegators
//! always have time to leave before a higher commission reaches their rewards.
//!
//! Scheduled increases are indexed by the era they take effect in ([`CommissionSchedule`]),
//! so an era transition touches only the providers whose change is due.

use crate::{CommissionSchedule, Config, CurrentEra, EraIndex, Error, Event, Pallet, Providers};
use frame_support::{ensure, traits::Get, weights::Weight};
use sp_runtime::{DispatchResult, Perbill, Saturating};

impl<T: Config> Pallet<T> {
	/// Sets `provider`'s commission to `new` now (not higher) or schedules it (higher).
	pub(crate) fn do_set_commission(provider: &T::AccountId, new: Perbill) -> DispatchResult {
		let mut info = Providers::<T>::get(provider).ok_or(Error::<T>::NotProvider)?;
		let old = info.commission;
		let previous = info.pending_commission.take();
		if new <= old {
			if let Some((_, era)) = previous {
				Self::unschedule(provider, era);
			}
			info.commission = new;
			Providers::<T>::insert(provider, info);
			Self::deposit_event(Event::CommissionUpdated { provider: provider.clone(), old, new });
			return Ok(());
		}
		ensure!(
			new.saturating_sub(old) <= T::MaxCommissionIncrease::get(),
			Error::<T>::CommissionIncreaseTooLarge
		);
		let effective_era = CurrentEra::<T>::get().saturating_add(T::CommissionChangeDelay::get());
		if let Some((_, era)) = previous {
			Self::unschedule(provider, era);
		}
		CommissionSchedule::<T>::try_mutate(effective_era, |due| {
			due.try_push(provider.clone()).map_err(|_| Error::<T>::TooManyProviders)
		})?;
		info.pending_commission = Some((new, effective_era));
		Providers::<T>::insert(provider, info);
		Self::deposit_event(Event::CommissionChangeScheduled {
			provider: provider.clone(),
			commission: new,
			effective_era,
		});
		Ok(())
	}

	/// Removes `provider` from the schedule of `era`.
	pub(crate) fn unschedule(provider: &T::AccountId, era: EraIndex) {
		CommissionSchedule::<T>::mutate_exists(era, |due| {
			if let Some(list) = due {
				list.retain(|p| p != provider);
				if list.is_empty() {
					*due = None;
				}
			}
		});
	}

	/// Applies the commission increases due in `era`. Returns the weight used.
	pub(crate) fn apply_scheduled_commissions(era: EraIndex) -> Weight {
		let due = CommissionSchedule::<T>::take(era);
		let count = due.len() as u64;
		for provider in due {
			Providers::<T>::mutate(&provider, |info| {
				let Some(info) = info else { return };
				match info.pending_commission {
					Some((new, effective)) if effective <= era => {
						let old = info.commission;
						info.commission = new;
						info.pending_commission = None;
						Self::deposit_event(Event::CommissionUpdated {
							provider: provider.clone(),
							old,
							new,
						});
					}
					_ => {}
				}
			});
		}
		T::DbWeight::get().reads_writes(count.saturating_add(1), count.saturating_add(1))
	}
}
