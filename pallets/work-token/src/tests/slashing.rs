//! `report_offence` and slash application (S15, S16, S17, S19): amounts locked at report,
//! the severity waterfall, clamping, 100% slashes, repeat offences, frozen withdrawals and
//! joiners. Every test ends with `try_state`, and the ones that apply slashes also check that
//! total issuance moved only by era emission minus what `OnSlash` burnt.

use crate::{
	mock::*, Delegations, Error, Event, Ledgers, Offences, PendingSlashes, Providers, Severity,
	SlashFractions, Tombstones, UnbondingPools,
};
use frame_support::traits::fungible::InspectHold;
use sp_runtime::DispatchError;

#[test]
fn minor_hits_own_stake_only_and_applies_when_the_window_ends() {
	provider_with_delegators(|| {
		let before = issuance();
		oracle_reports(10, Severity::Minor, 0, 1);
		System::assert_last_event(
			Event::OffenceReported {
				id: 0,
				provider: 10,
				reporter: Some(ORACLE),
				severity: Severity::Minor,
				offence_era: 0,
				fraction: Perbill::from_percent(10),
				own: 100,
				pool: 0,
				dispute_until: DISPUTE_WINDOW,
			}
			.into(),
		);
		// Nothing moves while it is pending.
		let minted = run_to_era_counting_emission(DISPUTE_WINDOW - 1);
		assert!(PendingSlashes::<Test>::contains_key(0));
		assert_eq!(held_stake(10), 1_000);

		let oracle_free = free_balance(ORACLE);
		let minted = minted + run_to_era_counting_emission(DISPUTE_WINDOW);
		assert!(!PendingSlashes::<Test>::contains_key(0));
		assert_eq!((held_stake(10), active(10)), (900, 900));
		assert_eq!(pool_tokens(10), 1_000);
		// 10% of the slash to the reporter, the rest burnt.
		assert_eq!(free_balance(ORACLE), oracle_free + 10);
		assert_eq!(burned(), 90);
		assert_conserved(before, minted);
		let events = work_token_events();
		assert!(events.contains(&Event::SlashApplied { id: 0, provider: 10, own: 100, pool: 0 }));
		assert!(events.contains(&Event::ReporterRewarded { id: 0, reporter: ORACLE, amount: 10 }));
		assert!(events.contains(&Event::SlashDeposited { id: 0, amount: 90 }));
		// Minor does not jail.
		assert_eq!(Providers::<Test>::get(10).unwrap().jailed_until, None);
	});
}

#[test]
fn major_takes_own_stake_first_then_the_pool_and_jails() {
	ExtBuilder::default()
		.provider(10, 200, Perbill::zero())
		.delegation(11, 10, 1_000)
		.delegation(12, 10, 800)
		.build_and_execute(|| {
			let before = issuance();
			oracle_reports(10, Severity::Major, 0, 1);
			// 20% of 2,000 = 400: all 200 of own stake, then 200 (≤ 20% of 1,800) from the pool.
			let slash = PendingSlashes::<Test>::get(0).unwrap();
			assert_eq!((slash.own, slash.pool), (200, 200));

			let minted = run_to_era_counting_emission(DISPUTE_WINDOW);
			assert_eq!((held_stake(10), active(10)), (0, 0));
			assert_eq!(pool_tokens(10), 1_600);
			// Every share lost the same 1/9: 1,000 -> 888 (rounded down), 800 -> 711.
			assert_eq!(value_of(11, 10), 888);
			assert_eq!(value_of(12, 10), 711);
			assert_eq!(
				Providers::<Test>::get(10).unwrap().jailed_until,
				Some(DISPUTE_WINDOW + JAIL_ERAS)
			);
			assert!(work_token_events()
				.contains(&Event::Jailed { provider: 10, until: DISPUTE_WINDOW + JAIL_ERAS }));
			// 10% of the 200 taken from own stake rewards the reporter; the rest is burnt.
			assert_eq!(burned(), 380);
			assert_conserved(before, minted);
		});
}

#[test]
fn critical_hits_everything_at_its_fraction_and_tombstones() {
	provider_with_delegators(|| {
		let before = issuance();
		oracle_reports(10, Severity::Critical, 0, 1);
		let minted = run_to_era_counting_emission(DISPUTE_WINDOW);
		assert_eq!(held_stake(10), 500);
		assert_eq!(pool_tokens(10), 500);
		assert_eq!((value_of(11, 10), value_of(12, 10)), (300, 200));
		assert_eq!(Tombstones::<Test>::get(10), Some(DISPUTE_WINDOW));
		assert!(work_token_events().contains(&Event::Tombstoned { provider: 10 }));
		assert_conserved(before, minted);

		// No new delegations, no unjail, ever.
		assert_noop!(
			WorkToken::delegate(RuntimeOrigin::signed(13), 10, 100),
			Error::<Test>::ProviderJailed
		);
		run_to_era(DISPUTE_WINDOW + JAIL_ERAS);
		assert_noop!(WorkToken::unjail(RuntimeOrigin::signed(10)), Error::<Test>::Tombstoned);

		// Everyone leaves; the account can never register again.
		assert_ok!(WorkToken::unbond(RuntimeOrigin::signed(10), 500));
		assert_ok!(WorkToken::undelegate(RuntimeOrigin::signed(11), 10, 300));
		assert_ok!(WorkToken::undelegate(RuntimeOrigin::signed(12), 10, 200));
		run_to_era(DISPUTE_WINDOW + JAIL_ERAS + UNBONDING_PERIOD);
		assert_ok!(WorkToken::withdraw_unbonded(RuntimeOrigin::signed(10)));
		assert_ok!(WorkToken::withdraw_delegation(RuntimeOrigin::signed(11), 10));
		assert_ok!(WorkToken::withdraw_delegation(RuntimeOrigin::signed(12), 10));
		assert!(!Providers::<Test>::contains_key(10));
		assert!(!Offences::<Test>::contains_key(10), "no orphan offence record");
		assert_noop!(
			WorkToken::register_provider(RuntimeOrigin::signed(10), 1_000, Perbill::zero()),
			Error::<Test>::Tombstoned
		);
	});
}

#[test]
fn slash_after_full_unbond_still_hits_the_unbonding_pool_and_chunks() {
	provider_with_delegators(|| {
		let before = issuance();
		// In era 0, after the offence: 11 leaves the pool, the provider unbonds 900.
		assert_ok!(WorkToken::undelegate(RuntimeOrigin::signed(11), 10, 600));
		assert_ok!(WorkToken::unbond(RuntimeOrigin::signed(10), 900));
		oracle_reports(10, Severity::Critical, 0, 1);
		let slash = PendingSlashes::<Test>::get(0).unwrap();
		assert_eq!((slash.own, slash.pool), (500, 500));

		let minted = run_to_era_counting_emission(DISPUTE_WINDOW);
		// Own: active 100 goes first, then 400 of the 900 chunk.
		let ledger = Ledgers::<Test>::get(10).unwrap();
		assert_eq!((ledger.active, ledger.unlocking_total()), (0, 500));
		// Pool: cut pro rata, 300 of the unbonding 600 and 200 of the bonded 400.
		let unbonding = UnbondingPools::<Test>::get(10, UNBONDING_PERIOD).unwrap();
		assert_eq!(unbonding.tokens, 300);
		assert_eq!(pool_tokens(10), 200);

		let minted = minted + run_to_era_counting_emission(UNBONDING_PERIOD);
		let free = free_balance(11);
		assert_ok!(WorkToken::withdraw_delegation(RuntimeOrigin::signed(11), 10));
		// The chunk pays its slashed value (plus the rewards the position earned before).
		let rewards: Balance = work_token_events()
			.iter()
			.filter_map(|e| match e {
				Event::RewardsClaimed { delegator: 11, amount, .. } => Some(*amount),
				_ => None,
			})
			.sum();
		assert_eq!(free_balance(11), free + 300 + rewards);
		assert_ok!(WorkToken::withdraw_unbonded(RuntimeOrigin::signed(10)));
		assert_eq!(held_stake(10), 0);
		assert_conserved(before, minted);
	});
}

#[test]
fn slashes_larger_than_the_stake_left_clamp_to_it() {
	provider_with_delegators(|| {
		let before = issuance();
		// Three incidents in era 0 lock 500 + 500 + 100 of the 1,000 own stake.
		oracle_reports(10, Severity::Critical, 0, 1);
		oracle_reports(10, Severity::Critical, 0, 2);
		oracle_reports(10, Severity::Minor, 0, 3);
		let minted = run_to_era_counting_emission(DISPUTE_WINDOW);
		// Two per block: the third applies in the next block.
		assert!(PendingSlashes::<Test>::contains_key(2));
		run_to_block(System::block_number() + 1);
		assert!(!PendingSlashes::<Test>::contains_key(2));
		System::assert_has_event(
			Event::SlashApplied { id: 2, provider: 10, own: 0, pool: 0 }.into(),
		);
		assert_eq!(held_stake(10), 0);
		assert_eq!(pool_tokens(10), 0);
		assert_conserved(before, minted);
	});
}

#[test]
fn a_100_percent_slash_leaves_the_pool_consistent_and_exits_still_work() {
	provider_with_delegators(|| {
		let all = SlashFractions {
			minor: Perbill::from_percent(10),
			major: Perbill::from_percent(20),
			critical: Perbill::one(),
		};
		assert_ok!(WorkToken::set_slash_fractions(RuntimeOrigin::root(), all));
		assert_ok!(WorkToken::undelegate(RuntimeOrigin::signed(11), 10, 300));
		let before = issuance();
		oracle_reports(10, Severity::Critical, 0, 1);
		let minted = run_to_era_counting_emission(DISPUTE_WINDOW);
		assert_eq!((held_stake(10), pool_tokens(10)), (0, 0));
		assert_eq!(UnbondingPools::<Test>::get(10, UNBONDING_PERIOD).unwrap().tokens, 0);
		// The pool keeps its shares, worth nothing: it takes no new delegation.
		assert_eq!(value_of(12, 10), 0);

		let minted = minted + run_to_era_counting_emission(UNBONDING_PERIOD);
		// 11 withdraws a worthless chunk, then burns its worthless bonded shares: the last
		// share of a position always burns (S31).
		assert_ok!(WorkToken::withdraw_delegation(RuntimeOrigin::signed(11), 10));
		assert_ok!(WorkToken::undelegate(RuntimeOrigin::signed(11), 10, 1));
		// 12 stays dormant; as the provider is tombstoned, anyone may close its position.
		assert_ok!(WorkToken::kick(RuntimeOrigin::signed(13), 12, 10));
		assert!(Delegations::<Test>::get(11, 10).is_none());
		assert!(Delegations::<Test>::get(12, 10).is_none());
		// Nothing left anywhere: the provider's records are gone, its tombstone stays.
		assert!(!Providers::<Test>::contains_key(10));
		assert!(Tombstones::<Test>::contains_key(10));
		assert_conserved(before, minted);
	});
}

#[test]
fn two_incidents_in_one_era_are_two_slashes_but_an_incident_is_reported_once() {
	provider_with_delegators(|| {
		oracle_reports(10, Severity::Major, 0, 1);
		// The same incident at the same severity is a duplicate ...
		assert_noop!(
			WorkToken::report_offence(
				RuntimeOrigin::signed(13),
				10,
				Severity::Major,
				0,
				evidence(1)
			),
			Error::<Test>::DuplicateReport
		);
		// ... at a lower one it is held under it, and takes its place if it is cancelled.
		oracle_reports(10, Severity::Minor, 0, 1);
		System::assert_last_event(Event::SlashSuperseded { id: 1, by: 0 }.into());
		assert_ok!(WorkToken::cancel_slash(RuntimeOrigin::root(), 0));
		System::assert_has_event(Event::FallbackRestored { id: 2, was: 1 }.into());
		oracle_reports(10, Severity::Minor, 0, 2);
		run_to_era(DISPUTE_WINDOW);
		// Both applied: 100 each (both reported with no strike standing).
		assert_eq!(held_stake(10), 800);
		assert_eq!(Offences::<Test>::get(10).unwrap().strikes, 2);
	});
}

#[test]
fn report_errors_change_nothing() {
	provider_with_delegators(|| {
		let report = |who: AccountId, provider, era, n| {
			WorkToken::report_offence(
				RuntimeOrigin::signed(who),
				provider,
				Severity::Minor,
				era,
				evidence(n),
			)
		};
		assert_noop!(report(13, 14, 0, 1), Error::<Test>::NotProvider);
		assert_noop!(report(13, 10, 1, 1), Error::<Test>::OffenceInFuture);
		assert_noop!(report(10, 10, 0, 1), Error::<Test>::CannotReportSelf);
		assert_noop!(report(POOR, 10, 0, 1), Error::<Test>::InsufficientBalance);
		assert_noop!(
			WorkToken::report_offence(RuntimeOrigin::none(), 10, Severity::Minor, 0, evidence(1)),
			DispatchError::BadOrigin
		);
		run_to_era(REPORT_WINDOW + 1);
		assert_noop!(report(ORACLE, 10, 0, 10), Error::<Test>::OffenceTooOld);
		assert_ok!(WorkToken::register_provider(RuntimeOrigin::signed(14), 500, Perbill::zero()));
		assert_noop!(
			report(ORACLE, 14, REPORT_WINDOW, 1),
			Error::<Test>::OffenceBeforeRegistration
		);
	});
}

#[test]
fn nothing_at_risk_is_nothing_to_slash() {
	provider_with_delegators(|| {
		assert_ok!(WorkToken::unbond(RuntimeOrigin::signed(10), 1_000));
		run_to_era(1);
		// Everything was unbonded in era 0, before an offence in era 1: nothing at risk.
		assert_noop!(
			WorkToken::report_offence(
				RuntimeOrigin::signed(ORACLE),
				10,
				Severity::Minor,
				1,
				evidence(1)
			),
			Error::<Test>::NothingToSlash
		);
	});
}

#[test]
fn a_bonded_reporter_gets_its_bond_back_and_a_reward() {
	provider_with_delegators(|| {
		let free = free_balance(13);
		assert_ok!(WorkToken::report_offence(
			RuntimeOrigin::signed(13),
			10,
			Severity::Minor,
			0,
			evidence(1)
		));
		assert_eq!(
			Balances::balance_on_hold(&crate::HoldReason::ReportBond.into(), &13),
			REPORT_BOND
		);
		assert_eq!(free_balance(13), free - REPORT_BOND);
		run_to_era(DISPUTE_WINDOW);
		assert_eq!(Balances::balance_on_hold(&crate::HoldReason::ReportBond.into(), &13), 0);
		assert_eq!(free_balance(13), free + 10);
	});
}

#[test]
fn a_delegator_of_the_provider_gets_no_reporter_reward() {
	provider_with_delegators(|| {
		let free = free_balance(11);
		assert_ok!(WorkToken::report_offence(
			RuntimeOrigin::signed(11),
			10,
			Severity::Minor,
			0,
			evidence(1)
		));
		let minted_before = burned();
		run_to_era(DISPUTE_WINDOW);
		// Bond back, no reward: the whole 100 went to OnSlash.
		assert_eq!(burned() - minted_before, 100);
		assert!(!work_token_events().iter().any(|e| matches!(e, Event::ReporterRewarded { .. })));
		let rewards: Balance = work_token_events()
			.iter()
			.filter_map(|e| match e {
				Event::RewardsClaimed { delegator: 11, amount, .. } => Some(*amount),
				_ => None,
			})
			.sum();
		assert_eq!(free_balance(11), free + rewards);
	});
}

#[test]
fn a_pending_slash_freezes_stake_at_risk_and_joiners_wait_outside_the_pool() {
	provider_with_delegators(|| {
		// Unbonded in era 1, after an offence in era 1: at risk, unlocks in era 4.
		run_to_era(1);
		assert_ok!(WorkToken::unbond(RuntimeOrigin::signed(10), 300));
		assert_ok!(WorkToken::undelegate(RuntimeOrigin::signed(11), 10, 100));
		oracle_reports(10, Severity::Minor, 1, 1);
		// A joiner is taken, but waits outside the pool while the slash is pending.
		assert_ok!(WorkToken::delegate(RuntimeOrigin::signed(13), 10, 100));
		assert_ok!(WorkToken::dispute_slash(RuntimeOrigin::signed(10), 0));

		run_to_era(1 + UNBONDING_PERIOD);
		assert_noop!(
			WorkToken::withdraw_unbonded(RuntimeOrigin::signed(10)),
			Error::<Test>::WithdrawalFrozen
		);
		assert_noop!(
			WorkToken::withdraw_delegation(RuntimeOrigin::signed(11), 10),
			Error::<Test>::WithdrawalFrozen
		);
		assert_ok!(WorkToken::resolve_dispute(RuntimeOrigin::root(), 0, crate::Verdict::Overturn));
		assert_ok!(WorkToken::withdraw_unbonded(RuntimeOrigin::signed(10)));
		assert_ok!(WorkToken::withdraw_delegation(RuntimeOrigin::signed(11), 10));
		// Settled: the joiner enters at the next boundary, whole.
		assert_ok!(WorkToken::delegate(RuntimeOrigin::signed(13), 10, 100));
		run_to_era(2 + UNBONDING_PERIOD);
		assert_eq!(value_of(13, 10), 200);
	});
}

#[test]
fn stake_unbonded_before_the_offence_is_not_frozen() {
	provider_with_delegators(|| {
		// Unbonded in era 0 (unlocks in era 3); the offence is in era 1.
		assert_ok!(WorkToken::unbond(RuntimeOrigin::signed(10), 300));
		assert_ok!(WorkToken::undelegate(RuntimeOrigin::signed(11), 10, 100));
		run_to_era(1);
		oracle_reports(10, Severity::Critical, 1, 1);
		let slash = PendingSlashes::<Test>::get(0).unwrap();
		// Only what was still bonded in era 1 is at risk: 700 own, 900 delegated.
		assert_eq!((slash.own, slash.pool), (350, 450));
		assert_ok!(WorkToken::dispute_slash(RuntimeOrigin::signed(10), 0));
		run_to_era(UNBONDING_PERIOD);
		assert_ok!(WorkToken::withdraw_unbonded(RuntimeOrigin::signed(10)));
		assert_ok!(WorkToken::withdraw_delegation(RuntimeOrigin::signed(11), 10));
		assert_eq!(held_stake(10), 700);
	});
}

#[test]
fn repeat_offences_escalate_and_strikes_decay() {
	provider_with_delegators(|| {
		oracle_reports(10, Severity::Minor, 0, 1);
		run_to_era(DISPUTE_WINDOW);
		assert_eq!(held_stake(10), 900);
		// One strike standing: 10% × 1.5 = 15% of 900.
		oracle_reports(10, Severity::Minor, DISPUTE_WINDOW, 2);
		let slash = PendingSlashes::<Test>::get(1).unwrap();
		assert_eq!((slash.fraction, slash.own), (Perbill::from_percent(15), 135));
		run_to_era(2 * DISPUTE_WINDOW);
		assert_eq!(Offences::<Test>::get(10).unwrap().strikes, 2);
		// Two strikes decay over 2 × STRIKE_DECAY eras: back to the base fraction.
		let later = 2 * DISPUTE_WINDOW + 2 * STRIKE_DECAY;
		run_to_era(later);
		oracle_reports(10, Severity::Minor, later, 3);
		assert_eq!(PendingSlashes::<Test>::get(2).unwrap().fraction, Perbill::from_percent(10));
	});
}

#[test]
fn set_slash_fractions_needs_admin_and_order() {
	provider_with_delegators(|| {
		let unordered = SlashFractions {
			minor: Perbill::from_percent(30),
			major: Perbill::from_percent(20),
			critical: Perbill::from_percent(50),
		};
		assert_noop!(
			WorkToken::set_slash_fractions(RuntimeOrigin::root(), unordered),
			Error::<Test>::UnorderedFractions
		);
		let ordered = SlashFractions { minor: Perbill::from_percent(5), ..unordered };
		assert_noop!(
			WorkToken::set_slash_fractions(RuntimeOrigin::signed(10), ordered),
			DispatchError::BadOrigin
		);
		assert_ok!(WorkToken::set_slash_fractions(RuntimeOrigin::root(), ordered));
		System::assert_last_event(Event::SlashFractionsSet { fractions: ordered }.into());
		oracle_reports(10, Severity::Minor, 0, 1);
		assert_eq!(PendingSlashes::<Test>::get(0).unwrap().own, 50);
	});
}

#[test]
fn undelegating_during_a_dispute_does_not_escape_the_slash() {
	provider_with_delegators(|| {
		let before = issuance();
		oracle_reports(10, Severity::Critical, 0, 1);
		assert_ok!(WorkToken::dispute_slash(RuntimeOrigin::signed(10), 0));
		let mut minted = run_to_era_counting_emission(1);
		// After the report: 11 leaves for the pool unlocking in era 1 + UNBONDING_PERIOD.
		assert_ok!(WorkToken::undelegate(RuntimeOrigin::signed(11), 10, 600));
		let unlock = 1 + UNBONDING_PERIOD;
		minted += run_to_era_counting_emission(DISPUTE_WINDOW + DISPUTE_TIMEOUT);
		assert!(work_token_events().contains(&Event::DisputeTimedOut { id: 0 }));
		// 500 of the 1,000 at risk, pro rata: 300 from the unbonding 600, 200 from 400.
		assert_eq!(UnbondingPools::<Test>::get(10, unlock).unwrap().tokens, 300);
		assert_eq!(pool_tokens(10), 200);
		assert!(unlock <= DISPUTE_WINDOW + DISPUTE_TIMEOUT, "withdrawable now");
		assert_ok!(WorkToken::withdraw_delegation(RuntimeOrigin::signed(11), 10));
		assert!(Delegations::<Test>::get(11, 10).is_none());
		assert_conserved(before, minted);
	});
}
