//! Attacks on reporting (S28): a provider with puppet accounts tries to block, pre-empt or
//! downgrade the report that would punish it. Each test plays one attack and shows the rule
//! that defeats it.

use super::slashing::{evidence, market, oracle_reports, pool_tokens};
use crate::{mock::*, Error, Event, HoldReason, PendingSlashes, Severity, Tombstones, Verdict};
use frame_support::traits::fungible::InspectHold;

/// Puppet `who` files a bonded report of `provider`.
fn puppet_reports(who: AccountId, provider: AccountId, severity: Severity, era: u32, n: u8) {
	assert_ok!(WorkToken::report_offence(
		RuntimeOrigin::signed(who),
		provider,
		severity,
		era,
		evidence(n)
	));
}

fn rewarded(who: AccountId) -> Balance {
	work_token_events()
		.iter()
		.filter_map(|e| match e {
			Event::ReporterRewarded { reporter, amount, .. } if *reporter == who => Some(*amount),
			_ => None,
		})
		.sum()
}

/// Runs until every pending slash has applied (a few per block).
fn apply_everything() {
	run_to_era(crate::CurrentEra::<Test>::get().max(DISPUTE_WINDOW));
	while PendingSlashes::<Test>::iter().next().is_some() {
		run_to_block(System::block_number() + 1);
	}
}

#[test]
fn bonded_reports_from_puppets_never_crowd_out_a_trusted_report() {
	market(|| {
		// The provider's puppets file cheap bonded reports of made-up incidents, hoping to
		// fill a bounded per-provider slot list before the oracle reports.
		for (puppet, n) in (13..=18).zip(1..) {
			puppet_reports(puppet, 10, Severity::Minor, 0, n);
		}
		// Nothing per provider is bounded: the oracle's Critical report is taken.
		oracle_reports(10, Severity::Critical, 0, 99);
		assert_eq!(PendingSlashes::<Test>::iter().count(), 7);
		apply_everything();
		// And it applied: tombstoned, the pool cut by half. The puppets' Minor slashes were
		// real slashes of the provider's own stake, so crowding cost it more, not less.
		assert!(Tombstones::<Test>::contains_key(10));
		assert_eq!(held_stake(10), 0);
		assert_eq!(pool_tokens(10), 500);
	});
}

#[test]
fn a_self_report_at_minor_cannot_pre_empt_the_trusted_critical() {
	market(|| {
		let puppet_free = free_balance(13);
		// The provider files its own incident first, as Minor, through puppet 13.
		puppet_reports(13, 10, Severity::Minor, 0, 1);
		// The oracle's Critical report of the same incident is no duplicate: it supersedes.
		oracle_reports(10, Severity::Critical, 0, 1);
		System::assert_has_event(Event::SlashSuperseded { id: 0, by: 1 }.into());
		assert!(!PendingSlashes::<Test>::contains_key(0));
		// The puppet got its bond back; it will get no reward for the superseded report.
		assert_eq!(Balances::balance_on_hold(&HoldReason::ReportBond.into(), &13), 0);
		assert_eq!(free_balance(13), puppet_free);
		// A later attempt to downgrade it is a duplicate.
		assert_noop!(
			WorkToken::report_offence(
				RuntimeOrigin::signed(14),
				10,
				Severity::Major,
				0,
				evidence(1)
			),
			Error::<Test>::DuplicateReport
		);
		apply_everything();
		// Punished once, at Critical: half of everything, tombstoned.
		assert_eq!((held_stake(10), pool_tokens(10)), (500, 500));
		assert!(Tombstones::<Test>::contains_key(10));
		assert_eq!(rewarded(13), 0);
		assert_eq!(rewarded(ORACLE), 100);
		assert_eq!(free_balance(13), puppet_free);
	});
}

#[test]
fn a_disputed_self_report_is_superseded_and_the_stronger_report_still_applies() {
	market(|| {
		puppet_reports(13, 10, Severity::Minor, 0, 1);
		// The provider disputes its own puppet's report to tie the incident up.
		assert_ok!(WorkToken::dispute_slash(RuntimeOrigin::signed(10), 0));
		run_to_era(1);
		oracle_reports(10, Severity::Major, 0, 1);
		System::assert_has_event(Event::SlashSuperseded { id: 0, by: 1 }.into());
		// The dispute of the weaker claim ends with its bond returned; the new slash is
		// undisputed and has a window of its own.
		assert_eq!(Balances::balance_on_hold(&HoldReason::DisputeBond.into(), &10), 0);
		let slash = PendingSlashes::<Test>::get(1).unwrap();
		assert_eq!(
			(slash.severity, slash.dispute_bond, slash.reported_era),
			(Severity::Major, None, 1)
		);
		apply_everything();
		// Major: 20% of 2,000 = 400, all of it from the provider's own 1,000.
		assert_eq!(held_stake(10), 600);
		assert!(crate::Pallet::<Test>::is_jailed(&10));
	});
}

#[test]
fn escalating_reports_of_one_incident_punish_it_once_at_the_severity_finally_upheld() {
	market(|| {
		oracle_reports(10, Severity::Minor, 0, 1);
		puppet_reports(13, 10, Severity::Major, 0, 1);
		puppet_reports(14, 10, Severity::Critical, 0, 1);
		assert_eq!(PendingSlashes::<Test>::iter().count(), 1);
		apply_everything();
		assert_eq!(crate::Offences::<Test>::get(10).unwrap().strikes, 1);
		assert_eq!((held_stake(10), pool_tokens(10)), (500, 500));
		// Only the reporter of the report that stood is rewarded.
		assert_eq!((rewarded(ORACLE), rewarded(13), rewarded(14)), (0, 0, 100));
	});
}

#[test]
fn an_early_verdict_never_lets_an_incident_be_punished_twice() {
	market(|| {
		oracle_reports(10, Severity::Minor, 0, 1);
		assert_ok!(WorkToken::dispute_slash(RuntimeOrigin::signed(10), 0));
		// Upheld at once: the slash still waits for its window, during which the incident
		// is reportable and must stay a duplicate.
		assert_ok!(WorkToken::resolve_dispute(RuntimeOrigin::root(), 0, Verdict::Uphold));
		assert_eq!(held_stake(10), 1_000);
		// The verdict stands: the slash cannot be disputed a second time (found by the fuzz).
		assert_noop!(
			WorkToken::dispute_slash(RuntimeOrigin::signed(10), 0),
			Error::<Test>::AlreadyDisputed
		);
		assert_noop!(
			WorkToken::report_offence(
				RuntimeOrigin::signed(ORACLE),
				10,
				Severity::Minor,
				0,
				evidence(1)
			),
			Error::<Test>::DuplicateReport
		);
		apply_everything();
		assert_eq!(held_stake(10), 900);
		// Once it applied, the incident is too old to report again (DisputeWindow > ReportWindow).
		assert_noop!(
			WorkToken::report_offence(
				RuntimeOrigin::signed(ORACLE),
				10,
				Severity::Critical,
				0,
				evidence(1)
			),
			Error::<Test>::OffenceTooOld
		);
	});
}
