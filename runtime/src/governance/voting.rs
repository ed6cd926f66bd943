//! Who may vote on what: an account with a pending slash may not vote on the tracks that
//! decide slashes (`work_token_admin`, whose origin may cancel a slash, and `court_arbiter`,
//! whose origin decides disputes). Its stake is held in its own account, so without this rule
//! it could vote the very stake at risk, at the highest conviction, for free: that stake is
//! illiquid anyway.

use super::origins::pallet_custom_origins::Error;
use crate::{AccountId, Balance, Runtime};
use pallet_conviction_voting::{AccountVote, Status, VotingHooks};
use sp_runtime::DispatchResult;

/// The tracks a provider with a pending slash may not vote on.
const SLASH_TRACKS: [u16; 2] = [1, 2];

/// `VotingHooks` of `pallet-conviction-voting`: refuses votes of accused providers on the
/// tracks that decide slashes. Two storage reads per vote.
pub struct NoVoteOnOwnCase;

impl NoVoteOnOwnCase {
	/// Whether `who` has a slash pending (reported, not yet applied or dropped).
	fn is_accused(who: &AccountId) -> bool {
		pallet_work_token::Offences::<Runtime>::get(who).is_some_and(|record| record.pending > 0)
	}

	/// Whether referendum `index` is being decided on a track that decides slashes.
	fn decides_slashes(index: u32) -> bool {
		match pallet_referenda::ReferendumInfoFor::<Runtime>::get(index) {
			Some(pallet_referenda::ReferendumInfo::Ongoing(status)) => {
				SLASH_TRACKS.contains(&status.track)
			}
			_ => false,
		}
	}
}

impl VotingHooks<AccountId, u32, Balance> for NoVoteOnOwnCase {
	fn on_before_vote(who: &AccountId, index: u32, _vote: AccountVote<Balance>) -> DispatchResult {
		if Self::decides_slashes(index) && Self::is_accused(who) {
			return Err(Error::<Runtime>::AccusedMayNotVote.into());
		}
		Ok(())
	}

	fn on_remove_vote(_who: &AccountId, _index: u32, _status: Status) {}

	fn lock_balance_on_unsuccessful_vote(_who: &AccountId, _index: u32) -> Option<Balance> {
		None
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn on_vote_worst_case(_who: &AccountId) {}

	#[cfg(feature = "runtime-benchmarks")]
	fn on_remove_vote_worst_case(_who: &AccountId) {}
}
