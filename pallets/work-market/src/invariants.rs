//! The market's storage invariants, checked by `try_state` and after every unit test.

use crate::{BalanceOf, Config, Pallet};
use alloc::collections::btree_map::BTreeMap;
use frame_support::traits::fungible::Inspect;
use sp_runtime::traits::{Saturating, Zero};

// `invariant!(condition, "what is wrong")` fails the check with that message.
use frame_support::ensure as invariant;

impl<T: Config> Pallet<T> {
	/// Checks every invariant of the market's storage against itself and the balances.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		Self::check_jobs()?;
		Self::check_reputation()
	}

	/// The reputation tiers in force are valid.
	fn check_reputation() -> Result<(), sp_runtime::TryRuntimeError> {
		invariant!(crate::ReputationTiersOf::<T>::get().is_valid(), "reputation tiers invalid");
		Ok(())
	}

	/// Job invariants: ids issued and cursors within them; the escrow holds exactly the fees of
	/// the queued and open jobs, above its existential deposit; each provider's workload equals
	/// its open jobs.
	fn check_jobs() -> Result<(), sp_runtime::TryRuntimeError> {
		let queue = crate::JobQueueState::<T>::get();
		invariant!(queue.expiry_cursor <= queue.next_id, "expiry cursor past the next id");
		invariant!(queue.acceptance_cursor <= queue.next_id, "acceptance cursor past next id");
		invariant!(queue.challenge_cursor <= queue.next_id, "challenge cursor past next id");
		let mut escrowed: BalanceOf<T> = Zero::zero();
		for request in crate::JobRequests::<T>::get() {
			invariant!(request.id < queue.next_id, "job request id not yet issued");
			invariant!(!crate::Jobs::<T>::contains_key(request.id), "request of an open job");
			escrowed = escrowed.saturating_add(request.fee);
		}
		let mut work: BTreeMap<T::AccountId, (u32, BalanceOf<T>)> = BTreeMap::new();
		for (id, job) in crate::Jobs::<T>::iter() {
			invariant!(id < queue.next_id, "job id not yet issued");
			escrowed = escrowed.saturating_add(job.fee);
			let load = work.entry(job.provider).or_insert((0, Zero::zero()));
			*load = (load.0.saturating_add(1), load.1.saturating_add(job.fee));
		}
		invariant!(Self::escrowed_fees() == escrowed, "escrowed job fees differ from open jobs");
		invariant!(
			T::Currency::balance(&Self::escrow_account()) >= T::Currency::minimum_balance(),
			"the escrow account holds the existential deposit"
		);
		for (provider, load) in crate::Workloads::<T>::iter() {
			let counted = work.remove(&provider).unwrap_or((0, Zero::zero()));
			invariant!((load.open_jobs, load.open_fees) == counted, "workload differs from jobs");
		}
		invariant!(work.is_empty(), "open jobs missing from workloads");
		Ok(())
	}
}
