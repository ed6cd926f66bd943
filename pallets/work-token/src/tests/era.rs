//! Era progression in `on_initialize`.

use crate::{mock::*, CurrentEra, EraStartBlock, Event};

#[test]
fn eras_start_every_era_length_blocks() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(CurrentEra::<Test>::get(), 0);
		run_to_block(ERA_LENGTH - 1);
		assert_eq!(CurrentEra::<Test>::get(), 0);
		run_to_block(ERA_LENGTH);
		assert_eq!(CurrentEra::<Test>::get(), 1);
		assert_eq!(EraStartBlock::<Test>::get(), ERA_LENGTH);
		System::assert_has_event(Event::NewEra { era: 1, start_block: ERA_LENGTH }.into());
		run_to_block(3 * ERA_LENGTH);
		assert_eq!(CurrentEra::<Test>::get(), 3);
		assert_eq!(EraStartBlock::<Test>::get(), 3 * ERA_LENGTH);
		System::assert_has_event(Event::NewEra { era: 3, start_block: 3 * ERA_LENGTH }.into());
		assert!(!work_token_events_since_last_call().is_empty());
		run_to_block(3 * ERA_LENGTH + 1);
		assert_eq!(CurrentEra::<Test>::get(), 3);
		assert!(
			work_token_events_since_last_call().is_empty(),
			"a block inside an era emits no era event"
		);
	});
}

#[test]
fn idle_blocks_read_only_the_slash_queue_and_era_blocks_declare_weight() {
	use crate::WeightInfo;
	use frame_support::traits::Hooks;
	ExtBuilder::default().build_and_execute(|| {
		// An idle block reads the slash queue's cursor and nothing else.
		let idle = <() as WeightInfo>::apply_due_slashes(0);
		assert_eq!(WorkToken::on_initialize(ERA_LENGTH + 1), idle);
		assert_eq!(
			WorkToken::on_initialize(2 * ERA_LENGTH),
			<() as WeightInfo>::new_era(0).saturating_add(idle)
		);
	});
}

#[test]
fn integrity_test_passes_for_mock() {
	use frame_support::traits::Hooks;
	new_test_ext().execute_with(WorkToken::integrity_test);
}
