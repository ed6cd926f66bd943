//! Provider stake: the bodies of `register_provider`, `bond_extra`, `unbond`, `rebond`,
//! `withdraw_unbonded` and `chill`/`unchill`, and the removal of a provider whose stake and
//! pool are gone. Each checks everything before it changes anything; the ledger, its hold and
//! [`crate::TotalStaked`] are written together by [`StakeLedger::save`].

use crate::{
	BalanceOf, Config, CurrentEra, Error, Event, Ledgers, MinProviderStake, Pallet, Pools,
	ProviderCount, ProviderInfo, Providers, StakeLedger,
};
use frame_support::{
	ensure,
	traits::{
		fungible::Inspect,
		tokens::{Fortitude, Preservation},
		Get,
	},
};
use sp_runtime::{traits::Zero, DispatchError, DispatchResult, Perbill};
use work_token_primitives::MarketSignals;

impl<T: Config> Pallet<T> {
	/// Checks that `who` can put `amount` on hold and still keep the existential deposit free.
	fn ensure_can_stake(who: &T::AccountId, amount: BalanceOf<T>) -> Result<(), Error<T>> {
		let spendable =
			T::Currency::reducible_balance(who, Preservation::Preserve, Fortitude::Polite);
		ensure!(amount <= spendable, Error::<T>::InsufficientBalance);
		Ok(())
	}

	/// The ledger of a registered provider.
	fn ledger_of(who: &T::AccountId) -> Result<StakeLedger<T>, Error<T>> {
		StakeLedger::<T>::get(who).ok_or(Error::<T>::NotProvider)
	}

	/// The ledger of a registered provider that has not deregistered.
	fn staying_ledger_of(who: &T::AccountId) -> Result<StakeLedger<T>, Error<T>> {
		let leaving = Providers::<T>::get(who).ok_or(Error::<T>::NotProvider)?.leaving;
		ensure!(!leaving, Error::<T>::ProviderLeaving);
		Self::ledger_of(who)
	}

	/// Registers `who` as a provider with `stake` on hold. Used by the call and by genesis.
	pub(crate) fn do_register(
		who: &T::AccountId,
		stake: BalanceOf<T>,
		commission: Perbill,
	) -> DispatchResult {
		ensure!(!stake.is_zero(), Error::<T>::ZeroAmount);
		ensure!(!Providers::<T>::contains_key(who), Error::<T>::AlreadyProvider);
		ensure!(!crate::Tombstones::<T>::contains_key(who), Error::<T>::Tombstoned);
		ensure!(stake >= MinProviderStake::<T>::get(), Error::<T>::BelowMinimumStake);
		let count = ProviderCount::<T>::get();
		ensure!(count < T::MaxProviders::get(), Error::<T>::TooManyProviders);
		Self::ensure_can_stake(who, stake)?;

		let mut ledger = StakeLedger::<T>::new(stake);
		if frame_system::Pallet::<T>::block_number().is_zero() {
			// Genesis providers are bonded for the whole of era 0.
			ledger.earning = stake;
		}
		ledger.save(who)?;
		let info = ProviderInfo {
			commission,
			registered_era: CurrentEra::<T>::get(),
			pending_commission: None,
			jailed_until: None,
			chilled: false,
			leaving: false,
		};
		Providers::<T>::insert(who, info);
		Pools::<T>::insert(who, Self::new_pool());
		ProviderCount::<T>::put(count.saturating_add(1));
		Self::deposit_event(Event::ProviderRegistered { provider: who.clone(), stake, commission });
		Ok(())
	}

	/// Adds `amount` of free balance to `who`'s active stake.
	pub(crate) fn do_bond_extra(who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let mut ledger = Self::staying_ledger_of(who)?;
		ledger.bond(amount, MinProviderStake::<T>::get())?;
		Self::ensure_can_stake(who, amount)?;

		ledger.save(who)?;
		Self::deposit_event(Event::Bonded { provider: who.clone(), amount });
		Ok(())
	}

	/// Moves `amount` of `who`'s active stake into an unbonding chunk.
	pub(crate) fn do_unbond(who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let mut ledger = Self::ledger_of(who)?;
		let unlock_era = CurrentEra::<T>::get().saturating_add(T::UnbondingPeriod::get());
		ledger.unbond(amount, unlock_era, MinProviderStake::<T>::get())?;
		ensure!(ledger.active >= T::Market::collateral_in_use(who), Error::<T>::StakeBacksOpenJobs);

		ledger.save(who)?;
		Self::deposit_event(Event::Unbonded { provider: who.clone(), amount, unlock_era });
		Ok(())
	}

	/// Moves `amount` of `who`'s unbonding stake back to active. Returns chunks touched.
	pub(crate) fn do_rebond(
		who: &T::AccountId,
		amount: BalanceOf<T>,
	) -> Result<u32, DispatchError> {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let mut ledger = Self::staying_ledger_of(who)?;
		let touched = ledger.rebond(amount, MinProviderStake::<T>::get())?;

		ledger.save(who)?;
		Self::deposit_event(Event::Rebonded { provider: who.clone(), amount });
		Ok(touched)
	}

	/// Releases `who`'s unlocked chunks; removes the provider when nothing is left. Returns
	/// the number of chunks removed.
	pub(crate) fn do_withdraw_unbonded(who: &T::AccountId) -> Result<u32, DispatchError> {
		let mut ledger = Self::ledger_of(who)?;
		let now = CurrentEra::<T>::get();
		let (amount, removed) = ledger.withdraw_unlocked(now, Self::frozen_from(who));
		if amount.is_zero() {
			let unlocked = ledger.unlocking.iter().any(|chunk| chunk.unlock_era <= now);
			return Err(if unlocked {
				Error::<T>::WithdrawalFrozen
			} else {
				Error::<T>::NothingToWithdraw
			}
			.into());
		}

		ledger.save(who)?;
		Self::deposit_event(Event::Withdrawn { provider: who.clone(), amount });
		Self::maybe_remove_provider(who);
		Ok(removed)
	}

	/// Removes `provider`'s records once nothing is bonded, entering or unbonding, by it or by
	/// any delegator, and no claim is open on it (no pending slash, no open job). Until then an
	/// empty ledger stays so that delegators can still exit. Job fees not yet split go to the
	/// provider (no delegator is left to share them). Its strikes, reputation and tombstone stay
	/// with the account (S32).
	pub(crate) fn maybe_remove_provider(provider: &T::AccountId) {
		let ledger_empty = Ledgers::<T>::get(provider).is_none_or(|l| l.is_empty());
		let Some(pool) = Pools::<T>::get(provider) else { return };
		let removable = ledger_empty
			&& pool.delegators == 0
			&& Self::oldest_exposed_era(provider).is_none()
			&& !Self::has_pending_slash(provider);
		if !(removable && Providers::<T>::contains_key(provider)) {
			return;
		}
		if !pool.unsplit_fees.is_zero() {
			Self::pay_fees_out(provider, pool.unsplit_fees);
			Self::deposit_event(Event::FeesDistributed {
				provider: provider.clone(),
				era: CurrentEra::<T>::get(),
				to_provider: pool.unsplit_fees,
				to_pool: Zero::zero(),
			});
		}
		StakeLedger::<T>::kill(provider);
		Pools::<T>::remove(provider);
		if let Some(record) = crate::Offences::<T>::get(provider) {
			Self::save_offence_record(provider, record);
		}
		if let Some((_, era)) = Providers::<T>::take(provider).and_then(|i| i.pending_commission) {
			Self::unschedule(provider, era);
		}
		Self::remove_from_active_set(provider);
		ProviderCount::<T>::mutate(|count| *count = count.saturating_sub(1));
		Self::deposit_event(Event::ProviderRemoved { provider: provider.clone() });
	}

	/// `chill` / `unchill`. A provider that deregistered cannot unchill.
	pub(crate) fn do_set_chilled(who: &T::AccountId, chilled: bool) -> DispatchResult {
		Providers::<T>::try_mutate(who, |info| -> DispatchResult {
			let info = info.as_mut().ok_or(Error::<T>::NotProvider)?;
			ensure!(chilled || !info.leaving, Error::<T>::ProviderLeaving);
			ensure!(info.chilled != chilled, Error::<T>::AlreadyInThatState);
			info.chilled = chilled;
			Ok(())
		})?;
		Self::deposit_event(if chilled {
			Event::Chilled { provider: who.clone() }
		} else {
			Event::Unchilled { provider: who.clone() }
		});
		Ok(())
	}
}
