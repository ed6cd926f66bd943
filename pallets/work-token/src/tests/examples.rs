//! Worked examples embedded in the crate documentation (through `docify`) and run as tests.

use crate::{mock::*, Event};

/// A provider registers, unbonds part of its stake, waits out the unbonding period and
/// withdraws it.
#[docify::export]
#[test]
fn provider_lifecycle_example() {
	ExtBuilder::default().build_and_execute(|| {
		// Account 10 registers with 1,000 units of stake and 5% commission.
		assert_ok!(WorkToken::register_provider(
			RuntimeOrigin::signed(10),
			1_000,
			Perbill::from_percent(5)
		));
		assert_eq!(held_stake(10), 1_000);
		assert_eq!(free_balance(10), ENDOWMENT - 1_000);

		// It unbonds 400 in era 0; they unlock in era 0 + UNBONDING_PERIOD.
		assert_ok!(WorkToken::unbond(RuntimeOrigin::signed(10), 400));
		System::assert_last_event(
			Event::Unbonded { provider: 10, amount: 400, unlock_era: UNBONDING_PERIOD }.into(),
		);

		// Nothing can be withdrawn before the unlock era.
		run_to_era(UNBONDING_PERIOD - 1);
		assert_noop!(
			WorkToken::withdraw_unbonded(RuntimeOrigin::signed(10)),
			crate::Error::<Test>::NothingToWithdraw
		);

		// From the unlock era on, the 400 return to the free balance; 600 stay bonded. (The
		// free balance has also grown by the era rewards the provider earned meanwhile.)
		run_to_era(UNBONDING_PERIOD);
		let free_before = free_balance(10);
		assert_ok!(WorkToken::withdraw_unbonded(RuntimeOrigin::signed(10)));
		System::assert_last_event(Event::Withdrawn { provider: 10, amount: 400 }.into());
		assert_eq!(held_stake(10), 600);
		assert_eq!(free_balance(10), free_before + 400);
	});
}
