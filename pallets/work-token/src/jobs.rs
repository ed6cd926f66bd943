//! The work market (S11, S12, S34, S35): jobs are submitted with a fee on hold, assigned in the
//! next block to a provider drawn by effective stake, and end in one of five ways.
//!
//! | path | how | fee | reputation | offence |
//! |---|---|---|---|---|
//! | accepted | `accept_result` by the client, or by anyone once the acceptance window has passed in silence, or by the hook | to the provider's pool, split at the era's end; `ProtocolFee` to `OnSlash` | up | — |
//! | challenge rejected | `resolve_challenge(id, false)` by the arbiter | as accepted | up | — |
//! | challenge lapsed | nobody resolved it by the job's challenge end: the result stands | as accepted | up | — |
//! | challenge upheld | `resolve_challenge(id, true)` by the arbiter | refunded | down | Major, of the era the result was delivered in, reported by the client |
//! | deadline missed | the hook, once `JobDeadline` blocks have passed without a result | refunded | down | Minor, of the era of the deadline |
//!
//! **Assignment (S35).** `submit_job` holds the fee and queues the job; the next block's
//! `on_initialize` draws its provider with that block's randomness, which did not exist when
//! the client signed. A client therefore cannot see or steer the draw; the author of the
//! submitting block can still influence randomness derived from block hashes (see the
//! README's note on randomness). At most `MaxJobsPerBlock` jobs are queued per block: a
//! further `submit_job` in the same block fails with `MarketBusy` (back-pressure). A job no
//! provider can take is refunded in that next block with [`crate::Event::JobUnassigned`]; it
//! still counts as demand for the minimum stake and the active-set size (S34).
//!
//! **Exposure (S30).** An assigned job opens a claim on its provider for the era it was
//! assigned in, closed when the job ends. While it is open, stake bonded in that era cannot be
//! withdrawn and no delegation made after it can enter the pool, so a missed deadline or an
//! upheld challenge, dated to the era of the work, slashes exactly the stake that backed it.
//!
//! A provider's open jobs are bounded by `MaxOpenJobsPerProvider`, and their fees by its
//! active self-stake divided by `StakeToFeeRatio`; that self-stake cannot be unbonded while
//! the jobs are open. The fee of an accepted job waits in the provider's pool and is split at
//! the era's end by whole-era stake, like the emission (S29, see [`crate::rewards`]).
//!
//! The hook looks at no more than `MaxJobsPerBlock` jobs per block, with three cursors in job
//! order: to each job's deadline (deadlines follow job order), to the end of its latest
//! possible acceptance window (`deadline + AcceptanceWindow`), and to the end of its latest
//! possible challenge (`deadline + AcceptanceWindow + ChallengeTimeout`).

use crate::{
	ActiveProvider, BalanceOf, Config, CurrentEra, Error, Event, HashOf, HoldReason, Job, JobId,
	JobQueueState, JobRequest, JobRequests, JobStatus, Jobs, JobsThisEra, Ledgers, Pallet, Pools,
	Providers, Severity, Tombstones, Unassigned, WeightInfo, Workloads,
};
use frame_support::{
	ensure,
	traits::{
		fungible::{BalancedHold, MutateHold},
		tokens::{imbalance::OnUnbalanced, Fortitude, Precision, Restriction},
		Get, Imbalance,
	},
	weights::Weight,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{CheckedDiv, Hash, Saturating, UniqueSaturatedInto, Zero},
	DispatchResult,
};

impl<T: Config> Pallet<T> {
	/// Whether `provider` takes work at all: registered, not leaving, not jailed, suspended or
	/// tombstoned.
	pub(crate) fn takes_work(provider: &T::AccountId) -> bool {
		Providers::<T>::get(provider).is_some_and(|info| !info.leaving)
			&& !Self::is_jailed(provider)
	}

	/// Whether `provider` can take a job of `fee` from `client` now.
	/// Whether `provider` may be drawn for a job of `client`, whatever its fee: it is not the
	/// client, takes work and has a free job slot. The draw redraws on these rejections only;
	/// they do not depend on anything the client chooses, so rejections cannot steer it.
	fn may_draw(provider: &T::AccountId, client: &T::AccountId) -> bool {
		provider != client
			&& Self::takes_work(provider)
			&& Workloads::<T>::get(provider).open_jobs < T::MaxOpenJobsPerProvider::get()
	}

	/// Whether `provider`'s self-stake backs one more open job of `fee` (S11).
	fn backs_fee(provider: &T::AccountId, fee: BalanceOf<T>) -> bool {
		let active = Ledgers::<T>::get(provider).map(|l| l.active).unwrap_or_default();
		let ratio: BalanceOf<T> = T::StakeToFeeRatio::get().max(1).into();
		let capacity = active.checked_div(&ratio).unwrap_or_default();
		Workloads::<T>::get(provider).open_fees.saturating_add(fee) <= capacity
	}

	/// The self-stake `provider` must keep bonded for its open jobs.
	pub(crate) fn stake_backing_jobs(provider: &T::AccountId) -> BalanceOf<T> {
		let ratio: BalanceOf<T> = T::StakeToFeeRatio::get().into();
		Workloads::<T>::get(provider).open_fees.saturating_mul(ratio)
	}

	/// The era block `block` belongs to (era `e` starts at block `e * EraLength`).
	pub(crate) fn era_of_block(block: BlockNumberFor<T>) -> crate::EraIndex {
		let era = block.checked_div(&T::EraLength::get()).unwrap_or_default();
		era.unique_saturated_into()
	}

	/// `submit_job`: holds `fee` from `client` and queues the job for assignment in the next
	/// block.
	pub(crate) fn do_submit_job(
		client: &T::AccountId,
		spec: HashOf<T>,
		fee: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(!fee.is_zero(), Error::<T>::ZeroAmount);
		ensure!(fee <= crate::slashing::spendable::<T>(client), Error::<T>::InsufficientBalance);
		let mut queue = JobQueueState::<T>::get();
		let id = queue.next_id;
		queue.next_id = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let request = JobRequest::<T> { id, client: client.clone(), fee, spec };
		JobRequests::<T>::try_append(request).map_err(|_| Error::<T>::MarketBusy)?;
		T::Currency::hold(&HoldReason::JobFee.into(), client, fee)?;
		JobsThisEra::<T>::mutate(|n| *n = n.saturating_add(1));
		JobQueueState::<T>::put(queue);
		Self::deposit_event(Event::JobSubmitted { id, client: client.clone(), fee });
		Ok(())
	}

	/// Assigns the jobs submitted in the previous block (S35). Returns the weight used.
	pub(crate) fn assign_requested_jobs() -> Weight {
		let requests = JobRequests::<T>::take();
		if requests.is_empty() {
			return T::WeightInfo::assign_jobs(0);
		}
		let count = u32::try_from(requests.len()).unwrap_or(u32::MAX);
		let set = crate::ActiveSet::<T>::get();
		for request in requests {
			Self::assign(request, &set);
		}
		T::WeightInfo::assign_jobs(count)
	}

	/// Draws a provider for `request` from `set` and opens the job, or refunds it.
	fn assign(request: JobRequest<T>, set: &[ActiveProvider<T>]) {
		let drawn = Self::draw_provider(set, request.id, |p| Self::may_draw(p, &request.client))
			.and_then(|p| {
				if Self::backs_fee(&p, request.fee) {
					Ok(p)
				} else {
					Err(Unassigned::FeeNotBacked)
				}
			});
		let provider = match drawn {
			Ok(provider) => provider,
			Err(reason) => return Self::refuse(request, reason),
		};
		let now = frame_system::Pallet::<T>::block_number();
		let era = CurrentEra::<T>::get();
		let deadline = now.saturating_add(T::JobDeadline::get());
		Workloads::<T>::mutate(&provider, |w| {
			w.open_jobs = w.open_jobs.saturating_add(1);
			w.open_fees = w.open_fees.saturating_add(request.fee);
		});
		Self::open_exposure(&provider, era);
		Self::deposit_event(Event::JobAssigned {
			id: request.id,
			provider: provider.clone(),
			deadline,
		});
		let job = Job {
			client: request.client,
			provider,
			fee: request.fee,
			spec: request.spec,
			assigned_at: now,
			assigned_era: era,
			deadline,
			status: JobStatus::Assigned,
		};
		Jobs::<T>::insert(request.id, job);
	}

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
		let delivered_era = CurrentEra::<T>::get();
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
		Jobs::<T>::insert(id, job);
		Self::deposit_event(Event::JobChallenged { id, client: who.clone(), provider, decide_by });
		Ok(())
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
		Self::close_exposure(&job.provider, job.assigned_era);
	}

	/// Refunds a job no provider took. When the drawn provider could not back its fee, the
	/// protocol fee is kept: otherwise a client could pick its provider for free by choosing a
	/// fee that only that provider can back, resubmitting until it is drawn.
	fn refuse(request: JobRequest<T>, reason: Unassigned) {
		let mut refund = request.fee;
		if reason == Unassigned::FeeNotBacked {
			let cut = T::ProtocolFee::get().mul_floor(request.fee);
			let (credit, _) = T::Currency::slash(&HoldReason::JobFee.into(), &request.client, cut);
			refund = refund.saturating_sub(credit.peek());
			T::OnSlash::on_unbalanced(credit);
		}
		Self::release_fee(&request.client, refund);
		Self::deposit_event(Event::JobUnassigned {
			id: request.id,
			client: request.client,
			fee: refund,
			reason,
		});
	}

	/// Returns a job fee on hold to its client.
	fn release_fee(client: &T::AccountId, fee: BalanceOf<T>) {
		let released =
			T::Currency::release(&HoldReason::JobFee.into(), client, fee, Precision::BestEffort);
		if released.is_err() {
			frame_support::defensive!("a job fee on hold could not be released");
		}
	}

	/// Pays a job: `ProtocolFee` to `OnSlash`, the rest into the provider's pool to be split at
	/// the era's end (S29). Raises the provider's reputation.
	fn complete_job(id: JobId, job: Job<T>) {
		let reason = HoldReason::JobFee.into();
		let cut = T::ProtocolFee::get().mul_floor(job.fee);
		let (credit, _) = T::Currency::slash(&reason, &job.client, cut);
		let protocol_fee = credit.peek();
		T::OnSlash::on_unbalanced(credit);
		let pay = job.fee.saturating_sub(protocol_fee);
		let provider = &job.provider;
		let moved = Self::ensure_delegation_account_alive().is_ok()
			&& T::Currency::transfer_on_hold(
				&reason,
				&job.client,
				&Self::delegation_account(),
				pay,
				Precision::Exact,
				Restriction::Free,
				Fortitude::Polite,
			)
			.is_ok();
		if moved {
			Pools::<T>::mutate(provider, |pool| match pool {
				Some(pool) => pool.unsplit_fees = pool.unsplit_fees.saturating_add(pay),
				None => {
					frame_support::defensive!("a provider with open jobs has a pool");
				}
			});
		} else {
			frame_support::defensive!("a job fee on hold moves to the delegation account");
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
	fn fail_job(id: JobId, job: Job<T>, severity: Severity, offence_era: crate::EraIndex) {
		Self::release_fee(&job.client, job.fee);
		Self::close_job(id, &job);
		Self::record_outcome(&job.provider, false, job.fee);
		let reporter = (severity == Severity::Major).then(|| job.client.clone());
		let evidence = T::Hashing::hash_of(&(b"work-token/job", id));
		let reported = !Tombstones::<T>::contains_key(&job.provider)
			&& Self::do_report_offence(
				reporter,
				Zero::zero(),
				&job.provider,
				severity,
				offence_era,
				evidence,
				true,
			)
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
				let era = Self::era_of_block(job.deadline);
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
		T::WeightInfo::process_jobs(looked_at)
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
