//! Genesis presets `development` and `local_testnet` (SPEC S24).

use crate::{
	AccountId, AuraConfig, BalancesConfig, GrandpaConfig, RuntimeGenesisConfig, SudoConfig,
	WorkTokenConfig, UNIT,
};
use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use pallet_work_token::ActiveSetMode;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};
use sp_runtime::Perbill;

/// Free balance of each endowed dev account: one million `WORK`.
pub const ENDOWMENT: u128 = 1_000_000 * UNIT;

/// The active-set mode of both presets: room for 16 providers. With fewer eligible providers
/// than that, the minimum stake stays at its floor, so anyone can join the dev market.
const DEV_ACTIVE_SET: ActiveSetMode = ActiveSetMode::Static(16);

/// Genesis with the block authors `authorities` (Aura and GRANDPA keys), `endowed` accounts,
/// `root` as sudo, `providers` registered and `delegations` made.
fn genesis(
	authorities: Vec<(AuraId, GrandpaId)>,
	endowed: Vec<AccountId>,
	root: AccountId,
	providers: Vec<(AccountId, u128, Perbill)>,
	delegations: Vec<(AccountId, AccountId, u128)>,
) -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		aura: AuraConfig {
			authorities: authorities.iter().map(|(aura, _)| aura.clone()).collect::<Vec<_>>(),
		},
		grandpa: GrandpaConfig {
			authorities: authorities
				.iter()
				.map(|(_, grandpa)| (grandpa.clone(), 1))
				.collect::<Vec<_>>(),
		},
		balances: BalancesConfig {
			balances: endowed.iter().cloned().map(|k| (k, ENDOWMENT)).collect::<Vec<_>>(),
		},
		sudo: SudoConfig { key: Some(root) },
		work_token: WorkTokenConfig {
			providers,
			delegations,
			active_set_mode: Some(DEV_ACTIVE_SET),
		},
	})
}

fn id(k: Sr25519Keyring) -> AccountId {
	k.to_account_id()
}

/// The Aura (sr25519) and GRANDPA (ed25519) keys of a well-known account: the keys that
/// `--alice`, `--bob` … insert into the node's keystore.
fn authority(aura: Sr25519Keyring, grandpa: Ed25519Keyring) -> (AuraId, GrandpaId) {
	(aura.public().into(), grandpa.public().into())
}

/// `development`: Alice is sudo; all well-known accounts are endowed. A live market: the
/// stash accounts of Alice, Bob and Charlie are providers (5,000, 3,000 and 2,000 WORK) with
/// delegations from the stashes of Dave, Eve and Ferdie, all in the active set at block 0.
/// The plain dev accounts (Alice … Ferdie) start with nothing staked. Alice is the only
/// authority; the dev node seals blocks itself (manual seal) and never runs GRANDPA.
pub fn development_config_genesis() -> Value {
	use Sr25519Keyring::*;
	genesis(
		vec![authority(Alice, Ed25519Keyring::Alice)],
		Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect(),
		id(Alice),
		vec![
			(id(AliceStash), 5_000 * UNIT, Perbill::from_percent(5)),
			(id(BobStash), 3_000 * UNIT, Perbill::from_percent(10)),
			(id(CharlieStash), 2_000 * UNIT, Perbill::zero()),
		],
		vec![
			(id(DaveStash), id(AliceStash), 1_000 * UNIT),
			(id(EveStash), id(BobStash), 800 * UNIT),
			(id(FerdieStash), id(CharlieStash), 500 * UNIT),
		],
	)
}

/// `local_testnet`: Alice and Bob author blocks (Aura) and finalize them (GRANDPA). Charlie
/// and Dave are registered providers with delegations from Eve and Ferdie.
pub fn local_config_genesis() -> Value {
	use Sr25519Keyring::*;
	genesis(
		vec![authority(Alice, Ed25519Keyring::Alice), authority(Bob, Ed25519Keyring::Bob)],
		Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect(),
		id(Alice),
		vec![
			(id(Charlie), 1_000 * UNIT, Perbill::from_percent(5)),
			(id(Dave), 2_000 * UNIT, Perbill::from_percent(10)),
		],
		vec![(id(Eve), id(Charlie), 500 * UNIT), (id(Ferdie), id(Dave), 700 * UNIT)],
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
