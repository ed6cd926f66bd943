//! Storage invariants, checked by `try_state` and after every unit test (S25).

use crate::{
	BalanceOf, Config, DelegationCount, Delegations, HoldReason, Ledgers, Pallet, Pools,
	ProviderCount, Providers, TotalDelegated, TotalStaked, UnbondingPools,
};
use alloc::collections::btree_map::BTreeMap;
use frame_support::traits::{
	fungible::{Inspect, InspectHold},
	Get,
};
use sp_runtime::traits::{Saturating, UniqueSaturatedInto, Zero};

// `invariant!(condition, "what is wrong")` fails the check with that message.
use frame_support::ensure as invariant;

impl<T: Config> Pallet<T> {
	/// Checks every invariant of the pallet's storage against itself and the balances.
	///
	/// - every ledger is well formed (no zero chunk, chunks ordered, not empty);
	/// - a ledger exists exactly for each registered provider;
	/// - each provider's held stake equals its ledger's total;
	/// - [`TotalStaked`] equals the sum of all ledgers;
	/// - [`ProviderCount`] equals the number of providers and is within `MaxProviders`;
	/// - see [`Self::check_delegations`] for the delegation side.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		Self::check_stake()?;
		Self::check_commission_schedule()?;
		Self::check_delegations()?;
		Self::check_rewards()?;
		Self::check_slashes()?;
		Self::check_exposures()?;
		Self::check_active_set()
	}

	/// Exposure invariants: each provider's slash claims per era equal its pending and held
	/// slashes of offences in that era; work claims are positive and of registered providers
	/// (a market checks them against its open work).
	fn check_exposures() -> Result<(), sp_runtime::TryRuntimeError> {
		let mut claims: BTreeMap<(T::AccountId, crate::EraIndex), u32> = BTreeMap::new();
		let held = crate::Fallbacks::<T>::iter_values().map(|(_, slash)| slash);
		for slash in crate::PendingSlashes::<T>::iter_values().chain(held) {
			let n = claims.entry((slash.provider, slash.offence_era)).or_insert(0);
			*n = n.saturating_add(1);
		}
		for (provider, key, open) in crate::Exposures::<T>::iter() {
			invariant!(!open.is_empty(), "empty exposure stored");
			invariant!(
				open.work == 0 || Providers::<T>::contains_key(&provider),
				"work claim on a missing provider"
			);
			let era = crate::EraIndex::from_be_bytes(key);
			let counted = claims.remove(&(provider, era)).unwrap_or(0);
			invariant!(open.slashes == counted, "exposure count differs from open claims");
		}
		invariant!(claims.is_empty(), "open claim without an exposure");
		Ok(())
	}

	/// Active-set invariants: sorted by effective stake (ties by account id), running totals
	/// exact, no provider twice, and no member that takes no work (jailed, suspended,
	/// tombstoned, leaving or gone: S33).
	fn check_active_set() -> Result<(), sp_runtime::TryRuntimeError> {
		let set = crate::ActiveSet::<T>::get();
		let mut total = 0u128;
		for (i, member) in set.iter().enumerate() {
			invariant!(
				Self::takes_work(&member.who),
				"active set holds a provider that takes no work"
			);
			total = total.saturating_add(member.effective_stake);
			invariant!(member.cumulative == total, "active set running total is off");
			if let Some(next) = set.get(i.saturating_add(1)) {
				let ordered = member.effective_stake > next.effective_stake
					|| (member.effective_stake == next.effective_stake && member.who < next.who);
				invariant!(ordered, "active set out of order");
			}
		}
		Ok(())
	}

	/// Slashing invariants:
	/// - every pending slash references a registered provider, has an id below the next id, an
	///   offence no later than its report, and its incident points back at it (and every
	///   incident points at a pending slash);
	/// - each account's pending count, locked amounts and suspensions equal the sums over its
	///   pending slashes;
	/// - the application cursors never pass the next id;
	/// - the report bonds and dispute bonds on hold equal those of the pending slashes.
	fn check_slashes() -> Result<(), sp_runtime::TryRuntimeError> {
		use crate::{CurrentEra, Incidents, Offences, PendingSlashes, SlashQueueState};
		let queue = SlashQueueState::<T>::get();
		invariant!(queue.apply_cursor <= queue.next_id, "apply cursor past the next id");
		invariant!(queue.timeout_cursor <= queue.next_id, "timeout cursor past the next id");
		let now = CurrentEra::<T>::get();
		let mut report_bonds: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut dispute_bonds: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		type Totals<B> = (u32, B, B, u32);
		let mut totals: BTreeMap<T::AccountId, Totals<BalanceOf<T>>> = BTreeMap::new();
		let mut listed = 0usize;
		for (id, slash) in PendingSlashes::<T>::iter() {
			listed = listed.saturating_add(1);
			invariant!(id < queue.next_id, "pending slash id not yet issued");
			invariant!(
				Providers::<T>::contains_key(&slash.provider),
				"slash of a missing provider"
			);
			invariant!(slash.offence_era <= slash.reported_era, "offence after its report");
			invariant!(slash.reported_era <= now, "slash reported in the future");
			invariant!(
				Incidents::<T>::get(&slash.provider, slash.incident()) == Some(id),
				"pending slash without its incident"
			);
			invariant!(
				slash.dispute_bond.is_none() || slash.decided.is_none(),
				"a decided slash still holds a dispute bond"
			);
			let t =
				totals.entry(slash.provider.clone()).or_insert((0, Zero::zero(), Zero::zero(), 0));
			t.0 = t.0.saturating_add(1);
			t.1 = t.1.saturating_add(slash.own);
			t.2 = t.2.saturating_add(slash.pool);
			t.3 = t.3.saturating_add(u32::from(slash.suspends));
			if let Some(reporter) = slash.reporter {
				let bond = report_bonds.entry(reporter).or_insert(Zero::zero());
				*bond = bond.saturating_add(slash.report_bond);
			}
			if let Some(dispute) = slash.dispute_bond {
				let bond = dispute_bonds.entry(slash.provider).or_insert(Zero::zero());
				*bond = bond.saturating_add(dispute);
			}
		}
		invariant!(Incidents::<T>::iter().count() == listed, "incident without a pending slash");
		let mut held: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		for (above, (_, slash)) in crate::Fallbacks::<T>::iter() {
			let above_slash = PendingSlashes::<T>::get(above).or_else(|| {
				crate::Fallbacks::<T>::iter_values().find(|(id, _)| *id == above).map(|(_, s)| s)
			});
			invariant!(
				above_slash.is_some_and(|a| a.incident() == slash.incident()
					&& a.provider == slash.provider
					&& a.severity > slash.severity),
				"a held report is not under a higher report of its incident"
			);
			invariant!(!slash.suspends, "a held report suspends");
			let n = held.entry(slash.provider.clone()).or_insert(0);
			*n = n.saturating_add(1);
			if let Some(reporter) = slash.reporter {
				let bond = report_bonds.entry(reporter).or_insert(Zero::zero());
				*bond = bond.saturating_add(slash.report_bond);
			}
			if let Some(dispute) = slash.dispute_bond {
				let bond = dispute_bonds.entry(slash.provider).or_insert(Zero::zero());
				*bond = bond.saturating_add(dispute);
			}
		}
		for (who, record) in Offences::<T>::iter() {
			invariant!(
				record.fallbacks == held.remove(&who).unwrap_or(0),
				"held reports differ from the record"
			);
			let t = totals.remove(&who).unwrap_or((0, Zero::zero(), Zero::zero(), 0));
			invariant!(record.pending == t.0, "pending count differs from pending slashes");
			invariant!(record.locked_own == t.1, "locked own stake differs from pending slashes");
			invariant!(record.locked_pool == t.2, "locked pool differs from pending slashes");
			invariant!(record.suspensions == t.3, "suspensions differ from pending slashes");
		}
		invariant!(totals.is_empty(), "pending slash of an account without a record");
		invariant!(held.is_empty(), "held report of an account without a record");
		for (reason, bonds) in
			[(HoldReason::ReportBond, report_bonds), (HoldReason::DisputeBond, dispute_bonds)]
		{
			for (who, bond) in bonds {
				invariant!(
					T::Currency::balance_on_hold(&reason.into(), &who) == bond,
					"bond on hold differs from pending slashes"
				);
			}
		}
		Ok(())
	}

	/// Reward invariants:
	/// - what every position could claim now (settled, unsettled, and from uncollected
	///   conversions) fits in [`RewardsUnclaimed`];
	/// - the delegation account covers delegated tokens, unclaimed rewards and unsplit fees.
	fn check_rewards() -> Result<(), sp_runtime::TryRuntimeError> {
		use crate::RewardsUnclaimed;
		let mut owed: u128 = 0;
		for (_, provider, d) in Delegations::<T>::iter() {
			let Some(pool) = Pools::<T>::get(&provider) else { continue };
			let position: u128 =
				Self::pending_rewards(&provider, &d, &pool).unique_saturated_into();
			owed = owed.saturating_add(position);
		}
		let unclaimed: u128 = RewardsUnclaimed::<T>::get().unique_saturated_into();
		invariant!(owed <= unclaimed, "positions are owed more than RewardsUnclaimed");
		let fees: u128 = Pools::<T>::iter_values()
			.map(|p| -> u128 { p.unsplit_fees.unique_saturated_into() })
			.fold(0u128, |acc, f| acc.saturating_add(f));
		let account: u128 =
			T::Currency::balance(&Self::delegation_account()).unique_saturated_into();
		let delegated: u128 = TotalDelegated::<T>::get().unique_saturated_into();
		invariant!(
			account >= delegated.saturating_add(unclaimed).saturating_add(fees),
			"delegation account holds less than delegated tokens, rewards and unsplit fees"
		);
		Ok(())
	}

	/// Every scheduled commission change matches its provider's pending change, and back.
	fn check_commission_schedule() -> Result<(), sp_runtime::TryRuntimeError> {
		let mut scheduled = 0usize;
		for (era, due) in crate::CommissionSchedule::<T>::iter() {
			invariant!(!due.is_empty(), "empty commission schedule stored");
			for provider in due.iter() {
				let pending = Providers::<T>::get(provider).and_then(|i| i.pending_commission);
				invariant!(
					pending.is_some_and(|(_, e)| e == era),
					"schedule without pending change"
				);
				scheduled = scheduled.saturating_add(1);
			}
		}
		let pending = Providers::<T>::iter_values().filter(|i| i.pending_commission.is_some());
		invariant!(pending.count() == scheduled, "pending change without a schedule entry");
		Ok(())
	}

	fn check_stake() -> Result<(), sp_runtime::TryRuntimeError> {
		let reason = HoldReason::ProviderStake.into();
		let mut staked: BalanceOf<T> = Zero::zero();
		let mut ledgers = 0u32;
		for (who, ledger) in Ledgers::<T>::iter() {
			invariant!(ledger.check().is_ok(), "malformed stake ledger");
			invariant!(Providers::<T>::contains_key(&who), "ledger without a provider");
			invariant!(
				T::Currency::balance_on_hold(&reason, &who) == ledger.total(),
				"held stake differs from the ledger total"
			);
			staked = staked.saturating_add(ledger.total());
			ledgers = ledgers.saturating_add(1);
		}
		invariant!(staked == TotalStaked::<T>::get(), "TotalStaked differs from the ledgers");
		let providers = u32::try_from(Providers::<T>::iter_keys().count()).unwrap_or(u32::MAX);
		invariant!(providers == ledgers, "provider without a ledger");
		invariant!(providers == ProviderCount::<T>::get(), "ProviderCount is off");
		invariant!(providers <= T::MaxProviders::get(), "more providers than MaxProviders");
		Ok(())
	}
}

impl<T: Config> Pallet<T> {
	/// Delegation invariants:
	/// - every provider has a pool and every pool a provider;
	/// - a pool's shares equal its positions' shares plus the shares its conversions have not
	///   handed out yet, and its `delegators` the number of positions; tokens without shares
	///   never exist;
	/// - each entry cohort's tokens and positions equal those of the positions in it; each
	///   conversion record is referenced by exactly its count of positions;
	/// - no position is empty; unbonding chunks hold shares, are ordered and reference an
	///   existing unbonding pool, whose shares equal the sum of the chunks in it;
	/// - [`DelegationCount`] matches the positions of each delegator and its bound;
	/// - [`TotalDelegated`] equals the tokens of all pools, entry cohorts and unbonding pools,
	///   and the delegation account holds at least that much.
	pub fn check_delegations() -> Result<(), sp_runtime::TryRuntimeError> {
		let mut pool_shares: BTreeMap<T::AccountId, (BalanceOf<T>, u32)> = BTreeMap::new();
		let mut unbonding_shares: BTreeMap<(T::AccountId, crate::EraIndex), BalanceOf<T>> =
			BTreeMap::new();
		let mut cohorts: BTreeMap<(T::AccountId, crate::CohortId), (BalanceOf<T>, u32)> =
			BTreeMap::new();
		let mut per_delegator: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		for (delegator, provider, delegation) in Delegations::<T>::iter() {
			invariant!(!delegation.is_empty(), "empty delegation position stored");
			invariant!(Pools::<T>::contains_key(&provider), "position in a missing pool");
			let entry = pool_shares.entry(provider.clone()).or_insert((Zero::zero(), 0));
			entry.0 = entry.0.saturating_add(delegation.shares);
			entry.1 = entry.1.saturating_add(1);
			let count = per_delegator.entry(delegator).or_insert(0);
			*count = count.saturating_add(1);
			for (id, tokens) in delegation.entering.iter() {
				invariant!(!tokens.is_zero(), "zero entering tokens in a position");
				let c = cohorts.entry((provider.clone(), *id)).or_insert((Zero::zero(), 0));
				c.0 = c.0.saturating_add(*tokens);
				c.1 = c.1.saturating_add(1);
			}
			let mut last_era = None;
			for chunk in delegation.unbonding.iter() {
				invariant!(!chunk.shares.is_zero(), "zero-share unbonding chunk");
				invariant!(last_era < Some(chunk.unlock_era), "unordered unbonding chunks");
				last_era = Some(chunk.unlock_era);
				let sum = unbonding_shares
					.entry((provider.clone(), chunk.unlock_era))
					.or_insert(Zero::zero());
				*sum = sum.saturating_add(chunk.shares);
			}
		}
		let mut uncollected: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for (provider, id, record) in crate::Conversions::<T>::iter() {
			let (_, refs) = cohorts.remove(&(provider.clone(), id)).unwrap_or((Zero::zero(), 0));
			invariant!(record.positions_left == refs, "conversion referenced by other positions");
			invariant!(refs > 0, "conversion record without positions");
			let sum = uncollected.entry(provider).or_insert(Zero::zero());
			*sum = sum.saturating_add(record.shares_left);
		}
		let mut delegated: BalanceOf<T> = Zero::zero();
		let mut pools = 0usize;
		for (provider, pool) in Pools::<T>::iter() {
			pools = pools.saturating_add(1);
			invariant!(Providers::<T>::contains_key(&provider), "pool without a provider");
			let (shares, count) = pool_shares.remove(&provider).unwrap_or((Zero::zero(), 0));
			let waiting = uncollected.remove(&provider).unwrap_or(Zero::zero());
			invariant!(
				pool.shares == shares.saturating_add(waiting),
				"pool shares differ from its positions and conversions"
			);
			invariant!(pool.delegators == count, "pool delegators differ from its positions");
			invariant!(
				pool.tokens.is_zero() || !pool.shares.is_zero(),
				"pool tokens without shares"
			);
			invariant!(pool.min_delegation >= T::MinDelegation::get(), "pool minimum below global");
			for cohort in pool.entering.iter() {
				let counted = cohorts.remove(&(provider.clone(), cohort.id));
				invariant!(
					counted == Some((cohort.tokens, cohort.positions)),
					"entry cohort differs from its positions"
				);
				invariant!(cohort.id < pool.next_cohort, "entry cohort id not yet issued");
				delegated = delegated.saturating_add(cohort.tokens);
			}
			delegated = delegated.saturating_add(pool.tokens);
		}
		invariant!(cohorts.is_empty(), "position in an unknown entry cohort");
		invariant!(uncollected.is_empty(), "conversion of a missing pool");
		invariant!(pools == Providers::<T>::iter_keys().count(), "provider without a pool");
		for (provider, era, pool) in UnbondingPools::<T>::iter() {
			let shares = unbonding_shares.remove(&(provider, era)).unwrap_or(Zero::zero());
			invariant!(pool.shares == shares, "unbonding pool shares differ from its chunks");
			invariant!(!pool.shares.is_zero(), "empty unbonding pool stored");
			delegated = delegated.saturating_add(pool.tokens);
		}
		invariant!(unbonding_shares.is_empty(), "chunk without an unbonding pool");
		invariant!(delegated == TotalDelegated::<T>::get(), "TotalDelegated differs from pools");
		for (delegator, count) in DelegationCount::<T>::iter() {
			invariant!(
				per_delegator.remove(&delegator) == Some(count),
				"DelegationCount differs from positions"
			);
			invariant!(count <= T::MaxDelegationsPerDelegator::get(), "too many delegations");
		}
		invariant!(per_delegator.is_empty(), "positions without a DelegationCount");
		let account = T::Currency::balance(&Self::delegation_account());
		invariant!(account >= delegated, "delegation account holds less than TotalDelegated");
		Ok(())
	}
}
