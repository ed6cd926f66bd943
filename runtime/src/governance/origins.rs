//! The custom origins of the work-token chain's governance: one per referendum track below
//! root. A referendum on a track, once approved, dispatches its call with that track's origin;
//! the pallets accept it where their `Config` says so (see `configs.rs`).

pub use pallet_custom_origins::*;

/// A minimal pallet whose only item is the governance origin.
#[frame_support::pallet]
pub mod pallet_custom_origins {
	use frame_support::pallet_prelude::*;

	/// No configuration: the pallet only declares an origin.
	#[pallet::config]
	pub trait Config: frame_system::Config {}

	/// The pallet.
	#[pallet::pallet]
	pub struct Pallet<T>(_);

	/// The origins a referendum on a track below root dispatches with.
	#[derive(
		PartialEq, Eq, Clone, MaxEncodedLen, Encode, Decode, DecodeWithMemTracking, TypeInfo, Debug,
	)]
	#[pallet::origin]
	pub enum Origin {
		/// The work token's and the market's parameters: slash fractions, slash cancellation,
		/// active-set mode, reputation tiers (their `AdminOrigin`).
		WorkTokenAdmin,
		/// The last word on a disputed slash or a challenged job: the court's fallback after
		/// its last appeal round, and the pallets' `ArbiterOrigin`.
		CourtArbiter,
		/// Treasury spends up to [`crate::governance::configs::MaxTreasurerSpend`].
		Treasurer,
		/// Cancels or kills a referendum (`pallet-referenda`'s `CancelOrigin` and
		/// `KillOrigin`).
		ReferendumCanceller,
	}

	/// Why a vote was refused (see [`crate::governance::voting::NoVoteOnOwnCase`]).
	#[pallet::error]
	pub enum Error<T> {
		/// The voter has a pending slash: it may not vote on the `work_token_admin` or
		/// `court_arbiter` tracks, which decide slashes and their disputes.
		AccusedMayNotVote,
	}

	/// Implements `EnsureOrigin` for a unit struct that accepts exactly one [`Origin`] variant.
	macro_rules! ensure_unit_origin {
		($($name:ident),* $(,)?) => { $(
			#[doc = concat!("Accepts only the `", stringify!($name), "` origin.")]
			pub struct $name;
			impl<O: OriginTrait + From<Origin>> EnsureOrigin<O> for $name
			where
				for<'a> &'a O::PalletsOrigin: TryInto<&'a Origin>,
			{
				type Success = ();
				fn try_origin(o: O) -> Result<Self::Success, O> {
					match o.caller().try_into() {
						Ok(Origin::$name) => return Ok(()),
						_ => (),
					}
					Err(o)
				}
				#[cfg(feature = "runtime-benchmarks")]
				fn try_successful_origin() -> Result<O, ()> {
					Ok(O::from(Origin::$name))
				}
			}
		)* };
	}
	ensure_unit_origin!(WorkTokenAdmin, CourtArbiter, Treasurer, ReferendumCanceller);
}
