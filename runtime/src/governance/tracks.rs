//! Referendum tracks: who may decide what, how long each step takes and how much agreement it
//! needs.
//!
//! | id | track | origin it dispatches with | decides |
//! |---|---|---|---|
//! | 0 | `root` | `Root` | anything, including runtime upgrades and `ReporterOrigin` reports |
//! | 1 | `work_token_admin` | [`Origin::WorkTokenAdmin`] | slash fractions, minimum stake, active-set mode, reputation tiers |
//! | 2 | `court_arbiter` | [`Origin::CourtArbiter`] | cases appealed past the court's last round; direct verdicts |
//! | 3 | `treasurer` | [`Origin::Treasurer`] | treasury spends up to `MaxTreasurerSpend` |
//!
//! The runtime is built with [`DEV_PERIODS`]: a referendum on `work_token_admin` is decided
//! and enacted about ten blocks after it is submitted, ten seconds on `--dev`. A production
//! chain builds with the `production-governance` feature, which uses
//! [`PRODUCTION_PERIODS`] (days, as on Polkadot's OpenGov tracks of the same weight).

use super::origins::Origin;
use crate::{Balance, BlockNumber, OriginCaller, UNIT};
use alloc::borrow::Cow;
use pallet_referenda::{Curve, Track, TrackInfo};
use sp_runtime::{str_array as s, Perbill};

/// Blocks per day at the local testnet's 2-second slots (production chains recompute this
/// from their own block time).
const DAYS: BlockNumber = 24 * 60 * 60 / 2;
/// Blocks per hour at 2-second slots.
const HOURS: BlockNumber = 60 * 60 / 2;

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

/// Dev speed, per track in id order: seconds of blocks.
pub const DEV_PERIODS: [Periods; 4] = [
	Periods { prepare: 2, decision: 40, confirm: 3, min_enactment: 2 },
	Periods { prepare: 2, decision: 40, confirm: 2, min_enactment: 1 },
	Periods { prepare: 2, decision: 40, confirm: 2, min_enactment: 1 },
	Periods { prepare: 2, decision: 40, confirm: 2, min_enactment: 1 },
];

/// Production speed, per track in id order (2-second blocks).
pub const PRODUCTION_PERIODS: [Periods; 4] = [
	Periods { prepare: 2 * HOURS, decision: 28 * DAYS, confirm: DAYS, min_enactment: DAYS },
	Periods { prepare: 2 * HOURS, decision: 14 * DAYS, confirm: 3 * HOURS, min_enactment: DAYS },
	Periods { prepare: HOURS, decision: 7 * DAYS, confirm: 3 * HOURS, min_enactment: HOURS },
	Periods { prepare: 2 * HOURS, decision: 14 * DAYS, confirm: 3 * HOURS, min_enactment: DAYS },
];

/// The periods this runtime is built with.
#[cfg(not(feature = "production-governance"))]
pub const PERIODS: [Periods; 4] = DEV_PERIODS;
/// The periods this runtime is built with.
#[cfg(feature = "production-governance")]
pub const PERIODS: [Periods; 4] = PRODUCTION_PERIODS;

/// Approval (conviction-weighted ayes over all conviction-weighted votes) starts at 100% and
/// falls linearly to `floor` at the end of the decision period.
const fn approval(floor: u32) -> Curve {
	Curve::LinearDecreasing {
		length: Perbill::from_percent(100),
		floor: Perbill::from_percent(floor),
		ceil: Perbill::from_percent(100),
	}
}

/// Support (ayes before conviction over the total issuance) starts at `ceil_bp` basis points
/// and falls linearly to zero at the end of the decision period.
const fn support(ceil_bp: u32) -> Curve {
	Curve::LinearDecreasing {
		length: Perbill::from_percent(100),
		floor: Perbill::from_parts(0),
		ceil: Perbill::from_parts(ceil_bp * 100_000),
	}
}

/// Track `id` named `name`, with `max_deciding` referenda decided at once, a decision deposit
/// of `deposit` and the approval floor and support ceiling given.
const fn track(
	id: u16,
	name: &str,
	max_deciding: u32,
	deposit: Balance,
	approval_floor: u32,
	support_ceil_bp: u32,
) -> Track<u16, Balance, BlockNumber> {
	let periods = PERIODS[id as usize];
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
			min_support: support(support_ceil_bp),
		},
	}
}

/// The tracks, sorted by id. Support ceilings: 50% of issuance (root) falling to zero; 1% for
/// the others. The dev chain's 24 million `WORK` are mostly in idle endowed accounts, so a
/// provider voting one million `WORK` (about 4%) passes a track-1 referendum on its own.
static TRACKS: [Track<u16, Balance, BlockNumber>; 4] = [
	track(0, "root", 1, 1_000 * UNIT, 50, 5_000),
	track(1, "work_token_admin", 10, 100 * UNIT, 50, 100),
	track(2, "court_arbiter", 10, 100 * UNIT, 50, 100),
	track(3, "treasurer", 10, 100 * UNIT, 50, 100),
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
			_ => Err(()),
		}
	}
}
