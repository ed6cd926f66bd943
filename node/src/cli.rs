//! Command-line interface of the node.

use std::str::FromStr;

/// How the node seals blocks. Blocks are finalized as soon as they are sealed in every mode, and
/// `engine_createBlock` / `engine_finalizeBlock` RPCs seal on demand in every mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sealing {
	/// A block every given number of milliseconds (and on demand).
	Interval(u64),
	/// A block as soon as a transaction enters the pool (and on demand).
	Instant,
	/// Only on demand, through `engine_createBlock`: deterministic, for tests.
	Manual,
}

impl FromStr for Sealing {
	type Err = String;

	fn from_str(s: &str) -> Result<Self, Self::Err> {
		match s {
			"instant" => Ok(Self::Instant),
			"manual" => Ok(Self::Manual),
			ms => match ms.parse::<u64>() {
				Ok(0) | Err(_) => Err(format!(
					"`{s}` is not a sealing mode: use `instant`, `manual` or a block time in ms"
				)),
				Ok(ms) => Ok(Self::Interval(ms)),
			},
		}
	}
}

/// The node's command line.
#[derive(Debug, clap::Parser)]
#[command(
	propagate_version = true,
	args_conflicts_with_subcommands = true,
	subcommand_negates_reqs = true
)]
pub struct Cli {
	/// A subcommand; without one the node runs.
	#[command(subcommand)]
	pub subcommand: Option<Subcommand>,

	/// How a development chain (`--dev`) seals blocks: a block time in milliseconds (default
	/// 1000), `instant` (one block per transaction) or `manual` (only through the
	/// `engine_createBlock` RPC). Other chains run Aura + GRANDPA and ignore this flag.
	#[arg(long, default_value = "1000")]
	pub sealing: Sealing,

	#[allow(missing_docs)]
	#[clap(flatten)]
	pub run: sc_cli::RunCmd,
}

/// Subcommands of the node.
#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
	/// Key management: generate, inspect, insert keys.
	#[command(subcommand)]
	Key(sc_cli::KeySubcommand),

	/// Build a chain specification (deprecated; use `export-chain-spec`).
	#[deprecated(note = "build-spec will be removed; use export-chain-spec")]
	BuildSpec(sc_cli::BuildSpecCmd),

	/// Export the chain specification of `--chain` to stdout or a file.
	ExportChainSpec(sc_cli::ExportChainSpecCmd),

	/// Validate blocks.
	CheckBlock(sc_cli::CheckBlockCmd),

	/// Export blocks.
	ExportBlocks(sc_cli::ExportBlocksCmd),

	/// Export the state of a given block into a chain spec.
	ExportState(sc_cli::ExportStateCmd),

	/// Import blocks.
	ImportBlocks(sc_cli::ImportBlocksCmd),

	/// Remove the whole chain.
	PurgeChain(sc_cli::PurgeChainCmd),

	/// Revert the chain to a previous state.
	Revert(sc_cli::RevertCmd),

	/// Database metadata.
	ChainInfo(sc_cli::ChainInfoCmd),

	/// Runtime benchmarks (`benchmark pallet` …); needs the `runtime-benchmarks` feature.
	#[cfg(feature = "runtime-benchmarks")]
	#[command(subcommand)]
	Benchmark(frame_benchmarking_cli::BenchmarkCmd),
}
