//! Genesis presets `development` and `local_testnet` (SPEC S24).

use crate::{
	AccountId, AuraConfig, BalancesConfig, GrandpaConfig, RuntimeGenesisConfig, SudoConfig,
	WorkCourtConfig, WorkTokenConfig, UNIT,
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

/// The jury of both presets: the accounts of `//Juror1` … `//Juror12` (sr25519), with 100
/// `WORK` of juror stake each, so that a case (and an appeal round of seven) can be decided in
/// seconds. Their public keys
/// (from `work-token-node key inspect //JurorN`):
const JURORS: [[u8; 32]; 12] = [
	[
		0xd6, 0xbc, 0x33, 0x93, 0xad, 0xc3, 0x82, 0x5f, 0x67, 0xb8, 0x38, 0x1a, 0x06, 0x7a, 0x01,
		0x0b, 0x00, 0x9e, 0x6e, 0xd1, 0x8c, 0xe7, 0x4e, 0x2f, 0x12, 0x30, 0xe5, 0xc1, 0x8c, 0xc7,
		0x43, 0x17,
	],
	[
		0x42, 0x8f, 0xad, 0xb1, 0x46, 0x59, 0xd7, 0x50, 0x70, 0x77, 0x7b, 0x04, 0xbc, 0xe2, 0x6a,
		0xc3, 0x36, 0x35, 0x3d, 0xf1, 0x90, 0x3b, 0x0d, 0x72, 0xb0, 0xcd, 0xa2, 0x95, 0x11, 0xe0,
		0xf8, 0x0c,
	],
	[
		0xa2, 0x16, 0x97, 0x3e, 0x95, 0x52, 0x43, 0xcf, 0xb3, 0x07, 0xc1, 0x79, 0x1a, 0xed, 0x47,
		0x95, 0x21, 0xf9, 0x85, 0xc9, 0x08, 0x1c, 0x76, 0x9b, 0xda, 0x65, 0xc1, 0x03, 0xbb, 0xf9,
		0x4b, 0x54,
	],
	[
		0xdc, 0xf8, 0xc1, 0x13, 0x0e, 0xca, 0xfe, 0x6f, 0x51, 0xc8, 0xa0, 0xab, 0x43, 0x3a, 0x39,
		0x7a, 0xd8, 0x80, 0xea, 0xe9, 0xe5, 0x84, 0x52, 0x52, 0x1f, 0x3b, 0x09, 0x79, 0xf1, 0x3b,
		0x99, 0x65,
	],
	[
		0xb0, 0x82, 0x6f, 0x1b, 0xef, 0x25, 0x37, 0xc8, 0x21, 0x9a, 0xa6, 0xf1, 0x2f, 0x7c, 0xb2,
		0xcb, 0x25, 0x82, 0xb7, 0x78, 0xb0, 0x11, 0xba, 0x99, 0x42, 0x94, 0x41, 0x73, 0x13, 0x56,
		0x84, 0x1f,
	],
	[
		0xce, 0x6d, 0xd4, 0x22, 0x24, 0x81, 0xfa, 0x4b, 0xbf, 0x01, 0x33, 0x93, 0x94, 0x0b, 0x15,
		0x19, 0x41, 0x08, 0x95, 0xa0, 0x4c, 0x86, 0x5d, 0xa9, 0x6e, 0x86, 0x60, 0x56, 0xc3, 0xfb,
		0x94, 0x7a,
	],
	[
		0x86, 0x76, 0x9d, 0x6f, 0xa1, 0xae, 0x18, 0x80, 0xda, 0x93, 0x89, 0xb8, 0x3d, 0x81, 0xfe,
		0xed, 0xc3, 0x81, 0xd1, 0xce, 0x9c, 0x96, 0x7c, 0xa1, 0x80, 0x8e, 0x2d, 0xd5, 0x41, 0x05,
		0x41, 0x6c,
	],
	[
		0xda, 0xa7, 0x1d, 0x78, 0x61, 0xc5, 0xfc, 0x03, 0xed, 0x81, 0x04, 0x87, 0x8b, 0x9f, 0xfe,
		0x6c, 0xc7, 0x22, 0x84, 0x3d, 0x80, 0x5b, 0x4d, 0x08, 0x86, 0xb1, 0x97, 0x91, 0x0b, 0x56,
		0x45, 0x48,
	],
	[
		0x92, 0x4c, 0x96, 0x64, 0x01, 0x14, 0xf5, 0xfb, 0xea, 0x11, 0x86, 0xc4, 0x59, 0x0c, 0xca,
		0xd7, 0x24, 0x0d, 0xb8, 0xae, 0xef, 0xb0, 0x7e, 0x77, 0xb1, 0x02, 0x21, 0x11, 0x36, 0x82,
		0x67, 0x6f,
	],
	[
		0x58, 0xe2, 0xb0, 0xc6, 0x06, 0x41, 0x10, 0xec, 0x6e, 0x4c, 0x40, 0xd5, 0xf6, 0xd1, 0x25,
		0x12, 0xaf, 0x12, 0xef, 0xa3, 0xd6, 0xf0, 0xb7, 0x42, 0x02, 0xcb, 0xd9, 0x0e, 0xf3, 0x6c,
		0xd1, 0x50,
	],
	[
		0x22, 0xeb, 0xfa, 0x2a, 0xb7, 0x58, 0x1d, 0xd0, 0x96, 0x29, 0x52, 0xcf, 0x0a, 0x61, 0xec,
		0x83, 0xb5, 0xcb, 0xe0, 0x2e, 0xef, 0x81, 0xbd, 0x29, 0x82, 0xd8, 0xe1, 0xce, 0x1a, 0xac,
		0x3c, 0x56,
	],
	[
		0x98, 0xa7, 0x66, 0xaf, 0x25, 0x4f, 0x63, 0xa9, 0xd1, 0x43, 0xab, 0x74, 0x47, 0x33, 0xf5,
		0xa8, 0x57, 0x31, 0xd7, 0xb3, 0x1c, 0x77, 0x82, 0xdb, 0xd2, 0x43, 0xd2, 0x4e, 0x00, 0x6b,
		0xbe, 0x00,
	],
];

/// Juror stake of each genesis juror.
const JUROR_STAKE: u128 = 100 * UNIT;

/// The genesis jurors' accounts.
fn jurors() -> Vec<AccountId> {
	JURORS.iter().map(|key| AccountId::from(*key)).collect()
}

/// Genesis with the block authors `authorities` (Aura and GRANDPA keys), `endowed` accounts,
/// `sudo` as the sudo key (none: no sudo), `providers` registered and `delegations` made.
fn genesis(
	authorities: Vec<(AuraId, GrandpaId)>,
	endowed: Vec<AccountId>,
	sudo: Option<AccountId>,
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
			balances: endowed
				.iter()
				.cloned()
				.chain(jurors())
				.map(|k| (k, ENDOWMENT))
				.collect::<Vec<_>>(),
		},
		work_court: WorkCourtConfig {
			jurors: jurors().into_iter().map(|k| (k, JUROR_STAKE)).collect::<Vec<_>>(),
		},
		sudo: SudoConfig { key: sudo },
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

/// `development`: Alice is sudo (root without a referendum, for convenience); governance
/// works as on `local_testnet` too. All well-known accounts are endowed. A live market: the
/// stash accounts of Alice, Bob and Charlie are providers (5,000, 3,000 and 2,000 WORK) with
/// delegations from the stashes of Dave, Eve and Ferdie, all in the active set at block 0.
/// The plain dev accounts (Alice … Ferdie) start with nothing staked. Alice is the only
/// authority; the dev node seals blocks itself (manual seal) and never runs GRANDPA.
pub fn development_config_genesis() -> Value {
	use Sr25519Keyring::*;
	genesis(
		vec![authority(Alice, Ed25519Keyring::Alice)],
		Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect(),
		Some(id(Alice)),
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
/// and Dave are registered providers with delegations from Eve and Ferdie. There is no sudo
/// key: root, the parameters, the court's last word and treasury spends all come from
/// referenda voted by `WORK` holders.
pub fn local_config_genesis() -> Value {
	use Sr25519Keyring::*;
	genesis(
		vec![authority(Alice, Ed25519Keyring::Alice), authority(Bob, Ed25519Keyring::Bob)],
		Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect(),
		None,
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
