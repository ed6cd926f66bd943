#!/usr/bin/env bash
# Benchmarks the pallet on this machine and regenerates what depends on it, in one run:
#   1. builds the node with `--features runtime-benchmarks`;
#   2. runs its `benchmark pallet` over pallet_work_token, pallet_work_market,
#      pallet_work_court and pallet_balances (for the transfer_keep_alive reference) and
#      writes the weights.rs of the three pallets through
#      scripts/weight-template.hbs; the raw outputs go to docs/bench/. The runtime starts from
#      empty storage (`--genesis-builder none`): every benchmark sets up its own worst case,
#      with no genesis market in the way;
#   3. rebuilds the normal node (with the new weights) and measures throughput
#      (scripts/throughput.sh), unless SKIP_THROUGHPUT=1;
#   4. renders docs/PERFORMANCE.md from all of it (scripts/perf-report.mjs).
# STEPS and REPEAT override the benchmark's 50 steps and 20 repetitions.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
"$repo_root/scripts/setup.sh"
cd "$repo_root"

steps="${STEPS:-50}"
repeat="${REPEAT:-20}"
bench_node="$CARGO_TARGET_DIR/release/work-token-node-benchmarks"

# frame-benchmarking-cli pulls in a test runtime whose own wasm build cannot find itself in
# this workspace; `benchmark pallet` does not use it.
SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD=1 \
	cargo build --locked --release -p work-token-node --features runtime-benchmarks
# The next normal build overwrites the binary and the wasm; keep these under their own names.
cp "$CARGO_TARGET_DIR/release/work-token-node" "$bench_node"
bench_wasm="$CARGO_TARGET_DIR/release/work_token_runtime.benchmarks.wasm"
cp "$CARGO_TARGET_DIR/release/wbuild/work-token-runtime/work_token_runtime.compact.compressed.wasm" "$bench_wasm"

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
"$bench_node" benchmark pallet \
	--runtime "$bench_wasm" \
	--genesis-builder none \
	--pallets pallet_work_token,pallet_work_market,pallet_work_court,pallet_balances \
	--extrinsic '*' \
	--steps "$steps" \
	--repeat "$repeat" \
	--wasm-execution compiled \
	--heap-pages 4096 \
	--template scripts/weight-template.hbs \
	--output "$out"

mkdir -p docs/bench
cp "$out/pallet_work_token.rs" pallets/work-token/src/weights.rs
cp "$out/pallet_work_token.rs" docs/bench/pallet_work_token.weights.rs.txt
cp "$out/pallet_work_market.rs" pallets/work-market/src/weights.rs
cp "$out/pallet_work_market.rs" docs/bench/pallet_work_market.weights.rs.txt
cp "$out/pallet_work_court.rs" pallets/work-court/src/weights.rs
cp "$out/pallet_work_court.rs" docs/bench/pallet_work_court.weights.rs.txt
cp "$out/pallet_balances.rs" docs/bench/pallet_balances.weights.rs.txt

if [ "${SKIP_THROUGHPUT:-0}" != 1 ]; then
	"$repo_root/scripts/throughput.sh"
fi
node scripts/perf-report.mjs \
	docs/bench/pallet_work_token.weights.rs.txt \
	docs/bench/pallet_balances.weights.rs.txt \
	docs/bench/throughput.txt \
	docs/bench/pallet_work_market.weights.rs.txt \
	docs/bench/pallet_work_court.weights.rs.txt >docs/PERFORMANCE.md
echo "benchmark: wrote the pallets' weights.rs and docs/PERFORMANCE.md"
