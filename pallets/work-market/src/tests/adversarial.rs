//! Adversarial cases of issue 7 not covered elsewhere, one named test each; the full map of
//! cases to tests is in `docs/RELIABILITY.md`.
//!
//! These are the cases that need the market (jobs, challenges, reputation); the others are in
//! the work token's `tests/adversarial.rs`.

use crate::{mock::*, Error, JobQueueState};

#[test]
fn job_ids_near_u64_max_end_in_a_named_error_not_a_wrap() {
	ExtBuilder::default().provider(10, 2_000, Perbill::zero()).build_and_execute(|| {
		JobQueueState::<Test>::mutate(|q| {
			q.next_id = u64::MAX - 1;
			q.expiry_cursor = u64::MAX - 1;
			q.acceptance_cursor = u64::MAX - 1;
		});
		assert_ok!(WorkMarket::submit_job(RuntimeOrigin::signed(13), evidence(1), 10));
		assert_noop!(
			WorkMarket::submit_job(RuntimeOrigin::signed(13), evidence(1), 10),
			Error::<Test>::Overflow
		);
	});
}
