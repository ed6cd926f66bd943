//! Runtime API of `pallet-work-token`, callable from polkadot.js as
//! `api.call.workTokenApi.*`.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
pub use pallet_work_token::{
	api::{ActiveProviderSummary, DelegationSummary, EraSummary, ProviderSummary, SlashSummary},
	EraIndex,
};

sp_api::decl_runtime_apis! {
	/// Derived state of the work-token pallet. Version 4: the era summary shows the treasury's
	/// balance and its income this era and last. Version 3: provider summaries show the market's
	/// `multiplier` (reputation and open jobs moved to `WorkMarketApi`). Version 2: provider
	/// summaries show suspension, deregistration, unsplit fees and entering tokens; delegation
	/// summaries show entering tokens; slash summaries show early verdicts and suspension.
	#[api_version(4)]
	pub trait WorkTokenApi<AccountId, Balance, BlockNumber>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
	{
		/// Stake, pool and commission of `provider`; `None` if it is not registered.
		fn provider_summary(provider: AccountId) -> Option<ProviderSummary<Balance>>;

		/// Value, claimable rewards and unbonding chunks of `delegator`'s position with
		/// `provider`; `None` if there is none.
		fn delegation_summary(
			delegator: AccountId,
			provider: AccountId,
		) -> Option<DelegationSummary<Balance>>;

		/// The current era, inflation, emission, minimum stake and totals.
		fn era_summary() -> EraSummary<Balance, BlockNumber>;

		/// The slashes pending against `provider`, with their locked amounts and the eras
		/// their dispute window ends and their dispute times out.
		fn pending_slashes(provider: AccountId) -> Vec<SlashSummary<AccountId, Balance>>;

		/// The active set, highest effective stake first, with each provider's effective
		/// stake and probability of being drawn for the next job.
		fn active_set() -> Vec<ActiveProviderSummary<AccountId>>;
	}
}
