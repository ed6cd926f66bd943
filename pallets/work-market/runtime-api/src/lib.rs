//! Runtime API of `pallet-work-market`, callable from polkadot.js as `api.call.workMarketApi.*`.

#![cfg_attr(not(feature = "std"), no_std)]

use codec::Codec;
pub use pallet_work_market::{
	api::{JobStage, JobSummary, WorkSummary},
	JobId,
};

sp_api::decl_runtime_apis! {
	/// Derived state of the work market.
	pub trait WorkMarketApi<AccountId, Balance, BlockNumber>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
	{
		/// `provider`'s reputation, multiplier, open jobs and the self-stake they keep bonded.
		fn work_summary(provider: AccountId) -> WorkSummary<Balance>;

		/// Job `id`, while it is open.
		fn job(id: JobId) -> Option<JobSummary<AccountId, Balance, BlockNumber>>;
	}
}
