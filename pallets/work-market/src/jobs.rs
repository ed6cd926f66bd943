//! The job lifecycle (S12, S30, S34): from delivery to payment or failure. A job ends in one
//! of five ways.
//!
//! | path | how | fee | reputation | offence |
//! |---|---|---|---|---|
//! | accepted | `accept_result` by the client, or by anyone once the acceptance window has passed in silence, or by the hook | to the provider's pool, split at the era's end; `ProtocolFee` to `OnProtocolFee` | up | — |
//! | challenge rejected | `resolve_challenge(id, false)` by the arbiter | as accepted | up | — |
//! | challenge lapsed | nobody resolved it by the job's challenge end: the result stands | as accepted | up | — |
//! | challenge upheld | `resolve_challenge(id, true)` by the arbiter | refunded | down | Major, of the era the result was delivered in, reported by the client |
//! | deadline missed | the hook, once `JobDeadline` blocks have passed without a result | refunded | down | Minor, of the era of the deadline |
//!
//! **Exposure (S30).** An assigned job opens a claim on its provider for the era it was
//! assigned in, closed when the job ends. While it is open, stake bonded in that era cannot be
//! withdrawn and no delegation made after it can enter the pool, so a missed deadline or an
//! upheld challenge, dated to the era of the work, slashes exactly the stake that backed it.
//!
//! A provider's open jobs are bounded by `MaxOpenJobsPerProvider`, and their fees by its
//! active self-stake divided by `StakeToFeeRatio`; that self-stake cannot be unbonded while
//! the jobs are open. The fee of an accepted job waits in the provider's pool and is split at
//! the era's end by whole-era stake, like the emission (S29, see `pallet_work_token::rewards`).
//!
//! The hook looks at no more than `MaxJobsPerBlock` jobs per block, with three cursors in job
//! order: to each job's deadline (deadlines follow job order), to the end of its latest
//! possible acceptance window (`deadline + AcceptanceWindow`), and to the end of its latest
//! possible challenge (`deadline + AcceptanceWindow + ChallengeTimeout`).

use crate::{
	Config, Error, Event, HashOf, Job, JobQueueState, JobStatus, Jobs, Pallet, WeightInfo,
	Workloads,
};
use frame_support::{ensure, traits::Get, weights::Weight};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{Hash, Saturating},
	DispatchResult,
};
use work_token_primitives::{
	ChallengeCase, EraIndex, JobId, Resolver, Severity, Verdicts, WorkProviders,
};

impl<T: Config> Pallet<T> {
	/// `submit_result`: the assigned provider delivers before the deadline.
	pub(crate) fn do_submit_result(
		who: &T::AccountId,
		id: JobId,
		result: HashOf<T>,
	) -> DispatchResult {
		let mut job = Jobs::<T>::get(id).ok_or(Error::<T>::UnknownJob)?;
		ensure!(job.provider == *who, Error::<T>::NotAssignedProvider);
		ensure!(job.status == JobStatus::Assigned, Error::<T>::WrongJobState);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now <= job.deadline, Error::<T>::DeadlinePassed);
		let accept_by = now.saturating_add(T::AcceptanceWindow::get());
		let delivered_era = T::Providers::current_era();
		job.status = JobStatus::Submitted { result, accept_by, delivered_era };
		Jobs::<T>::insert(id, job);
		Self::deposit_event(Event::JobResultSubmitted {
			id,
			provider: who.clone(),
			result,
			accept_by,
		});
		Ok(())
	}

	/// The last block in which the challenge of `job` may still be resolved; after it the
	/// challenge lapses and the job is paid.
	pub(crate) fn challenge_end(job: &Job<T>) -> BlockNumberFor<T> {
		job.deadline
			.saturating_add(T::AcceptanceWindow::get())
			.saturating_add(T::ChallengeTimeout::get())
	}

	/// `accept_result`: the client accepts; anyone may once the window passed in silence, or
	/// once a challenge has lapsed.
	pub(crate) fn do_accept_result(who: &T::AccountId, id: JobId) -> DispatchResult {
		let job = Jobs::<T>::get(id).ok_or(Error::<T>::UnknownJob)?;
		let now = frame_system::Pallet::<T>::block_number();
		match job.status {
			JobStatus::Submitted { accept_by, .. } => {
				ensure!(job.client == *who || now > accept_by, Error::<T>::AcceptanceWindowOpen);
			}
			JobStatus::Challenged { .. } => {
				ensure!(now > Self::challenge_end(&job), Error::<T>::ChallengeOpen);
				Self::deposit_event(Event::ChallengeLapsed { id });
				T::Challenges::close(id);
			}
			JobStatus::Assigned => return Err(Error::<T>::WrongJobState.into()),
		}
		Self::complete_job(id, job);
		Ok(())
	}

	/// `challenge_result`: the client disputes the result within the window.
	pub(crate) fn do_challenge_result(who: &T::AccountId, id: JobId) -> DispatchResult {
		let mut job = Jobs::<T>::get(id).ok_or(Error::<T>::UnknownJob)?;
		ensure!(job.client == *who, Error::<T>::NotClient);
		let JobStatus::Submitted { result, accept_by, delivered_era } = job.status else {
			return Err(Error::<T>::WrongJobState.into());
		};
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now <= accept_by, Error::<T>::AcceptanceWindowClosed);
		job.status = JobStatus::Challenged { result, delivered_era };
		let provider = job.provider.clone();
		let decide_by = Self::challenge_end(&job);
		let case = ChallengeCase {
			id,
			client: who.clone(),
			provider: provider.clone(),
			fee: job.fee,
			delivered_era,
		};
		T::Challenges::open(case)?;
		Jobs::<T>::insert(id, job);
		Self::deposit_event(Event::JobChallenged { id, client: who.clone(), provider, decide_by });
		Ok(())
	}

	/// The most a verdict on a challenge costs, with the resolver told the case is over.
	pub(crate) fn resolve_challenge_weight() -> Weight {
		T::WeightInfo::resolve_challenge().saturating_add(T::Challenges::close_weight())
	}

	/// `resolve_challenge`: upheld refunds the client and reports a Major offence of the
	/// delivery era; rejected pays the provider as if accepted.
	pub(crate) fn do_resolve_challenge(id: JobId, upheld: bool) -> DispatchResult {
		let job = Jobs::<T>::get(id).ok_or(Error::<T>::UnknownJob)?;
		let JobStatus::Challenged { delivered_era, .. } = job.status else {
			return Err(Error::<T>::WrongJobState.into());
		};
		ensure!(
			frame_system::Pallet::<T>::block_number() <= Self::challenge_end(&job),
			Error::<T>::ChallengeLapsed
		);
		Self::deposit_event(Event::ChallengeResolved { id, upheld });
		T::Challenges::close(id);
		if upheld {
			Self::fail_job(id, job, Severity::Major, delivered_era);
		} else {
			Self::complete_job(id, job);
		}
		Ok(())
	}

	/// Removes a job, frees its provider's capacity and closes its exposure.
	fn close_job(id: JobId, job: &Job<T>) {
		Jobs::<T>::remove(id);
		Workloads::<T>::mutate_exists(&job.provider, |w| {
			if let Some(work) = w {
				work.open_jobs = work.open_jobs.saturating_sub(1);
				work.open_fees = work.open_fees.saturating_sub(job.fee);
				if work.open_jobs == 0 {
					*w = None;
				}
			}
		});
		T::Providers::release(&job.provider, job.assigned_era);
	}

	/// Pays a job: `ProtocolFee` to `OnProtocolFee`, the rest into the provider's fees of this
	/// era, split at the era's end by the work token (S29). Raises the provider's reputation.
	fn complete_job(id: JobId, job: Job<T>) {
		let protocol_fee = Self::take_protocol_fee(job.fee);
		let pay = job.fee.saturating_sub(protocol_fee);
		let provider = &job.provider;
		if Self::pay_from_escrow(&T::Providers::fee_account(), pay) {
			T::Providers::credit_fees(provider, pay);
		} else {
			frame_support::defensive!("an escrowed job fee moves to the fee account");
		}
		Self::close_job(id, &job);
		Self::record_outcome(provider, true, job.fee);
		Self::deposit_event(Event::JobCompleted {
			id,
			client: job.client.clone(),
			provider: provider.clone(),
			paid: pay,
			protocol_fee,
		});
	}

	/// Refunds a failed job, lowers the provider's reputation and reports `severity` of
	/// `offence_era` through the slashing path (the client is the reporter of a Major
	/// offence).
	fn fail_job(id: JobId, job: Job<T>, severity: Severity, offence_era: EraIndex) {
		Self::refund_fee(&job.client, job.fee);
		Self::close_job(id, &job);
		Self::record_outcome(&job.provider, false, job.fee);
		let reporter = (severity == Severity::Major).then(|| job.client.clone());
		let evidence = T::Hashing::hash_of(&(b"work-token/job", id));
		let reported =
			T::Providers::report_offence(reporter, &job.provider, severity, offence_era, evidence)
				.is_ok();
		Self::deposit_event(Event::JobFailed {
			id,
			client: job.client,
			provider: job.provider,
			refund: job.fee,
			offence_reported: reported,
		});
	}

	/// Expires jobs past their deadline, accepts results whose window passed in silence and
	/// pays jobs whose challenge lapsed. Each of the three cursors looks at no more than
	/// `MaxJobsPerBlock` jobs per block, as many as a block may submit, so none falls behind
	/// a sustained load (S42).
	pub(crate) fn process_jobs() -> Weight {
		let mut queue = JobQueueState::<T>::get();
		let idle = queue.expiry_cursor >= queue.next_id
			&& queue.acceptance_cursor >= queue.next_id
			&& queue.challenge_cursor >= queue.next_id;
		if idle {
			return T::WeightInfo::process_jobs(0);
		}
		let now = frame_system::Pallet::<T>::block_number();
		let budget = T::MaxJobsPerBlock::get();
		let mut looked_at = 0u32;
		let mut expiry = |id: JobId, job: Job<T>| {
			if now <= job.deadline {
				return false;
			}
			if job.status == JobStatus::Assigned {
				let era = T::Providers::era_of(job.deadline);
				Self::fail_job(id, job, Severity::Minor, era);
			}
			true
		};
		looked_at = looked_at.saturating_add(Self::walk(
			&mut queue.expiry_cursor,
			queue.next_id,
			budget,
			&mut expiry,
		));
		let mut acceptance = |id: JobId, job: Job<T>| {
			if now <= job.deadline.saturating_add(T::AcceptanceWindow::get()) {
				return false;
			}
			if let JobStatus::Submitted { .. } = job.status {
				Self::complete_job(id, job);
			}
			true
		};
		looked_at = looked_at.saturating_add(Self::walk(
			&mut queue.acceptance_cursor,
			queue.next_id,
			budget,
			&mut acceptance,
		));
		let mut lapse = |id: JobId, job: Job<T>| {
			if now <= Self::challenge_end(&job) {
				return false;
			}
			if let JobStatus::Challenged { .. } = job.status {
				Self::deposit_event(Event::ChallengeLapsed { id });
				T::Challenges::close(id);
				Self::complete_job(id, job);
			}
			true
		};
		looked_at = looked_at.saturating_add(Self::walk(
			&mut queue.challenge_cursor,
			queue.next_id,
			budget,
			&mut lapse,
		));
		JobQueueState::<T>::put(queue);
		// Every job looked at is charged as one whose challenge lapses: the declared bound.
		T::WeightInfo::process_jobs(looked_at)
			.saturating_add(T::Challenges::close_weight().saturating_mul(u64::from(looked_at)))
	}

	/// Moves `cursor` over at most `budget` job ids below `next_id`, handing each open job to
	/// `handle`, which returns false when the job is not due yet (the cursor stops there).
	/// Returns the number of ids looked at.
	fn walk(
		cursor: &mut JobId,
		next_id: JobId,
		budget: u32,
		handle: &mut impl FnMut(JobId, Job<T>) -> bool,
	) -> u32 {
		let mut looked_at = 0u32;
		while looked_at < budget && *cursor < next_id {
			looked_at = looked_at.saturating_add(1);
			if let Some(job) = Jobs::<T>::get(*cursor) {
				if !handle(*cursor, job) {
					break;
				}
			}
			*cursor = cursor.saturating_add(1);
		}
		looked_at
	}
}

/// A resolver (a court) decides a challenged job through the market.
impl<T: Config> Verdicts<JobId, bool> for Pallet<T> {
	fn decide(id: JobId, upheld: bool) -> DispatchResult {
		Self::do_resolve_challenge(id, upheld)
	}

	fn decide_weight() -> Weight {
		Self::resolve_challenge_weight()
	}
}
