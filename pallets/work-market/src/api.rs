//! Read-only views for the runtime API (`api.call.workMarketApi.*` in polkadot.js).

use crate::{BalanceOf, Config, JobId, JobStatus, Jobs, Pallet, Reputation, Workloads};
use codec::{Decode, Encode};
use scale_info::TypeInfo;
use work_token_primitives::EraIndex;

/// A provider's standing in the market.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
pub struct WorkSummary<Balance> {
	/// Reputation score (S13); neutral for an account that never worked.
	pub reputation: sp_runtime::Permill,
	/// The multiplier of effective stake the score gives, in percent.
	pub multiplier: u16,
	/// Jobs assigned and not ended.
	pub open_jobs: u32,
	/// Their fees.
	pub open_fees: Balance,
	/// Self-stake the open jobs keep bonded.
	pub collateral_in_use: Balance,
}

/// Where a job stands.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
pub enum JobStage {
	/// Waiting for the provider's result.
	Assigned,
	/// Result delivered; the client may accept or challenge it.
	Submitted,
	/// Challenged; waiting for a verdict or for the challenge to lapse.
	Challenged,
}

/// An open job.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
pub struct JobSummary<AccountId, Balance, BlockNumber> {
	/// Who pays.
	pub client: AccountId,
	/// Who does the work.
	pub provider: AccountId,
	/// The fee on hold.
	pub fee: Balance,
	/// Last block for the result.
	pub deadline: BlockNumber,
	/// The era the job was assigned in.
	pub assigned_era: EraIndex,
	/// Where it stands.
	pub stage: JobStage,
}

impl<T: Config> Pallet<T> {
	/// `provider`'s reputation, multiplier and open work.
	pub fn work_summary(provider: &T::AccountId) -> WorkSummary<BalanceOf<T>> {
		let workload = Workloads::<T>::get(provider);
		WorkSummary {
			reputation: Reputation::<T>::get(provider),
			multiplier: Self::reputation_multiplier(provider),
			open_jobs: workload.open_jobs,
			open_fees: workload.open_fees,
			collateral_in_use: Self::collateral_in_use(provider),
		}
	}

	/// Job `id`, if it is open.
	pub fn job_summary(
		id: JobId,
	) -> Option<
		JobSummary<T::AccountId, BalanceOf<T>, frame_system::pallet_prelude::BlockNumberFor<T>>,
	> {
		let job = Jobs::<T>::get(id)?;
		let stage = match job.status {
			JobStatus::Assigned => JobStage::Assigned,
			JobStatus::Submitted { .. } => JobStage::Submitted,
			JobStatus::Challenged { .. } => JobStage::Challenged,
		};
		Some(JobSummary {
			client: job.client,
			provider: job.provider,
			fee: job.fee,
			deadline: job.deadline,
			assigned_era: job.assigned_era,
			stage,
		})
	}
}
