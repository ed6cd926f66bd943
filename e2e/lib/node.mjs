// Starts the built work-token node on free loopback ports and connects @polkadot/api to it.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ApiPromise, WsProvider } from '@polkadot/api';

/** Path of the node binary: $WORK_TOKEN_NODE, or the release build in $CARGO_TARGET_DIR. */
export function nodeBinary() {
  if (process.env.WORK_TOKEN_NODE) return process.env.WORK_TOKEN_NODE;
  const target = process.env.CARGO_TARGET_DIR
    ?? join(process.env.HOME ?? '.', '.cache', 'work-token', 'target');
  return resolve(target, 'release', 'work-token-node');
}

/** A TCP port that is free on 127.0.0.1 right now. */
export function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Resolves once the node's RPC on `rpcPort` answers, or throws after `timeoutMs`. */
async function waitForRpc(rpcPort, timeoutMs, exitedOf, logs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const exited = exitedOf();
    if (exited) throw new Error(`node exited early (${JSON.stringify(exited)}):\n${logs.join('')}`);
    if (Date.now() > deadline) throw new Error(`node RPC not ready in ${timeoutMs} ms:\n${logs.join('')}`);
    try {
      const res = await fetch(`http://127.0.0.1:${rpcPort}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'system_health', params: [] }),
      });
      if (res.ok) return;
    } catch { /* not listening yet */ }
    await sleep(250);
  }
}

/**
 * Spawns the node binary with `args` plus `--base-path`, and RPC and p2p listening on free
 * loopback ports, waits for its RPC and connects @polkadot/api. Returns
 * { api, provider, stop, kill, logs, rpcPort, p2pPort, basePath }. The base path is a new
 * temporary directory that `stop()` removes, unless `basePath` is given.
 */
export async function startNode({ args, timeoutMs = 60_000, basePath: keptBasePath } = {}) {
  const bin = nodeBinary();
  if (!existsSync(bin)) throw new Error(`node binary not found at ${bin}; build it first`);
  const rpcPort = await freePort();
  const p2pPort = await freePort();
  const basePath = keptBasePath ?? mkdtempSync(join(tmpdir(), 'work-token-e2e-'));
  const fullArgs = [
    ...args, '--base-path', basePath,
    '--rpc-port', String(rpcPort), '--listen-addr', `/ip4/127.0.0.1/tcp/${p2pPort}`,
    '--no-prometheus', '--no-telemetry', '--no-mdns',
  ];
  const child = spawn(bin, fullArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
  const logs = [];
  const keep = (chunk) => { logs.push(chunk.toString()); if (logs.length > 400) logs.shift(); };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  child.on('exit', (code, signal) => { exited = { code, signal }; });

  try {
    await waitForRpc(rpcPort, timeoutMs, () => exited, logs);
  } catch (e) {
    if (!exited) child.kill('SIGKILL');
    throw e;
  }
  const provider = new WsProvider(`ws://127.0.0.1:${rpcPort}`);
  const api = await ApiPromise.create({ provider, noInitWarn: true });

  const stop = async () => {
    try { await api.disconnect(); } catch { /* already gone */ }
    if (!exited) {
      child.kill('SIGINT');
      for (let i = 0; i < 50 && !exited; i += 1) await sleep(100);
      if (!exited) child.kill('SIGKILL');
    }
    if (!keptBasePath) rmSync(basePath, { recursive: true, force: true });
  };

  /** Kills the node with `signal` (e.g. SIGKILL: no shutdown at all); keeps the base path. */
  const kill = async (signal) => {
    try { await api.disconnect(); } catch { /* already gone */ }
    child.kill(signal);
    for (let i = 0; i < 100 && !exited; i += 1) await sleep(100);
    if (!exited) throw new Error('node did not die');
    return exited;
  };

  return { api, provider, stop, kill, logs, rpcPort, p2pPort, basePath };
}

/**
 * Starts `work-token-node --dev` and returns { api, provider, seal, stop, kill, logs, basePath }.
 * By default blocks are sealed only on demand (`--sealing manual`) and the base path is a new
 * temporary directory that `stop()` removes; pass `basePath` to keep state across restarts.
 */
export async function startDevNode({
  extraArgs = [], timeoutMs = 60_000, sealing = 'manual', basePath,
} = {}) {
  const node = await startNode({
    args: ['--dev', '--sealing', sealing, ...extraArgs], timeoutMs, basePath,
  });

  /** Seals (and finalizes) one block; returns its hash. */
  const seal = async () => {
    const created = await node.provider.send('engine_createBlock', [true, true, null]);
    return created.hash;
  };

  return { ...node, seal };
}
