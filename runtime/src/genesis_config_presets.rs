//! Genesis presets `development` and `local_testnet` (SPEC S24).

use crate::{AccountId, BalancesConfig, RuntimeGenesisConfig, SudoConfig, WorkTokenConfig, UNIT};
use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::Sr25519Keyring;
use sp_runtime::Perbill;

/// Free balance of each endowed dev account: one million `WORK`.
pub const ENDOWMENT: u128 = 1_000_000 * UNIT;

/// Genesis with `endowed` accounts, `root` as sudo and `providers` registered.
fn genesis(
	endowed: Vec<AccountId>,
	root: AccountId,
	providers: Vec<(AccountId, u128, Perbill)>,
) -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed.iter().cloned().map(|k| (k, ENDOWMENT)).collect::<Vec<_>>(),
		},
		sudo: SudoConfig { key: Some(root) },
		work_token: WorkTokenConfig { providers },
	})
}

/// `development`: Alice is sudo; all well-known accounts are endowed; no providers yet, so
/// every work-token call starts from a clean market.
pub fn development_config_genesis() -> Value {
	genesis(
		Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect(),
		Sr25519Keyring::Alice.to_account_id(),
		vec![],
	)
}

/// `local_testnet`: like development, with Charlie and Dave registered as providers.
pub fn local_config_genesis() -> Value {
	genesis(
		Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect(),
		Sr25519Keyring::Alice.to_account_id(),
		vec![
			(Sr25519Keyring::Charlie.to_account_id(), 1_000 * UNIT, Perbill::from_percent(5)),
			(Sr25519Keyring::Dave.to_account_id(), 2_000 * UNIT, Perbill::from_percent(10)),
		],
	)
}

/// The JSON of preset `id`, if there is one.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_config_genesis(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_config_genesis(),
		_ => return None,
	};
	Some(
		serde_json::to_string(&patch)
			.expect("serialization to json is expected to work. qed.")
			.into_bytes(),
	)
}

/// Names of the presets.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
	]
}
