//! Leaving (S3, S31, S37): a provider deregisters, and positions that a provider can no longer
//! serve can be closed by anyone.
//!
//! **`deregister`.** A provider without open jobs announces that it leaves: all of its active
//! stake starts unbonding, it leaves the active set in the same block, and it takes no new
//! work, delegations, stake or rebonds ([`crate::Event::ProviderDeregistered`] tells its
//! delegators). Its delegators can only exit. Once its last chunk is withdrawn, its last
//! position closed and no claim is open on it, its records are removed; its strikes and
//! tombstone stay with the account (and a market's reputation, which the market keeps).
//!
//! **`deregister_underfunded`.** So that nobody holds provider seats (`MaxProviders`) with
//! stake too small to work, anyone may deregister a provider that is not in the active set and
//! whose self-stake was below the minimum for the whole of the last era and still is (its
//! active and earning stake): after the minimum rises, a provider has one full era to top up. The dynamic minimum rises when there are more eligible providers than the
//! market needs, so a squatter must keep paying the going price for every seat it holds. The
//! evicted provider's stake unbonds normally; nothing is slashed.
//!
//! **`kick`.** So that no dormant account holds a slot forever (S31), anyone may close the
//! position of another account with a provider that has deregistered, is tombstoned, or whose
//! pool was slashed to nothing while shares remain (such a pool cannot take new tokens until
//! its worthless shares are gone). Kicking does what the delegator could do itself and moves
//! value only to the delegator: waiting tokens are paid back, bonded tokens start unbonding (a
//! worthless share is simply burnt), unlocked chunks are paid out, and settled rewards are paid
//! when the position empties.

use crate::{
	BalanceOf, Config, CurrentEra, Delegations, Error, Event, Ledgers, Pallet, Pools, Providers,
	Tombstones,
};
use frame_support::{ensure, traits::Get};
use sp_runtime::{
	traits::{Bounded, Zero},
	DispatchResult,
};
use work_token_primitives::MarketSignals;

impl<T: Config> Pallet<T> {
	/// `deregister_underfunded`: see the module docs.
	pub(crate) fn do_deregister_underfunded(provider: &T::AccountId) -> DispatchResult {
		let ledger = Ledgers::<T>::get(provider).ok_or(Error::<T>::NotProvider)?;
		let minimum = crate::MinProviderStake::<T>::get();
		let underfunded = ledger.underfunded && ledger.active < minimum && ledger.earning < minimum;
		ensure!(underfunded && !Self::in_active_set(provider), Error::<T>::NotUnderfunded);
		Self::do_deregister(provider)
	}

	/// `deregister`: see the module docs.
	pub(crate) fn do_deregister(who: &T::AccountId) -> DispatchResult {
		let mut info = Providers::<T>::get(who).ok_or(Error::<T>::NotProvider)?;
		ensure!(!info.leaving, Error::<T>::ProviderLeaving);
		ensure!(T::Market::open_work(who) == 0, Error::<T>::HasOpenJobs);
		let mut ledger = Ledgers::<T>::get(who).ok_or(Error::<T>::NotProvider)?;
		let unbonded = ledger.active;
		let unlock_era = CurrentEra::<T>::get().saturating_add(T::UnbondingPeriod::get());
		if !unbonded.is_zero() {
			ledger.unbond(unbonded, unlock_era, Zero::zero())?;
		}
		info.leaving = true;
		info.chilled = true;
		ledger.save(who)?;
		Providers::<T>::insert(who, info);
		Self::remove_from_active_set(who);
		Self::deposit_event(Event::ProviderDeregistered {
			provider: who.clone(),
			unbonded,
			unlock_era,
		});
		Self::maybe_remove_provider(who);
		Ok(())
	}

	/// Whether positions with `provider` may be kicked: it deregistered, is tombstoned, or its
	/// pool holds shares but no tokens.
	fn kickable(provider: &T::AccountId) -> bool {
		let leaving = Providers::<T>::get(provider).is_some_and(|info| info.leaving);
		let depleted = Pools::<T>::get(provider)
			.is_some_and(|pool| pool.tokens.is_zero() && !pool.shares.is_zero());
		leaving || depleted || Tombstones::<T>::contains_key(provider)
	}

	/// `kick`: closes what it can of `delegator`'s position with `provider` (module docs).
	pub(crate) fn do_kick(
		by: &T::AccountId,
		delegator: &T::AccountId,
		provider: &T::AccountId,
	) -> DispatchResult {
		let delegation =
			Delegations::<T>::get(delegator, provider).ok_or(Error::<T>::NotDelegator)?;
		ensure!(Self::kickable(provider), Error::<T>::NotKickable);
		let bonded = !delegation.shares.is_zero() || !delegation.entering.is_empty();
		if bonded {
			// At least the position's value: everything, worthless shares included.
			Self::do_undelegate(delegator, provider, <BalanceOf<T> as Bounded>::max_value())?;
		}
		let withdrawn = match Self::do_withdraw_delegation(delegator, provider) {
			Ok(chunks) => chunks,
			Err(e) if e == Error::<T>::NothingToWithdraw.into() => 0,
			Err(e) if e == Error::<T>::WithdrawalFrozen.into() => 0,
			Err(e) if e == Error::<T>::NotDelegator.into() => 0,
			Err(e) => return Err(e),
		};
		ensure!(bonded || withdrawn > 0, Error::<T>::NothingToKick);
		Self::deposit_event(Event::Kicked {
			by: by.clone(),
			delegator: delegator.clone(),
			provider: provider.clone(),
		});
		Ok(())
	}
}
