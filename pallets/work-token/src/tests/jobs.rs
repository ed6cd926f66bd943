//! The job lifecycle (S11, S12): submission and assignment, results, acceptance (explicit,
//! silent, by the hook), challenges, missed deadlines, collateral bounds and every error.

use super::slashing::evidence;
use crate::{
	mock::*, Error, Event, HoldReason, JobStatus, Jobs, JobsThisEra, Pallet, PendingSlashes,
	Reputation, Severity, Workloads,
};
use frame_support::traits::fungible::InspectHold;
use sp_runtime::{DispatchError, Permill};

/// Provider 10 (2,000 stake, 10% commission) alone in the active set; client 13.
fn one_provider(test: impl FnOnce()) {
	ExtBuilder::default().provider(10, 2_000, Perbill::from_percent(10)).build_and_execute(test);
}

fn submit(client: AccountId, fee: Balance) -> u64 {
	let id = crate::JobQueueState::<Test>::get().next_id;
	assert_ok!(WorkToken::submit_job(RuntimeOrigin::signed(client), evidence(7), fee));
	id
}

fn fee_held(client: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::JobFee.into(), &client)
}

#[test]
fn submit_job_holds_the_fee_and_assigns_an_active_provider() {
	one_provider(|| {
		let id = submit(13, 100);
		assert_eq!(fee_held(13), 100);
		let job = Jobs::<Test>::get(id).unwrap();
		assert_eq!((job.client, job.provider, job.fee), (13, 10, 100));
		assert_eq!(job.deadline, 1 + JOB_DEADLINE);
		assert_eq!(Workloads::<Test>::get(10).open_jobs, 1);
		assert_eq!(JobsThisEra::<Test>::get(), 1);
		System::assert_last_event(
			Event::JobSubmitted { id, client: 13, provider: 10, fee: 100, deadline: 6 }.into(),
		);
	});
}

#[test]
fn an_accepted_job_pays_provider_and_pool_less_the_protocol_fee() {
	one_provider(|| {
		assert_ok!(WorkToken::delegate(RuntimeOrigin::signed(12), 10, 2_000));
		run_to_era(1); // 12's shares earn from era 1 on.
		let id = submit(13, 100);
		assert_ok!(WorkToken::submit_result(RuntimeOrigin::signed(10), id, evidence(8)));
		let provider_free = free_balance(10);
		let pending =
			|who| Pallet::<Test>::delegation_summary(&who, &10).map(|d| d.pending_rewards).unwrap();
		let delegator_before = pending(12);
		let client_free = free_balance(13);
		let burned_before = burned();
		assert_ok!(WorkToken::accept_result(RuntimeOrigin::signed(13), id));
		// 100: 5 protocol fee; 95: 9 commission (10%, rounded down), then 86 split 2,000:2,000.
		System::assert_has_event(
			Event::JobCompleted { id, provider: 10, to_provider: 52, to_pool: 43, protocol_fee: 5 }
				.into(),
		);
		assert_eq!(free_balance(10), provider_free + 52);
		assert_eq!(pending(12), delegator_before + 43);
		assert_eq!(free_balance(13), client_free);
		assert_eq!(fee_held(13), 0);
		assert_eq!(burned() - burned_before, 5);
		// The reputation rose by a tenth of the way to 100%.
		assert_eq!(Reputation::<Test>::get(10), Permill::from_percent(55));
		assert!(Jobs::<Test>::get(id).is_none());
		assert_eq!(Workloads::<Test>::get(10).open_jobs, 0);
	});
}

#[test]
fn a_missed_deadline_refunds_lowers_reputation_and_reports_a_minor_offence() {
	one_provider(|| {
		let id = submit(13, 100);
		let client_free = free_balance(13);
		run_to_block(1 + JOB_DEADLINE + 1);
		assert!(Jobs::<Test>::get(id).is_none());
		assert_eq!(free_balance(13), client_free + 100);
		assert_eq!(Reputation::<Test>::get(10), Permill::from_percent(45));
		System::assert_has_event(
			Event::JobFailed { id, client: 13, provider: 10, refund: 100, offence_reported: true }
				.into(),
		);
		let slash = PendingSlashes::<Test>::get(0).unwrap();
		assert_eq!((slash.severity, slash.reporter, slash.own), (Severity::Minor, None, 200));
	});
}

#[test]
fn silence_accepts_the_result_once_the_window_has_passed() {
	one_provider(|| {
		let id = submit(13, 100);
		assert_ok!(WorkToken::submit_result(RuntimeOrigin::signed(10), id, evidence(8)));
		assert_noop!(
			WorkToken::accept_result(RuntimeOrigin::signed(14), id),
			Error::<Test>::AcceptanceWindowOpen
		);
		run_to_block(1 + ACCEPTANCE_WINDOW + 1);
		// Anyone (here the provider) may settle it after the window.
		assert_ok!(WorkToken::accept_result(RuntimeOrigin::signed(10), id));
		assert!(Jobs::<Test>::get(id).is_none());

		// Or nobody: the hook accepts it after the latest possible window.
		let id = submit(13, 100);
		assert_ok!(WorkToken::submit_result(RuntimeOrigin::signed(10), id, evidence(8)));
		let deadline = Jobs::<Test>::get(id).unwrap().deadline;
		run_to_block(deadline + ACCEPTANCE_WINDOW + 1);
		assert!(Jobs::<Test>::get(id).is_none());
		assert_eq!(fee_held(13), 0);
		assert!(work_token_events()
			.iter()
			.any(|e| matches!(e, Event::JobCompleted { id: i, .. } if *i == id)));
	});
}

#[test]
fn an_upheld_challenge_refunds_and_reports_a_major_offence_by_the_client() {
	one_provider(|| {
		let id = submit(13, 100);
		assert_ok!(WorkToken::submit_result(RuntimeOrigin::signed(10), id, evidence(8)));
		assert_ok!(WorkToken::challenge_result(RuntimeOrigin::signed(13), id));
		assert!(matches!(Jobs::<Test>::get(id).unwrap().status, JobStatus::Challenged { .. }));
		let client_free = free_balance(13);
		assert_noop!(
			WorkToken::resolve_challenge(RuntimeOrigin::signed(13), id, true),
			DispatchError::BadOrigin
		);
		assert_ok!(WorkToken::resolve_challenge(RuntimeOrigin::root(), id, true));
		assert_eq!(free_balance(13), client_free + 100);
		assert_eq!(Reputation::<Test>::get(10), Permill::from_percent(45));
		let slash = PendingSlashes::<Test>::get(0).unwrap();
		assert_eq!((slash.severity, slash.reporter), (Severity::Major, Some(13)));
	});
}

#[test]
fn a_rejected_challenge_pays_the_provider() {
	one_provider(|| {
		let id = submit(13, 100);
		assert_ok!(WorkToken::submit_result(RuntimeOrigin::signed(10), id, evidence(8)));
		assert_ok!(WorkToken::challenge_result(RuntimeOrigin::signed(13), id));
		let provider_free = free_balance(10);
		assert_ok!(WorkToken::resolve_challenge(RuntimeOrigin::root(), id, false));
		// No delegators: 95 to the provider.
		assert_eq!(free_balance(10), provider_free + 95);
		assert_eq!(Reputation::<Test>::get(10), Permill::from_percent(55));
		assert!(PendingSlashes::<Test>::iter().next().is_none());
	});
}

#[test]
fn job_errors_change_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			WorkToken::submit_job(RuntimeOrigin::signed(13), evidence(7), 100),
			Error::<Test>::NoEligibleProvider
		);
	});
	one_provider(|| {
		let job = |who, fee| WorkToken::submit_job(RuntimeOrigin::signed(who), evidence(7), fee);
		assert_noop!(job(13, 0), Error::<Test>::ZeroAmount);
		// 2,000 of stake backs at most 200 of open fees.
		assert_noop!(job(13, 201), Error::<Test>::NoProviderAvailable);
		assert_noop!(job(POOR, 50), Error::<Test>::InsufficientBalance);
		// A provider is never assigned its own job.
		assert_noop!(job(10, 10), Error::<Test>::NoProviderAvailable);

		let id = submit(13, 100);
		let result =
			|who, id| WorkToken::submit_result(RuntimeOrigin::signed(who), id, evidence(8));
		assert_noop!(result(10, 99), Error::<Test>::UnknownJob);
		assert_noop!(result(11, id), Error::<Test>::NotAssignedProvider);
		assert_noop!(
			WorkToken::accept_result(RuntimeOrigin::signed(13), id),
			Error::<Test>::WrongJobState
		);
		assert_noop!(
			WorkToken::challenge_result(RuntimeOrigin::signed(13), id),
			Error::<Test>::WrongJobState
		);
		assert_noop!(
			WorkToken::resolve_challenge(RuntimeOrigin::root(), id, true),
			Error::<Test>::WrongJobState
		);
		assert_ok!(result(10, id));
		assert_noop!(result(10, id), Error::<Test>::WrongJobState);
		assert_noop!(
			WorkToken::challenge_result(RuntimeOrigin::signed(14), id),
			Error::<Test>::NotClient
		);
		run_to_block(1 + ACCEPTANCE_WINDOW + 1);
		assert_noop!(
			WorkToken::challenge_result(RuntimeOrigin::signed(13), id),
			Error::<Test>::AcceptanceWindowClosed
		);

		let late = submit(13, 50);
		let deadline = Jobs::<Test>::get(late).unwrap().deadline;
		System::set_block_number(deadline + 1);
		assert_noop!(result(10, late), Error::<Test>::DeadlinePassed);
	});
}

#[test]
fn open_jobs_are_bounded_and_their_collateral_cannot_be_unbonded() {
	one_provider(|| {
		for _ in 0..MAX_OPEN_JOBS {
			submit(13, 50);
		}
		assert_noop!(
			WorkToken::submit_job(RuntimeOrigin::signed(13), evidence(7), 10),
			Error::<Test>::NoProviderAvailable
		);
		// 150 of open fees need 1,500 of the 2,000 self-stake.
		assert_noop!(
			WorkToken::unbond(RuntimeOrigin::signed(10), 501),
			Error::<Test>::StakeBacksOpenJobs
		);
		assert_ok!(WorkToken::unbond(RuntimeOrigin::signed(10), 500));
	});
}
