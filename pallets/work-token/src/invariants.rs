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

/// Shorthand for an invariant failure.
macro_rules! invariant {
	($cond:expr, $msg:literal) => {
		if !$cond {
			return Err(sp_runtime::TryRuntimeError::Other($msg));
		}
	};
}

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
		Self::check_active_set()?;
		Self::check_jobs()
	}

	/// Active-set invariants: sorted by effective stake (ties by account id), running totals
	/// exact, no provider twice.
	fn check_active_set() -> Result<(), sp_runtime::TryRuntimeError> {
		let set = crate::ActiveSet::<T>::get();
		let mut total = 0u128;
		for (i, member) in set.iter().enumerate() {
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

	/// Job invariants: ids issued and cursors within them; each client's held fees equal its
	/// open jobs' fees; each provider's workload equals its open jobs.
	fn check_jobs() -> Result<(), sp_runtime::TryRuntimeError> {
		let queue = crate::JobQueueState::<T>::get();
		invariant!(queue.expiry_cursor <= queue.next_id, "expiry cursor past the next id");
		invariant!(queue.acceptance_cursor <= queue.next_id, "acceptance cursor past next id");
		let mut fees: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut work: BTreeMap<T::AccountId, (u32, BalanceOf<T>)> = BTreeMap::new();
		for (id, job) in crate::Jobs::<T>::iter() {
			invariant!(id < queue.next_id, "job id not yet issued");
			let fee = fees.entry(job.client).or_insert(Zero::zero());
			*fee = fee.saturating_add(job.fee);
			let load = work.entry(job.provider).or_insert((0, Zero::zero()));
			*load = (load.0.saturating_add(1), load.1.saturating_add(job.fee));
		}
		for (client, fee) in fees {
			invariant!(
				T::Currency::balance_on_hold(&HoldReason::JobFee.into(), &client) == fee,
				"held job fees differ from open jobs"
			);
		}
		for (provider, load) in crate::Workloads::<T>::iter() {
			let counted = work.remove(&provider).unwrap_or((0, Zero::zero()));
			invariant!((load.open_jobs, load.open_fees) == counted, "workload differs from jobs");
		}
		invariant!(work.is_empty(), "open jobs missing from workloads");
		Ok(())
	}

	/// Slashing invariants:
	/// - every pending slash references a registered provider, was reported inside the report
	///   window, has an id below the next id, and is listed in its provider's record with its
	///   offence era (and every listed slash exists);
	/// - the application cursors never pass the next id;
	/// - the report bonds and dispute bonds on hold equal those of the pending slashes.
	fn check_slashes() -> Result<(), sp_runtime::TryRuntimeError> {
		use crate::{CurrentEra, Offences, PendingSlashes, SlashQueueState};
		let queue = SlashQueueState::<T>::get();
		invariant!(queue.apply_cursor <= queue.next_id, "apply cursor past the next id");
		invariant!(queue.timeout_cursor <= queue.next_id, "timeout cursor past the next id");
		let now = CurrentEra::<T>::get();
		let mut report_bonds: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut dispute_bonds: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
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
				slash.offence_era.saturating_add(T::ReportWindow::get()) >= slash.reported_era,
				"slash reported outside the report window"
			);
			let record = Offences::<T>::get(&slash.provider);
			invariant!(
				record.is_some_and(|r| r.pending.contains(&(id, slash.offence_era))),
				"pending slash missing from its provider's record"
			);
			if let Some(reporter) = slash.reporter {
				let bond = report_bonds.entry(reporter).or_insert(Zero::zero());
				*bond = bond.saturating_add(slash.report_bond);
			}
			if let Some(dispute) = slash.dispute_bond {
				let bond = dispute_bonds.entry(slash.provider).or_insert(Zero::zero());
				*bond = bond.saturating_add(dispute);
			}
		}
		let mut referenced = 0usize;
		for (_, record) in Offences::<T>::iter() {
			for (id, _) in record.pending.iter() {
				invariant!(PendingSlashes::<T>::contains_key(id), "record lists a finished slash");
				referenced = referenced.saturating_add(1);
			}
		}
		invariant!(referenced == listed, "pending slashes and records disagree");
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
	/// - what every position could claim now (settled + unsettled) fits in
	///   [`RewardsUnclaimed`], and the delegation account covers bonded tokens plus that;
	/// - each pool's joining shares and members equal those of its positions in the cohort;
	/// - each cohort record is referenced by exactly its count of unsettled positions.
	fn check_rewards() -> Result<(), sp_runtime::TryRuntimeError> {
		use crate::{CohortRewardPerShare, CurrentEra, RewardsUnclaimed};
		let now = CurrentEra::<T>::get();
		let mut owed: u128 = 0;
		let mut joining: BTreeMap<T::AccountId, (BalanceOf<T>, u32)> = BTreeMap::new();
		let mut cohort_refs: BTreeMap<(T::AccountId, crate::EraIndex), u32> = BTreeMap::new();
		for (_, provider, d) in Delegations::<T>::iter() {
			let Some(pool) = Pools::<T>::get(&provider) else { continue };
			let position: u128 =
				Self::pending_rewards(&provider, &d, &pool).unique_saturated_into();
			if !d.joining.is_zero() {
				if d.joining_era < now {
					invariant!(
						CohortRewardPerShare::<T>::contains_key(&provider, d.joining_era),
						"unsettled cohort without a record"
					);
					let refs = cohort_refs.entry((provider.clone(), d.joining_era)).or_insert(0);
					*refs = refs.saturating_add(1);
				} else {
					invariant!(pool.joining_era == d.joining_era, "joining era differs from pool");
					let e = joining.entry(provider.clone()).or_insert((Zero::zero(), 0));
					e.0 = e.0.saturating_add(d.joining);
					e.1 = e.1.saturating_add(1);
				}
			}
			owed = owed.saturating_add(position);
		}
		let unclaimed: u128 = RewardsUnclaimed::<T>::get().unique_saturated_into();
		invariant!(owed <= unclaimed, "positions are owed more than RewardsUnclaimed");
		for (provider, pool) in Pools::<T>::iter() {
			let (shares, members) = joining.remove(&provider).unwrap_or((Zero::zero(), 0));
			if pool.joining_era == now {
				invariant!(pool.joining_shares == shares, "pool joining shares differ");
				invariant!(pool.joining_members == members, "pool joining members differ");
			}
		}
		for (provider, era, (_, refs)) in CohortRewardPerShare::<T>::iter() {
			let counted = cohort_refs.remove(&(provider, era)).unwrap_or(0);
			invariant!(refs == counted, "cohort reference count is off");
		}
		invariant!(cohort_refs.is_empty(), "cohort referenced but not recorded");
		let account: u128 =
			T::Currency::balance(&Self::delegation_account()).unique_saturated_into();
		let delegated: u128 = TotalDelegated::<T>::get().unique_saturated_into();
		invariant!(
			account >= delegated.saturating_add(unclaimed),
			"delegation account holds less than bonded tokens plus unclaimed rewards"
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
	/// - a pool's shares equal the sum of its positions' shares, and its `delegators` the
	///   number of positions; tokens without shares never exist;
	/// - no position is empty; unbonding chunks hold shares, are ordered and reference an
	///   existing unbonding pool, whose shares equal the sum of the chunks in it;
	/// - [`DelegationCount`] matches the positions of each delegator and its bound;
	/// - [`TotalDelegated`] equals the tokens of all pools and unbonding pools, and the
	///   delegation account holds at least that much.
	pub fn check_delegations() -> Result<(), sp_runtime::TryRuntimeError> {
		let mut pool_shares: BTreeMap<T::AccountId, (BalanceOf<T>, u32)> = BTreeMap::new();
		let mut unbonding_shares: BTreeMap<(T::AccountId, crate::EraIndex), BalanceOf<T>> =
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
		let mut delegated: BalanceOf<T> = Zero::zero();
		let mut pools = 0usize;
		for (provider, pool) in Pools::<T>::iter() {
			pools = pools.saturating_add(1);
			invariant!(Providers::<T>::contains_key(&provider), "pool without a provider");
			let (shares, count) = pool_shares.remove(&provider).unwrap_or((Zero::zero(), 0));
			invariant!(pool.shares == shares, "pool shares differ from its positions");
			invariant!(pool.delegators >= count, "pool counts fewer delegators than positions");
			invariant!(
				pool.tokens.is_zero() || !pool.shares.is_zero(),
				"pool tokens without shares"
			);
			invariant!(pool.min_delegation >= T::MinDelegation::get(), "pool minimum below global");
			delegated = delegated.saturating_add(pool.tokens);
		}
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
