//! Exposure (S4, S10, S30): which eras of a provider's stake may still be slashed.
//!
//! An **open claim** on a provider is anything that may still take stake that was bonded in a
//! given era: a pending (or held) slash, for its offence era; and open work a market assigned,
//! for the era it was assigned in (a missed deadline or an upheld challenge is an offence of
//! that era or later). [`Exposures`] counts both kinds per provider and era ([`OpenClaims`]);
//! its keys are the eras in big-endian bytes under the `Identity` hasher, so a provider's
//! entries iterate in era order and the oldest open era is one read, however many claims
//! there are. Nothing about it is bounded per provider, so no account can fill it
//! to keep a report out (S28).
//!
//! Two rules read the oldest open era `o`:
//! - **frozen withdrawals**: stake unlocking in `o + UnbondingPeriod` or later (the provider's
//!   chunks and its delegators' unbonding pools) cannot be withdrawn while the claim is open;
//! - **entry**: tokens delegated in era `e` enter the pool only when no claim of era `e` or
//!   older is open (see [`crate::entry`]), so a joiner never pays for an offence before it
//!   joined, nor for one of its own era that was already reported when it joined.

use crate::{Config, EraIndex, Exposures, OpenClaims, Pallet};
use frame_support::traits::Get;

/// A kind of open claim.
#[derive(Clone, Copy)]
pub(crate) enum Claim {
	/// A pending or held slash, for its offence era.
	Slash,
	/// Work a market assigned, for the era it was assigned in.
	Work,
}

impl OpenClaims {
	/// Open claims of kind `claim`.
	pub(crate) fn count(&self, claim: Claim) -> u32 {
		match claim {
			Claim::Slash => self.slashes,
			Claim::Work => self.work,
		}
	}

	fn count_mut(&mut self, claim: Claim) -> &mut u32 {
		match claim {
			Claim::Slash => &mut self.slashes,
			Claim::Work => &mut self.work,
		}
	}

	/// True when no claim is open.
	pub fn is_empty(&self) -> bool {
		self.slashes == 0 && self.work == 0
	}
}

/// The first unlock era of stake that was still bonded in `offence_era`: chunks unlocking in
/// it or later were bonded then, and are at risk for an offence of that era.
pub(crate) fn at_risk_from<T: Config>(offence_era: EraIndex) -> EraIndex {
	offence_era.saturating_add(T::UnbondingPeriod::get())
}

/// The storage key of `era`: big-endian, so that keys sort by era.
pub(crate) fn era_key(era: EraIndex) -> [u8; 4] {
	era.to_be_bytes()
}

impl<T: Config> Pallet<T> {
	/// Opens a `claim` on `provider` for stake bonded in `era`.
	pub(crate) fn open_claim(provider: &T::AccountId, era: EraIndex, claim: Claim) {
		Exposures::<T>::mutate(provider, era_key(era), |claims| {
			let claims = claims.get_or_insert_with(OpenClaims::default);
			let count = claims.count_mut(claim);
			*count = count.saturating_add(1);
		});
	}

	/// Closes a claim opened with [`Self::open_claim`].
	pub(crate) fn close_claim(provider: &T::AccountId, era: EraIndex, claim: Claim) {
		Exposures::<T>::mutate_exists(provider, era_key(era), |claims| {
			let Some(open) = claims.as_mut().filter(|c| c.count(claim) > 0) else {
				frame_support::defensive!("closing a claim that is not open");
				return;
			};
			let count = open.count_mut(claim);
			*count = count.saturating_sub(1);
			if open.is_empty() {
				*claims = None;
			}
		});
	}

	/// The oldest era with an open claim on `provider`: one read, however many claims.
	pub fn oldest_exposed_era(provider: &T::AccountId) -> Option<EraIndex> {
		Exposures::<T>::iter_prefix(provider).next().map(|(key, _)| EraIndex::from_be_bytes(key))
	}
	/// The first unlock era frozen by `provider`'s open claims: chunks and unbonding pools
	/// unlocking in it or later wait until the claims are settled (S4, S18).
	pub fn frozen_from(provider: &T::AccountId) -> Option<EraIndex> {
		Self::oldest_exposed_era(provider).map(at_risk_from::<T>)
	}

	/// Whether any claim of `era` or older is open on `provider`.
	pub(crate) fn exposed_up_to(provider: &T::AccountId, era: EraIndex) -> bool {
		Self::oldest_exposed_era(provider).is_some_and(|oldest| oldest <= era)
	}
}
