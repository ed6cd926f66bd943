//! Exposure (S4, S10, S30): which eras of a provider's stake may still be slashed.
//!
//! An **open claim** on a provider is anything that may still take stake that was bonded in a
//! given era: a pending (or held) slash, for its offence era, in [`Exposures`]; and open work a
//! market assigned, for the era it was assigned in (a missed deadline or an upheld challenge is
//! an offence of that era or later), in [`WorkExposures`]. Both count claims per provider and
//! era; their keys are the eras in big-endian bytes under the `Identity` hasher, so a
//! provider's entries iterate in era order and the oldest open era is two reads, however many
//! claims there are. Nothing about them is bounded per provider, so no account can fill them
//! to keep a report out (S28).
//!
//! Two rules read the oldest open era `o`:
//! - **frozen withdrawals**: stake unlocking in `o + UnbondingPeriod` or later (the provider's
//!   chunks and its delegators' unbonding pools) cannot be withdrawn while the claim is open;
//! - **entry**: tokens delegated in era `e` enter the pool only when no claim of era `e` or
//!   older is open (see [`crate::entry`]), so a joiner never pays for an offence before it
//!   joined, nor for one of its own era that was already reported when it joined.

use crate::{slashing::at_risk_from, Config, EraIndex, Exposures, Pallet, WorkExposures};

/// The storage key of `era`: big-endian, so that keys sort by era.
pub(crate) fn era_key(era: EraIndex) -> [u8; 4] {
	era.to_be_bytes()
}

impl<T: Config> Pallet<T> {
	/// Opens a claim on `provider` for stake bonded in `era` (a pending slash).
	pub(crate) fn open_exposure(provider: &T::AccountId, era: EraIndex) {
		Exposures::<T>::mutate(provider, era_key(era), |count| {
			*count = Some(count.unwrap_or(0).saturating_add(1));
		});
	}

	/// Closes a claim opened with [`Self::open_exposure`].
	pub(crate) fn close_exposure(provider: &T::AccountId, era: EraIndex) {
		Exposures::<T>::mutate_exists(provider, era_key(era), |count| match count {
			Some(n) if *n > 1 => *n = n.saturating_sub(1),
			Some(_) => *count = None,
			None => {
				frame_support::defensive!("closing an exposure that is not open");
			}
		});
	}

	/// Opens a claim on `provider` for work assigned to it in `era`.
	pub(crate) fn open_work_exposure(provider: &T::AccountId, era: EraIndex) {
		WorkExposures::<T>::mutate(provider, era_key(era), |count| {
			*count = Some(count.unwrap_or(0).saturating_add(1));
		});
	}

	/// Closes a claim opened with [`Self::open_work_exposure`].
	pub(crate) fn close_work_exposure(provider: &T::AccountId, era: EraIndex) {
		WorkExposures::<T>::mutate_exists(provider, era_key(era), |count| match count {
			Some(n) if *n > 1 => *n = n.saturating_sub(1),
			Some(_) => *count = None,
			None => {
				frame_support::defensive!("closing a work exposure that is not open");
			}
		});
	}

	/// The oldest era with an open claim on `provider`: two reads, however many claims.
	pub fn oldest_exposed_era(provider: &T::AccountId) -> Option<EraIndex> {
		let slashes = Exposures::<T>::iter_prefix(provider).next().map(|(key, _)| key);
		let work = WorkExposures::<T>::iter_prefix(provider).next().map(|(key, _)| key);
		slashes.into_iter().chain(work).min().map(EraIndex::from_be_bytes)
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
