# Shared environment of the project's scripts; source it, do not run it.
# One target directory for the node, the tests and CI, so a warm machine reuses its build.
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/work-token/target}"
# substrate-wasm-builder looks for Cargo.lock upwards from the target dir; point it here.
export WASM_BUILD_WORKSPACE_HINT="$repo_root"
export WORK_TOKEN_NODE="$CARGO_TARGET_DIR/release/work-token-node"
[ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"
