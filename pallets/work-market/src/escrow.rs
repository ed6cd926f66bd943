//! The escrow: where job fees wait from submission until they are paid or refunded.
//!
//! A fee leaves the client's account when the job is submitted: it moves into the market's
//! escrow account ([`Pallet::escrow_account`], derived from `Config::PalletId`) and is held
//! there under [`HoldReason::JobFee`]. It is moved with `Fortitude::Polite`, so tokens the
//! client has locked (for example by a conviction vote) can never become a fee, and once
//! escrowed a fee can no longer be voted or locked by the client. Paying or refunding it later
//! moves tokens out of the escrow only, which nobody can lock: no client can block a payment,
//! and no payment can carry locked tokens out of a voter's account.
//!
//! This file is the only mover of the escrow's funds. The escrow holds the existential deposit
//! from genesis, and `try_state` checks that its `JobFee` hold equals the fees of all queued
//! and open jobs.

use crate::{BalanceOf, Config, Event, HoldReason, Pallet};
use frame_support::traits::{
	fungible::{BalancedHold, Inspect, InspectHold, Mutate, MutateHold},
	tokens::{imbalance::OnUnbalanced, Fortitude, Precision, Preservation, Restriction},
	Get, Imbalance,
};
use sp_runtime::{
	traits::{AccountIdConversion, Saturating, Zero},
	DispatchResult,
};

impl<T: Config> Pallet<T> {
	/// The account job fees wait in.
	pub fn escrow_account() -> T::AccountId {
		T::PalletId::get().into_account_truncating()
	}

	/// Fees of queued and open jobs, held in the escrow.
	pub fn escrowed_fees() -> BalanceOf<T> {
		T::Currency::balance_on_hold(&HoldReason::JobFee.into(), &Self::escrow_account())
	}

	/// Gives the escrow account the existential deposit (genesis).
	pub(crate) fn create_escrow() {
		let escrow = Self::escrow_account();
		let minimum = T::Currency::minimum_balance();
		let missing = minimum.saturating_sub(T::Currency::balance(&escrow));
		if !missing.is_zero() && T::Currency::mint_into(&escrow, missing).is_err() {
			frame_support::defensive!("the escrow account can be endowed at genesis");
		}
	}

	/// Moves `fee` from `client`'s spendable (unlocked) balance into the escrow.
	pub(crate) fn escrow_fee(client: &T::AccountId, fee: BalanceOf<T>) -> DispatchResult {
		T::Currency::transfer_and_hold(
			&HoldReason::JobFee.into(),
			client,
			&Self::escrow_account(),
			fee,
			Precision::Exact,
			Preservation::Preserve,
			Fortitude::Polite,
		)?;
		Ok(())
	}

	/// Takes `ProtocolFee` of `fee` from the escrow to `OnProtocolFee`; returns what it took.
	pub(crate) fn take_protocol_fee(fee: BalanceOf<T>) -> BalanceOf<T> {
		let cut = T::ProtocolFee::get().mul_floor(fee);
		let (credit, _) = <T::Currency as BalancedHold<T::AccountId>>::slash(
			&HoldReason::JobFee.into(),
			&Self::escrow_account(),
			cut,
		);
		let taken = credit.peek();
		T::OnProtocolFee::on_unbalanced(credit);
		taken
	}

	/// Pays `amount` of escrowed fees to `to` (free balance). Returns whether it moved.
	pub(crate) fn pay_from_escrow(to: &T::AccountId, amount: BalanceOf<T>) -> bool {
		T::Currency::transfer_on_hold(
			&HoldReason::JobFee.into(),
			&Self::escrow_account(),
			to,
			amount,
			Precision::Exact,
			Restriction::Free,
			Fortitude::Polite,
		)
		.is_ok()
	}

	/// Refunds `amount` of escrowed fees to `client`. A refund the client's account cannot
	/// take (the account was closed and the refund is below the existential deposit) goes to
	/// `OnProtocolFee` instead, with [`Event::RefundForfeited`].
	pub(crate) fn refund_fee(client: &T::AccountId, amount: BalanceOf<T>) {
		if amount.is_zero() || Self::pay_from_escrow(client, amount) {
			return;
		}
		let (credit, _) = <T::Currency as BalancedHold<T::AccountId>>::slash(
			&HoldReason::JobFee.into(),
			&Self::escrow_account(),
			amount,
		);
		let forfeited = credit.peek();
		T::OnProtocolFee::on_unbalanced(credit);
		Self::deposit_event(Event::RefundForfeited { client: client.clone(), amount: forfeited });
	}
}
