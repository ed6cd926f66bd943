//! Benchmarks (frame-benchmarking v2) for every call and the hook's work, each in its worst
//! case. The providers come from the configured [`WorkProviders`], through its benchmark
//! set-up functions.

use crate::*;
use frame_benchmarking::v2::*;
use frame_support::traits::{fungible::Mutate, EnsureOrigin, Get};
use frame_system::RawOrigin;
use sp_runtime::traits::{Hash, One, Saturating};
use work_token_primitives::WorkProviders;

/// A client with a large free balance. Endows the escrow too, which genesis does on a chain
/// (the benchmarks start from empty storage).
fn client<T: Config>(index: u32) -> T::AccountId {
	Pallet::<T>::create_escrow();
	let who: T::AccountId = account("client", index, 0);
	let balance = job_fee::<T>().saturating_mul(1_000_000u32.into());
	T::Currency::set_balance(&who, balance);
	who
}

/// A job fee every benchmark provider backs.
fn job_fee<T: Config>() -> BalanceOf<T> {
	T::ReputationFullCreditFee::get().max(One::one())
}

/// Distinct specifications and results.
fn spec<T: Config>(n: u32) -> T::Hash {
	T::Hashing::hash_of(&n)
}

/// Job `n` of a fresh client, assigned to `provider` alone. Returns `(client, job id)`.
fn job_of<T: Config>(provider: &T::AccountId, n: u32) -> (T::AccountId, JobId) {
	let client = client::<T>(n);
	let id = JobQueueState::<T>::get().next_id;
	Pallet::<T>::do_submit_job(&client, spec::<T>(n), job_fee::<T>()).expect("queued");
	let requests = JobRequests::<T>::take();
	for request in requests {
		Pallet::<T>::assign(request, &[(provider.clone(), 1)]);
	}
	assert!(Jobs::<T>::contains_key(id), "assigned");
	(client, id)
}

/// A provider with job `0` assigned. Returns `(provider, client, job id)`.
fn job_assigned<T: Config>() -> (T::AccountId, T::AccountId, JobId) {
	let provider = T::Providers::benchmark_provider(0);
	let (client, id) = job_of::<T>(&provider, 0);
	(provider, client, id)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// Queued as the last job the block takes.
	#[benchmark]
	fn submit_job() {
		for i in 1..T::MaxJobsPerBlock::get() {
			Pallet::<T>::do_submit_job(&client::<T>(i), spec::<T>(i), job_fee::<T>())
				.expect("queued");
		}
		let client = client::<T>(0);

		#[extrinsic_call]
		_(RawOrigin::Signed(client), spec::<T>(0), job_fee::<T>());

		assert_eq!(JobRequests::<T>::get().len() as u32, T::MaxJobsPerBlock::get());
	}

	/// The next block assigning `n` queued jobs, each drawn from the most providers there
	/// can be (read once).
	#[benchmark]
	fn assign_jobs(n: Linear<0, { T::MaxJobsPerBlock::get() }>) {
		T::Providers::benchmark_fill_providers();
		for i in 0..n {
			Pallet::<T>::do_submit_job(&client::<T>(i), spec::<T>(i), job_fee::<T>())
				.expect("queued");
		}

		#[block]
		{
			Pallet::<T>::assign_requested_jobs();
		}

		assert_eq!(Jobs::<T>::iter().count() as u32, n);
	}

	#[benchmark]
	fn submit_result() {
		let (provider, _, id) = job_assigned::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(provider), id, spec::<T>(1));

		assert!(Jobs::<T>::get(id).is_some_and(|j| j.status != JobStatus::Assigned));
	}

	/// Paid: the fee to the provider's pool, the protocol fee, reputation, the claim closed.
	#[benchmark]
	fn accept_result() {
		let (provider, client, id) = job_assigned::<T>();
		T::Providers::benchmark_advance_eras(1);
		Pallet::<T>::do_submit_result(&provider, id, spec::<T>(1)).expect("delivered");

		#[extrinsic_call]
		_(RawOrigin::Signed(client), id);

		assert!(!Jobs::<T>::contains_key(id));
	}

	#[benchmark]
	fn challenge_result() {
		let (provider, client, id) = job_assigned::<T>();
		Pallet::<T>::do_submit_result(&provider, id, spec::<T>(1)).expect("delivered");

		#[extrinsic_call]
		_(RawOrigin::Signed(client), id);

		assert!(
			Jobs::<T>::get(id).is_some_and(|j| matches!(j.status, JobStatus::Challenged { .. }))
		);
	}

	/// Upheld: refund, reputation and a Major offence reported to the providers.
	#[benchmark]
	fn resolve_challenge() -> Result<(), BenchmarkError> {
		let (provider, client, id) = job_assigned::<T>();
		Pallet::<T>::do_submit_result(&provider, id, spec::<T>(1)).expect("delivered");
		Pallet::<T>::do_challenge_result(&client, id).expect("challenged");
		let origin =
			T::ArbiterOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, true);

		assert!(!Jobs::<T>::contains_key(id));
		Ok(())
	}

	#[benchmark]
	fn set_reputation_tiers() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let tiers = ReputationTiers {
			low_below: sp_runtime::Permill::from_percent(40),
			high_from: sp_runtime::Permill::from_percent(80),
			low: 50,
			mid: 100,
			high: 130,
		};

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, tiers);

		assert_eq!(ReputationTiersOf::<T>::get(), tiers);
		Ok(())
	}

	/// The job hook expiring `n` jobs past their deadline (refund and Minor report each), each
	/// of its own provider whose offences reach as far as any can, the hook running a report
	/// window late (the widest reach a late expiry reads).
	#[benchmark]
	fn process_jobs(n: Linear<0, { T::MaxJobsPerBlock::get() }>) {
		for i in 0..n {
			let provider = T::Providers::benchmark_provider(i);
			job_of::<T>(&provider, i);
		}
		assert_eq!(Jobs::<T>::iter().count() as u32, n);
		let now = frame_system::Pallet::<T>::block_number();
		frame_system::Pallet::<T>::set_block_number(
			now.saturating_add(T::JobDeadline::get()).saturating_add(One::one()),
		);
		T::Providers::benchmark_advance_eras(T::Providers::benchmark_report_window());

		#[block]
		{
			Pallet::<T>::process_jobs();
		}

		assert_eq!(Jobs::<T>::iter().count(), 0);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
