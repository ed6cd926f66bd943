//! Adversarial cases of issue 7 not covered elsewhere, one named test each; the full map of
//! cases to tests is in `docs/RELIABILITY.md`.

use crate::{mock::*, Delegations, Error, Pallet, Severity, SlashQueueState};
use frame_support::traits::fungible::InspectHold;

#[test]
fn slash_ids_near_u32_max_end_in_a_named_error_not_a_wrap() {
	provider_with_delegators(|| {
		SlashQueueState::<Test>::mutate(|q| {
			q.next_id = u32::MAX - 1;
			q.apply_cursor = u32::MAX - 1;
			q.timeout_cursor = u32::MAX - 1;
		});
		oracle_reports(10, Severity::Minor, 0, 1);
		assert_eq!(SlashQueueState::<Test>::get().next_id, u32::MAX);
		// The last id is never issued: the counter would wrap.
		assert_noop!(
			WorkToken::report_offence(
				RuntimeOrigin::signed(ORACLE),
				10,
				Severity::Minor,
				0,
				evidence(2)
			),
			Error::<Test>::Overflow
		);
		// The pending slash still applies and the cursors stop at the end.
		run_to_era(DISPUTE_WINDOW);
		assert_eq!(held_stake(10), 900);
		let q = SlashQueueState::<Test>::get();
		assert_eq!((q.apply_cursor, q.timeout_cursor), (u32::MAX, u32::MAX));
	});
}

#[test]
fn claim_after_leaving_and_rejoining_pays_only_what_the_new_position_earned() {
	provider_with_delegators(|| {
		run_to_era(2);
		// 11 leaves entirely: withdrawing pays what it earned and removes the position.
		assert_ok!(WorkToken::undelegate(RuntimeOrigin::signed(11), 10, 600));
		run_to_era(2 + UNBONDING_PERIOD);
		assert_ok!(WorkToken::withdraw_delegation(RuntimeOrigin::signed(11), 10));
		assert!(Delegations::<Test>::get(11, 10).is_none());
		// Re-joining starts from nothing: nothing to claim in the joining era ...
		assert_ok!(WorkToken::delegate(RuntimeOrigin::signed(11), 10, 300));
		assert_noop!(
			WorkToken::claim_rewards(RuntimeOrigin::signed(11), 10),
			Error::<Test>::NothingToClaim
		);
		// ... and after a full era, only the new shares' part.
		let era = crate::CurrentEra::<Test>::get();
		run_to_era(era + 2);
		let pending_11 =
			Pallet::<Test>::delegation_summary(&11, &10).map(|d| d.pending_rewards).unwrap();
		let pending_12 =
			Pallet::<Test>::delegation_summary(&12, &10).map(|d| d.pending_rewards).unwrap();
		assert!(pending_11 > 0);
		// 11 (300 shares, one era) earned less than 12 (400 shares, every era).
		assert!(pending_11 < pending_12);
		assert_ok!(WorkToken::claim_rewards(RuntimeOrigin::signed(11), 10));
		assert_noop!(
			WorkToken::claim_rewards(RuntimeOrigin::signed(11), 10),
			Error::<Test>::NothingToClaim
		);
	});
}

#[test]
fn nobody_can_act_on_behalf_of_a_victim() {
	provider_with_delegators(|| {
		let victim_stake = held_stake(10);
		let victim_position = Delegations::<Test>::get(11, 10).unwrap();
		// An attacker (13) cannot move a delegator's position, claim its rewards, withdraw
		// it, or dispute for the provider (the market's tests show nobody can deliver or accept
		// another's job).
		assert_noop!(
			WorkToken::undelegate(RuntimeOrigin::signed(13), 10, 100),
			Error::<Test>::NotDelegator
		);
		assert_noop!(
			WorkToken::claim_rewards(RuntimeOrigin::signed(13), 10),
			Error::<Test>::NotDelegator
		);
		assert_noop!(
			WorkToken::withdraw_delegation(RuntimeOrigin::signed(13), 10),
			Error::<Test>::NotDelegator
		);
		oracle_reports(10, Severity::Minor, 0, 1);
		assert_noop!(
			WorkToken::dispute_slash(RuntimeOrigin::signed(13), 0),
			Error::<Test>::NotAccused
		);
		// Reporting costs a bond the attacker loses if the report is overturned.
		assert_ok!(WorkToken::report_offence(
			RuntimeOrigin::signed(13),
			10,
			Severity::Critical,
			0,
			evidence(9)
		));
		assert_ok!(WorkToken::dispute_slash(RuntimeOrigin::signed(10), 1));
		let attacker_free = free_balance(13);
		assert_ok!(WorkToken::resolve_dispute(RuntimeOrigin::root(), 1, crate::Verdict::Overturn));
		assert_eq!(free_balance(13), attacker_free, "the bond was taken, not returned");
		assert_eq!(Balances::balance_on_hold(&crate::HoldReason::ReportBond.into(), &13), 0);
		// The victims are untouched.
		assert_eq!(held_stake(10), victim_stake);
		assert_eq!(Delegations::<Test>::get(11, 10).unwrap(), victim_position);
	});
}

#[test]
fn a_zero_percent_slash_is_refused_as_nothing_to_slash() {
	provider_with_delegators(|| {
		let zero = crate::SlashFractions {
			minor: sp_runtime::Perbill::zero(),
			major: sp_runtime::Perbill::zero(),
			critical: sp_runtime::Perbill::zero(),
		};
		assert_ok!(WorkToken::set_slash_fractions(RuntimeOrigin::root(), zero));
		assert_noop!(
			WorkToken::report_offence(
				RuntimeOrigin::signed(ORACLE),
				10,
				Severity::Critical,
				0,
				evidence(1)
			),
			Error::<Test>::NothingToSlash
		);
	});
}

#[test]
fn a_provider_gone_after_full_withdrawal_cannot_be_reported() {
	ExtBuilder::default().provider(10, 1_000, Perbill::zero()).build_and_execute(|| {
		assert_ok!(WorkToken::unbond(RuntimeOrigin::signed(10), 1_000));
		run_to_era(UNBONDING_PERIOD);
		assert_ok!(WorkToken::withdraw_unbonded(RuntimeOrigin::signed(10)));
		assert!(!crate::Providers::<Test>::contains_key(10));
		// The offence era is still inside the report window, but nothing is left at risk.
		assert_noop!(
			WorkToken::report_offence(
				RuntimeOrigin::signed(ORACLE),
				10,
				Severity::Critical,
				UNBONDING_PERIOD - REPORT_WINDOW,
				evidence(1)
			),
			Error::<Test>::NotProvider
		);
	});
}

#[test]
fn many_pending_slashes_all_apply() {
	provider_with_delegators(|| {
		for n in 1..=4u8 {
			oracle_reports(10, Severity::Minor, 0, n);
		}
		// Nothing is bounded per provider: a fifth report is taken too ...
		oracle_reports(10, Severity::Minor, 0, 99);
		// ... and every pending slash applies, a few per block.
		run_to_era(DISPUTE_WINDOW);
		run_to_block(System::block_number() + 3);
		assert_eq!(crate::PendingSlashes::<Test>::iter().count(), 0);
		assert_eq!(held_stake(10), 1_000 - 5 * 100);
	});
}
