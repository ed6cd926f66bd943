//! The delegation account: one account (derived from `PalletId`) holds every delegator's
//! tokens, the rewards delegators have not claimed, and the job fees not yet split.
//!
//! **One owner.** Every movement of tokens in or out of the account goes through the functions
//! here, each of which moves the balance and the total it belongs to together:
//!
//! | tokens | total | in | out |
//! |---|---|---|---|
//! | delegated (in pools, entry cohorts and unbonding pools) | [`TotalDelegated`] | [`Pallet::take_delegation`], [`Pallet::compound_rewards`] | [`Pallet::return_delegation`], [`Pallet::burn_delegation`] |
//! | rewards not yet claimed | [`RewardsUnclaimed`] | [`Pallet::mint_rewards`], [`Pallet::fees_to_rewards`] | [`Pallet::pay_rewards_out`], [`Pallet::compound_rewards`] |
//! | fees not yet split | the pools' `unsplit_fees` | a market's transfer, then `credit_fees` | [`Pallet::pay_fees_out`], [`Pallet::fees_to_rewards`] |
//!
//! The account also keeps the existential deposit it was minted once
//! ([`Pallet::ensure_delegation_account_alive`]), so no withdrawal ever has to kill it.

use crate::{BalanceOf, Config, CreditOf, Pallet, RewardsUnclaimed, TotalDelegated};
use frame_support::traits::{
	fungible::{Balanced, Inspect, Mutate},
	tokens::{Fortitude, Precision, Preservation},
	Get,
};
use sp_runtime::{
	traits::{AccountIdConversion, Saturating, Zero},
	DispatchResult,
};

impl<T: Config> Pallet<T> {
	/// The account that holds all delegated tokens, unclaimed rewards and unsplit fees.
	pub fn delegation_account() -> T::AccountId {
		T::PalletId::get().into_account_truncating()
	}

	/// Mints the existential deposit into the delegation account the first time it is used, so
	/// that withdrawals never have to kill it. This is the only issuance delegation creates.
	pub(crate) fn ensure_delegation_account_alive() -> DispatchResult {
		let account = Self::delegation_account();
		let ed = T::Currency::minimum_balance();
		if T::Currency::balance(&account) < ed {
			T::Currency::mint_into(&account, ed)?;
			crate::TotalMinted::<T>::mutate(|m| *m = m.saturating_add(ed));
		}
		Ok(())
	}

	/// Moves `amount` of `delegator`'s free balance into the account as delegated tokens.
	pub(crate) fn take_delegation(
		delegator: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		Self::ensure_delegation_account_alive()?;
		T::Currency::transfer(
			delegator,
			&Self::delegation_account(),
			amount,
			Preservation::Preserve,
		)?;
		TotalDelegated::<T>::mutate(|total| *total = total.saturating_add(amount));
		Ok(())
	}

	/// Moves `amount` from the account to `to`, keeping the account alive.
	fn pay_out(to: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		T::Currency::transfer(&Self::delegation_account(), to, amount, Preservation::Preserve)
			.map(|_| ())
	}

	/// Pays `amount` of delegated tokens back to `delegator`.
	pub(crate) fn return_delegation(
		delegator: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		Self::pay_out(delegator, amount)?;
		TotalDelegated::<T>::mutate(|total| *total = total.saturating_sub(amount));
		Ok(())
	}

	/// Takes `amount` of delegated tokens out of the account for a slash. Returns the credit.
	pub(crate) fn burn_delegation(amount: BalanceOf<T>) -> CreditOf<T> {
		let credit = T::Currency::withdraw(
			&Self::delegation_account(),
			amount,
			Precision::BestEffort,
			Preservation::Preserve,
			Fortitude::Force,
		)
		.unwrap_or_default();
		let taken = frame_support::traits::Imbalance::peek(&credit);
		if taken != amount {
			frame_support::defensive!("the delegation account holds every delegated token");
		}
		TotalDelegated::<T>::mutate(|total| *total = total.saturating_sub(taken));
		credit
	}

	/// Mints `amount` of new rewards for delegators into the account.
	pub(crate) fn mint_rewards(amount: BalanceOf<T>) -> DispatchResult {
		T::Currency::mint_into(&Self::delegation_account(), amount)?;
		RewardsUnclaimed::<T>::mutate(|rewards| *rewards = rewards.saturating_add(amount));
		Ok(())
	}

	/// Turns `amount` of unsplit fees, already in the account, into delegators' rewards.
	pub(crate) fn fees_to_rewards(amount: BalanceOf<T>) {
		RewardsUnclaimed::<T>::mutate(|rewards| *rewards = rewards.saturating_add(amount));
	}

	/// Pays `amount` of unclaimed rewards to `delegator`.
	pub(crate) fn pay_rewards_out(
		delegator: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		Self::pay_out(delegator, amount)?;
		RewardsUnclaimed::<T>::mutate(|rewards| *rewards = rewards.saturating_sub(amount));
		Ok(())
	}

	/// Turns `amount` of unclaimed rewards into delegated tokens (auto-compounding): nothing
	/// leaves the account.
	pub(crate) fn compound_rewards(amount: BalanceOf<T>) {
		RewardsUnclaimed::<T>::mutate(|rewards| *rewards = rewards.saturating_sub(amount));
		TotalDelegated::<T>::mutate(|total| *total = total.saturating_add(amount));
	}

	/// Pays `amount` of unsplit fees to the provider that earned them.
	pub(crate) fn pay_fees_out(provider: &T::AccountId, amount: BalanceOf<T>) {
		if amount.is_zero() {
			return;
		}
		if Self::pay_out(provider, amount).is_err() {
			frame_support::defensive!("the delegation account holds every unsplit fee");
		}
	}
}
