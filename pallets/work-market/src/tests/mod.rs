//! Tests of the market, wired to the real work token in [`crate::mock`], split by topic. Every
//! test runs through [`ExtBuilder::build_and_execute`], which checks both pallets' `try_state`
//! invariants and conservation when the test body ends.
//!
//! [`ExtBuilder::build_and_execute`]: crate::mock::ExtBuilder::build_and_execute

mod adversarial;
mod attack_exposure;
mod attack_governance;
mod attack_market;
mod attack_payouts;
mod attack_reports;
mod attack_standing;
mod fuzz;
mod jobs;
mod leaving;
mod market_sim;
mod selection;
