//! Protocol revenue (S40): where slashed stake, losing bonds, protocol fees and forfeited pots
//! go, and how much arrived in each era.
//!
//! [`ToTreasury`] is an `OnUnbalanced` handler that deposits what it receives into
//! [`Config::TreasuryAccount`] (a runtime points it at `pallet-treasury`'s account) and counts
//! it in [`TreasuryIncome`]. A runtime wires it as this pallet's `OnSlash`, the market's
//! `OnProtocolFee` and the court's `OnForfeit`, so every token the protocol takes from a party
//! ends in the treasury instead of being burnt. With no treasury account configured (`None`),
//! or when a deposit would leave the account below the existential deposit, the tokens are
//! burnt, not counted, and [`Event::RevenueBurnt`] says so.
//!
//! This file is the only writer of [`TreasuryIncome`]. The income of an era is rolled over
//! lazily: the first deposit of a new era moves the running total to `last_era`.

use crate::{pallet::*, BalanceOf, CreditOf, EraIndex};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::marker::PhantomData;
use frame_support::traits::{
	fungible::{Balanced, Inspect},
	tokens::imbalance::Imbalance,
	Get, OnUnbalanced,
};
use scale_info::TypeInfo;
use sp_runtime::traits::{Saturating, Zero};

/// What arrived in the treasury through [`ToTreasury`], by era.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Default,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct Income<Balance> {
	/// The era `this_era` counts.
	pub era: EraIndex,
	/// Arrived in `era`.
	pub this_era: Balance,
	/// Arrived in the era before `era`.
	pub last_era: Balance,
}

impl<Balance: Copy + Zero> Income<Balance> {
	/// The income as seen in era `now`: `(this era, last era)`. Eras with no deposit count zero.
	pub fn at(&self, now: EraIndex) -> (Balance, Balance) {
		if now == self.era {
			(self.this_era, self.last_era)
		} else if now == self.era.saturating_add(1) {
			(Zero::zero(), self.this_era)
		} else {
			(Zero::zero(), Zero::zero())
		}
	}
}

/// `OnUnbalanced` handler that deposits protocol revenue into [`Config::TreasuryAccount`] and
/// counts it in [`TreasuryIncome`]; burns it when there is no treasury account.
pub struct ToTreasury<T>(PhantomData<T>);

impl<T: Config> OnUnbalanced<CreditOf<T>> for ToTreasury<T> {
	fn on_nonzero_unbalanced(credit: CreditOf<T>) {
		let amount = credit.peek();
		let Some(treasury) = T::TreasuryAccount::get() else {
			// Dropping a credit burns it: total issuance falls by its amount.
			return Pallet::<T>::deposit_event(Event::RevenueBurnt { amount });
		};
		match T::Currency::resolve(&treasury, credit) {
			Ok(()) => {
				Pallet::<T>::count_treasury_income(amount);
				Pallet::<T>::deposit_event(Event::TreasuryDeposited { amount });
			}
			// A deposit the account cannot take (it would stay below the existential deposit)
			// comes back; dropping it burns it.
			Err(_) => Pallet::<T>::deposit_event(Event::RevenueBurnt { amount }),
		}
	}
}

impl<T: Config> Pallet<T> {
	/// Adds `amount` to the treasury's income of the current era.
	fn count_treasury_income(amount: BalanceOf<T>) {
		let now = CurrentEra::<T>::get();
		TreasuryIncome::<T>::mutate(|income| {
			let (this_era, last_era) = income.at(now);
			*income = Income { era: now, this_era: this_era.saturating_add(amount), last_era };
		});
	}

	/// The treasury's balance, if the runtime has one.
	pub fn treasury_balance() -> BalanceOf<T> {
		T::TreasuryAccount::get().map(|who| T::Currency::balance(&who)).unwrap_or_default()
	}

	/// What arrived in the treasury through [`ToTreasury`]: `(this era, last era)`.
	pub fn treasury_income() -> (BalanceOf<T>, BalanceOf<T>) {
		TreasuryIncome::<T>::get().at(CurrentEra::<T>::get())
	}
}
