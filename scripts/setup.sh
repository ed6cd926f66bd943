#!/usr/bin/env bash
# Installs what building and testing need, only when missing; safe to run again.
#   apt:    protobuf-compiler (litep2p), g++ (binaryen's wasm-opt), nodejs+npm if absent.
#   rustup: the wasm32v1-none target and rust-src (for the wasm runtime), clippy (the gate).
#   npm:    the e2e test's packages, exactly as e2e/package-lock.json pins them.
# No RocksDB (the node uses ParityDB), so neither clang nor libclang is needed.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_packages=()
command -v protoc >/dev/null 2>&1 || apt_packages+=(protobuf-compiler)
command -v c++ >/dev/null 2>&1 || apt_packages+=(g++)
command -v make >/dev/null 2>&1 || apt_packages+=(make)
command -v node >/dev/null 2>&1 || apt_packages+=(nodejs npm)
if [ "${#apt_packages[@]}" -gt 0 ]; then
	echo "setup: installing ${apt_packages[*]} with apt-get"
	sudo_if_needed apt-get update -qq
	sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${apt_packages[@]}"
fi

if ! command -v rustup >/dev/null 2>&1; then
	echo "setup: rustup is required (https://rustup.rs); install it and run again" >&2
	exit 1
fi
rustup target list --installed | grep -qx wasm32v1-none || rustup target add wasm32v1-none
rustup component list --installed | grep -q '^rust-src' || rustup component add rust-src
rustup component list --installed | grep -q '^clippy' || rustup component add clippy

node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" -lt 20 ]; then
	echo "setup: Node.js >= 20 is required for the e2e tests (found $(node --version))" >&2
	exit 1
fi
if [ ! -f "$repo_root/e2e/node_modules/.package-lock.json" ] ||
	[ "$repo_root/e2e/package-lock.json" -nt "$repo_root/e2e/node_modules/.package-lock.json" ]; then
	(cd "$repo_root/e2e" && npm ci --no-audit --no-fund)
fi
