//! The read-only views behind `WorkTokenApi` (S23).

use crate::{mock::*, Pallet};

#[test]
fn summaries_reflect_state() {
	ExtBuilder::default().provider(10, 3_000, Perbill::from_percent(10)).build_and_execute(|| {
		assert!(Pallet::<Test>::provider_summary(&11).is_none());
		assert!(Pallet::<Test>::delegation_summary(&11, &10).is_none());
		assert_ok!(WorkToken::delegate(RuntimeOrigin::signed(11), 10, 600));
		assert_ok!(WorkToken::delegate(RuntimeOrigin::signed(12), 10, 400));
		assert_ok!(WorkToken::unbond(RuntimeOrigin::signed(10), 500));

		let p = Pallet::<Test>::provider_summary(&10).unwrap();
		assert_eq!((p.self_stake, p.self_unbonding, p.earning_self_stake), (2_500, 500, 2_500));
		// The delegations wait to enter until the next era.
		assert_eq!((p.delegated, p.entering, p.delegators), (0, 1_000, 2));
		assert_eq!(Pallet::<Test>::delegation_summary(&11, &10).unwrap().entering, 600);
		assert!(p.active && !p.leaving && !p.suspended);
		assert_eq!(p.commission, Perbill::from_percent(10));
		assert_eq!(p.min_delegation, MIN_DELEGATION);

		run_to_era(1);
		let p = Pallet::<Test>::provider_summary(&10).unwrap();
		assert_eq!((p.delegated, p.delegated_shares, p.entering), (1_000, 1_000, 0));
		crate::InflationRate::<Test>::put(Perbill::one());
		run_to_era(2);
		assert_ok!(WorkToken::undelegate(RuntimeOrigin::signed(11), 10, 100));
		let d = Pallet::<Test>::delegation_summary(&11, &10).unwrap();
		assert_eq!((d.shares, d.value), (500, 500));
		assert_eq!(d.unbonding, vec![(2 + UNBONDING_PERIOD, 100)]);
		assert!(d.pending_rewards > 0, "era 1 paid the pool");
		// What the view says is claimable is exactly what a claim pays.
		let free = free_balance(11);
		assert_ok!(WorkToken::claim_rewards(RuntimeOrigin::signed(11), 10));
		assert_eq!(free_balance(11), free + d.pending_rewards);

		let e = Pallet::<Test>::era_summary();
		assert_eq!((e.era, e.start_block, e.providers), (2, 2 * ERA_LENGTH, 1));
		assert_eq!(e.total_staked, 3_000);
		assert_eq!(e.total_delegated, 1_000);
		assert_eq!(e.era_emission, WorkToken::era_emission());
		assert_eq!(e.min_provider_stake, MIN_STAKE);
	});
}

#[test]
fn pending_slashes_view_shows_amounts_and_windows() {
	ExtBuilder::default().provider(10, 1_000, Perbill::zero()).build_and_execute(|| {
		assert!(Pallet::<Test>::pending_slashes_of(&10).is_empty());
		assert_ok!(WorkToken::report_offence(
			RuntimeOrigin::signed(ORACLE),
			10,
			crate::Severity::Minor,
			0,
			sp_core::H256::repeat_byte(1)
		));
		assert_ok!(WorkToken::dispute_slash(RuntimeOrigin::signed(10), 0));
		let [s] = Pallet::<Test>::pending_slashes_of(&10).try_into().unwrap();
		assert_eq!((s.id, s.reporter, s.own, s.pool, s.disputed), (0, Some(ORACLE), 100, 0, true));
		assert_eq!(s.dispute_window_end, DISPUTE_WINDOW);
		assert_eq!(s.dispute_timeout, DISPUTE_WINDOW + DISPUTE_TIMEOUT);
		let p = Pallet::<Test>::provider_summary(&10).unwrap();
		assert_eq!((p.pending_slashes, p.jailed_until, p.tombstoned), (1, None, false));
	});
}

#[test]
fn active_set_view_gives_selection_probabilities() {
	ExtBuilder::default()
		.provider(10, 3_000, Perbill::zero())
		.provider(11, 1_000, Perbill::zero())
		.build_and_execute(|| {
			let set = Pallet::<Test>::active_set_summary();
			assert_eq!(set.len(), 2);
			assert_eq!((set[0].provider, set[0].effective_stake), (10, 3_000));
			assert_eq!(set[0].selection_probability, Perbill::from_percent(75));
			assert_eq!(set[1].selection_probability, Perbill::from_percent(25));
			let p = Pallet::<Test>::provider_summary(&10).unwrap();
			assert!(p.active);
			assert_eq!((p.multiplier, p.chilled), (100, false));
		});
}
