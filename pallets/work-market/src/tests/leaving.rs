//! `deregister` and `kick` (S3, S37): every effect and every error.

use crate::{mock::*, Event};
use pallet_work_token::Error as TokenError;

#[test]
fn a_leaving_provider_takes_no_stake_delegation_or_work_but_delegators_exit() {
	provider_with_delegators(|| {
		assert_ok!(WorkToken::unbond(RuntimeOrigin::signed(10), 100));
		assert_ok!(WorkToken::deregister(RuntimeOrigin::signed(10)));
		for call in [
			WorkToken::bond_extra(RuntimeOrigin::signed(10), 100),
			WorkToken::rebond(RuntimeOrigin::signed(10), 100).map(|_| ()).map_err(|e| e.error),
			WorkToken::unchill(RuntimeOrigin::signed(10)),
			WorkToken::deregister(RuntimeOrigin::signed(10)),
			WorkToken::delegate(RuntimeOrigin::signed(13), 10, 100),
		] {
			assert_eq!(call, Err(TokenError::<Test>::ProviderLeaving.into()));
		}
		// Delegators can still leave.
		assert_ok!(WorkToken::undelegate(RuntimeOrigin::signed(11), 10, 600));
		// A job submitted now is never given to it.
		assert_ok!(WorkMarket::submit_job(RuntimeOrigin::signed(14), evidence(1), 10));
		next_block();
		System::assert_has_event(
			Event::JobUnassigned {
				id: 0,
				client: 14,
				fee: 10,
				reason: crate::Unassigned::NoActiveProvider,
			}
			.into(),
		);
	});
}
