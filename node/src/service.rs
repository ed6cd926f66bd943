//! The node service: client, ParityDB backend, transaction pool, network, RPC and block
//! production in one of two modes, chosen by the chain spec's chain type:
//!
//! - **Development** (`--dev`): manual seal. One node seals a block on demand, on a timer or on
//!   each transaction (`--sealing`), and finalizes it at once. Each block carries an Aura slot
//!   digest and the timestamp of that slot, so the runtime's consensus checks hold.
//! - **Local / Live** (`--chain local`, or a JSON spec): Aura authors one block per slot in turn
//!   among the validators; GRANDPA finalizes once more than 2/3 of them vote.

use crate::cli::Sealing;
use futures::{channel::mpsc, FutureExt, StreamExt};
use sc_client_api::backend::Backend;
use sc_consensus_aura::{ImportQueueParams, SlotProportion, StartAuraParams};
use sc_consensus_grandpa::SharedVoterState;
use sc_consensus_manual_seal::{consensus::aura::AuraConsensusDataProvider, EngineCommand};
use sc_executor::WasmExecutor;
use sc_service::{
	error::Error as ServiceError, ChainType, Configuration, TaskManager, WarpSyncConfig,
};
use sc_telemetry::{Telemetry, TelemetryWorker};
use sc_transaction_pool_api::{OffchainTransactionPoolFactory, TransactionPool};
use sp_consensus_aura::sr25519::AuthorityPair as AuraPair;
use sp_runtime::traits::Block as BlockT;
use std::{sync::Arc, time::Duration};
use work_token_runtime::{opaque::Block, Hash, RuntimeApi};

/// Host functions of the wasm executor.
type HostFunctions = sp_io::SubstrateHostFunctions;

/// The full client.
pub(crate) type FullClient =
	sc_service::TFullClient<Block, RuntimeApi, WasmExecutor<HostFunctions>>;
type FullBackend = sc_service::TFullBackend<Block>;
type FullSelectChain = sc_consensus::LongestChain<FullBackend, Block>;
type GrandpaBlockImport =
	sc_consensus_grandpa::GrandpaBlockImport<FullBackend, Block, FullClient, FullSelectChain>;
type GrandpaLink = sc_consensus_grandpa::LinkHalf<Block, FullClient, FullSelectChain>;

/// Blocks between two GRANDPA justifications a node keeps for syncing peers.
const GRANDPA_JUSTIFICATION_PERIOD: u32 = 512;

/// How blocks are made, by chain type (see the module docs).
pub enum Consensus {
	/// `--dev`: manual seal, instant finality.
	ManualSeal,
	/// Aura authoring and GRANDPA finality; the import pipeline goes through GRANDPA.
	AuraGrandpa {
		/// The block import that records authority-set changes and justifications.
		block_import: GrandpaBlockImport,
		/// The voter's half of the GRANDPA link.
		link: GrandpaLink,
	},
}

/// Whether a chain spec of `chain_type` runs manual seal (only development chains do).
pub fn is_manual_seal(chain_type: ChainType) -> bool {
	matches!(chain_type, ChainType::Development)
}

/// What the chain-operation subcommands need.
pub type Service = sc_service::PartialComponents<
	FullClient,
	FullBackend,
	FullSelectChain,
	sc_consensus::DefaultImportQueue<Block>,
	sc_transaction_pool::TransactionPoolHandle<Block, FullClient>,
	(Option<Telemetry>, Consensus),
>;

/// The inherent data an Aura block at `now` carries: its timestamp and slot.
fn aura_inherents(
	slot_duration: sp_consensus_aura::SlotDuration,
) -> (sp_consensus_aura::inherents::InherentDataProvider, sp_timestamp::InherentDataProvider) {
	let timestamp = sp_timestamp::InherentDataProvider::from_system_time();
	let slot = sp_consensus_aura::inherents::InherentDataProvider::from_timestamp_and_slot_duration(
		*timestamp,
		slot_duration,
	);
	(slot, timestamp)
}

/// Builds the client, backend, pool and import queue.
pub fn new_partial(config: &Configuration) -> Result<Service, ServiceError> {
	let telemetry = config
		.telemetry_endpoints
		.clone()
		.filter(|x| !x.is_empty())
		.map(|endpoints| -> Result<_, sc_telemetry::Error> {
			let worker = TelemetryWorker::new(16)?;
			let telemetry = worker.handle().new_telemetry(endpoints);
			Ok((worker, telemetry))
		})
		.transpose()?;

	let executor = sc_service::new_wasm_executor(&config.executor);
	let (client, backend, keystore_container, task_manager) =
		sc_service::new_full_parts::<Block, RuntimeApi, _>(
			config,
			telemetry.as_ref().map(|(_, telemetry)| telemetry.handle()),
			executor,
			// No extra pruning filters: `--state-pruning` / `--blocks-pruning` decide.
			Vec::new(),
		)?;
	let client = Arc::new(client);

	let telemetry = telemetry.map(|(worker, telemetry)| {
		task_manager.spawn_handle().spawn("telemetry", None, worker.run());
		telemetry
	});

	let select_chain = sc_consensus::LongestChain::new(backend.clone());
	let transaction_pool = Arc::from(
		sc_transaction_pool::Builder::new(
			task_manager.spawn_essential_handle(),
			client.clone(),
			config.role.is_authority().into(),
		)
		.with_options(config.transaction_pool.clone())
		.with_prometheus(config.prometheus_registry())
		.build(),
	);

	let (import_queue, consensus) = if is_manual_seal(config.chain_spec.chain_type()) {
		let queue = sc_consensus_manual_seal::import_queue(
			Box::new(client.clone()),
			&task_manager.spawn_essential_handle(),
			config.prometheus_registry(),
		);
		(queue, Consensus::ManualSeal)
	} else {
		let (block_import, link) = sc_consensus_grandpa::block_import(
			client.clone(),
			GRANDPA_JUSTIFICATION_PERIOD,
			&client,
			select_chain.clone(),
			telemetry.as_ref().map(|x| x.handle()),
		)?;
		let slot_duration = sc_consensus_aura::slot_duration(&*client)?;
		let queue = sc_consensus_aura::import_queue::<AuraPair, _, _, _, _, _>(ImportQueueParams {
			block_import: block_import.clone(),
			justification_import: Some(Box::new(block_import.clone())),
			client: client.clone(),
			create_inherent_data_providers: move |_, ()| async move {
				Ok(aura_inherents(slot_duration))
			},
			spawner: &task_manager.spawn_essential_handle(),
			registry: config.prometheus_registry(),
			check_for_equivocation: Default::default(),
			telemetry: telemetry.as_ref().map(|x| x.handle()),
			compatibility_mode: Default::default(),
		})
		.map_err(|e| ServiceError::Other(format!("aura import queue: {e}")))?;
		(queue, Consensus::AuraGrandpa { block_import, link })
	};

	Ok(sc_service::PartialComponents {
		client,
		backend,
		task_manager,
		import_queue,
		keystore_container,
		select_chain,
		transaction_pool,
		other: (telemetry, consensus),
	})
}

/// A command that seals one block and finalizes it.
fn seal_command(create_empty: bool) -> EngineCommand<Hash> {
	EngineCommand::SealNewBlock { create_empty, finalize: true, parent_hash: None, sender: None }
}

/// The timestamp of a dev block on `parent`: the start of the slot after the parent's, so each
/// block claims the next slot and its timestamp lies in it (as `pallet_aura` checks). The
/// first block takes the start of the current wall-clock slot.
fn dev_block_timestamp(
	client: &FullClient,
	parent: Hash,
	slot_duration: sp_consensus_aura::SlotDuration,
) -> Result<sp_timestamp::Timestamp, Box<dyn std::error::Error + Send + Sync>> {
	let header = client.header(parent)?.ok_or("the parent block's header is missing")?;
	let slot = if header.number == 0 {
		let now = sp_timestamp::Timestamp::current();
		*sp_consensus_aura::Slot::from_timestamp(now, slot_duration)
	} else {
		let parent_slot = sc_consensus_aura::find_pre_digest::<
			Block,
			sp_consensus_aura::sr25519::AuthoritySignature,
		>(&header)
		.map_err(|e| format!("the parent block has no Aura slot: {e}"))?;
		(*parent_slot).saturating_add(1)
	};
	Ok(sp_timestamp::Timestamp::new(slot.saturating_mul(slot_duration.as_millis())))
}

/// Builds and starts the full node.
pub fn new_full<Network: sc_network::NetworkBackend<Block, <Block as BlockT>::Hash>>(
	config: Configuration,
	sealing: Sealing,
) -> Result<TaskManager, ServiceError> {
	let sc_service::PartialComponents {
		client,
		backend,
		mut task_manager,
		import_queue,
		keystore_container,
		select_chain,
		transaction_pool,
		other: (mut telemetry, consensus),
	} = new_partial(&config)?;

	let mut net_config = sc_network::config::FullNetworkConfiguration::<
		Block,
		<Block as BlockT>::Hash,
		Network,
	>::new(
		&config.network,
		config.prometheus_config.as_ref().map(|cfg| cfg.registry.clone()),
	);
	let metrics = Network::register_notification_metrics(
		config.prometheus_config.as_ref().map(|cfg| &cfg.registry),
	);

	// GRANDPA gossips votes on its own notification protocol and serves warp-sync proofs.
	let mut grandpa_network = None;
	let mut warp_sync_config = None;
	if let Consensus::AuraGrandpa { link, .. } = &consensus {
		let genesis_hash = client.chain_info().genesis_hash;
		let protocol_name =
			sc_consensus_grandpa::protocol_standard_name(&genesis_hash, &config.chain_spec);
		let (protocol_config, notification_service) =
			sc_consensus_grandpa::grandpa_peers_set_config::<_, Network>(
				protocol_name.clone(),
				metrics.clone(),
				net_config.peer_store_handle(),
			);
		net_config.add_notification_protocol(protocol_config);
		grandpa_network = Some((protocol_name, notification_service));
		warp_sync_config = Some(WarpSyncConfig::WithProvider(Arc::new(
			sc_consensus_grandpa::warp_proof::NetworkProvider::new(
				backend.clone(),
				link.shared_authority_set().clone(),
				Vec::new(),
			),
		)));
	}

	let (network, system_rpc_tx, tx_handler_controller, sync_service, _bitswap) =
		sc_service::build_network(sc_service::BuildNetworkParams {
			config: &config,
			net_config,
			client: client.clone(),
			transaction_pool: transaction_pool.clone(),
			spawn_handle: task_manager.spawn_handle(),
			spawn_essential_handle: task_manager.spawn_essential_handle(),
			import_queue,
			block_announce_validator_builder: None,
			warp_sync_config,
			block_relay: None,
			metrics,
			gap_sync_body_policy: None,
		})?;

	if config.offchain_worker.enabled {
		let offchain_workers =
			sc_offchain::OffchainWorkers::new(sc_offchain::OffchainWorkerOptions {
				runtime_api_provider: client.clone(),
				is_validator: config.role.is_authority(),
				keystore: Some(keystore_container.keystore()),
				offchain_db: backend.offchain_storage(),
				transaction_pool: Some(OffchainTransactionPoolFactory::new(
					transaction_pool.clone(),
				)),
				network_provider: Arc::new(network.clone()),
				enable_http_requests: true,
				custom_extensions: |_| vec![],
			})?;
		task_manager.spawn_handle().spawn(
			"offchain-workers-runner",
			"offchain-worker",
			offchain_workers.run(client.clone(), task_manager.spawn_handle()).boxed(),
		);
	}

	// On a dev chain, sealing commands come from the RPC (`engine_createBlock`), plus a timer or
	// the pool's import notifications depending on `--sealing`.
	let (rpc_seal_sender, rpc_seal_commands) = mpsc::channel::<EngineCommand<Hash>>(1024);
	let manual_seal = matches!(consensus, Consensus::ManualSeal);

	let rpc_extensions_builder = {
		let client = client.clone();
		let pool = transaction_pool.clone();
		Box::new(move |_| {
			let deps = crate::rpc::FullDeps {
				client: client.clone(),
				pool: pool.clone(),
				seal_commands: manual_seal.then(|| rpc_seal_sender.clone()),
			};
			crate::rpc::create_full(deps).map_err(Into::into)
		})
	};

	let role = config.role;
	let force_authoring = config.force_authoring;
	let node_name = config.network.node_name.clone();
	let prometheus_registry = config.prometheus_registry().cloned();
	let _rpc_handlers = sc_service::spawn_tasks(sc_service::SpawnTasksParams {
		network: network.clone(),
		client: client.clone(),
		keystore: keystore_container.keystore(),
		task_manager: &mut task_manager,
		transaction_pool: transaction_pool.clone(),
		rpc_builder: rpc_extensions_builder,
		backend,
		system_rpc_tx,
		tx_handler_controller,
		sync_service: sync_service.clone(),
		config,
		telemetry: telemetry.as_mut(),
		tracing_execute_block: None,
	})?;

	let proposer = sc_basic_authorship::ProposerFactory::new(
		task_manager.spawn_handle(),
		client.clone(),
		transaction_pool.clone(),
		prometheus_registry.as_ref(),
		telemetry.as_ref().map(|x| x.handle()),
	);

	match consensus {
		Consensus::ManualSeal => {
			let slot_duration = sc_consensus_aura::slot_duration(&*client)?;
			let commands_stream = sealing_commands(sealing, rpc_seal_commands, &*transaction_pool);
			let params = sc_consensus_manual_seal::ManualSealParams {
				block_import: client.clone(),
				env: proposer,
				client: client.clone(),
				pool: transaction_pool,
				select_chain,
				commands_stream,
				// Each sealed block claims the slot after its parent's and carries that slot's
				// start as its timestamp, which Aura's runtime checks accept.
				consensus_data_provider: Some(Box::new(AuraConsensusDataProvider::new(
					client.clone(),
				))),
				create_inherent_data_providers: move |parent, ()| {
					let timestamp = dev_block_timestamp(&client, parent, slot_duration);
					async move { Ok(sp_timestamp::InherentDataProvider::new(timestamp?)) }
				},
			};
			task_manager.spawn_essential_handle().spawn_blocking(
				"manual-seal",
				None,
				sc_consensus_manual_seal::run_manual_seal(params),
			);
		}
		Consensus::AuraGrandpa { block_import, link } => {
			if role.is_authority() {
				let slot_duration = sc_consensus_aura::slot_duration(&*client)?;
				let aura = sc_consensus_aura::start_aura::<AuraPair, _, _, _, _, _, _, _, _, _, _>(
					StartAuraParams {
						slot_duration,
						client: client.clone(),
						select_chain,
						block_import,
						proposer_factory: proposer,
						create_inherent_data_providers: move |_, ()| async move {
							Ok(aura_inherents(slot_duration))
						},
						force_authoring,
						backoff_authoring_blocks: Option::<()>::None,
						keystore: keystore_container.keystore(),
						sync_oracle: sync_service.clone(),
						justification_sync_link: sync_service.clone(),
						block_proposal_slot_portion: SlotProportion::new(2f32 / 3f32),
						max_block_proposal_slot_portion: None,
						telemetry: telemetry.as_ref().map(|x| x.handle()),
						compatibility_mode: Default::default(),
					},
				)
				.map_err(|e| ServiceError::Other(format!("aura: {e}")))?;
				task_manager.spawn_essential_handle().spawn_blocking(
					"aura",
					Some("block-authoring"),
					aura,
				);
			}

			// Every node runs the GRANDPA voter: validators vote with their keystore's key,
			// full nodes follow the votes and commits without voting.
			let (protocol_name, notification_service) = grandpa_network
				.ok_or_else(|| ServiceError::Other("GRANDPA protocol not registered".into()))?;
			let grandpa_config = sc_consensus_grandpa::Config {
				gossip_duration: Duration::from_millis(333),
				justification_generation_period: GRANDPA_JUSTIFICATION_PERIOD,
				name: Some(node_name),
				observer_enabled: false,
				keystore: role.is_authority().then(|| keystore_container.keystore()),
				local_role: role,
				telemetry: telemetry.as_ref().map(|x| x.handle()),
				protocol_name,
			};
			let voter =
				sc_consensus_grandpa::run_grandpa_voter(sc_consensus_grandpa::GrandpaParams {
					config: grandpa_config,
					link,
					network,
					sync: Arc::new(sync_service),
					notification_service,
					voting_rule: sc_consensus_grandpa::VotingRulesBuilder::default().build(),
					prometheus_registry,
					shared_voter_state: SharedVoterState::empty(),
					telemetry: telemetry.as_ref().map(|x| x.handle()),
					offchain_tx_pool_factory: OffchainTransactionPoolFactory::new(transaction_pool),
				})?;
			task_manager.spawn_essential_handle().spawn_blocking("grandpa-voter", None, voter);
		}
	}

	Ok(task_manager)
}

/// The stream of sealing commands of a dev node: the RPC's, plus a timer or the pool's import
/// notifications depending on `--sealing`.
fn sealing_commands<Pool: TransactionPool + ?Sized>(
	sealing: Sealing,
	rpc_seal_commands: mpsc::Receiver<EngineCommand<Hash>>,
	pool: &Pool,
) -> std::pin::Pin<Box<dyn futures::Stream<Item = EngineCommand<Hash>> + Send>> {
	match sealing {
		Sealing::Manual => Box::pin(rpc_seal_commands),
		Sealing::Instant => {
			let on_import = pool.import_notification_stream().map(|_| seal_command(false));
			Box::pin(futures::stream::select(rpc_seal_commands, on_import))
		}
		Sealing::Interval(ms) => {
			let ticks = futures::stream::unfold((), move |()| async move {
				futures_timer::Delay::new(Duration::from_millis(ms)).await;
				Some((seal_command(true), ()))
			});
			Box::pin(futures::stream::select(rpc_seal_commands, ticks))
		}
	}
}
