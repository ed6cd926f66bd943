#!/usr/bin/env bash
# Builds the node if needed and runs the dev chain: a block a second, finalized at once,
# RPC on ws://127.0.0.1:9944. Extra arguments go to the node, e.g. `--base-path ./chain`
# to keep state across restarts, or `--sealing manual` to seal only via engine_createBlock.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
"$repo_root/scripts/build-node.sh"
exec "$WORK_TOKEN_NODE" --dev --rpc-cors all "$@"
