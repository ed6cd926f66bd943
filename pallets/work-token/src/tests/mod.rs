//! Unit tests, split by topic. Every test runs through [`ExtBuilder::build_and_execute`], which
//! checks the pallet's `try_state` invariants when the test body ends.
//!
//! [`ExtBuilder::build_and_execute`]: crate::mock::ExtBuilder::build_and_execute

mod adversarial;
mod api;
mod attack_exits;
mod attack_exposure;
mod attack_governance;
mod attack_reports;
mod attack_standing;
mod commission;
mod delegation;
mod disputes;
mod era;
mod examples;
mod invariants;
mod issuance_props;
mod leaving;
mod ledger_props;
mod register;
mod reward_props;
mod rewards;
mod selection;
mod share_props;
mod slash_props;
mod slashing;
mod stake;
mod treasury;
