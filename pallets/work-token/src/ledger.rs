//! The provider stake ledger: bonding, unbonding into chunks, rebonding and withdrawing.
//!
//! Every method either succeeds and leaves the ledger consistent, or fails with a named
//! [`Error`] and leaves the ledger exactly as it was (checks come before any change).
//!
//! **One owner.** [`StakeLedger::save`], [`StakeLedger::save_slashed`],
//! [`StakeLedger::save_bookkeeping`] and [`StakeLedger::kill`] are the only writers of
//! [`Ledgers`], of [`TotalStaked`] and of the `ProviderStake` hold. `save` brings the hold to
//! the ledger's total (holding what it grew by, releasing what it shrank by) and moves
//! [`TotalStaked`] by the same amount, so the three cannot drift apart: code elsewhere changes a
//! ledger in memory, then saves it.

use crate::{
	BalanceOf, Config, CreditOf, EraIndex, Error, HoldReason, Ledgers, StakeLedger, TotalStaked,
	UnlockChunk,
};
use frame_support::{
	traits::{
		fungible::{InspectHold, MutateHold},
		tokens::{imbalance::Imbalance, Precision},
	},
	BoundedVec,
};
use sp_runtime::{
	traits::{CheckedAdd, CheckedSub, Saturating, Zero},
	DispatchResult,
};

/// The rule of S2: active self-stake is either zero or at least the minimum provider stake.
pub(crate) fn respects_minimum<B: Zero + PartialOrd>(active: &B, minimum: &B) -> bool {
	active.is_zero() || active >= minimum
}

impl<T: Config> StakeLedger<T> {
	/// A ledger with `active` bonded and nothing unbonding.
	pub fn new(active: BalanceOf<T>) -> Self {
		Self { active, unlocking: BoundedVec::new(), earning: Zero::zero(), underfunded: false }
	}

	/// Sum of all unbonding chunks.
	pub fn unlocking_total(&self) -> BalanceOf<T> {
		self.unlocking
			.iter()
			.fold(Zero::zero(), |acc: BalanceOf<T>, chunk| acc.saturating_add(chunk.value))
	}

	/// Everything the ledger accounts for: active plus unbonding. Equals the held balance.
	pub fn total(&self) -> BalanceOf<T> {
		self.active.saturating_add(self.unlocking_total())
	}

	/// True when nothing is bonded and nothing is unbonding.
	pub fn is_empty(&self) -> bool {
		self.active.is_zero() && self.unlocking.is_empty()
	}

	/// Adds `amount` to the active stake, which must then be at least `minimum`. The ledger's
	/// total (active + unbonding) must stay representable.
	pub fn bond(&mut self, amount: BalanceOf<T>, minimum: BalanceOf<T>) -> Result<(), Error<T>> {
		if amount.is_zero() {
			return Err(Error::<T>::ZeroAmount);
		}
		self.total().checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		let new_active = self.active.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		if !respects_minimum(&new_active, &minimum) {
			return Err(Error::<T>::BelowMinimumStake);
		}
		self.active = new_active;
		Ok(())
	}

	/// Moves `amount` from active stake into a chunk that unlocks at `unlock_era`, merging with
	/// the newest chunk when it unlocks in the same era.
	pub fn unbond(
		&mut self,
		amount: BalanceOf<T>,
		unlock_era: EraIndex,
		minimum: BalanceOf<T>,
	) -> Result<(), Error<T>> {
		if amount.is_zero() {
			return Err(Error::<T>::ZeroAmount);
		}
		let remaining =
			self.active.checked_sub(&amount).ok_or(Error::<T>::InsufficientActiveStake)?;
		if !respects_minimum(&remaining, &minimum) {
			return Err(Error::<T>::BelowMinimumStake);
		}
		match self.unlocking.last_mut() {
			Some(last) if last.unlock_era == unlock_era => {
				last.value = last.value.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
			}
			_ => self
				.unlocking
				.try_push(UnlockChunk { value: amount, unlock_era })
				.map_err(|_| Error::<T>::TooManyUnbondingChunks)?,
		}
		self.active = remaining;
		self.earning = self.earning.min(remaining);
		Ok(())
	}

	/// Moves `amount` back from the newest unbonding chunks into active stake. Returns how many
	/// chunks were touched (the cost driver of the call).
	pub fn rebond(&mut self, amount: BalanceOf<T>, minimum: BalanceOf<T>) -> Result<u32, Error<T>> {
		if amount.is_zero() {
			return Err(Error::<T>::ZeroAmount);
		}
		if amount > self.unlocking_total() {
			return Err(Error::<T>::NotEnoughUnbonding);
		}
		let new_active = self.active.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		if !respects_minimum(&new_active, &minimum) {
			return Err(Error::<T>::BelowMinimumStake);
		}
		let mut left = amount;
		let mut touched = 0u32;
		while !left.is_zero() {
			let Some(last) = self.unlocking.last_mut() else {
				// Unreachable: `amount <= unlocking_total()` was checked above.
				return Err(Error::<T>::NotEnoughUnbonding);
			};
			touched = touched.saturating_add(1);
			if last.value <= left {
				left = left.saturating_sub(last.value);
				self.unlocking.pop();
			} else {
				last.value = last.value.saturating_sub(left);
				left = Zero::zero();
			}
		}
		self.active = new_active;
		Ok(touched)
	}

	/// Removes every chunk that has unlocked by `current_era` and is not frozen (unlocking in
	/// `frozen_from` or later while a slash is pending), and returns the sum withdrawn and the
	/// number of chunks removed.
	pub fn withdraw_unlocked(
		&mut self,
		current_era: EraIndex,
		frozen_from: Option<EraIndex>,
	) -> (BalanceOf<T>, u32) {
		let mut withdrawn: BalanceOf<T> = Zero::zero();
		let before = self.unlocking.len();
		self.unlocking.retain(|chunk| {
			let frozen = frozen_from.is_some_and(|from| chunk.unlock_era >= from);
			if chunk.unlock_era <= current_era && !frozen {
				withdrawn = withdrawn.saturating_add(chunk.value);
				false
			} else {
				true
			}
		});
		let removed = before.saturating_sub(self.unlocking.len());
		(withdrawn, u32::try_from(removed).unwrap_or(u32::MAX))
	}
}

impl<T: Config> StakeLedger<T> {
	/// `who`'s ledger, if it is registered.
	pub(crate) fn get(who: &T::AccountId) -> Option<Self> {
		Ledgers::<T>::get(who)
	}

	/// Writes this ledger as `who`'s and brings its `ProviderStake` hold and [`TotalStaked`] to
	/// the ledger's total: holds what the total grew by from `who`'s free balance, releases what
	/// it shrank by. The hold comes first; if it fails, nothing is written.
	pub(crate) fn save(self, who: &T::AccountId) -> DispatchResult {
		let reason = HoldReason::ProviderStake.into();
		let held = T::Currency::balance_on_hold(&reason, who);
		let total = self.total();
		if total > held {
			let more = total.saturating_sub(held);
			T::Currency::hold(&reason, who, more)?;
			TotalStaked::<T>::mutate(|staked| *staked = staked.saturating_add(more));
		} else if held > total {
			let less = held.saturating_sub(total);
			T::Currency::release(&reason, who, less, Precision::Exact)?;
			TotalStaked::<T>::mutate(|staked| *staked = staked.saturating_sub(less));
		}
		Ledgers::<T>::insert(who, self);
		Ok(())
	}

	/// Burns `amount` of `who`'s held stake for a slash, this ledger having been cut by as
	/// much, and writes the ledger. Returns the credit of what was burnt.
	pub(crate) fn save_slashed(self, who: &T::AccountId, amount: BalanceOf<T>) -> CreditOf<T> {
		let (credit, missing) =
			<T::Currency as frame_support::traits::fungible::BalancedHold<_>>::slash(
				&HoldReason::ProviderStake.into(),
				who,
				amount,
			);
		if !missing.is_zero() {
			frame_support::defensive!("a provider's hold is short of its ledger");
		}
		TotalStaked::<T>::mutate(|staked| *staked = staked.saturating_sub(credit.peek()));
		if self.save(who).is_err() {
			frame_support::defensive!("a slashed ledger equals its remaining hold");
		}
		credit
	}

	/// Writes this ledger as `who`'s after a change that leaves its active and unbonding stake
	/// as they were (the era's bookkeeping of `earning` and `underfunded`): no hold moves.
	pub(crate) fn save_bookkeeping(self, who: &T::AccountId) {
		Ledgers::<T>::insert(who, self);
	}

	/// Removes `who`'s ledger, which must be empty (nothing held).
	pub(crate) fn kill(who: &T::AccountId) {
		if Ledgers::<T>::take(who).is_some_and(|ledger| !ledger.is_empty()) {
			frame_support::defensive!("a ledger is removed only when it is empty");
		}
	}
}

/// Why a ledger failed an integrity check; used by `try_state`.
#[cfg(any(feature = "std", feature = "try-runtime", test))]
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum LedgerDefect {
	/// A chunk holds zero.
	ZeroChunk,
	/// Chunks are not in non-decreasing unlock order, or two share an era.
	UnorderedChunks,
}

#[cfg(any(feature = "std", feature = "try-runtime", test))]
impl<T: Config> StakeLedger<T> {
	/// Checks the ledger's own shape (not its relation to balances).
	pub(crate) fn check(&self) -> Result<(), LedgerDefect> {
		if self.unlocking.iter().any(|c| c.value.is_zero()) {
			return Err(LedgerDefect::ZeroChunk);
		}
		if self.unlocking.windows(2).any(|w| match w {
			[a, b] => a.unlock_era >= b.unlock_era,
			_ => false,
		}) {
			return Err(LedgerDefect::UnorderedChunks);
		}
		Ok(())
	}
}
