//! Storage migrations of the pallet.
//!
//! The pallet's in-code storage version is 0 and no migration exists yet. When storage
//! changes, add a module here (e.g. `v1`) with a `VersionedMigration` from 0 to 1 and list it in
//! [`Migrations`]; runtimes that include [`Migrations`] in their executive pick it up.

/// Every migration of this pallet, in order. Runtimes pass it to `frame_executive::Executive`
/// as (part of) their `OnRuntimeUpgrade` migrations.
pub type Migrations = ();
