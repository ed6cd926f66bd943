#!/usr/bin/env bash
# Measures included extrinsics per second on one dev node: transfer_keep_alive, then a
# delegate/claim_rewards mix, and their ratio (e2e/bench/throughput.mjs). Writes the output to
# docs/bench/throughput.txt as well. COUNT sets transactions per phase (default 4000: several blocks per phase).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
"$repo_root/scripts/build-node.sh"
mkdir -p "$repo_root/docs/bench"
cd "$repo_root/e2e"
{
	echo "$ COUNT=${COUNT:-4000} scripts/throughput.sh   # $(date -u +%Y-%m-%d), $(nproc) cores"
	node bench/throughput.mjs "${COUNT:-4000}"
} | tee "$repo_root/docs/bench/throughput.txt"
