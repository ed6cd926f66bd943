//! Consequences of applied slashes beyond the tokens (S16, S17): repeat-offence strikes,
//! jail and tombstones.
//!
//! - Every applied slash adds a strike. Strikes decay by one every `StrikeDecayEras` eras
//!   (computed lazily, no hook work) and are capped at `MaxStrikes`. A report made with `s`
//!   strikes standing uses the fraction `base × (1 + StrikeEscalation × s)`, at most 100%.
//!   Strikes count applied slashes only, so a report that is overturned or cancelled never
//!   escalates anything, and each incident can be reported once, so it is punished once.
//! - Major and Critical slashes jail the provider for `JailEras` eras from the era they apply
//!   in. Jail takes effect at once (S33): the provider leaves the active set in the same block,
//!   is never drawn, earns no era reward and takes no new delegations until it calls `unjail`
//!   after the jail has run out. A provider suspended by a disputed slash (see
//!   [`crate::disputes`]) is treated the same way until the verdict.
//! - A Critical slash also tombstones the account: it can never be jailed free or register
//!   again. Its remaining stake and its delegators can still leave (anyone may `kick` them).
//! - Strikes belong to the account, not to a registration (S32): leaving and registering again
//!   keeps them until they decay.

use crate::{
	slashing::decayed_strikes, Config, CurrentEra, Error, Event, Offences, Pallet, Providers,
	Severity, Tombstones,
};
use frame_support::{ensure, traits::Get};
use sp_runtime::DispatchResult;

impl<T: Config> Pallet<T> {
	/// Counts a strike for an applied slash and jails or tombstones by `severity`.
	pub(crate) fn record_strike(provider: &T::AccountId, severity: Severity, now: u32) {
		let mut record = Self::offence_record(provider);
		let standing =
			decayed_strikes(record.strikes, record.last_strike_era, now, T::StrikeDecayEras::get());
		record.strikes = standing.saturating_add(1).min(T::MaxStrikes::get());
		record.last_strike_era = now;
		Offences::<T>::insert(provider, record);
		if severity == Severity::Minor {
			return;
		}
		let until = now.saturating_add(T::JailEras::get());
		Providers::<T>::mutate(provider, |info| {
			if let Some(info) = info {
				info.jailed_until = Some(info.jailed_until.map_or(until, |u| u.max(until)));
			}
		});
		Self::remove_from_active_set(provider);
		Self::deposit_event(Event::Jailed { provider: provider.clone(), until });
		if severity == Severity::Critical && !Tombstones::<T>::contains_key(provider) {
			Tombstones::<T>::insert(provider, now);
			Self::deposit_event(Event::Tombstoned { provider: provider.clone() });
		}
	}

	/// Whether `provider` is barred from work: jailed, suspended by a disputed slash, or
	/// tombstoned (no work, no rewards, no new delegations). "Jailed" alone means a jail term
	/// (`jailed_until`), ended by `unjail`.
	pub fn is_barred(provider: &T::AccountId) -> bool {
		Tombstones::<T>::contains_key(provider)
			|| Providers::<T>::get(provider).is_some_and(|info| info.jailed_until.is_some())
			|| Offences::<T>::get(provider).is_some_and(|r| r.suspensions > 0)
	}

	/// `unjail`: ends a jail that has run out.
	pub(crate) fn do_unjail(provider: &T::AccountId) -> DispatchResult {
		ensure!(!Tombstones::<T>::contains_key(provider), Error::<T>::Tombstoned);
		Providers::<T>::try_mutate(provider, |info| -> DispatchResult {
			let info = info.as_mut().ok_or(Error::<T>::NotProvider)?;
			let until = info.jailed_until.ok_or(Error::<T>::NotJailed)?;
			ensure!(CurrentEra::<T>::get() >= until, Error::<T>::StillJailed);
			info.jailed_until = None;
			Ok(())
		})?;
		Self::deposit_event(Event::Unjailed { provider: provider.clone() });
		Ok(())
	}
}
