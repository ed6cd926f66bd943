#!/usr/bin/env bash
# Builds the node (release profile, wasm runtime included) into $CARGO_TARGET_DIR.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
"$repo_root/scripts/setup.sh"
cd "$repo_root"
cargo build --locked --release -p work-token-node
