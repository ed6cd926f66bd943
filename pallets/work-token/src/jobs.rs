//! The work market (S11, S12): jobs are submitted with a fee on hold, assigned at once to a
//! provider drawn by effective stake, and end in one of four ways.
//!
//! | path | how | fee | reputation | offence |
//! |---|---|---|---|---|
//! | accepted | `accept_result` by the client, or by anyone once the acceptance window has passed in silence, or by the hook | to the provider's pool rewards, less `ProtocolFee` to `OnSlash` | up | — |
//! | challenge rejected | `resolve_challenge(id, false)` by the arbiter | as accepted | up | — |
//! | challenge upheld | `resolve_challenge(id, true)` by the arbiter | refunded | down | Major, reported by the client |
//! | deadline missed | the hook, once `JobDeadline` blocks have passed without a result | refunded | down | Minor |
//!
//! A provider's open jobs are bounded by `MaxOpenJobsPerProvider`, and their fees by its
//! active self-stake divided by `StakeToFeeRatio`; that self-stake cannot be unbonded while
//! the jobs are open. The fee paid for a job is split like an era reward: commission first,
//! then pro rata to self-stake and earning delegated shares.
//!
//! The hook looks at no more than `MaxJobsPerBlock` jobs per block, with two cursors in job
//! order: one to each job's deadline (deadlines follow submission order), the other to the end
//! of each job's latest possible acceptance window (`deadline + AcceptanceWindow`). A
//! challenged job waits for the arbiter.

use crate::{
	rewards::split_reward, BalanceOf, Config, CurrentEra, Error, Event, HashOf, HoldReason, Job,
	JobId, JobQueueState, JobStatus, Jobs, JobsThisEra, Ledgers, Pallet, Pools, Providers,
	RewardsUnclaimed, Severity, Tombstones, WeightInfo, Workloads,
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
use sp_runtime::{
	traits::{
		CheckedAdd, CheckedDiv, Hash, Saturating, UniqueSaturatedFrom, UniqueSaturatedInto, Zero,
	},
	DispatchResult, FixedPointNumber, FixedU128,
};

fn to_u128<T: Config>(b: BalanceOf<T>) -> u128 {
	b.unique_saturated_into()
}

fn from_u128<T: Config>(v: u128) -> BalanceOf<T> {
	BalanceOf::<T>::unique_saturated_from(v)
}

impl<T: Config> Pallet<T> {
	/// Whether `provider` can take a job of `fee` from `client` now.
	fn can_take(provider: &T::AccountId, client: &T::AccountId, fee: BalanceOf<T>) -> bool {
		if provider == client || Self::is_jailed(provider) {
			return false;
		}
		let work = Workloads::<T>::get(provider);
		let active = Ledgers::<T>::get(provider).map(|l| l.active).unwrap_or_default();
		let ratio: BalanceOf<T> = T::StakeToFeeRatio::get().max(1).into();
		let capacity = active.checked_div(&ratio).unwrap_or_default();
		work.open_jobs < T::MaxOpenJobsPerProvider::get()
			&& work.open_fees.saturating_add(fee) <= capacity
	}

	/// The self-stake `provider` must keep bonded for its open jobs.
	pub(crate) fn stake_backing_jobs(provider: &T::AccountId) -> BalanceOf<T> {
		let ratio: BalanceOf<T> = T::StakeToFeeRatio::get().into();
		Workloads::<T>::get(provider).open_fees.saturating_mul(ratio)
	}

	/// `submit_job`: holds `fee` from `client` and assigns the job.
	pub(crate) fn do_submit_job(
		client: &T::AccountId,
		spec: HashOf<T>,
		fee: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(!fee.is_zero(), Error::<T>::ZeroAmount);
		let mut queue = JobQueueState::<T>::get();
		let id = queue.next_id;
		let provider = Self::draw_provider(id, |p| Self::can_take(p, client, fee))?;
		ensure!(fee <= crate::slashing::spendable::<T>(client), Error::<T>::InsufficientBalance);
		queue.next_id = id.checked_add(1).ok_or(Error::<T>::Overflow)?;

		T::Currency::hold(&HoldReason::JobFee.into(), client, fee)?;
		let now = frame_system::Pallet::<T>::block_number();
		let deadline = now.saturating_add(T::JobDeadline::get());
		Jobs::<T>::insert(
			id,
			Job {
				client: client.clone(),
				provider: provider.clone(),
				fee,
				spec,
				submitted_at: now,
				deadline,
				status: JobStatus::Assigned,
			},
		);
		Workloads::<T>::mutate(&provider, |w| {
			w.open_jobs = w.open_jobs.saturating_add(1);
			w.open_fees = w.open_fees.saturating_add(fee);
		});
		JobsThisEra::<T>::mutate(|n| *n = n.saturating_add(1));
		JobQueueState::<T>::put(queue);
		Self::deposit_event(Event::JobSubmitted {
			id,
			client: client.clone(),
			provider,
			fee,
			deadline,
		});
		Ok(())
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
		job.status = JobStatus::Submitted { result, accept_by };
		Jobs::<T>::insert(id, job);
		Self::deposit_event(Event::JobResultSubmitted {
			id,
			provider: who.clone(),
			result,
			accept_by,
		});
		Ok(())
	}

	/// `accept_result`: the client accepts, or anyone once the window passed in silence.
	pub(crate) fn do_accept_result(who: &T::AccountId, id: JobId) -> DispatchResult {
		let job = Jobs::<T>::get(id).ok_or(Error::<T>::UnknownJob)?;
		let JobStatus::Submitted { accept_by, .. } = job.status else {
			return Err(Error::<T>::WrongJobState.into());
		};
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(job.client == *who || now > accept_by, Error::<T>::AcceptanceWindowOpen);
		Self::complete_job(id, job);
		Ok(())
	}

	/// `challenge_result`: the client disputes the result within the window.
	pub(crate) fn do_challenge_result(who: &T::AccountId, id: JobId) -> DispatchResult {
		let mut job = Jobs::<T>::get(id).ok_or(Error::<T>::UnknownJob)?;
		ensure!(job.client == *who, Error::<T>::NotClient);
		let JobStatus::Submitted { result, accept_by } = job.status else {
			return Err(Error::<T>::WrongJobState.into());
		};
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now <= accept_by, Error::<T>::AcceptanceWindowClosed);
		job.status = JobStatus::Challenged { result };
		let provider = job.provider.clone();
		Jobs::<T>::insert(id, job);
		Self::deposit_event(Event::JobChallenged { id, client: who.clone(), provider });
		Ok(())
	}

	/// `resolve_challenge`: upheld refunds the client and reports a Major offence; rejected
	/// pays the provider as if accepted.
	pub(crate) fn do_resolve_challenge(id: JobId, upheld: bool) -> DispatchResult {
		let job = Jobs::<T>::get(id).ok_or(Error::<T>::UnknownJob)?;
		ensure!(matches!(job.status, JobStatus::Challenged { .. }), Error::<T>::WrongJobState);
		Self::deposit_event(Event::ChallengeResolved { id, upheld });
		if upheld {
			Self::fail_job(id, job, Severity::Major);
		} else {
			Self::complete_job(id, job);
		}
		Ok(())
	}

	/// Removes a job and frees its provider's capacity.
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
	}

	/// Pays a job: `ProtocolFee` to `OnSlash`, the rest split into the provider's commission,
	/// self-stake part and its pool's reward accumulator. Raises the provider's reputation.
	fn complete_job(id: JobId, job: Job<T>) {
		let reason = HoldReason::JobFee.into();
		let cut = T::ProtocolFee::get().mul_floor(job.fee);
		let (credit, _) = T::Currency::slash(&reason, &job.client, cut);
		let protocol_fee = credit.peek();
		T::OnSlash::on_unbalanced(credit);
		let pay = job.fee.saturating_sub(protocol_fee);

		let provider = &job.provider;
		let commission = Providers::<T>::get(provider).map(|i| i.commission).unwrap_or_default();
		let self_stake = Ledgers::<T>::get(provider).map(|l| l.active).unwrap_or_default();
		let mut to_pool: BalanceOf<T> = Zero::zero();
		if let Some(mut pool) = Pools::<T>::get(provider) {
			let era = CurrentEra::<T>::get();
			let joining = if pool.joining_era == era { pool.joining_shares } else { Zero::zero() };
			let earning_shares = pool.shares.saturating_sub(joining);
			let earning_tokens = crate::ShareBook::value_of(&pool, earning_shares);
			let split = split_reward(
				to_u128::<T>(pay),
				commission,
				to_u128::<T>(self_stake),
				to_u128::<T>(earning_tokens),
			);
			let increment =
				FixedU128::checked_from_rational(split.delegated, to_u128::<T>(earning_shares))
					.unwrap_or_default();
			let next = pool.reward_per_share.checked_add(&increment);
			let account = Self::delegation_account();
			if let (false, Some(next)) = (increment.is_zero(), next) {
				let amount = from_u128::<T>(split.delegated);
				let moved = Self::ensure_delegation_account_alive().is_ok()
					&& T::Currency::transfer_on_hold(
						&reason,
						&job.client,
						&account,
						amount,
						Precision::Exact,
						Restriction::Free,
						Fortitude::Polite,
					)
					.is_ok();
				if moved {
					pool.reward_per_share = next;
					RewardsUnclaimed::<T>::mutate(|r| *r = r.saturating_add(amount));
					Pools::<T>::insert(provider, pool);
					to_pool = amount;
				}
			}
		}
		let to_provider = pay.saturating_sub(to_pool);
		if !to_provider.is_zero() {
			let paid = T::Currency::transfer_on_hold(
				&reason,
				&job.client,
				provider,
				to_provider,
				Precision::BestEffort,
				Restriction::Free,
				Fortitude::Polite,
			);
			if let Err(e) = paid {
				log::error!(target: crate::LOG_TARGET, "job {id}: fee not paid: {e:?}");
			}
		}
		Self::close_job(id, &job);
		Self::record_outcome(provider, true);
		Self::deposit_event(Event::JobCompleted {
			id,
			provider: provider.clone(),
			to_provider,
			to_pool,
			protocol_fee,
		});
	}

	/// Refunds a failed job, lowers the provider's reputation and reports `severity` through
	/// the slashing path (the client is the reporter of a Major offence).
	fn fail_job(id: JobId, job: Job<T>, severity: Severity) {
		let released = T::Currency::release(
			&HoldReason::JobFee.into(),
			&job.client,
			job.fee,
			Precision::BestEffort,
		);
		if let Err(e) = released {
			log::error!(target: crate::LOG_TARGET, "job {id}: fee not refunded: {e:?}");
		}
		Self::close_job(id, &job);
		Self::record_outcome(&job.provider, false);
		let reporter = (severity == Severity::Major).then(|| job.client.clone());
		let evidence = T::Hashing::hash_of(&(b"work-token/job", id));
		let era = CurrentEra::<T>::get();
		let reported = !Tombstones::<T>::contains_key(&job.provider)
			&& Self::do_report_offence(
				reporter,
				Zero::zero(),
				&job.provider,
				severity,
				era,
				evidence,
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

	/// Expires jobs past their deadline and accepts results whose window passed in silence,
	/// looking at no more than `MaxJobsPerBlock` jobs.
	pub(crate) fn process_jobs() -> Weight {
		let mut queue = JobQueueState::<T>::get();
		if queue.expiry_cursor >= queue.next_id && queue.acceptance_cursor >= queue.next_id {
			return T::WeightInfo::process_jobs(0);
		}
		let now = frame_system::Pallet::<T>::block_number();
		let mut budget = T::MaxJobsPerBlock::get();
		while budget > 0 && queue.expiry_cursor < queue.next_id {
			budget = budget.saturating_sub(1);
			if let Some(job) = Jobs::<T>::get(queue.expiry_cursor) {
				if job.status == JobStatus::Assigned {
					if now <= job.deadline {
						break;
					}
					Self::fail_job(queue.expiry_cursor, job, Severity::Minor);
				}
			}
			queue.expiry_cursor = queue.expiry_cursor.saturating_add(1);
		}
		while budget > 0 && queue.acceptance_cursor < queue.next_id {
			budget = budget.saturating_sub(1);
			if let Some(job) = Jobs::<T>::get(queue.acceptance_cursor) {
				if now <= job.deadline.saturating_add(T::AcceptanceWindow::get()) {
					break;
				}
				if let JobStatus::Submitted { .. } = job.status {
					Self::complete_job(queue.acceptance_cursor, job);
				}
			}
			queue.acceptance_cursor = queue.acceptance_cursor.saturating_add(1);
		}
		JobQueueState::<T>::put(queue);
		T::WeightInfo::process_jobs(T::MaxJobsPerBlock::get().saturating_sub(budget))
	}

	/// `set_active_set_mode`.
	pub(crate) fn do_set_active_set_mode(mode: crate::ActiveSetMode) -> DispatchResult {
		if let crate::ActiveSetMode::Dynamic { min, max, jobs_per_provider } = mode {
			ensure!(min <= max && jobs_per_provider > 0, Error::<T>::InvalidActiveSetMode);
		}
		crate::ActiveSetModeOf::<T>::put(mode);
		Self::deposit_event(Event::ActiveSetModeSet { mode });
		Ok(())
	}

	/// `chill` / `unchill`.
	pub(crate) fn do_set_chilled(who: &T::AccountId, chilled: bool) -> DispatchResult {
		Providers::<T>::try_mutate(who, |info| -> DispatchResult {
			let info = info.as_mut().ok_or(Error::<T>::NotProvider)?;
			ensure!(info.chilled != chilled, Error::<T>::AlreadyInThatState);
			info.chilled = chilled;
			Ok(())
		})?;
		Self::deposit_event(if chilled {
			Event::Chilled { provider: who.clone() }
		} else {
			Event::Unchilled { provider: who.clone() }
		});
		Ok(())
	}
}
