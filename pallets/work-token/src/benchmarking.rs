//! Benchmarks (frame-benchmarking v2) for every call and the era transition, each in its
//! worst case.

use crate::*;
use frame_benchmarking::v2::*;
use frame_support::traits::{fungible::Mutate, EnsureOrigin, Get, Hooks};
use frame_system::RawOrigin;
use sp_runtime::{
	traits::{Hash, One, Saturating, Zero},
	Perbill,
};

/// A funded account with a large free balance.
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	let balance = MinProviderStake::<T>::get().saturating_mul(1_000u32.into());
	T::Currency::set_balance(&who, balance);
	who
}

/// A funded and registered provider with ten times the minimum stake.
fn provider<T: Config>() -> T::AccountId {
	let who = funded::<T>("provider", 0);
	let stake = MinProviderStake::<T>::get().saturating_mul(10u32.into());
	Pallet::<T>::do_register(&who, stake, Perbill::from_percent(5)).expect("registers");
	who
}

/// Makes `n` unbonding chunks of one unit each in `n` consecutive eras.
fn fill_chunks<T: Config>(who: &T::AccountId, n: u32) {
	for _ in 0..n {
		Pallet::<T>::do_unbond(who, One::one()).expect("room for a chunk");
		CurrentEra::<T>::mutate(|era| *era = era.saturating_add(1));
	}
}

/// A provider (account `index`) exposed as much as a report can see: a delegator, and an
/// unbonding pool for every era inside the report window. Returns the provider and the
/// oldest reportable offence era (the one with the most unbonding pools at risk).
pub(crate) fn exposed_provider<T: Config>(index: u32) -> (T::AccountId, EraIndex) {
	let who = funded::<T>("provider", index);
	let stake = MinProviderStake::<T>::get().saturating_mul(10u32.into());
	Pallet::<T>::do_register(&who, stake, Perbill::from_percent(5)).expect("registers");
	let delegator = funded::<T>("delegator", index);
	let min = T::MinDelegation::get();
	let amount = min.saturating_mul(100u32.into());
	Pallet::<T>::do_delegate(&delegator, &who, amount).expect("delegates");
	// Delegators who will leave one era after another while a slash is pending (see
	// `unbond_until_timeout`); they join now, and their tokens are at risk from now on.
	let chunks = T::MaxUnbondingChunks::get();
	for k in 0..spread_delegators::<T>() {
		let spread = funded::<T>("spread", spread_index(index, k));
		let amount = min.saturating_mul(chunks.saturating_add(1).into());
		Pallet::<T>::do_delegate(&spread, &who, amount).expect("delegates");
	}
	Pallet::<T>::enter_genesis_delegations();
	let window = T::ReportWindow::get();
	let first = CurrentEra::<T>::get();
	for i in 0..=window {
		Pallet::<T>::do_undelegate(&delegator, &who, min).expect("undelegates");
		if i < window {
			CurrentEra::<T>::mutate(|era| *era = era.saturating_add(1));
		}
	}
	(who, first)
}

/// Eras from a report to its dispute timeout.
fn eras_to_timeout<T: Config>() -> u32 {
	T::DisputeWindow::get().saturating_add(T::DisputeTimeout::get()).saturating_mul(2)
}

/// Makes slash `id` look like a report restored at the latest era it can be: held under a
/// higher report of its incident until that one's dispute timed out, then overturned. Its
/// window starts `DisputeWindow + DisputeTimeout` eras after the report, so its reach over
/// unbonding pools is the widest any slash has.
fn as_restored<T: Config>(id: SlashId) {
	let shift = T::DisputeWindow::get().saturating_add(T::DisputeTimeout::get());
	PendingSlashes::<T>::mutate(id, |slash| {
		if let Some(slash) = slash {
			slash.reported_era = slash.reported_era.saturating_add(shift);
		}
	});
}

/// Delegators needed to undelegate once in each era up to a dispute timeout.
fn spread_delegators<T: Config>() -> u32 {
	eras_to_timeout::<T>().div_ceil(T::MaxUnbondingChunks::get().max(1))
}

/// Account index of spread delegator `k` of provider `index`.
fn spread_index(index: u32, k: u32) -> u32 {
	index.saturating_mul(64).saturating_add(k)
}

/// Lets eras pass up to the dispute timeout of a slash restored at the latest (see
/// [`as_restored`]), with a delegator of provider `index` undelegating in each: the most
/// unbonding pools a slash can reach.
fn unbond_until_timeout<T: Config>(provider: &T::AccountId, index: u32) {
	let chunks = T::MaxUnbondingChunks::get().max(1);
	for step in 0..eras_to_timeout::<T>() {
		CurrentEra::<T>::mutate(|era| *era = era.saturating_add(1));
		let delegator: T::AccountId = account("spread", spread_index(index, step / chunks), 0);
		Pallet::<T>::do_undelegate(&delegator, provider, T::MinDelegation::get())
			.expect("undelegates");
	}
}

/// Most delegators the scaling witnesses put in one pool: enough for a slope to show.
const WITNESS_DELEGATORS: u32 = 1_000;

/// How many witness delegators fit in a pool that already has `taken`.
fn witness_room<T: Config>(taken: u32) -> u32 {
	T::MaxDelegatorsPerProvider::get().saturating_sub(taken).min(WITNESS_DELEGATORS)
}

/// Adds `d` delegators with twice the minimum delegation each to `provider`'s pool.
fn add_delegators<T: Config>(provider: &T::AccountId, d: u32) {
	let amount = T::MinDelegation::get().saturating_mul(2u32.into());
	for i in 0..d {
		let who = funded::<T>("witness", i);
		Pallet::<T>::do_delegate(&who, provider, amount).expect("delegates");
	}
}

/// Distinct evidence for report `n`.
fn evidence<T: Config>(n: u32) -> T::Hash {
	T::Hashing::hash_of(&n)
}

/// A Critical report of `provider` by a funded, bonded reporter. Returns the slash id.
fn reported<T: Config>(provider: &T::AccountId, offence_era: EraIndex, n: u32) -> SlashId {
	let reporter = funded::<T>("reporter", n);
	let id = SlashQueueState::<T>::get().next_id;
	Pallet::<T>::do_report_offence(
		Some(reporter),
		T::ReportBond::get(),
		provider,
		Severity::Critical,
		offence_era,
		evidence::<T>(n),
		false,
	)
	.expect("reportable");
	id
}

/// Fills the active set up to `MaxProviders` with providers of a hundred times the minimum
/// stake (account indices from 1,000; enough to back every job a block can assign): the set
/// that jail, suspension and deregistration rewrite, and draws search.
pub(crate) fn fill_active_set<T: Config>() {
	let stake = MinProviderStake::<T>::get().saturating_mul(100u32.into());
	let room = T::MaxProviders::get().saturating_sub(ProviderCount::<T>::get());
	for i in 0..room {
		let who = funded::<T>("member", 1_000u32.saturating_add(i));
		Pallet::<T>::do_register(&who, stake, Perbill::from_percent(5)).expect("registers");
	}
	Pallet::<T>::rebuild_active_set(CurrentEra::<T>::get(), 0);
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register_provider() {
		let who = funded::<T>("provider", 0);
		let stake = MinProviderStake::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), stake, Perbill::from_percent(5));

		assert_eq!(Ledgers::<T>::get(&who).map(|l| l.active), Some(stake));
	}

	#[benchmark]
	fn bond_extra() {
		let who = provider::<T>();
		let before = Ledgers::<T>::get(&who).map(|l| l.active).unwrap_or_default();
		let extra = MinProviderStake::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), extra);

		assert_eq!(Ledgers::<T>::get(&who).map(|l| l.active), Some(before.saturating_add(extra)));
	}

	/// Worst case: the new chunk is pushed into a ledger with one free slot.
	#[benchmark]
	fn unbond() {
		let who = provider::<T>();
		fill_chunks::<T>(&who, T::MaxUnbondingChunks::get().saturating_sub(1));

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), One::one());

		let chunks = Ledgers::<T>::get(&who).map(|l| l.unlocking.len()).unwrap_or_default();
		assert_eq!(chunks as u32, T::MaxUnbondingChunks::get());
	}

	/// `c` chunks are emptied by the rebond.
	#[benchmark]
	fn rebond(c: Linear<1, { T::MaxUnbondingChunks::get() }>) {
		let who = provider::<T>();
		fill_chunks::<T>(&who, c);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), c.into());

		assert_eq!(Ledgers::<T>::get(&who).map(|l| l.unlocking.len()), Some(0));
	}

	/// `c` chunks are withdrawn and the provider is removed (the heaviest outcome).
	#[benchmark]
	fn withdraw_unbonded(c: Linear<1, { T::MaxUnbondingChunks::get() }>) {
		let who = provider::<T>();
		let active = Ledgers::<T>::get(&who).map(|l| l.active).unwrap_or_default();
		// c - 1 small chunks, then everything that is left in the last one.
		fill_chunks::<T>(&who, c.saturating_sub(1));
		let rest = Ledgers::<T>::get(&who).map(|l| l.active).unwrap_or(active);
		Pallet::<T>::do_unbond(&who, rest).expect("unbonds the rest");
		CurrentEra::<T>::mutate(|era| *era = era.saturating_add(T::UnbondingPeriod::get()));

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));

		assert!(!Providers::<T>::contains_key(&who));
	}

	/// A new delegator into a pool that already has a delegator (share math on a non-empty
	/// pool, counters, transfer).
	#[benchmark]
	fn delegate() {
		let provider = provider::<T>();
		let first = funded::<T>("delegator", 1);
		let amount = T::MinDelegation::get().saturating_mul(10u32.into());
		Pallet::<T>::do_delegate(&first, &provider, amount).expect("delegates");
		let who = funded::<T>("delegator", 2);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), provider.clone(), amount);

		assert!(Delegations::<T>::contains_key(&who, &provider));
	}

	/// Worst case: waiting tokens paid back, then shares burnt into a new unbonding pool and a
	/// new chunk in a ledger with one free slot.
	#[benchmark]
	fn undelegate() {
		let provider = provider::<T>();
		let who = funded::<T>("delegator", 1);
		let min = T::MinDelegation::get();
		let chunks = T::MaxUnbondingChunks::get().saturating_sub(1);
		let amount = min.saturating_mul((chunks.saturating_add(2)).into());
		Pallet::<T>::do_delegate(&who, &provider, amount).expect("delegates");
		Pallet::<T>::enter_genesis_delegations();
		for _ in 0..chunks {
			Pallet::<T>::do_undelegate(&who, &provider, One::one()).expect("room for a chunk");
			CurrentEra::<T>::mutate(|era| *era = era.saturating_add(1));
		}
		Pallet::<T>::do_delegate(&who, &provider, min).expect("delegates");

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), provider.clone(), min.saturating_add(min));

		let unbonding = Delegations::<T>::get(&who, &provider).map(|d| d.unbonding.len());
		assert_eq!(unbonding, Some(T::MaxUnbondingChunks::get() as usize));
	}

	/// `c` unlocked chunks withdrawn, each emptying its unbonding pool, and the emptied
	/// position removed.
	#[benchmark]
	fn withdraw_delegation(c: Linear<1, { T::MaxUnbondingChunks::get() }>) {
		let provider = provider::<T>();
		let who = funded::<T>("delegator", 1);
		let min = T::MinDelegation::get();
		let amount = min.saturating_mul(c.into());
		Pallet::<T>::do_delegate(&who, &provider, amount).expect("delegates");
		Pallet::<T>::enter_genesis_delegations();
		for _ in 0..c {
			Pallet::<T>::do_undelegate(&who, &provider, min).expect("room for a chunk");
			CurrentEra::<T>::mutate(|era| *era = era.saturating_add(1));
		}
		CurrentEra::<T>::mutate(|era| *era = era.saturating_add(T::UnbondingPeriod::get()));

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), provider.clone());

		assert!(!Delegations::<T>::contains_key(&who, &provider));
	}

	#[benchmark]
	fn set_min_delegation() {
		let provider = provider::<T>();
		let minimum = T::MinDelegation::get().saturating_mul(2u32.into());

		#[extrinsic_call]
		_(RawOrigin::Signed(provider.clone()), minimum);

		assert_eq!(Pools::<T>::get(&provider).map(|p| p.min_delegation), Some(minimum));
	}

	/// Heaviest case: an increase that replaces an increase already scheduled.
	#[benchmark]
	fn set_commission() {
		let provider = provider::<T>();
		let step = T::MaxCommissionIncrease::get();
		Pallet::<T>::do_set_commission(&provider, Perbill::from_percent(5).saturating_add(step))
			.expect("schedules");
		CurrentEra::<T>::mutate(|era| *era = era.saturating_add(1));
		let new = Perbill::from_percent(5).saturating_add(step);

		#[extrinsic_call]
		_(RawOrigin::Signed(provider.clone()), new);

		let pending = Providers::<T>::get(&provider).and_then(|i| i.pending_commission);
		assert_eq!(pending.map(|(c, _)| c), Some(new));
	}

	/// A claim that collects converted entry cohorts (the heaviest settlement) and pays out.
	#[benchmark]
	fn claim_rewards() {
		let provider = provider::<T>();
		let who = funded::<T>("delegator", 1);
		let other = funded::<T>("delegator", 2);
		let amount = T::MinDelegation::get().saturating_mul(10u32.into());
		Pallet::<T>::do_delegate(&other, &provider, amount).expect("delegates");
		Pallet::<T>::enter_genesis_delegations();
		// Two cohorts that entered and share their conversions with another position.
		let era_length = T::EraLength::get();
		for _ in 0..2 {
			Pallet::<T>::do_delegate(&who, &provider, amount).expect("delegates");
			Pallet::<T>::do_delegate(&other, &provider, amount).expect("delegates");
			let enters = T::ReportWindow::get().max(1);
			for _ in 0..enters {
				InflationRate::<T>::put(T::MaxInflation::get());
				let next = CurrentEra::<T>::get().saturating_add(1);
				Pallet::<T>::on_initialize(era_length.saturating_mul(next.into()));
			}
		}
		assert!(Conversions::<T>::iter_prefix(&provider).count() >= 1);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), provider.clone());

		let unclaimed = Delegations::<T>::get(&who, &provider).map(|d| d.unclaimed);
		assert_eq!(unclaimed, Some(Zero::zero()));
	}

	#[benchmark]
	fn set_auto_compound() {
		let provider = provider::<T>();
		let who = funded::<T>("delegator", 1);
		let amount = T::MinDelegation::get().saturating_mul(10u32.into());
		Pallet::<T>::do_delegate(&who, &provider, amount).expect("delegates");

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), provider.clone(), true);

		assert_eq!(Delegations::<T>::get(&who, &provider).map(|d| d.auto_compound), Some(true));
	}

	/// The era transition with `p` providers, each with a delegator whose cohort rolls:
	/// rewards minted for every provider and every pool. Independent of delegator count.
	#[benchmark]
	fn new_era(p: Linear<1, { T::MaxProviders::get() }>) {
		let stake = MinProviderStake::<T>::get().saturating_mul(10u32.into());
		let amount = T::MinDelegation::get().saturating_mul(10u32.into());
		for i in 0..p {
			let who = funded::<T>("provider", i);
			Pallet::<T>::do_register(&who, stake, Perbill::from_percent(5)).expect("registers");
			Ledgers::<T>::mutate(&who, |l| {
				if let Some(l) = l {
					l.earning = l.active;
				}
			});
			let delegator = funded::<T>("delegator", i);
			Pallet::<T>::do_delegate(&delegator, &who, amount).expect("delegates");
		}
		// Each pool earns, holds fees to split and has a cohort that enters at the boundary.
		Pallet::<T>::enter_genesis_delegations();
		for i in 0..p {
			let who: T::AccountId = account("provider", i, 0);
			let delegator = funded::<T>("newcomer", i);
			Pallet::<T>::do_delegate(&delegator, &who, amount).expect("delegates");
			T::Currency::mint_into(&Pallet::<T>::delegation_account(), amount).expect("mints");
			Pools::<T>::mutate(&who, |pool| {
				if let Some(pool) = pool {
					pool.unsplit_fees = amount;
				}
			});
		}
		Pallet::<T>::rebuild_active_set(CurrentEra::<T>::get(), 0);
		InflationRate::<T>::put(T::MaxInflation::get());
		let enters = T::ReportWindow::get().max(1);
		CurrentEra::<T>::put(enters.saturating_sub(1));
		let boundary = T::EraLength::get().saturating_mul(enters.into());
		let before = CurrentEra::<T>::get();

		#[block]
		{
			Pallet::<T>::on_initialize(boundary);
		}

		assert_eq!(CurrentEra::<T>::get(), before.saturating_add(1));
	}

	/// Scaling witness of the era transition: one earning provider with `d` delegators in its
	/// pool. Rewards go to the pool's reward-per-share accumulator, so the slope in `d` must
	/// be ~0. Not charged by the hook (`new_era(p)` is): it proves the bound.
	#[benchmark]
	fn new_era_with_delegators(d: Linear<0, { witness_room::<T>(0) }>) {
		let who = provider::<T>();
		add_delegators::<T>(&who, d);
		Ledgers::<T>::mutate(&who, |l| {
			if let Some(l) = l {
				l.earning = l.active;
			}
		});
		InflationRate::<T>::put(T::MaxInflation::get());
		let before = CurrentEra::<T>::get();

		#[block]
		{
			Pallet::<T>::on_initialize(T::EraLength::get());
		}

		assert_eq!(CurrentEra::<T>::get(), before.saturating_add(1));
	}

	/// A bonded Critical report with the most unbonding pools at risk, taking the place of a
	/// pending Major report of the same incident (which it holds under it).
	#[benchmark]
	fn report_offence() {
		let (provider, offence_era) = exposed_provider::<T>(0);
		let first = funded::<T>("reporter", 1);
		Pallet::<T>::do_report_offence(
			Some(first),
			T::ReportBond::get(),
			&provider,
			Severity::Major,
			offence_era,
			evidence::<T>(0),
			false,
		)
		.expect("reportable");
		let reporter = funded::<T>("reporter", 0);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(reporter),
			provider.clone(),
			Severity::Critical,
			offence_era,
			evidence::<T>(0),
		);

		assert!(Pallet::<T>::has_pending_slash(&provider));
	}

	#[benchmark]
	fn dispute_slash() {
		let (provider, offence_era) = exposed_provider::<T>(0);
		let id = reported::<T>(&provider, offence_era, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(provider.clone()), id);

		assert!(PendingSlashes::<T>::get(id).is_some_and(|s| s.dispute_bond.is_some()));
	}

	/// Upholding at the dispute timeout: the dispute bond is slashed and the slash applied over
	/// the most unbonding pools.
	#[benchmark]
	fn resolve_dispute() -> Result<(), BenchmarkError> {
		let (provider, offence_era) = exposed_provider::<T>(0);
		fill_active_set::<T>();
		let id = reported::<T>(&provider, offence_era, 0);
		Pallet::<T>::do_dispute_slash(&provider, id).expect("disputes");
		as_restored::<T>(id);
		unbond_until_timeout::<T>(&provider, 0);
		let origin =
			T::ArbiterOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, Verdict::Uphold);

		assert!(!PendingSlashes::<T>::contains_key(id));
		Ok(())
	}

	/// Cancelling a disputed slash: two bonds returned, and the report held under it restored.
	#[benchmark]
	fn cancel_slash() -> Result<(), BenchmarkError> {
		let (provider, offence_era) = exposed_provider::<T>(0);
		let under = funded::<T>("reporter", 1);
		Pallet::<T>::do_report_offence(
			Some(under),
			T::ReportBond::get(),
			&provider,
			Severity::Major,
			offence_era,
			evidence::<T>(0),
			false,
		)
		.expect("reportable");
		let id = reported::<T>(&provider, offence_era, 0);
		assert!(Fallbacks::<T>::contains_key(id));
		Pallet::<T>::do_dispute_slash(&provider, id).expect("disputes");
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id);

		assert!(!PendingSlashes::<T>::contains_key(id));
		Ok(())
	}

	/// A Critical slash applied at the latest era that widens its reach: a report restored from
	/// under an overturned one (see [`as_restored`]), over the most unbonding pools
	/// (`ReportWindow + 2 × (DisputeWindow + DisputeTimeout) + 1`), paying the reporter,
	/// tombstoning and leaving the largest active set.
	#[benchmark]
	fn apply_slash() {
		let (provider, offence_era) = exposed_provider::<T>(0);
		fill_active_set::<T>();
		let id = reported::<T>(&provider, offence_era, 0);
		as_restored::<T>(id);
		unbond_until_timeout::<T>(&provider, 0);
		let caller = funded::<T>("caller", 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), id);

		assert!(Tombstones::<T>::contains_key(&provider));
	}

	/// Scaling witness of `apply_slash`: its worst case with `d` more delegators in the
	/// slashed pool. A slash lowers the pool's share value and never visits a delegator, so
	/// the slope in `d` must be ~0 (SPEC S21). Not charged by any call: it proves the bound.
	#[benchmark]
	fn apply_slash_with_delegators(
		d: Linear<0, { witness_room::<T>(spread_delegators::<T>().saturating_add(1)) }>,
	) {
		let (provider, offence_era) = exposed_provider::<T>(0);
		add_delegators::<T>(&provider, d);
		let id = reported::<T>(&provider, offence_era, 0);
		as_restored::<T>(id);
		unbond_until_timeout::<T>(&provider, 0);
		let caller = funded::<T>("caller", 0);

		#[extrinsic_call]
		apply_slash(RawOrigin::Signed(caller), id);

		assert!(Tombstones::<T>::contains_key(&provider));
	}

	#[benchmark]
	fn unjail() {
		let provider = provider::<T>();
		let now = CurrentEra::<T>::get();
		Providers::<T>::mutate(&provider, |info| {
			if let Some(info) = info {
				info.jailed_until = Some(now);
			}
		});

		#[extrinsic_call]
		_(RawOrigin::Signed(provider.clone()));

		assert!(!Pallet::<T>::is_barred(&provider));
	}

	#[benchmark]
	fn set_slash_fractions() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let fractions = SlashFractions {
			minor: Perbill::from_percent(1),
			major: Perbill::from_percent(2),
			critical: Perbill::from_percent(3),
		};

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, fractions);

		assert_eq!(SlashFractionsOf::<T>::get(), fractions);
		Ok(())
	}

	/// The hook applying `n` due Critical slashes, each over every pool at risk of its own
	/// provider.
	#[benchmark]
	fn apply_due_slashes(n: Linear<0, { T::MaxSlashesPerBlock::get() }>) {
		let start = CurrentEra::<T>::get();
		for i in 0..n {
			CurrentEra::<T>::put(start);
			let (provider, offence_era) = exposed_provider::<T>(i);
			reported::<T>(&provider, offence_era, i);
		}
		fill_active_set::<T>();
		let window = T::ReportWindow::get().saturating_add(T::DisputeWindow::get());
		CurrentEra::<T>::put(start.saturating_add(window));

		#[block]
		{
			Pallet::<T>::apply_due_slashes();
		}

		assert_eq!(PendingSlashes::<T>::iter().count(), 0);
	}

	#[benchmark]
	fn set_active_set_mode() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let mode = ActiveSetMode::Dynamic { min: 1, max: 10, jobs_per_provider: 5 };

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, mode);

		assert_eq!(ActiveSetModeOf::<T>::get(), mode);
		Ok(())
	}

	#[benchmark]
	fn chill() {
		let provider = provider::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(provider.clone()));

		assert!(Providers::<T>::get(&provider).is_some_and(|i| i.chilled));
	}

	#[benchmark]
	fn unchill() {
		let provider = provider::<T>();
		Pallet::<T>::do_set_chilled(&provider, true).expect("chills");

		#[extrinsic_call]
		_(RawOrigin::Signed(provider.clone()));

		assert!(Providers::<T>::get(&provider).is_some_and(|i| !i.chilled));
	}

	/// Leaving from the largest active set (rewritten without the provider), with a chunk
	/// merge.
	#[benchmark]
	fn deregister() {
		let provider = provider::<T>();
		fill_active_set::<T>();
		assert!(Pallet::<T>::in_active_set(&provider));

		#[extrinsic_call]
		_(RawOrigin::Signed(provider.clone()));

		assert!(Providers::<T>::get(&provider).is_some_and(|i| i.leaving));
		assert!(!Pallet::<T>::in_active_set(&provider));
	}

	/// Freeing the seat of a provider below the minimum stake, reading the largest active set.
	#[benchmark]
	fn deregister_underfunded() {
		let provider = provider::<T>();
		fill_active_set::<T>();
		let above = Ledgers::<T>::get(&provider).map(|l| l.active).unwrap_or_default();
		MinProviderStake::<T>::put(above.saturating_add(One::one()));
		Ledgers::<T>::mutate(&provider, |l| {
			if let Some(l) = l {
				l.earning = l.active;
				l.underfunded = true;
			}
		});
		Pallet::<T>::remove_from_active_set(&provider);
		let caller = funded::<T>("caller", 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), provider.clone());

		assert!(Providers::<T>::get(&provider).is_some_and(|i| i.leaving));
	}

	/// Kicking a position of a deregistered provider: waiting tokens paid back, bonded shares
	/// unbonded (a new unbonding pool and chunk), `c` unlocked chunks paid out.
	#[benchmark]
	fn kick(c: Linear<1, { T::MaxUnbondingChunks::get().saturating_sub(1) }>) {
		let provider = provider::<T>();
		let who = funded::<T>("delegator", 1);
		let min = T::MinDelegation::get();
		let amount = min.saturating_mul((c.saturating_add(2)).into());
		Pallet::<T>::do_delegate(&who, &provider, amount).expect("delegates");
		Pallet::<T>::enter_genesis_delegations();
		for _ in 0..c {
			Pallet::<T>::do_undelegate(&who, &provider, min).expect("room for a chunk");
			CurrentEra::<T>::mutate(|era| *era = era.saturating_add(1));
		}
		CurrentEra::<T>::mutate(|era| *era = era.saturating_add(T::UnbondingPeriod::get()));
		Pallet::<T>::do_delegate(&who, &provider, min).expect("delegates");
		Pallet::<T>::do_deregister(&provider).expect("deregisters");
		let caller = funded::<T>("caller", 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), who.clone(), provider.clone());

		let left = Delegations::<T>::get(&who, &provider);
		assert!(left.is_some_and(|d| d.shares.is_zero() && d.entering.is_empty()));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
