//! Token-holder governance (S39): OpenGov referenda with conviction voting, one track per
//! kind of decision, and the origins those tracks dispatch with.
//!
//! How it fits together:
//! - `pallet-preimage` stores the call a referendum proposes.
//! - `pallet-referenda` runs each referendum on the track its origin picks
//!   ([`tracks::TracksInfo`]).
//! - `pallet-conviction-voting` tallies the votes: each `WORK` voted counts 0.1× unlocked, or
//!   1×…6× when the voter locks it for 1…32 lock periods after the referendum ends.
//! - `pallet-scheduler` dispatches the approved call with the track's origin.
//! - The pallets accept these origins where their `Config` says so (see `configs.rs`).
//! - An account with a pending slash may not vote on the tracks that decide slashes
//!   ([`voting::NoVoteOnOwnCase`]).

pub mod configs;
pub mod origins;
pub mod tracks;
pub mod voting;

pub use origins::{
	pallet_custom_origins, CourtArbiter, ReferendumCanceller, Treasurer, WorkTokenAdmin,
};
