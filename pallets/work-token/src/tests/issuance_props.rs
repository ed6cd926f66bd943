//! Property: over random sequences of calls and era boundaries, total issuance changes only by
//! the emission the pallet reports minting (plus the one-off existential deposit that keeps the
//! delegation account alive), and every storage invariant holds after every step.

use crate::{mock::*, Event, Pallet};
use frame_support::traits::fungible::Inspect;
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Step {
	Delegate(u8, u8, u16),
	Undelegate(u8, u8, u16),
	Withdraw(u8, u8),
	Claim(u8, u8),
	Compound(u8, u8),
	Unbond(u8, u16),
	BondExtra(u8, u16),
	Blocks(u8),
}

fn step() -> impl Strategy<Value = Step> {
	prop_oneof![
		(0u8..4, 0u8..2, 0u16..2_000).prop_map(|(d, p, a)| Step::Delegate(d, p, a)),
		(0u8..4, 0u8..2, 0u16..2_000).prop_map(|(d, p, a)| Step::Undelegate(d, p, a)),
		(0u8..4, 0u8..2).prop_map(|(d, p)| Step::Withdraw(d, p)),
		(0u8..4, 0u8..2).prop_map(|(d, p)| Step::Claim(d, p)),
		(0u8..4, 0u8..2).prop_map(|(d, p)| Step::Compound(d, p)),
		(0u8..2, 0u16..500).prop_map(|(p, a)| Step::Unbond(p, a)),
		(0u8..2, 0u16..500).prop_map(|(p, a)| Step::BondExtra(p, a)),
		(1u8..25).prop_map(Step::Blocks),
	]
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(10_000))]

	#[test]
	fn issuance_moves_only_by_reported_emission(steps in prop::collection::vec(step(), 1..25)) {
		ExtBuilder::default()
			.provider(10, 2_000, Perbill::from_percent(5))
			.provider(11, 3_000, Perbill::from_percent(15))
			.build_and_execute(|| {
				let start = Balances::total_issuance();
				let mut minted: Balance = 0;
				let mut block = System::block_number();
				let provider = |p: u8| 10 + u64::from(p);
				let delegator = |d: u8| 12 + u64::from(d);
				for step in steps {
					System::reset_events();
					let origin = |who| RuntimeOrigin::signed(who);
					let _ = match step {
						Step::Delegate(d, p, a) =>
							WorkToken::delegate(origin(delegator(d)), provider(p), a.into()),
						Step::Undelegate(d, p, a) =>
							WorkToken::undelegate(origin(delegator(d)), provider(p), a.into()),
						Step::Withdraw(d, p) =>
							WorkToken::withdraw_delegation(origin(delegator(d)), provider(p)).map(|_| ()).map_err(|e| e.error),
						Step::Claim(d, p) =>
							WorkToken::claim_rewards(origin(delegator(d)), provider(p)),
						Step::Compound(d, p) =>
							WorkToken::set_auto_compound(origin(delegator(d)), provider(p), true),
						Step::Unbond(p, a) => WorkToken::unbond(origin(provider(p)), a.into()),
						Step::BondExtra(p, a) => WorkToken::bond_extra(origin(provider(p)), a.into()),
						Step::Blocks(n) => {
							block += u64::from(n);
							run_to_block(block);
							Ok(())
						},
					};
					minted += work_token_events()
						.into_iter()
						.filter_map(|e| match e {
							Event::EraRewarded { emission, .. } => Some(emission),
							_ => None,
						})
						.sum::<Balance>();
					let endowed = Balances::balance(&Pallet::<Test>::delegation_account()) > 0;
					let expected = start + minted + if endowed { ED } else { 0 };
					assert_eq!(Balances::total_issuance(), expected);
					WorkToken::do_try_state().expect("invariants hold after every step");
				}
			});
	}
}
