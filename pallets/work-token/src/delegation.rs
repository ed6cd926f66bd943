//! Delegation (S7, S8): delegated tokens wait in an entry cohort (see [`crate::entry`]) and then
//! own shares of a provider's pool; undelegating takes waiting tokens back at once and moves
//! bonded tokens into a share-based unbonding pool for the unlock era; withdrawing redeems
//! unlocked chunks.
//!
//! Every delegated token sits in one keyless account, [`Pallet::delegation_account`]. Its
//! balance is the sum of all pools' and unbonding pools' tokens ([`TotalDelegated`]) plus the
//! existential deposit that keeps it alive, so a slash is a single burn from it, and no
//! operation ever loops over delegators.

use crate::{
	shares::{Pool, ShareError},
	types::{from_u128, to_u128},
	BalanceOf, Config, CurrentEra, Delegation, DelegationCount, DelegationPool, Delegations,
	EraIndex, Error, Event, Ledgers, Pallet, Pools, Providers, UnbondingPool, UnbondingPools,
	UnbondingShares,
};
use frame_support::{
	ensure,
	traits::{
		fungible::Inspect,
		tokens::{Fortitude, Preservation},
		Get,
	},
	BoundedVec,
};
use sp_runtime::{
	traits::{Saturating, Zero},
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
		self.shares.is_zero()
			&& self.entering.is_empty()
			&& self.unbonding.is_empty()
			&& self.unclaimed.is_zero()
	}

	/// True when nothing of the position is bonded, entering or unbonding (rewards may be
	/// left to pay).
	pub fn has_left(&self) -> bool {
		self.shares.is_zero() && self.entering.is_empty() && self.unbonding.is_empty()
	}
}

impl<T: Config> Pallet<T> {
	/// A new, empty pool for a provider that just registered.
	pub(crate) fn new_pool() -> DelegationPool<T> {
		DelegationPool {
			tokens: Zero::zero(),
			shares: Zero::zero(),
			delegators: 0,
			min_delegation: T::MinDelegation::get(),
			reward_per_share: Default::default(),
			entering: BoundedVec::new(),
			next_cohort: 0,
			unsplit_fees: Zero::zero(),
		}
	}

	/// Whether `provider` takes new delegations: registered, not leaving, with active
	/// self-stake, not jailed or tombstoned.
	pub(crate) fn accepts_delegations(provider: &T::AccountId) -> DispatchResult {
		let info = Providers::<T>::get(provider).ok_or(Error::<T>::NotProvider)?;
		let bonded = Ledgers::<T>::get(provider).is_some_and(|l| !l.active.is_zero());
		ensure!(bonded && !info.leaving, Error::<T>::ProviderLeaving);
		ensure!(!Self::is_barred(provider), Error::<T>::ProviderJailed);
		Ok(())
	}

	/// What `delegation`'s bonded shares and waiting tokens are worth in `pool`.
	pub(crate) fn position_value(
		delegation: &Delegation<T>,
		pool: &DelegationPool<T>,
	) -> BalanceOf<T> {
		pool.value_of(delegation.shares).saturating_add(Self::entering_tokens(delegation))
	}

	/// Writes `delegation`, or removes it when it holds nothing.
	pub(crate) fn save_delegation(
		delegator: &T::AccountId,
		provider: &T::AccountId,
		delegation: Delegation<T>,
	) {
		if delegation.is_empty() {
			Self::remove_delegation(delegator, provider);
		} else {
			Delegations::<T>::insert(delegator, provider, delegation);
		}
	}

	/// Moves `amount` of `delegator`'s free balance into `provider`'s pool, where it waits in
	/// this era's entry cohort (S10).
	pub(crate) fn do_delegate(
		delegator: &T::AccountId,
		provider: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		ensure!(delegator != provider, Error::<T>::CannotDelegateToSelf);
		Self::accepts_delegations(provider)?;
		let mut pool = Pools::<T>::get(provider).ok_or(Error::<T>::NotProvider)?;
		let existing = Delegations::<T>::get(delegator, provider);
		let is_new = existing.is_none();
		let mut delegation = existing.unwrap_or_else(|| Delegation {
			shares: Zero::zero(),
			entering: BoundedVec::new(),
			unbonding: BoundedVec::new(),
			reward_per_share_paid: pool.reward_per_share,
			unclaimed: Zero::zero(),
			auto_compound: false,
		});
		Self::settle(provider, &mut delegation, &pool);

		let position = Self::position_value(&delegation, &pool).saturating_add(amount);
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
		Self::join_entry(&mut delegation, &mut pool, amount)?;

		Self::take_delegation(delegator, amount)?;
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
		});
		Ok(())
	}

	/// Takes `amount` out of `delegator`'s position with `provider`: waiting tokens first, which
	/// are paid back at once (they were never at risk), then bonded tokens, which move into the
	/// unbonding pool that unlocks `UnbondingPeriod` eras from now. Asking for at least the
	/// position's value takes all of it and burns every share, so a position slashed to
	/// nothing can always close (S31).
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
		let entering = Self::entering_tokens(&delegation);
		ensure!(
			!delegation.shares.is_zero() || !entering.is_zero(),
			Error::<T>::InsufficientDelegation
		);
		let value = pool.value_of(delegation.shares);
		let from_shares = amount.saturating_sub(entering);

		let taken = Self::leave_entry(&mut delegation, &mut pool, amount.min(entering));
		let mut share_pool = pool.pool();
		let (burnt, removed) = if from_shares.is_zero() {
			(0, 0)
		} else if from_shares >= value {
			let held = to_u128::<T>(delegation.shares);
			let removed = share_pool.redeem(held).map_err(share_error::<T>)?;
			(held, removed)
		} else {
			share_pool
				.withdraw(to_u128::<T>(from_shares), to_u128::<T>(delegation.shares))
				.map_err(share_error::<T>)?
		};
		delegation.shares = delegation.shares.saturating_sub(from_u128::<T>(burnt));
		pool.set_pool(share_pool);
		let remaining = Self::position_value(&delegation, &pool);
		ensure!(
			remaining.is_zero() || remaining >= pool.min_delegation,
			Error::<T>::BelowMinimumDelegation
		);
		let removed = from_u128::<T>(removed);
		let unlock_era = if removed.is_zero() {
			None
		} else {
			Some(Self::deposit_unbonding(provider, &mut delegation, removed)?)
		};
		if !taken.is_zero() {
			Self::return_delegation(delegator, taken)?;
			Self::deposit_event(Event::EntryWithdrawn {
				delegator: delegator.clone(),
				provider: provider.clone(),
				amount: taken,
			});
		}
		if let Some(unlock_era) = unlock_era {
			Self::deposit_event(Event::Undelegated {
				delegator: delegator.clone(),
				provider: provider.clone(),
				amount: removed,
				unlock_era,
			});
		}
		if delegation.has_left() {
			delegation.auto_compound = false;
			Self::pay_rewards(delegator, provider, &mut delegation, &mut pool)?;
		}
		Pools::<T>::insert(provider, pool);
		Self::save_delegation(delegator, provider, delegation);
		Ok(())
	}

	/// Puts `amount` of `provider`'s delegated tokens into the unbonding pool that unlocks
	/// `UnbondingPeriod` eras from now (one era later if that pool was slashed to nothing and
	/// cannot take deposits), adding the shares to `delegation`. Returns the unlock era.
	fn deposit_unbonding(
		provider: &T::AccountId,
		delegation: &mut Delegation<T>,
		amount: BalanceOf<T>,
	) -> Result<EraIndex, DispatchError> {
		let mut unlock_era = CurrentEra::<T>::get().saturating_add(T::UnbondingPeriod::get());
		let mut unbonding = UnbondingPools::<T>::get(provider, unlock_era)
			.unwrap_or(UnbondingPool { tokens: Zero::zero(), shares: Zero::zero() });
		if unbonding.tokens.is_zero() && !unbonding.shares.is_zero() {
			unlock_era = unlock_era.saturating_add(1);
			unbonding = UnbondingPools::<T>::get(provider, unlock_era)
				.unwrap_or(UnbondingPool { tokens: Zero::zero(), shares: Zero::zero() });
		}
		let mut unbonding_pool = unbonding.pool();
		let minted = unbonding_pool.deposit(to_u128::<T>(amount)).map_err(share_error::<T>)?;
		let minted = from_u128::<T>(minted);
		match delegation.unbonding.last_mut() {
			Some(last) if last.unlock_era == unlock_era => {
				last.shares = last.shares.saturating_add(minted)
			}
			_ => delegation
				.unbonding
				.try_push(UnbondingShares { unlock_era, shares: minted })
				.map_err(|_| Error::<T>::TooManyUnbondingChunks)?,
		}
		unbonding.set_pool(unbonding_pool);
		UnbondingPools::<T>::insert(provider, unlock_era, unbonding);
		Ok(unlock_era)
	}

	/// Pays out every unlocked unbonding chunk of `delegator` with `provider`; removes the
	/// position when nothing is left. Returns the number of chunks withdrawn.
	pub(crate) fn do_withdraw_delegation(
		delegator: &T::AccountId,
		provider: &T::AccountId,
	) -> Result<u32, DispatchError> {
		let mut delegation =
			Delegations::<T>::get(delegator, provider).ok_or(Error::<T>::NotDelegator)?;
		let mut pool = Pools::<T>::get(provider).ok_or(Error::<T>::NotProvider)?;
		let now = CurrentEra::<T>::get();
		let frozen_from = Self::frozen_from(provider);
		// Unlocked, and not frozen by an open claim (S4, S18).
		let withdrawable = |era: EraIndex| era <= now && frozen_from.is_none_or(|from| era < from);
		let mut total: BalanceOf<T> = Zero::zero();
		let mut withdrawn = 0u32;
		let mut emptied: BoundedVec<_, T::MaxUnbondingChunks> = BoundedVec::new();
		let mut updated: BoundedVec<_, T::MaxUnbondingChunks> = BoundedVec::new();
		for chunk in delegation.unbonding.iter().filter(|c| withdrawable(c.unlock_era)) {
			let Some(mut unbonding) = UnbondingPools::<T>::get(provider, chunk.unlock_era) else {
				frame_support::defensive!("an unbonding chunk without its unbonding pool");
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
		if withdrawn == 0 {
			let unlocked = delegation.unbonding.iter().any(|c| c.unlock_era <= now);
			return Err(if unlocked {
				Error::<T>::WithdrawalFrozen
			} else {
				Error::<T>::NothingToWithdraw
			}
			.into());
		}
		Self::return_delegation(delegator, total)?;
		for era in emptied {
			UnbondingPools::<T>::remove(provider, era);
		}
		for (era, unbonding) in updated {
			UnbondingPools::<T>::insert(provider, era, unbonding);
		}
		delegation.unbonding.retain(|c| !withdrawable(c.unlock_era));
		Self::deposit_event(Event::DelegationWithdrawn {
			delegator: delegator.clone(),
			provider: provider.clone(),
			amount: total,
		});
		Self::settle(provider, &mut delegation, &pool);
		if delegation.has_left() {
			// Leaving: pay what the position earned before removing it.
			delegation.auto_compound = false;
			Self::pay_rewards(delegator, provider, &mut delegation, &mut pool)?;
			Pools::<T>::insert(provider, pool);
		}
		Self::save_delegation(delegator, provider, delegation);
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
