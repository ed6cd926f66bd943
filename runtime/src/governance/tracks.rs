//! Referendum tracks: who may decide what, how long each step takes and how much agreement it
//! needs.
//!
//! | id | track | origin it dispatches with | decides |
//! |---|---|---|---|
//! | 0 | `root` | `Root` | anything, including runtime upgrades and `ReporterOrigin` reports |
//! | 1 | `work_token_admin` | [`Origin::WorkTokenAdmin`] | slash fractions, slash cancellation, active-set mode, reputation tiers |
//! | 2 | `court_arbiter` | [`Origin::CourtArbiter`] | cases appealed past the court's last round; direct verdicts |
//! | 3 | `treasurer` | [`Origin::Treasurer`] | treasury spends up to `MaxTreasurerSpend` |
//! | 4 | `referendum_canceller` | [`Origin::ReferendumCanceller`] | cancelling or killing a referendum (so a spam root referendum cannot hold the only root slot) |
//!
//! The runtime uses [`DEV_PERIODS`]: a referendum on `work_token_admin` is enacted about ten
//! blocks after its submission, ten seconds on `--dev`. [`PRODUCTION_PERIODS`] documents the
//! periods a production chain should use (hours and days, as on Polkadot's OpenGov tracks of
//! the same weight); such a chain must scale the protocol's own windows with them (eras, the
//! court's periods, `ChallengeTimeout`, `DisputeTimeout`), because the `court_arbiter` and
//! `work_token_admin` tracks must be able to act before the deadlines they serve (the runtime's
//! tests check this for the dev periods).

use super::origins::Origin;
use crate::{Balance, BlockNumber, OriginCaller, SLOT_DURATION, UNIT};
use alloc::borrow::Cow;
use pallet_referenda::{Curve, Track, TrackInfo};
use sp_runtime::{str_array as s, Perbill};

/// Blocks per hour at the local testnet's slot length.
const HOURS: BlockNumber = (60 * 60 * 1_000 / SLOT_DURATION) as BlockNumber;
/// Blocks per day at the local testnet's slot length.
pub const DAYS: BlockNumber = 24 * HOURS;

/// The periods of one track, in blocks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Periods {
	/// Submitted referenda wait this long before they may be decided.
	pub prepare: BlockNumber,
	/// The longest a decision may take before the referendum is rejected.
	pub decision: BlockNumber,
	/// How long approval and support must hold before the referendum passes.
	pub confirm: BlockNumber,
	/// The least time between passing and dispatching the call.
	pub min_enactment: BlockNumber,
}

impl Periods {
	/// The fewest blocks from submission to dispatch: prepare, confirm, enact.
	pub const fn fastest(&self) -> BlockNumber {
		self.prepare + self.confirm + self.min_enactment
	}
}

/// Dev speed, per track in id order: seconds of blocks.
pub const DEV_PERIODS: [Periods; 5] = [
	Periods { prepare: 2, decision: 40, confirm: 3, min_enactment: 2 },
	Periods { prepare: 2, decision: 40, confirm: 2, min_enactment: 1 },
	Periods { prepare: 1, decision: 40, confirm: 1, min_enactment: 1 },
	Periods { prepare: 2, decision: 40, confirm: 2, min_enactment: 1 },
	Periods { prepare: 1, decision: 40, confirm: 1, min_enactment: 1 },
];

/// Production speed, per track in id order (2-second blocks). Documentation and reference:
/// the dev runtime does not use it.
pub const PRODUCTION_PERIODS: [Periods; 5] = [
	Periods { prepare: 2 * HOURS, decision: 28 * DAYS, confirm: DAYS, min_enactment: DAYS },
	Periods { prepare: 2 * HOURS, decision: 14 * DAYS, confirm: 3 * HOURS, min_enactment: DAYS },
	Periods { prepare: HOURS, decision: 7 * DAYS, confirm: 3 * HOURS, min_enactment: HOURS },
	Periods { prepare: 2 * HOURS, decision: 14 * DAYS, confirm: 3 * HOURS, min_enactment: DAYS },
	Periods { prepare: HOURS, decision: 7 * DAYS, confirm: 3 * HOURS, min_enactment: 5 },
];

/// Approval (conviction-weighted ayes over all conviction-weighted votes) starts at 100% and
/// falls linearly to `floor` percent at the end of the decision period.
const fn approval(floor: u32) -> Curve {
	Curve::LinearDecreasing {
		length: Perbill::from_percent(100),
		floor: Perbill::from_percent(floor),
		ceil: Perbill::from_percent(100),
	}
}

/// Support (ayes before conviction over the active issuance) starts at `ceil_bp` and falls
/// linearly to `floor_bp` basis points at the end of the decision period. The floor is never
/// zero: an unopposed aye of a few tokens cannot pass a track by waiting.
const fn support(ceil_bp: u32, floor_bp: u32) -> Curve {
	Curve::LinearDecreasing {
		length: Perbill::from_percent(100),
		floor: Perbill::from_parts(floor_bp * 100_000),
		ceil: Perbill::from_parts(ceil_bp * 100_000),
	}
}

/// Track `id` named `name`, with `max_deciding` referenda decided at once, a decision deposit
/// of `deposit` and the approval floor and support curve given.
const fn track(
	id: u16,
	name: &str,
	max_deciding: u32,
	deposit: Balance,
	approval_floor: u32,
	support_bp: (u32, u32),
) -> Track<u16, Balance, BlockNumber> {
	let periods = DEV_PERIODS[id as usize];
	Track {
		id,
		info: TrackInfo {
			name: s(name),
			max_deciding,
			decision_deposit: deposit,
			prepare_period: periods.prepare,
			decision_period: periods.decision,
			confirm_period: periods.confirm,
			min_enactment_period: periods.min_enactment,
			min_approval: approval(approval_floor),
			min_support: support(support_bp.0, support_bp.1),
		},
	}
}

/// The tracks, sorted by id. Support: root from 50% of the active issuance down to 5%, the
/// others from 2% down to 0.5%. The dev chain's 24 million `WORK` are mostly in idle endowed
/// accounts; its three genesis providers hold about a million each, so one of them passes a
/// track-1 referendum on its own, and three a root referendum.
static TRACKS: [Track<u16, Balance, BlockNumber>; 5] = [
	track(0, "root", 1, 1_000 * UNIT, 50, (5_000, 500)),
	track(1, "work_token_admin", 10, 100 * UNIT, 50, (200, 50)),
	track(2, "court_arbiter", 10, 100 * UNIT, 50, (200, 50)),
	track(3, "treasurer", 10, 100 * UNIT, 50, (200, 50)),
	track(4, "referendum_canceller", 10, 100 * UNIT, 50, (200, 50)),
];

/// The tracks of `pallet-referenda`.
pub struct TracksInfo;
impl pallet_referenda::TracksInfo<Balance, BlockNumber> for TracksInfo {
	type Id = u16;
	type RuntimeOrigin =
		<crate::RuntimeOrigin as frame_support::traits::OriginTrait>::PalletsOrigin;

	fn tracks() -> impl Iterator<Item = Cow<'static, Track<Self::Id, Balance, BlockNumber>>> {
		TRACKS.iter().map(Cow::Borrowed)
	}

	fn track_for(origin: &Self::RuntimeOrigin) -> Result<Self::Id, ()> {
		match origin {
			OriginCaller::system(frame_system::RawOrigin::Root) => Ok(0),
			OriginCaller::Origins(Origin::WorkTokenAdmin) => Ok(1),
			OriginCaller::Origins(Origin::CourtArbiter) => Ok(2),
			OriginCaller::Origins(Origin::Treasurer) => Ok(3),
			OriginCaller::Origins(Origin::ReferendumCanceller) => Ok(4),
			_ => Err(()),
		}
	}
}
