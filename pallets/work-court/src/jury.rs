//! The jury pool: WORK holders join by putting stake on hold, leave by unbonding it and
//! withdrawing after `JurorUnbonding` blocks.
//!
//! A juror's **active** stake is in the draw tree (see [`crate::sum_tree`]): the chance of
//! being drawn for a seat is its active stake over the pool's. Each seat locks `StakePerSeat`
//! of the active stake until the case is settled; locked stake cannot be unbonded, so a juror
//! with an open seat cannot leave. **One owner:** [`Pallet::save_juror`] is the only writer of
//! [`Jurors`], of the draw tree and of [`Jury`]'s drawable total, and moves the tree by the
//! change in active stake, so the three cannot drift apart.

use crate::{
	sum_tree, BalanceOf, Config, DrawTree, Error, Event, FreeSlots, HoldReason, Juror, Jurors,
	Jury, Pallet, SlotJuror,
};
use frame_support::{
	ensure,
	traits::{
		fungible::{Inspect, MutateHold},
		tokens::{Fortitude, Precision, Preservation},
		Get,
	},
};
use sp_runtime::{
	traits::{Saturating, UniqueSaturatedInto, Zero},
	DispatchResult,
};

/// The draw tree in storage.
pub(crate) struct StoredTree<T>(core::marker::PhantomData<T>);
impl<T: Config> sum_tree::Nodes for StoredTree<T> {
	fn get(index: u32) -> u128 {
		DrawTree::<T>::get(index)
	}
	fn set(index: u32, value: u128) {
		if value == 0 {
			DrawTree::<T>::remove(index);
		} else {
			DrawTree::<T>::insert(index, value);
		}
	}
}

/// `amount` as `u128`.
pub(crate) fn to_u128<T: Config>(amount: BalanceOf<T>) -> u128 {
	amount.unique_saturated_into()
}

impl<T: Config> Pallet<T> {
	/// Writes `juror` as `who`'s record and moves the draw tree and the drawable total by the
	/// change in its active stake from `before` (the active stake it had in the tree).
	pub(crate) fn save_juror(who: &T::AccountId, before: BalanceOf<T>, juror: Juror<T>) {
		let capacity = T::MaxJurors::get();
		let (old, new) = (to_u128::<T>(before), to_u128::<T>(juror.active));
		let mut jury = Jury::<T>::get();
		if new > old {
			sum_tree::increase::<StoredTree<T>>(capacity, juror.slot, new.saturating_sub(old));
			jury.drawable = jury.drawable.saturating_add(new.saturating_sub(old));
		} else if old > new {
			sum_tree::decrease::<StoredTree<T>>(capacity, juror.slot, old.saturating_sub(new));
			jury.drawable = jury.drawable.saturating_sub(old.saturating_sub(new));
		}
		Jury::<T>::put(jury);
		Jurors::<T>::insert(who, juror);
	}

	/// A free slot for a new juror: a freed one, else a fresh one.
	fn take_slot() -> Result<u32, Error<T>> {
		let mut free = FreeSlots::<T>::get();
		if let Some(slot) = free.pop() {
			FreeSlots::<T>::put(free);
			return Ok(slot);
		}
		let mut jury = Jury::<T>::get();
		let slot = jury.next_slot.max(1);
		ensure!(slot <= T::MaxJurors::get(), Error::<T>::TooManyJurors);
		jury.next_slot = slot.saturating_add(1);
		Jury::<T>::put(jury);
		Ok(slot)
	}

	/// `join_jury`: puts `amount` of `who`'s free balance on hold as juror stake, joining the
	/// pool if it is not in it.
	pub(crate) fn do_join(who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let spendable =
			T::Currency::reducible_balance(who, Preservation::Preserve, Fortitude::Polite);
		ensure!(amount <= spendable, Error::<T>::InsufficientBalance);
		let (mut juror, before) = match Jurors::<T>::get(who) {
			Some(juror) => {
				let before = juror.active;
				(juror, before)
			}
			None => {
				ensure!(amount >= T::MinJurorStake::get(), Error::<T>::BelowMinimumStake);
				let slot = Self::take_slot()?;
				SlotJuror::<T>::insert(slot, who);
				Jury::<T>::mutate(|jury| jury.jurors = jury.jurors.saturating_add(1));
				let juror = Juror {
					slot,
					active: Zero::zero(),
					locked: Zero::zero(),
					open_seats: 0,
					unbonding: None,
				};
				(juror, Zero::zero())
			}
		};
		let active = juror.active.saturating_add(amount);
		ensure!(active >= T::MinJurorStake::get(), Error::<T>::BelowMinimumStake);
		T::Currency::hold(&HoldReason::JurorStake.into(), who, amount)?;
		juror.active = active;
		Self::save_juror(who, before, juror);
		Self::deposit_event(Event::JurorStaked { juror: who.clone(), amount });
		Ok(())
	}

	/// `unbond_juror`: takes `amount` of `who`'s unlocked active stake out of the draw; it can
	/// be withdrawn `JurorUnbonding` blocks later. What stays must be zero or the minimum.
	pub(crate) fn do_unbond(who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let mut juror = Jurors::<T>::get(who).ok_or(Error::<T>::NotJuror)?;
		let unlocked = juror.active.saturating_sub(juror.locked);
		ensure!(amount <= unlocked, Error::<T>::StakeLocked);
		let active = juror.active.saturating_sub(amount);
		ensure!(
			active.is_zero() || active >= T::MinJurorStake::get(),
			Error::<T>::BelowMinimumStake
		);
		let now = frame_system::Pallet::<T>::block_number();
		let unlock = now.saturating_add(T::JurorUnbonding::get());
		let waiting = juror.unbonding.map(|(value, _)| value).unwrap_or_default();
		let before = juror.active;
		juror.active = active;
		juror.unbonding = Some((waiting.saturating_add(amount), unlock));
		Self::save_juror(who, before, juror);
		Self::deposit_event(Event::JurorUnbonded { juror: who.clone(), amount, unlock });
		Ok(())
	}

	/// `withdraw_juror_stake`: releases `who`'s unbonded stake once its delay is over; a juror
	/// with nothing left leaves the pool.
	pub(crate) fn do_withdraw(who: &T::AccountId) -> DispatchResult {
		let mut juror = Jurors::<T>::get(who).ok_or(Error::<T>::NotJuror)?;
		let (amount, unlock) = juror.unbonding.ok_or(Error::<T>::NothingToWithdraw)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now >= unlock, Error::<T>::StillUnbonding);
		T::Currency::release(&HoldReason::JurorStake.into(), who, amount, Precision::Exact)?;
		juror.unbonding = None;
		Self::deposit_event(Event::JurorWithdrawn { juror: who.clone(), amount });
		if juror.active.is_zero() && juror.open_seats == 0 {
			Self::remove_juror(who, juror.slot);
		} else {
			let before = juror.active;
			Self::save_juror(who, before, juror);
		}
		Ok(())
	}

	/// Removes a juror with nothing staked, locked or unbonding, and frees its slot.
	pub(crate) fn remove_juror(who: &T::AccountId, slot: u32) {
		Jurors::<T>::remove(who);
		SlotJuror::<T>::remove(slot);
		if FreeSlots::<T>::try_append(slot).is_err() {
			frame_support::defensive!("there are never more free slots than slots");
		}
		Jury::<T>::mutate(|jury| jury.jurors = jury.jurors.saturating_sub(1));
		Self::deposit_event(Event::JurorLeft { juror: who.clone() });
	}
}
