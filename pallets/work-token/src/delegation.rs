//! Delegation (S7, S8): delegators buy shares of a provider's pool; undelegating moves tokens
//! into a share-based unbonding pool for the unlock era; withdrawing redeems unlocked chunks.
//!
//! Every delegated token sits in one keyless account, [`Pallet::delegation_account`]. Its
//! balance is the sum of all pools' and unbonding pools' tokens ([`TotalDelegated`]) plus the
//! existential deposit that keeps it alive, so a slash is a single burn from it, and no
//! operation ever loops over delegators.

use crate::{
	shares::{Pool, ShareError},
	BalanceOf, Config, CurrentEra, Delegation, DelegationCount, DelegationPool, Delegations, Error,
	Event, Ledgers, Pallet, Pools, Providers, TotalDelegated, UnbondingPool, UnbondingPools,
	UnbondingShares,
};
use frame_support::{
	ensure,
	traits::{
		fungible::{Inspect, Mutate},
		tokens::{Fortitude, Preservation},
		Get,
	},
	BoundedVec,
};
use sp_runtime::{
	traits::{AccountIdConversion, Saturating, UniqueSaturatedFrom, UniqueSaturatedInto, Zero},
	DispatchError, DispatchResult,
};

/// Maps a share-math failure to the pallet's error.
fn share_error<T: Config>(e: ShareError) -> Error<T> {
	match e {
		ShareError::Depleted => Error::<T>::PoolDepleted,
		ShareError::TooSmall => Error::<T>::DelegationTooSmall,
		ShareError::Insufficient => Error::<T>::InsufficientDelegation,
		ShareError::Overflow => Error::<T>::Overflow,
	}
}

fn to_u128<T: Config>(b: BalanceOf<T>) -> u128 {
	b.unique_saturated_into()
}

fn from_u128<T: Config>(v: u128) -> BalanceOf<T> {
	BalanceOf::<T>::unique_saturated_from(v)
}

/// Tokens owned by shares: what delegation pools and unbonding pools have in common. The
/// share arithmetic itself lives in [`crate::shares`]; this trait converts to and from it.
pub trait ShareBook<T: Config> {
	/// `(tokens, shares)` of the pool.
	fn book(&self) -> (BalanceOf<T>, BalanceOf<T>);
	/// Overwrites `(tokens, shares)`.
	fn set_book(&mut self, tokens: BalanceOf<T>, shares: BalanceOf<T>);

	/// The pool in share-arithmetic form.
	#[doc(hidden)]
	fn pool(&self) -> Pool {
		let (tokens, shares) = self.book();
		Pool { tokens: to_u128::<T>(tokens), shares: to_u128::<T>(shares) }
	}

	/// Writes back a pool changed in share-arithmetic form.
	#[doc(hidden)]
	fn set_pool(&mut self, pool: Pool) {
		self.set_book(from_u128::<T>(pool.tokens), from_u128::<T>(pool.shares));
	}

	/// Tokens that `shares` of this pool are worth (rounded down).
	fn value_of(&self, shares: BalanceOf<T>) -> BalanceOf<T> {
		from_u128::<T>(self.pool().value_of(to_u128::<T>(shares)))
	}
}

impl<T: Config> ShareBook<T> for DelegationPool<T> {
	fn book(&self) -> (BalanceOf<T>, BalanceOf<T>) {
		(self.tokens, self.shares)
	}
	fn set_book(&mut self, tokens: BalanceOf<T>, shares: BalanceOf<T>) {
		(self.tokens, self.shares) = (tokens, shares);
	}
}

impl<T: Config> ShareBook<T> for UnbondingPool<T> {
	fn book(&self) -> (BalanceOf<T>, BalanceOf<T>) {
		(self.tokens, self.shares)
	}
	fn set_book(&mut self, tokens: BalanceOf<T>, shares: BalanceOf<T>) {
		(self.tokens, self.shares) = (tokens, shares);
	}
}

impl<T: Config> Delegation<T> {
	/// True when the position holds nothing.
	pub fn is_empty(&self) -> bool {
		self.shares.is_zero() && self.unbonding.is_empty() && self.unclaimed.is_zero()
	}
}

impl<T: Config> Pallet<T> {
	/// The keyless account that holds every delegated token.
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

	/// Adds `amount` tokens to `pool` and returns the shares minted for them.
	pub(crate) fn deposit_into_pool(
		pool: &mut DelegationPool<T>,
		amount: BalanceOf<T>,
	) -> Result<BalanceOf<T>, Error<T>> {
		let mut share_pool = pool.pool();
		let minted = share_pool.deposit(to_u128::<T>(amount)).map_err(share_error::<T>)?;
		pool.set_pool(share_pool);
		Ok(from_u128::<T>(minted))
	}

	/// A new, empty pool for a provider that just registered.
	pub(crate) fn new_pool() -> DelegationPool<T> {
		DelegationPool {
			tokens: Zero::zero(),
			shares: Zero::zero(),
			delegators: 0,
			min_delegation: T::MinDelegation::get(),
			reward_per_share: Default::default(),
			joining_shares: Zero::zero(),
			joining_members: 0,
			joining_era: CurrentEra::<T>::get(),
		}
	}

	/// Moves `amount` of `delegator`'s free balance into `provider`'s pool.
	pub(crate) fn do_delegate(
		delegator: &T::AccountId,
		provider: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		ensure!(delegator != provider, Error::<T>::CannotDelegateToSelf);
		ensure!(Providers::<T>::contains_key(provider), Error::<T>::NotProvider);
		ensure!(
			Ledgers::<T>::get(provider).is_some_and(|l| !l.active.is_zero()),
			Error::<T>::ProviderLeaving
		);
		ensure!(!Self::is_jailed(provider), Error::<T>::ProviderJailed);
		ensure!(!Self::has_pending_slash(provider), Error::<T>::ProviderHasPendingSlash);
		let mut pool = Pools::<T>::get(provider).ok_or(Error::<T>::NotProvider)?;
		let existing = Delegations::<T>::get(delegator, provider);
		let is_new = existing.is_none();
		let mut delegation = existing.unwrap_or_else(|| Delegation {
			shares: Zero::zero(),
			unbonding: BoundedVec::new(),
			joining: Zero::zero(),
			joining_era: CurrentEra::<T>::get(),
			reward_per_share_paid: pool.reward_per_share,
			unclaimed: Zero::zero(),
			auto_compound: false,
		});
		Self::settle(provider, &mut delegation, &pool);

		let minted = Self::deposit_into_pool(&mut pool, amount)?;
		let new_shares = delegation.shares.saturating_add(minted);
		let position = pool.value_of(new_shares);
		ensure!(position >= pool.min_delegation, Error::<T>::BelowMinimumDelegation);
		let count = DelegationCount::<T>::get(delegator).unwrap_or(0);
		if is_new {
			ensure!(
				pool.delegators < T::MaxDelegatorsPerProvider::get(),
				Error::<T>::TooManyDelegators
			);
			ensure!(count < T::MaxDelegationsPerDelegator::get(), Error::<T>::TooManyDelegations);
		}
		let spendable =
			T::Currency::reducible_balance(delegator, Preservation::Preserve, Fortitude::Polite);
		ensure!(amount <= spendable, Error::<T>::InsufficientBalance);

		Self::ensure_delegation_account_alive()?;
		T::Currency::transfer(
			delegator,
			&Self::delegation_account(),
			amount,
			Preservation::Preserve,
		)?;
		TotalDelegated::<T>::mutate(|total| *total = total.saturating_add(amount));
		delegation.shares = new_shares;
		Self::join_cohort(&mut delegation, &mut pool, minted);
		if is_new {
			pool.delegators = pool.delegators.saturating_add(1);
			DelegationCount::<T>::insert(delegator, count.saturating_add(1));
		}
		Pools::<T>::insert(provider, pool);
		Delegations::<T>::insert(delegator, provider, delegation);
		Self::deposit_event(Event::Delegated {
			delegator: delegator.clone(),
			provider: provider.clone(),
			amount,
			shares: minted,
		});
		Ok(())
	}

	/// Moves `amount` of `delegator`'s bonded delegation into the unbonding pool that unlocks
	/// `UnbondingPeriod` eras from now.
	pub(crate) fn do_undelegate(
		delegator: &T::AccountId,
		provider: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let mut delegation =
			Delegations::<T>::get(delegator, provider).ok_or(Error::<T>::NotDelegator)?;
		let mut pool = Pools::<T>::get(provider).ok_or(Error::<T>::NotProvider)?;
		Self::settle(provider, &mut delegation, &pool);

		let mut share_pool = pool.pool();
		let (burnt, removed) = share_pool
			.withdraw(to_u128::<T>(amount), to_u128::<T>(delegation.shares))
			.map_err(share_error::<T>)?;
		let remaining_shares = delegation.shares.saturating_sub(from_u128::<T>(burnt));
		let remaining = from_u128::<T>(share_pool.value_of(to_u128::<T>(remaining_shares)));
		ensure!(
			remaining.is_zero() || remaining >= pool.min_delegation,
			Error::<T>::BelowMinimumDelegation
		);
		let removed = from_u128::<T>(removed);

		let unlock_era = CurrentEra::<T>::get().saturating_add(T::UnbondingPeriod::get());
		let mut unbonding = UnbondingPools::<T>::get(provider, unlock_era)
			.unwrap_or(UnbondingPool { tokens: Zero::zero(), shares: Zero::zero() });
		let mut unbonding_pool = unbonding.pool();
		let unbonding_shares =
			unbonding_pool.deposit(to_u128::<T>(removed)).map_err(share_error::<T>)?;
		let unbonding_shares = from_u128::<T>(unbonding_shares);
		match delegation.unbonding.last_mut() {
			Some(last) if last.unlock_era == unlock_era => {
				last.shares = last.shares.saturating_add(unbonding_shares)
			}
			_ => delegation
				.unbonding
				.try_push(UnbondingShares { unlock_era, shares: unbonding_shares })
				.map_err(|_| Error::<T>::TooManyUnbondingChunks)?,
		}

		delegation.shares = remaining_shares;
		pool.set_pool(share_pool);
		Self::leave_cohort(&mut delegation, &mut pool, from_u128::<T>(burnt));
		unbonding.set_pool(unbonding_pool);
		Pools::<T>::insert(provider, pool);
		UnbondingPools::<T>::insert(provider, unlock_era, unbonding);
		Delegations::<T>::insert(delegator, provider, delegation);
		Self::deposit_event(Event::Undelegated {
			delegator: delegator.clone(),
			provider: provider.clone(),
			amount: removed,
			unlock_era,
		});
		Ok(())
	}

	/// Pays out every unlocked unbonding chunk of `delegator` with `provider`; removes the
	/// position when nothing is left. Returns the number of chunks withdrawn.
	pub(crate) fn do_withdraw_delegation(
		delegator: &T::AccountId,
		provider: &T::AccountId,
	) -> Result<u32, DispatchError> {
		let mut delegation =
			Delegations::<T>::get(delegator, provider).ok_or(Error::<T>::NotDelegator)?;
		let now = CurrentEra::<T>::get();
		let frozen_from = Self::frozen_from(provider);
		// Unlocked, and not frozen by a pending slash (S4, S18).
		let withdrawable =
			|era: crate::EraIndex| era <= now && frozen_from.is_none_or(|from| era < from);
		let mut total: BalanceOf<T> = Zero::zero();
		let mut withdrawn = 0u32;
		let mut emptied: BoundedVec<_, T::MaxUnbondingChunks> = BoundedVec::new();
		let mut updated: BoundedVec<_, T::MaxUnbondingChunks> = BoundedVec::new();
		for chunk in delegation.unbonding.iter().filter(|c| withdrawable(c.unlock_era)) {
			let Some(mut unbonding) = UnbondingPools::<T>::get(provider, chunk.unlock_era) else {
				// Defensive: a chunk always has its pool; skip rather than fail the withdrawal.
				continue;
			};
			let mut unbonding_pool = unbonding.pool();
			let value =
				unbonding_pool.redeem(to_u128::<T>(chunk.shares)).map_err(share_error::<T>)?;
			total = total.saturating_add(from_u128::<T>(value));
			withdrawn = withdrawn.saturating_add(1);
			unbonding.set_pool(unbonding_pool);
			if unbonding.shares.is_zero() {
				let _ = emptied.try_push(chunk.unlock_era);
			} else {
				let _ = updated.try_push((chunk.unlock_era, unbonding));
			}
		}
		// Bonded shares of a pool slashed to zero are worth nothing: clear them so that the
		// position can close and the pool can take delegations again once everyone has left.
		let mut pool = Pools::<T>::get(provider).ok_or(Error::<T>::NotProvider)?;
		let worthless = pool.tokens.is_zero() && !delegation.shares.is_zero();
		if withdrawn == 0 && !worthless {
			let unlocked = delegation.unbonding.iter().any(|c| c.unlock_era <= now);
			return Err(if unlocked {
				Error::<T>::WithdrawalFrozen
			} else {
				Error::<T>::NothingToWithdraw
			}
			.into());
		}
		if worthless {
			Self::settle(provider, &mut delegation, &pool);
			let cleared = delegation.shares;
			pool.shares = pool.shares.saturating_sub(cleared);
			Self::leave_cohort(&mut delegation, &mut pool, cleared);
			delegation.shares = Zero::zero();
			Pools::<T>::insert(provider, &pool);
		}

		if !total.is_zero() {
			T::Currency::transfer(
				&Self::delegation_account(),
				delegator,
				total,
				Preservation::Preserve,
			)?;
		}
		TotalDelegated::<T>::mutate(|t| *t = t.saturating_sub(total));
		for era in emptied {
			UnbondingPools::<T>::remove(provider, era);
		}
		for (era, pool) in updated {
			UnbondingPools::<T>::insert(provider, era, pool);
		}
		delegation.unbonding.retain(|c| !withdrawable(c.unlock_era));
		Self::deposit_event(Event::DelegationWithdrawn {
			delegator: delegator.clone(),
			provider: provider.clone(),
			amount: total,
		});
		if delegation.shares.is_zero() && delegation.unbonding.is_empty() {
			// Leaving: settle and pay what the position earned before removing it.
			if let Some(mut pool) = Pools::<T>::get(provider) {
				Self::settle(provider, &mut delegation, &pool);
				delegation.auto_compound = false;
				Self::pay_rewards(delegator, provider, &mut delegation, &mut pool)?;
				Pools::<T>::insert(provider, pool);
			}
		}
		if delegation.is_empty() {
			Self::remove_delegation(delegator, provider);
		} else {
			Delegations::<T>::insert(delegator, provider, delegation);
		}
		Ok(withdrawn)
	}

	/// Removes an empty position and its counters; removes the provider too when it has left
	/// and this was its last delegator.
	pub(crate) fn remove_delegation(delegator: &T::AccountId, provider: &T::AccountId) {
		Delegations::<T>::remove(delegator, provider);
		DelegationCount::<T>::mutate_exists(delegator, |count| {
			*count = count.map(|c| c.saturating_sub(1)).filter(|c| *c > 0);
		});
		Pools::<T>::mutate(provider, |pool| {
			if let Some(pool) = pool {
				pool.delegators = pool.delegators.saturating_sub(1);
			}
		});
		Self::deposit_event(Event::DelegationRemoved {
			delegator: delegator.clone(),
			provider: provider.clone(),
		});
		Self::maybe_remove_provider(provider);
	}

	/// Sets `provider`'s minimum delegation; at least the global `MinDelegation`.
	pub(crate) fn do_set_min_delegation(
		provider: &T::AccountId,
		minimum: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(minimum >= T::MinDelegation::get(), Error::<T>::BelowGlobalMinimumDelegation);
		Pools::<T>::try_mutate(provider, |pool| -> DispatchResult {
			let pool = pool.as_mut().ok_or(Error::<T>::NotProvider)?;
			pool.min_delegation = minimum;
			Ok(())
		})?;
		Self::deposit_event(Event::MinDelegationSet { provider: provider.clone(), minimum });
		Ok(())
	}
}
