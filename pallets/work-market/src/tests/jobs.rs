//! The job lifecycle (S11, S12, S34, S35): submission and assignment in the next block,
//! results, acceptance (explicit, silent, by the hook), challenges and their lapse, missed
//! deadlines, collateral bounds, back-pressure and every error.

use crate::{
	mock::*, Demand, Error, Event, JobRequests, JobStatus, Jobs, Pallet, Reputation, Unassigned,
	Workloads,
};
use pallet_work_token::{
	Error as TokenError, Event as TokenEvent, PendingSlashes, Pools, Severity,
};
use sp_runtime::{DispatchError, Permill};

fn unassigned_reason(id: u64) -> Option<Unassigned> {
	market_events().into_iter().find_map(|e| match e {
		Event::JobUnassigned { id: i, reason, .. } if i == id => Some(reason),
		_ => None,
	})
}

#[test]
fn submit_job_holds_the_fee_and_the_next_block_assigns_it() {
	one_provider(|| {
		let id = submit(13, 100);
		assert_eq!(held_fees(13), 100);
		// Not drawn yet: the randomness that decides it does not exist in this block.
		assert!(Jobs::<Test>::get(id).is_none());
		assert_eq!(JobRequests::<Test>::get().len(), 1);
		assert_eq!(Demand::<Test>::get(), 1);
		System::assert_last_event(Event::JobSubmitted { id, client: 13, fee: 100 }.into());
		next_block();
		let job = Jobs::<Test>::get(id).unwrap();
		assert_eq!((job.client, job.provider, job.fee), (13, 10, 100));
		assert_eq!((job.assigned_at, job.deadline), (2, 2 + JOB_DEADLINE));
		assert_eq!(Workloads::<Test>::get(10).open_jobs, 1);
		assert!(JobRequests::<Test>::get().is_empty());
		System::assert_has_event(Event::JobAssigned { id, provider: 10, deadline: 7 }.into());
	});
}

#[test]
fn an_accepted_job_pays_provider_and_pool_by_whole_era_stake_at_the_era_end() {
	one_provider(|| {
		assert_ok!(WorkToken::delegate(RuntimeOrigin::signed(12), 10, 2_000));
		run_to_era(1); // 12's tokens entered at the boundary: its shares back era 1.
		let id = assigned(13, 100);
		assert_ok!(WorkMarket::submit_result(RuntimeOrigin::signed(10), id, evidence(8)));
		let client_free = free_balance(13);
		let treasury_before = free_balance(TREASURY);
		assert_ok!(WorkMarket::accept_result(RuntimeOrigin::signed(13), id));
		// 100: 5 protocol fee; 95 wait in the pool until the era ends.
		System::assert_has_event(
			Event::JobCompleted { id, client: 13, provider: 10, paid: 95, protocol_fee: 5 }.into(),
		);
		assert_eq!(Pools::<Test>::get(10).unwrap().unsplit_fees, 95);
		assert_eq!(free_balance(13), client_free);
		assert_eq!(held_fees(13), 0);
		assert_eq!(free_balance(TREASURY) - treasury_before, 5);
		// The reputation rose by a tenth of the way to 100% (the fee earns full credit).
		assert_eq!(Reputation::<Test>::get(10), Permill::from_percent(55));
		assert!(Jobs::<Test>::get(id).is_none());
		assert_eq!(Workloads::<Test>::get(10).open_jobs, 0);
		// At the boundary: 9 commission (10%, rounded down), then 86 split 2,000:2,000.
		run_to_era(2);
		System::assert_has_event(
			TokenEvent::FeesDistributed { provider: 10, era: 1, to_provider: 52, to_pool: 43 }
				.into(),
		);
		assert_eq!(Pools::<Test>::get(10).unwrap().unsplit_fees, 0);
	});
}

#[test]
fn a_missed_deadline_refunds_lowers_reputation_and_reports_a_minor_offence() {
	one_provider(|| {
		let id = assigned(13, 100);
		let client_free = free_balance(13);
		let deadline = Jobs::<Test>::get(id).unwrap().deadline;
		run_to_block(deadline + 1);
		assert!(Jobs::<Test>::get(id).is_none());
		assert_eq!(free_balance(13), client_free + 100);
		assert_eq!(Reputation::<Test>::get(10), Permill::from_percent(45));
		System::assert_has_event(
			Event::JobFailed { id, client: 13, provider: 10, refund: 100, offence_reported: true }
				.into(),
		);
		let slash = PendingSlashes::<Test>::get(0).unwrap();
		assert_eq!((slash.severity, slash.reporter, slash.own), (Severity::Minor, None, 200));
		// Dated to the era of the deadline.
		assert_eq!(slash.offence_era, WorkToken::era_of_block(deadline));
	});
}

#[test]
fn silence_accepts_the_result_once_the_window_has_passed() {
	one_provider(|| {
		let id = assigned(13, 100);
		assert_ok!(WorkMarket::submit_result(RuntimeOrigin::signed(10), id, evidence(8)));
		assert_noop!(
			WorkMarket::accept_result(RuntimeOrigin::signed(14), id),
			Error::<Test>::AcceptanceWindowOpen
		);
		run_to_block(System::block_number() + ACCEPTANCE_WINDOW + 1);
		// Anyone (here the provider) may settle it after the window.
		assert_ok!(WorkMarket::accept_result(RuntimeOrigin::signed(10), id));
		assert!(Jobs::<Test>::get(id).is_none());

		// Or nobody: the hook accepts it after the latest possible window.
		let id = assigned(13, 100);
		assert_ok!(WorkMarket::submit_result(RuntimeOrigin::signed(10), id, evidence(8)));
		let deadline = Jobs::<Test>::get(id).unwrap().deadline;
		run_to_block(deadline + ACCEPTANCE_WINDOW + 1);
		assert!(Jobs::<Test>::get(id).is_none());
		assert_eq!(held_fees(13), 0);
		assert!(market_events()
			.iter()
			.any(|e| matches!(e, Event::JobCompleted { id: i, .. } if *i == id)));
	});
}

#[test]
fn an_upheld_challenge_refunds_and_reports_a_major_offence_by_the_client() {
	one_provider(|| {
		let id = assigned(13, 100);
		assert_ok!(WorkMarket::submit_result(RuntimeOrigin::signed(10), id, evidence(8)));
		assert_ok!(WorkMarket::challenge_result(RuntimeOrigin::signed(13), id));
		assert!(matches!(Jobs::<Test>::get(id).unwrap().status, JobStatus::Challenged { .. }));
		let client_free = free_balance(13);
		assert_noop!(
			WorkMarket::resolve_challenge(RuntimeOrigin::signed(13), id, true),
			DispatchError::BadOrigin
		);
		assert_ok!(WorkMarket::resolve_challenge(RuntimeOrigin::root(), id, true));
		assert_eq!(free_balance(13), client_free + 100);
		assert_eq!(Reputation::<Test>::get(10), Permill::from_percent(45));
		let slash = PendingSlashes::<Test>::get(0).unwrap();
		assert_eq!((slash.severity, slash.reporter), (Severity::Major, Some(13)));
	});
}

#[test]
fn a_rejected_challenge_pays_the_provider() {
	one_provider(|| {
		let id = assigned(13, 100);
		assert_ok!(WorkMarket::submit_result(RuntimeOrigin::signed(10), id, evidence(8)));
		assert_ok!(WorkMarket::challenge_result(RuntimeOrigin::signed(13), id));
		assert_ok!(WorkMarket::resolve_challenge(RuntimeOrigin::root(), id, false));
		assert_eq!(Reputation::<Test>::get(10), Permill::from_percent(55));
		assert!(PendingSlashes::<Test>::iter().next().is_none());
		// No delegators: all 95 go to the provider at the era's end.
		let provider_free = free_balance(10);
		run_to_era(1);
		System::assert_has_event(
			TokenEvent::FeesDistributed { provider: 10, era: 0, to_provider: 95, to_pool: 0 }
				.into(),
		);
		assert!(free_balance(10) >= provider_free + 95);
	});
}

#[test]
fn a_challenge_nobody_resolves_lapses_and_the_job_is_paid() {
	one_provider(|| {
		let id = assigned(13, 100);
		assert_ok!(WorkMarket::submit_result(RuntimeOrigin::signed(10), id, evidence(8)));
		assert_ok!(WorkMarket::challenge_result(RuntimeOrigin::signed(13), id));
		let end = Pallet::<Test>::challenge_end(&Jobs::<Test>::get(id).unwrap());
		assert_noop!(
			WorkMarket::accept_result(RuntimeOrigin::signed(14), id),
			Error::<Test>::ChallengeOpen
		);
		// The hook pays it once the challenge's time is over; the fee is not locked forever.
		run_to_block(end + 1);
		assert!(Jobs::<Test>::get(id).is_none());
		assert_eq!(held_fees(13), 0);
		System::assert_has_event(Event::ChallengeLapsed { id }.into());
		assert_eq!(Pools::<Test>::get(10).unwrap().unsplit_fees, 95);
	});
}

#[test]
fn a_lapsed_challenge_can_be_settled_by_anyone_and_no_longer_resolved() {
	one_provider(|| {
		let id = assigned(13, 100);
		assert_ok!(WorkMarket::submit_result(RuntimeOrigin::signed(10), id, evidence(8)));
		assert_ok!(WorkMarket::challenge_result(RuntimeOrigin::signed(13), id));
		let end = Pallet::<Test>::challenge_end(&Jobs::<Test>::get(id).unwrap());
		// Past the end but before the hook reaches it (no block run): the arbiter is late.
		System::set_block_number(end + 1);
		assert_noop!(
			WorkMarket::resolve_challenge(RuntimeOrigin::root(), id, true),
			Error::<Test>::ChallengeLapsed
		);
		assert_ok!(WorkMarket::accept_result(RuntimeOrigin::signed(14), id));
		assert!(Jobs::<Test>::get(id).is_none());
	});
}

#[test]
fn unmet_demand_is_refunded_in_the_next_block_and_still_counts() {
	ExtBuilder::default().build_and_execute(|| {
		// Nobody is active: the job is accepted, counted, and refunded next block.
		let id = submit(13, 100);
		assert_eq!(Demand::<Test>::get(), 1);
		next_block();
		assert_eq!(unassigned_reason(id), Some(Unassigned::NoActiveProvider));
		assert_eq!(held_fees(13), 0);
		assert_eq!(Demand::<Test>::get(), 1);
	});
	one_provider(|| {
		// 2,000 of stake backs at most 200 of open fees: refunded less the protocol fee, so
		// that a fee cannot pick the provider for free.
		let client_free = free_balance(13);
		let id = submit(13, 201);
		next_block();
		assert_eq!(unassigned_reason(id), Some(Unassigned::FeeNotBacked));
		assert_eq!(free_balance(13), client_free - 10);
		// A provider is never assigned its own job.
		let id = submit(10, 10);
		next_block();
		assert_eq!(unassigned_reason(id), Some(Unassigned::NoCapacity));
		assert_eq!(held_fees(10) + held_fees(13), 0);
		// (Job slots, not fees, decide the redraws; see `attack_market.rs`.)
		assert_eq!(Demand::<Test>::get(), 2);
	});
}

#[test]
fn job_errors_change_nothing() {
	one_provider(|| {
		let job = |who, fee| WorkMarket::submit_job(RuntimeOrigin::signed(who), evidence(7), fee);
		assert_noop!(job(13, 0), Error::<Test>::ZeroAmount);
		assert_noop!(job(POOR, 50), Error::<Test>::InsufficientBalance);

		let id = assigned(13, 100);
		let result =
			|who, id| WorkMarket::submit_result(RuntimeOrigin::signed(who), id, evidence(8));
		assert_noop!(result(10, 99), Error::<Test>::UnknownJob);
		assert_noop!(result(11, id), Error::<Test>::NotAssignedProvider);
		assert_noop!(
			WorkMarket::accept_result(RuntimeOrigin::signed(13), id),
			Error::<Test>::WrongJobState
		);
		assert_noop!(
			WorkMarket::challenge_result(RuntimeOrigin::signed(13), id),
			Error::<Test>::WrongJobState
		);
		assert_noop!(
			WorkMarket::resolve_challenge(RuntimeOrigin::root(), id, true),
			Error::<Test>::WrongJobState
		);
		assert_ok!(result(10, id));
		assert_noop!(result(10, id), Error::<Test>::WrongJobState);
		assert_noop!(
			WorkMarket::challenge_result(RuntimeOrigin::signed(14), id),
			Error::<Test>::NotClient
		);
		run_to_block(System::block_number() + ACCEPTANCE_WINDOW + 1);
		assert_noop!(
			WorkMarket::challenge_result(RuntimeOrigin::signed(13), id),
			Error::<Test>::AcceptanceWindowClosed
		);

		let late = assigned(13, 50);
		let deadline = Jobs::<Test>::get(late).unwrap().deadline;
		System::set_block_number(deadline + 1);
		assert_noop!(result(10, late), Error::<Test>::DeadlinePassed);
	});
}

#[test]
fn at_most_max_jobs_per_block_are_queued_then_back_pressure() {
	one_provider(|| {
		for _ in 0..MAX_JOBS_PER_BLOCK {
			submit(13, 10);
		}
		assert_noop!(
			WorkMarket::submit_job(RuntimeOrigin::signed(14), evidence(7), 10),
			Error::<Test>::MarketBusy
		);
		next_block();
		assert_ok!(WorkMarket::submit_job(RuntimeOrigin::signed(14), evidence(7), 10));
	});
}

#[test]
fn open_jobs_are_bounded_and_their_collateral_cannot_be_unbonded() {
	one_provider(|| {
		for _ in 0..MAX_OPEN_JOBS {
			submit(13, 50);
		}
		next_block();
		let id = submit(13, 10);
		next_block();
		assert_eq!(unassigned_reason(id), Some(Unassigned::NoCapacity));
		// 150 of open fees need 1,500 of the 2,000 self-stake.
		assert_noop!(
			WorkToken::unbond(RuntimeOrigin::signed(10), 501),
			TokenError::<Test>::StakeBacksOpenJobs
		);
		assert_ok!(WorkToken::unbond(RuntimeOrigin::signed(10), 500));
	});
}

#[test]
fn the_job_hook_keeps_up_with_the_largest_submission_rate() {
	let mut builder = ExtBuilder::default();
	for who in 10..10 + MAX_PROVIDERS as u64 {
		builder = builder.provider(who, 1_000, Perbill::zero());
	}
	builder.build_and_execute(|| {
		// Every block takes the most jobs it can; every provider delivers at once, no client
		// ever accepts: the hook must settle them all, at the rate they come.
		for _ in 0..80 {
			for _ in 0..MAX_JOBS_PER_BLOCK {
				assert_ok!(WorkMarket::submit_job(RuntimeOrigin::signed(18), evidence(1), 10));
			}
			next_block();
			let assigned: Vec<_> = Jobs::<Test>::iter()
				.filter(|(_, j)| j.status == JobStatus::Assigned)
				.map(|(id, j)| (id, j.provider))
				.collect();
			for (id, provider) in assigned {
				assert_ok!(WorkMarket::submit_result(
					RuntimeOrigin::signed(provider),
					id,
					evidence(8)
				));
			}
			// The cursors stay within a fixed distance of the newest job.
			let queue = crate::JobQueueState::<Test>::get();
			let per_block = u64::from(MAX_JOBS_PER_BLOCK);
			assert!(queue.next_id - queue.expiry_cursor <= per_block * (JOB_DEADLINE + 2));
			let acceptance = JOB_DEADLINE + ACCEPTANCE_WINDOW + 2;
			assert!(queue.next_id - queue.acceptance_cursor <= per_block * acceptance);
			let lapse = acceptance + CHALLENGE_TIMEOUT;
			assert!(queue.next_id - queue.challenge_cursor <= per_block * lapse);
		}
		// Once submissions stop, everything is settled within the longest wait.
		run_to_block(
			System::block_number() + JOB_DEADLINE + ACCEPTANCE_WINDOW + CHALLENGE_TIMEOUT + 2,
		);
		assert_eq!(Jobs::<Test>::iter().count(), 0);
		assert_eq!(held_fees(18), 0);
	});
}
