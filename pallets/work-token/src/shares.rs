//! Share arithmetic of delegation and unbonding pools (S8).
//!
//! A pool holds `tokens` owned by `shares`. The exchange rate is `tokens / shares`; it is the
//! only source of truth for what a share is worth, and a slash changes it by lowering `tokens`
//! once, in O(1), for every holder at the same time.
//!
//! **Rounding rule: always in favour of the pool, never minting.**
//! - Joining with `amount` mints `floor(amount * shares / tokens)` shares.
//! - `s` shares are worth `floor(s * tokens / shares)` tokens.
//! - Taking out `amount` tokens burns `ceil(amount * shares / tokens)` shares.
//!
//! Each operation therefore loses the caller strictly less than one share's worth (one token
//! unit per operation while the rate is at most 1 token per share, as it is here: shares are
//! minted 1:1 and only slashes move the rate, downwards). What is lost stays in the pool and
//! raises the rate for the remaining holders; the last holder out receives all remaining
//! tokens exactly, so nothing is ever stranded and nothing is created.

use sp_arithmetic::{helpers_128bit::multiply_by_rational_with_rounding, traits::Zero, Rounding};

/// `a * b / c` with the given rounding, in 256-bit intermediate precision. `None` when `c` is
/// zero or the result does not fit in `u128`.
pub(crate) fn mul_div(a: u128, b: u128, c: u128, rounding: Rounding) -> Option<u128> {
	if c.is_zero() {
		return None;
	}
	multiply_by_rational_with_rounding(a, b, c, rounding)
}

/// A pool's tokens and the shares that own them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Pool {
	/// Tokens in the pool.
	pub tokens: u128,
	/// Shares outstanding.
	pub shares: u128,
}

/// Why a share operation was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareError {
	/// The pool has shares but no tokens left (fully slashed): joining would be free.
	Depleted,
	/// The amount is too small to mint a single share.
	TooSmall,
	/// More than the pool's tokens or the holder's shares.
	Insufficient,
	/// An intermediate value does not fit in 128 bits.
	Overflow,
}

impl Pool {
	/// Shares minted for depositing `amount`: `amount` itself into an empty pool, otherwise
	/// `floor(amount * shares / tokens)`.
	pub fn shares_for_deposit(&self, amount: u128) -> Result<u128, ShareError> {
		if self.shares.is_zero() {
			return if amount.is_zero() { Err(ShareError::TooSmall) } else { Ok(amount) };
		}
		if self.tokens.is_zero() {
			return Err(ShareError::Depleted);
		}
		let minted = mul_div(amount, self.shares, self.tokens, Rounding::Down)
			.ok_or(ShareError::Overflow)?;
		if minted.is_zero() {
			return Err(ShareError::TooSmall);
		}
		Ok(minted)
	}

	/// Tokens that `shares` are worth: `floor(shares * tokens / total_shares)`. All of the
	/// tokens when `shares` is every share.
	pub fn value_of(&self, shares: u128) -> u128 {
		if shares >= self.shares {
			return self.tokens;
		}
		mul_div(shares, self.tokens, self.shares, Rounding::Down).unwrap_or(0)
	}

	/// Shares to burn to take `amount` tokens out: `ceil(amount * shares / tokens)`.
	pub fn shares_for_withdrawal(&self, amount: u128) -> Result<u128, ShareError> {
		if amount > self.tokens {
			return Err(ShareError::Insufficient);
		}
		if amount.is_zero() {
			return Ok(0);
		}
		mul_div(amount, self.shares, self.tokens, Rounding::Up).ok_or(ShareError::Overflow)
	}

	/// Adds `amount` tokens and mints the shares for them. Returns the shares minted.
	pub fn deposit(&mut self, amount: u128) -> Result<u128, ShareError> {
		let minted = self.shares_for_deposit(amount)?;
		self.tokens = self.tokens.checked_add(amount).ok_or(ShareError::Overflow)?;
		self.shares = self.shares.checked_add(minted).ok_or(ShareError::Overflow)?;
		Ok(minted)
	}

	/// Burns `shares` and removes the tokens they are worth. Returns those tokens.
	pub fn redeem(&mut self, shares: u128) -> Result<u128, ShareError> {
		if shares > self.shares {
			return Err(ShareError::Insufficient);
		}
		let value = self.value_of(shares);
		self.tokens = self.tokens.saturating_sub(value);
		self.shares = self.shares.saturating_sub(shares);
		if self.shares.is_zero() {
			// Defensive: the last shares always take every token (see `value_of`).
			self.tokens = 0;
		}
		Ok(value)
	}

	/// Removes `amount` tokens, burning `ceil` of their share equivalent from a holder with
	/// `held` shares. When that burns all of the holder's shares, the holder's whole value is
	/// removed instead (so no holder leaves a remainder behind). Returns `(burnt, removed)`.
	pub fn withdraw(&mut self, amount: u128, held: u128) -> Result<(u128, u128), ShareError> {
		if held > self.shares {
			return Err(ShareError::Insufficient);
		}
		let burnt = self.shares_for_withdrawal(amount)?;
		if burnt > held {
			return Err(ShareError::Insufficient);
		}
		if burnt == held {
			let removed = self.redeem(held)?;
			return Ok((held, removed));
		}
		self.tokens = self.tokens.saturating_sub(amount);
		self.shares = self.shares.saturating_sub(burnt);
		Ok((burnt, amount))
	}
}
