//! Submission and assignment (S11, S34, S35).
//!
//! `submit_job` holds the fee and queues the job; the next block's `on_initialize` draws its
//! provider with that block's randomness, which did not exist when the client signed. A client
//! therefore cannot see or steer the draw; the author of the submitting block can still
//! influence randomness derived from block hashes. At most `MaxJobsPerBlock` jobs are queued
//! per block (`MarketBusy` after that). Every submission counts as demand, also one no provider
//! takes (S34).
//!
//! **The draw.** The work token gives the providers that may be drawn with their effective
//! stake ([`WorkProviders::draw_weights`]); the market adds them up into running totals, so a
//! draw of `r ∈ [0, total)` is a binary search, `O(log n)`. A drawn provider is redrawn, up to
//! [`MAX_DRAWS`] times, only for reasons the client cannot choose: it is the client, takes no
//! work, or has no free job slot. So the choice stays proportional to effective stake among
//! the providers that can take a job. If the provider drawn cannot back the fee with its
//! self-stake, the job is refunded less the protocol fee (`FeeNotBacked`): a fee cannot pick
//! the provider.

use crate::{
	BalanceOf, Config, Demand, Error, Event, HashOf, Job, JobQueueState, JobRequest, JobRequests,
	JobStatus, Jobs, Pallet, Unassigned, WeightInfo, Workloads,
};
use alloc::vec::Vec;
use codec::Encode;
use frame_support::{
	ensure,
	traits::{
		fungible::Inspect,
		tokens::{Fortitude, Preservation},
		Get, Randomness,
	},
	weights::Weight,
};
use sp_runtime::{
	traits::{CheckedDiv, Saturating, Zero},
	DispatchResult,
};
use work_token_primitives::{JobId, WorkProviders};

/// Draws a job may make before it gives up.
pub const MAX_DRAWS: u32 = 8;

/// Providers with the running total of their draw weights, in the work token's order.
pub type DrawSet<AccountId> = Vec<(AccountId, u128)>;

impl<T: Config> Pallet<T> {
	/// Whether `provider` may be drawn for a job of `client`, whatever its fee: it is not the
	/// client, takes work and has a free job slot. The draw redraws on these rejections only;
	/// they do not depend on anything the client chooses, so rejections cannot steer it.
	fn may_draw(provider: &T::AccountId, client: &T::AccountId) -> bool {
		provider != client
			&& T::Providers::takes_work(provider)
			&& Workloads::<T>::get(provider).open_jobs < T::MaxOpenJobsPerProvider::get()
	}

	/// Whether `provider`'s self-stake backs one more open job of `fee` (S11).
	fn backs_fee(provider: &T::AccountId, fee: BalanceOf<T>) -> bool {
		let ratio: BalanceOf<T> = T::StakeToFeeRatio::get().max(1).into();
		let capacity = T::Providers::collateral(provider).checked_div(&ratio).unwrap_or_default();
		Workloads::<T>::get(provider).open_fees.saturating_add(fee) <= capacity
	}

	/// The self-stake `provider` must keep bonded for its open jobs.
	pub fn collateral_in_use(provider: &T::AccountId) -> BalanceOf<T> {
		let ratio: BalanceOf<T> = T::StakeToFeeRatio::get().into();
		Workloads::<T>::get(provider).open_fees.saturating_mul(ratio)
	}

	/// `submit_job`: moves `fee` from `client` into the escrow and queues the job for
	/// assignment in the next block.
	pub(crate) fn do_submit_job(
		client: &T::AccountId,
		spec: HashOf<T>,
		fee: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(!fee.is_zero(), Error::<T>::ZeroAmount);
		ensure!(
			fee <= T::Currency::reducible_balance(
				client,
				Preservation::Preserve,
				Fortitude::Polite
			),
			Error::<T>::InsufficientBalance
		);
		let mut queue = JobQueueState::<T>::get();
		let id = queue.next_id;
		queue.next_id = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let request = JobRequest::<T> { id, client: client.clone(), fee, spec };
		JobRequests::<T>::try_append(request).map_err(|_| Error::<T>::MarketBusy)?;
		Self::escrow_fee(client, fee)?;
		Demand::<T>::mutate(|n| *n = n.saturating_add(1));
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
		let set = Self::draw_set();
		for request in requests {
			Self::assign(request, &set);
		}
		T::WeightInfo::assign_jobs(count)
	}

	/// The providers that may be drawn, with running totals of their weights.
	pub fn draw_set() -> DrawSet<T::AccountId> {
		let mut cumulative = 0u128;
		T::Providers::draw_weights()
			.into_iter()
			.map(|(who, weight)| {
				cumulative = cumulative.saturating_add(weight);
				(who, cumulative)
			})
			.collect()
	}

	/// Draws a provider for `request` from `set` and opens the job, or refunds it.
	pub(crate) fn assign(request: JobRequest<T>, set: &[(T::AccountId, u128)]) {
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
		let era = T::Providers::current_era();
		let deadline = now.saturating_add(T::JobDeadline::get());
		Workloads::<T>::mutate(&provider, |w| {
			w.open_jobs = w.open_jobs.saturating_add(1);
			w.open_fees = w.open_fees.saturating_add(request.fee);
		});
		T::Providers::expose(&provider, era);
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

	/// Draws a provider for job `job` with probability proportional to effective stake,
	/// rejecting those `accepts` refuses (see the module docs).
	pub fn draw_provider(
		set: &[(T::AccountId, u128)],
		job: JobId,
		accepts: impl Fn(&T::AccountId) -> bool,
	) -> Result<T::AccountId, Unassigned> {
		let total = set.last().map(|(_, total)| *total).unwrap_or(0);
		if total == 0 {
			return Err(Unassigned::NoActiveProvider);
		}
		for attempt in 0..MAX_DRAWS {
			let subject = (b"work-token/job", job, attempt).encode();
			let (seed, _) = T::Randomness::random(&subject);
			let r = seed_to_u128(seed.as_ref()).checked_rem(total).unwrap_or(0);
			let index = set.partition_point(|(_, c)| *c <= r);
			if let Some(candidate) = set.get(index) {
				if accepts(&candidate.0) {
					return Ok(candidate.0.clone());
				}
			}
		}
		Err(Unassigned::NoCapacity)
	}

	/// Refunds a job no provider took. When the drawn provider could not back its fee, the
	/// protocol fee is kept: otherwise a client could pick its provider for free by choosing a
	/// fee that only that provider can back, resubmitting until it is drawn.
	fn refuse(request: JobRequest<T>, reason: Unassigned) {
		let mut refund = request.fee;
		if reason == Unassigned::FeeNotBacked {
			refund = refund.saturating_sub(Self::take_protocol_fee(request.fee));
		}
		Self::refund_fee(&request.client, refund);
		Self::deposit_event(Event::JobUnassigned {
			id: request.id,
			client: request.client,
			fee: refund,
			reason,
		});
	}
}

/// The first 16 bytes of a random seed as a number (zero-padded if shorter).
fn seed_to_u128(seed: &[u8]) -> u128 {
	let mut bytes = [0u8; 16];
	for (slot, byte) in bytes.iter_mut().zip(seed.iter()) {
		*slot = *byte;
	}
	u128::from_le_bytes(bytes)
}
