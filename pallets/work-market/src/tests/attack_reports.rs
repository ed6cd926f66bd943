//! Attacks on reporting (S28): a provider with puppet accounts tries to block, pre-empt or
//! downgrade the report that would punish it. Each test plays one attack and shows the rule
//! that defeats it.
//!
//! These are the cases that need the market (jobs, challenges, reputation); the others are in
//! the work token's `tests/attack_reports.rs`.

use crate::{mock::*, Event};
use pallet_work_token::{PendingSlashes, Severity};
use sp_runtime::traits::Hash;

#[test]
fn a_puppet_cannot_pre_empt_the_markets_own_report() {
	ExtBuilder::default().provider(10, 1_000, Perbill::zero()).build_and_execute(|| {
		let id = assigned(14, 10);
		// The market's evidence for job `id` is predictable; a puppet reports it first.
		let market_evidence =
			<Test as frame_system::Config>::Hashing::hash_of(&(b"work-token/job", id));
		assert_ok!(WorkToken::report_offence(
			RuntimeOrigin::signed(13),
			10,
			Severity::Minor,
			0,
			market_evidence
		));
		// The deadline passes: the market still reports its own incident.
		let deadline = crate::Jobs::<Test>::get(id).unwrap().deadline;
		run_to_block(deadline + 1);
		System::assert_has_event(
			Event::JobFailed { id, client: 14, provider: 10, refund: 10, offence_reported: true }
				.into(),
		);
		assert_eq!(PendingSlashes::<Test>::iter().count(), 2);
	});
}
