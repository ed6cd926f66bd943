//! Chain specifications built from the runtime's genesis presets.

use sc_service::ChainType;
use work_token_runtime::WASM_BINARY;

/// The chain specification type of this node.
pub type ChainSpec = sc_service::GenericChainSpec;

/// Token properties polkadot.js reads: `WORK`, 12 decimals, SS58 prefix 42.
fn properties() -> sc_service::Properties {
	let mut properties = sc_service::Properties::new();
	properties.insert("tokenSymbol".into(), "WORK".into());
	properties.insert("tokenDecimals".into(), 12.into());
	properties.insert("ss58Format".into(), 42.into());
	properties
}

/// A chain spec from runtime preset `preset`.
fn from_preset(
	name: &str,
	id: &str,
	chain_type: ChainType,
	preset: &str,
) -> Result<ChainSpec, String> {
	let code = WASM_BINARY.ok_or_else(|| "the wasm runtime was not built".to_string())?;
	Ok(ChainSpec::builder(code, None)
		.with_name(name)
		.with_id(id)
		.with_chain_type(chain_type)
		.with_genesis_config_preset_name(preset)
		.with_properties(properties())
		.build())
}

/// `--dev`: preset `development`.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	from_preset(
		"Work Token Development",
		"work_token_dev",
		ChainType::Development,
		sp_genesis_builder::DEV_RUNTIME_PRESET,
	)
}

/// `--chain local`: preset `local_testnet`.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	from_preset(
		"Work Token Local Testnet",
		"work_token_local",
		ChainType::Local,
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET,
	)
}
