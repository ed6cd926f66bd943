//! The dispute window (S18): every path a slash can take after it is reported — undisputed,
//! upheld, overturned, reduced, cancelled, timed out — with bonds, jail and `apply_slash`.

use crate::{
	mock::*, Error, Event, HoldReason, Offences, PendingSlashes, Providers, Severity, Verdict,
};
use frame_support::{dispatch::Pays, traits::fungible::InspectHold};
use sp_runtime::DispatchError;

fn held(reason: HoldReason, who: AccountId) -> Balance {
	Balances::balance_on_hold(&reason.into(), &who)
}

/// Reporter 13 (bonded) reports a Major offence of provider 10 in era 0; 10 disputes it.
fn reported_and_disputed() {
	assert_ok!(WorkToken::report_offence(
		RuntimeOrigin::signed(13),
		10,
		Severity::Major,
		0,
		evidence(1)
	));
	assert_ok!(WorkToken::dispute_slash(RuntimeOrigin::signed(10), 0));
	assert_eq!(held(HoldReason::DisputeBond, 10), DISPUTE_BOND);
	assert_eq!(held(HoldReason::ReportBond, 13), REPORT_BOND);
}

#[test]
fn upheld_dispute_applies_the_slash_and_slashes_the_dispute_bond() {
	provider_with_delegators(|| {
		let before = issuance();
		let free_10 = free_balance(10);
		let free_13 = free_balance(13);
		reported_and_disputed();
		assert_ok!(WorkToken::resolve_dispute(RuntimeOrigin::root(), 0, Verdict::Uphold));
		// The losing bond goes at once; the slash waits for the end of its window, like an
		// undisputed one, so the incident can never be punished while still reportable.
		assert_eq!(held(HoldReason::DisputeBond, 10), 0);
		assert_eq!(free_balance(10), free_10 - DISPUTE_BOND);
		System::assert_has_event(Event::BondSlashed { who: 10, amount: DISPUTE_BOND }.into());
		System::assert_has_event(Event::DisputeResolved { id: 0, verdict: Verdict::Uphold }.into());
		assert_eq!(PendingSlashes::<Test>::get(0).unwrap().decided, Some(Perbill::one()));
		assert_eq!(held_stake(10), 1_000);
		let minted = run_to_era_counting_emission(DISPUTE_WINDOW);
		// Major, 20% of 2,000 = 400, all from own stake; 10% of it to reporter 13.
		assert_eq!(held_stake(10), 600);
		assert_eq!(held(HoldReason::ReportBond, 13), 0);
		assert_eq!(free_balance(13), free_13 + 40);
		assert_eq!(burned(), 360 + DISPUTE_BOND);
		assert_eq!(
			Providers::<Test>::get(10).unwrap().jailed_until,
			Some(DISPUTE_WINDOW + JAIL_ERAS)
		);
		assert_conserved(before, minted);
	});
}

#[test]
fn overturned_dispute_drops_the_slash_and_slashes_the_report_bond() {
	provider_with_delegators(|| {
		let before = issuance();
		let free_10 = free_balance(10);
		let free_13 = free_balance(13);
		reported_and_disputed();
		assert_ok!(WorkToken::resolve_dispute(RuntimeOrigin::root(), 0, Verdict::Overturn));
		assert_eq!(held_stake(10), 1_000);
		assert_eq!(free_balance(10), free_10);
		assert_eq!(free_balance(13), free_13 - REPORT_BOND);
		assert_eq!(burned(), REPORT_BOND);
		assert!(!PendingSlashes::<Test>::contains_key(0));
		// An overturned report is no strike and no jail.
		assert_eq!(Offences::<Test>::get(10).map_or(0, |r| r.strikes), 0);
		assert_eq!(Providers::<Test>::get(10).unwrap().jailed_until, None);
		System::assert_has_event(Event::BondReturned { who: 10, amount: DISPUTE_BOND }.into());
		assert_conserved(before, 0);
	});
}

#[test]
fn reduced_slash_applies_in_part_and_returns_both_bonds() {
	provider_with_delegators(|| {
		let before = issuance();
		let free_10 = free_balance(10);
		let free_13 = free_balance(13);
		reported_and_disputed();
		let half = Verdict::Reduce(Perbill::from_percent(50));
		assert_ok!(WorkToken::resolve_dispute(RuntimeOrigin::root(), 0, half));
		let minted = run_to_era_counting_emission(DISPUTE_WINDOW);
		assert_eq!(held_stake(10), 800);
		assert!(free_balance(10) >= free_10);
		assert_eq!(free_balance(13), free_13 + 20);
		assert_eq!(burned(), 180);
		assert_conserved(before, minted);
	});
}

#[test]
fn cancelled_slash_returns_both_bonds_and_may_be_reported_again() {
	provider_with_delegators(|| {
		let free_10 = free_balance(10);
		let free_13 = free_balance(13);
		reported_and_disputed();
		assert_noop!(
			WorkToken::cancel_slash(RuntimeOrigin::signed(13), 0),
			DispatchError::BadOrigin
		);
		assert_ok!(WorkToken::cancel_slash(RuntimeOrigin::root(), 0));
		System::assert_has_event(Event::SlashCancelled { id: 0, provider: 10 }.into());
		assert_eq!((free_balance(10), free_balance(13)), (free_10, free_13));
		assert_eq!(burned(), 0);
		// Cancelled after a mistaken severity: the incident can be reported again.
		oracle_reports(10, Severity::Critical, 0, 1);
		assert_noop!(
			WorkToken::cancel_slash(RuntimeOrigin::root(), 0),
			Error::<Test>::UnknownSlash
		);
		run_to_era(DISPUTE_WINDOW);
		assert_eq!(held_stake(10), 500);
		// Cancelling after application is too late.
		assert_noop!(
			WorkToken::cancel_slash(RuntimeOrigin::root(), 1),
			Error::<Test>::UnknownSlash
		);
	});
}

#[test]
fn an_unresolved_dispute_times_out_and_the_report_stands() {
	provider_with_delegators(|| {
		let before = issuance();
		reported_and_disputed();
		// The window ends: a disputed slash waits for the arbiter.
		let minted = run_to_era_counting_emission(DISPUTE_WINDOW);
		assert!(PendingSlashes::<Test>::contains_key(0));
		assert_noop!(
			WorkToken::apply_slash(RuntimeOrigin::signed(14), 0),
			Error::<Test>::DisputeUnresolved
		);
		// Meanwhile the provider is suspended: a dispute buys no time out of jail (S33).
		assert!(crate::Pallet::<Test>::is_barred(&10));
		assert!(!crate::Pallet::<Test>::in_active_set(&10));
		// Then the timeout: applied as reported, the dispute bond lost like an upheld one.
		let minted = minted + run_to_era_counting_emission(DISPUTE_WINDOW + DISPUTE_TIMEOUT);
		assert!(!PendingSlashes::<Test>::contains_key(0));
		assert_eq!(held_stake(10), 600);
		assert_eq!(held(HoldReason::DisputeBond, 10), 0);
		let events = work_token_events();
		assert!(events.contains(&Event::BondSlashed { who: 10, amount: DISPUTE_BOND }));
		assert!(events.contains(&Event::DisputeTimedOut { id: 0 }));
		assert_eq!(
			Providers::<Test>::get(10).unwrap().jailed_until,
			Some(DISPUTE_WINDOW + DISPUTE_TIMEOUT + JAIL_ERAS)
		);
		assert_conserved(before, minted);
	});
}

#[test]
fn apply_slash_is_free_when_due_and_fails_before() {
	provider_with_delegators(|| {
		oracle_reports(10, Severity::Minor, 0, 1);
		assert_noop!(
			WorkToken::apply_slash(RuntimeOrigin::signed(14), 0),
			Error::<Test>::SlashNotDue
		);
		assert_noop!(
			WorkToken::apply_slash(RuntimeOrigin::signed(14), 7),
			Error::<Test>::UnknownSlash
		);
		assert_noop!(WorkToken::apply_slash(RuntimeOrigin::none(), 0), DispatchError::BadOrigin);
		// Reach the end of the window without running its first block's hook.
		run_to_block(u64::from(DISPUTE_WINDOW) * ERA_LENGTH - 1);
		crate::CurrentEra::<Test>::put(DISPUTE_WINDOW);
		let info = WorkToken::apply_slash(RuntimeOrigin::signed(14), 0).unwrap();
		assert_eq!(info.pays_fee, Pays::No);
		assert_eq!(held_stake(10), 900);
	});
}

#[test]
fn dispute_errors_change_nothing() {
	provider_with_delegators(|| {
		assert_noop!(
			WorkToken::dispute_slash(RuntimeOrigin::signed(10), 0),
			Error::<Test>::UnknownSlash
		);
		oracle_reports(10, Severity::Minor, 0, 1);
		assert_noop!(
			WorkToken::dispute_slash(RuntimeOrigin::signed(11), 0),
			Error::<Test>::NotAccused
		);
		assert_noop!(
			WorkToken::resolve_dispute(RuntimeOrigin::root(), 0, Verdict::Uphold),
			Error::<Test>::NotDisputed
		);
		assert_ok!(WorkToken::dispute_slash(RuntimeOrigin::signed(10), 0));
		assert_noop!(
			WorkToken::dispute_slash(RuntimeOrigin::signed(10), 0),
			Error::<Test>::AlreadyDisputed
		);
		assert_noop!(
			WorkToken::resolve_dispute(RuntimeOrigin::signed(ORACLE), 0, Verdict::Uphold),
			DispatchError::BadOrigin
		);
		oracle_reports(10, Severity::Minor, 0, 2);
		run_to_era(DISPUTE_WINDOW - 1);
		run_to_block(u64::from(DISPUTE_WINDOW) * ERA_LENGTH - 1);
		crate::CurrentEra::<Test>::put(DISPUTE_WINDOW);
		assert_noop!(
			WorkToken::dispute_slash(RuntimeOrigin::signed(10), 1),
			Error::<Test>::DisputeWindowClosed
		);
	});
}

#[test]
fn a_provider_that_cannot_post_the_bond_cannot_dispute() {
	ExtBuilder::default().build_and_execute(|| {
		let free = free_balance(10);
		assert_ok!(WorkToken::register_provider(
			RuntimeOrigin::signed(10),
			free - 50,
			Perbill::zero()
		));
		oracle_reports(10, Severity::Minor, 0, 1);
		assert_noop!(
			WorkToken::dispute_slash(RuntimeOrigin::signed(10), 0),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn automatic_application_is_bounded_per_block_and_carries_over() {
	provider_with_delegators(|| {
		for n in 1..=3 {
			oracle_reports(10, Severity::Minor, 0, n);
		}
		run_to_era(DISPUTE_WINDOW);
		assert_eq!(
			PendingSlashes::<Test>::iter().count(),
			1,
			"two applied in the era's first block"
		);
		run_to_block(System::block_number() + 1);
		assert_eq!(PendingSlashes::<Test>::iter().count(), 0, "the third in the next block");
		assert_eq!(held_stake(10), 700);
	});
}

#[test]
fn jail_keeps_a_provider_out_until_it_unjails() {
	provider_with_delegators(|| {
		assert_noop!(WorkToken::unjail(RuntimeOrigin::signed(10)), Error::<Test>::NotJailed);
		assert_noop!(WorkToken::unjail(RuntimeOrigin::signed(13)), Error::<Test>::NotProvider);
		oracle_reports(10, Severity::Major, 0, 1);
		run_to_era(DISPUTE_WINDOW);
		assert_noop!(
			WorkToken::delegate(RuntimeOrigin::signed(13), 10, 100),
			Error::<Test>::ProviderJailed
		);
		assert_noop!(WorkToken::unjail(RuntimeOrigin::signed(10)), Error::<Test>::StillJailed);
		// A jailed provider earns nothing at the next era boundary.
		work_token_events_since_last_call();
		run_to_era(DISPUTE_WINDOW + 1);
		let since = work_token_events_since_last_call();
		assert!(since.iter().any(|e| matches!(e, Event::NewEra { .. })), "the era did turn");
		assert!(!since.iter().any(|e| matches!(e, Event::ProviderRewarded { .. })));
		run_to_era(DISPUTE_WINDOW + JAIL_ERAS);
		assert_ok!(WorkToken::unjail(RuntimeOrigin::signed(10)));
		System::assert_last_event(Event::Unjailed { provider: 10 }.into());
		let tokens = pool_tokens(10);
		assert_ok!(WorkToken::delegate(RuntimeOrigin::signed(13), 10, 100));
		run_to_era(DISPUTE_WINDOW + JAIL_ERAS + 1);
		assert_eq!(pool_tokens(10), tokens + 100);
	});
}
