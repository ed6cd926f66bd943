//! Attacks on reporting (S28): a provider with puppet accounts tries to block, pre-empt or
//! downgrade the report that would punish it. Each test plays one attack and shows the rule
//! that defeats it.

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
	provider_with_delegators(|| {
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
	provider_with_delegators(|| {
		let puppet_free = free_balance(13);
		// The provider files its own incident first, as Minor, through puppet 13.
		puppet_reports(13, 10, Severity::Minor, 0, 1);
		// The oracle's Critical report of the same incident is no duplicate: it supersedes.
		oracle_reports(10, Severity::Critical, 0, 1);
		System::assert_has_event(Event::SlashSuperseded { id: 0, by: 1 }.into());
		assert!(!PendingSlashes::<Test>::contains_key(0));
		// The puppet's report is held under the oracle's: it will get no reward for it.
		// A lower report cannot downgrade it: it is only held under it, and a severity already
		// in the incident's stack is a duplicate.
		puppet_reports(14, 10, Severity::Major, 0, 1);
		System::assert_last_event(Event::SlashSuperseded { id: 2, by: 1 }.into());
		assert_noop!(
			WorkToken::report_offence(
				RuntimeOrigin::signed(15),
				10,
				Severity::Minor,
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
		// The reward comes from the provider's own stake only: 10% of 500.
		assert_eq!(rewarded(ORACLE), 50);
		assert_eq!(free_balance(13), puppet_free);
	});
}

#[test]
fn a_disputed_self_report_is_superseded_and_the_stronger_report_still_applies() {
	provider_with_delegators(|| {
		puppet_reports(13, 10, Severity::Minor, 0, 1);
		// The provider disputes its own puppet's report to tie the incident up.
		assert_ok!(WorkToken::dispute_slash(RuntimeOrigin::signed(10), 0));
		run_to_era(1);
		oracle_reports(10, Severity::Major, 0, 1);
		System::assert_has_event(Event::SlashSuperseded { id: 0, by: 1 }.into());
		// The weaker claim is held under the new one, still disputed; the new slash is
		// undisputed and has a window of its own.
		assert!(!PendingSlashes::<Test>::contains_key(0));
		let slash = PendingSlashes::<Test>::get(1).unwrap();
		assert_eq!(
			(slash.severity, slash.dispute_bond, slash.reported_era),
			(Severity::Major, None, 1)
		);
		apply_everything();
		// Major: 20% of 2,000 = 400, all of it from the provider's own 1,000; the held Minor
		// report is discarded with both of its bonds returned.
		assert_eq!(held_stake(10), 600);
		assert!(crate::Pallet::<Test>::is_barred(&10));
		System::assert_has_event(Event::FallbackDiscarded { id: 0, by: 1 }.into());
		assert_eq!(Balances::balance_on_hold(&HoldReason::DisputeBond.into(), &10), 0);
		assert_eq!(Balances::balance_on_hold(&HoldReason::ReportBond.into(), &13), 0);
	});
}

#[test]
fn escalating_reports_of_one_incident_punish_it_once_at_the_severity_finally_upheld() {
	provider_with_delegators(|| {
		oracle_reports(10, Severity::Minor, 0, 1);
		puppet_reports(13, 10, Severity::Major, 0, 1);
		puppet_reports(14, 10, Severity::Critical, 0, 1);
		assert_eq!(PendingSlashes::<Test>::iter().count(), 1);
		apply_everything();
		assert_eq!(crate::Offences::<Test>::get(10).unwrap().strikes, 1);
		assert_eq!((held_stake(10), pool_tokens(10)), (500, 500));
		// Only the reporter of the report that stood is rewarded.
		assert_eq!((rewarded(ORACLE), rewarded(13), rewarded(14)), (0, 0, 50));
	});
}

#[test]
fn an_early_verdict_never_lets_an_incident_be_punished_twice() {
	provider_with_delegators(|| {
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

#[test]
fn a_provider_cannot_drain_its_delegators_through_a_puppet_reporter() {
	provider_with_delegators(|| {
		// The provider takes all of its own stake out, keeping its delegators' pool.
		assert_ok!(WorkToken::unbond(RuntimeOrigin::signed(10), 1_000));
		run_to_era(1);
		// Its puppet's bonded reports would only cut the delegators: refused.
		assert_noop!(
			WorkToken::report_offence(
				RuntimeOrigin::signed(13),
				10,
				Severity::Major,
				1,
				evidence(1)
			),
			Error::<Test>::NoOwnStakeAtRisk
		);
		// The oracle may still report it.
		oracle_reports(10, Severity::Major, 1, 1);
	});
}

#[test]
fn a_puppets_reward_never_exceeds_what_its_provider_loses() {
	ExtBuilder::default()
		.provider(10, 100, Perbill::zero())
		.delegation(11, 10, 1_000)
		.build_and_execute(|| {
			// A Critical self-report through puppet 13: own 50, pool 500.
			puppet_reports(13, 10, Severity::Critical, 0, 1);
			apply_everything();
			System::assert_has_event(
				Event::SlashApplied { id: 0, provider: 10, own: 50, pool: 500 }.into(),
			);
			// The reward is 10% of the 50 taken from own stake, not of the delegators' 500:
			// the provider's side loses 45 net, and gains nothing from its delegators' loss.
			assert_eq!(rewarded(13), 5);
		});
}

#[test]
fn a_fake_higher_report_that_is_overturned_restores_the_true_one() {
	provider_with_delegators(|| {
		oracle_reports(10, Severity::Major, 0, 1);
		// A puppet supersedes the true Major with a made-up Critical; the provider disputes it,
		// hoping the arbiter's overturn wipes the incident out.
		puppet_reports(13, 10, Severity::Critical, 0, 1);
		assert_ok!(WorkToken::dispute_slash(RuntimeOrigin::signed(10), 1));
		run_to_era(1);
		assert_ok!(WorkToken::resolve_dispute(RuntimeOrigin::root(), 1, Verdict::Overturn));
		// The puppet lost its bond; the oracle's Major is pending again, with a fresh window.
		System::assert_has_event(Event::FallbackRestored { id: 2, was: 0 }.into());
		let restored = PendingSlashes::<Test>::get(2).unwrap();
		assert_eq!((restored.severity, restored.reported_era), (Severity::Major, 1));
		apply_everything();
		// Major: 400, all from own stake; jailed, not tombstoned.
		assert_eq!(held_stake(10), 600);
		assert!(!Tombstones::<Test>::contains_key(10));
		assert!(crate::Pallet::<Test>::is_barred(&10));
	});
}

#[test]
fn a_fake_pending_report_cannot_make_the_true_one_a_duplicate() {
	provider_with_delegators(|| {
		// A puppet reports first, at a severity it hopes to get overturned.
		puppet_reports(13, 10, Severity::Critical, 0, 1);
		// The oracle's true Major is held under it, not refused.
		oracle_reports(10, Severity::Major, 0, 1);
		System::assert_last_event(Event::SlashSuperseded { id: 1, by: 0 }.into());
		assert_ok!(WorkToken::dispute_slash(RuntimeOrigin::signed(10), 0));
		assert_ok!(WorkToken::resolve_dispute(RuntimeOrigin::root(), 0, Verdict::Overturn));
		// Long after the report window, the true report still applies.
		apply_everything();
		assert_eq!(held_stake(10), 600);
		assert_eq!(rewarded(ORACLE), 40);
	});
}
