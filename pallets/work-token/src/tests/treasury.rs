//! `ToTreasury` (S40): protocol revenue arrives in the treasury account and is counted by era;
//! without a treasury account it is burnt.

use crate::{mock::*, Event, ToTreasury, TreasuryIncome};
use frame_support::traits::{fungible::Balanced, OnUnbalanced};

const TREASURY: AccountId = 99;

/// Mints `amount` (recorded for the conservation check) and hands it to `ToTreasury`.
fn pay_revenue(amount: Balance) {
	record_mint(amount);
	ToTreasury::<Test>::on_unbalanced(<Balances as Balanced<AccountId>>::issue(amount));
}

fn with_treasury(test: impl FnOnce()) {
	ExtBuilder::default().build_and_execute(|| {
		TreasuryAccountOf::set(Some(TREASURY));
		test();
		TreasuryAccountOf::set(None);
	});
}

#[test]
fn revenue_arrives_in_the_treasury_and_is_counted() {
	with_treasury(|| {
		let before = issuance();
		pay_revenue(500);
		assert_eq!(free_balance(TREASURY), 500);
		assert_eq!(issuance(), before + 500);
		assert!(work_token_events().contains(&Event::TreasuryDeposited { amount: 500 }));
		let summary = WorkToken::era_summary();
		assert_eq!(summary.treasury_balance, 500);
		assert_eq!((summary.treasury_income, summary.treasury_income_last_era), (500, 0));
	});
}

#[test]
fn income_is_counted_per_era_and_rolls_over() {
	with_treasury(|| {
		pay_revenue(100);
		pay_revenue(20);
		run_to_era(1);
		// Nothing arrived in era 1 yet: last era's 120 shows as last era's.
		assert_eq!(WorkToken::treasury_income(), (0, 120));
		pay_revenue(30);
		assert_eq!(WorkToken::treasury_income(), (30, 120));
		assert_eq!(TreasuryIncome::<Test>::get().era, 1);
		// Two eras without revenue: both counts read zero.
		run_to_era(3);
		assert_eq!(WorkToken::treasury_income(), (0, 0));
		assert_eq!(WorkToken::era_summary().treasury_balance, 150);
	});
}

#[test]
fn without_a_treasury_revenue_is_burnt_and_not_counted() {
	ExtBuilder::default().build_and_execute(|| {
		let before = issuance();
		let credit = <Balances as Balanced<AccountId>>::issue(70);
		assert_eq!(issuance(), before + 70);
		ToTreasury::<Test>::on_unbalanced(credit);
		assert_eq!(issuance(), before);
		assert_eq!(WorkToken::treasury_income(), (0, 0));
		assert_eq!(WorkToken::era_summary().treasury_balance, 0);
		assert!(!work_token_events().iter().any(|e| matches!(e, Event::TreasuryDeposited { .. })));
		assert!(work_token_events().contains(&Event::RevenueBurnt { amount: 70 }));
	});
}
