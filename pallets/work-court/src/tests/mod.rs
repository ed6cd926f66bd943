//! Tests of the court, wired to the real work token and market in [`crate::mock`], split by
//! topic. Every test runs through [`ExtBuilder::build_and_execute`], which checks the three
//! pallets' `try_state` invariants and conservation when the test body ends.
//!
//! [`ExtBuilder::build_and_execute`]: crate::mock::ExtBuilder::build_and_execute

mod appeals;
mod cases;
mod fuzz;
mod jury;
mod locks;
mod votes;
