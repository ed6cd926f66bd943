// A local testnet on loopback: validators and full nodes of `--chain local` (Aura + GRANDPA).
import { randomBytes } from 'node:crypto';
import { startNode } from './node.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts one `--chain local` node. `validator` is a well-known name ('alice', 'bob') whose
 * Aura and GRANDPA keys `--<name>` puts in the keystore; without it the node is a full node.
 * `bootnodes` are multiaddrs of running nodes; `chain` may be a chain-spec JSON file. Returns the node of `startNode` plus
 * `multiaddr`, its loopback address for others to boot from.
 */
export async function startLocalNode({
  validator = null, bootnodes = [], chain = 'local', timeoutMs = 60_000,
} = {}) {
  const args = [
    '--chain', chain,
    // An explicit network key: a validator of a non-dev chain refuses to make one up.
    '--node-key', randomBytes(32).toString('hex'),
    ...(validator ? [`--${validator}`] : ['--name', 'full']),
    ...bootnodes.flatMap((b) => ['--bootnodes', b]),
  ];
  const node = await startNode({ args, timeoutMs });
  const peerId = (await node.api.rpc.system.localPeerId()).toString();
  return { ...node, multiaddr: `/ip4/127.0.0.1/tcp/${node.p2pPort}/p2p/${peerId}` };
}

/** Best and finalized block numbers of `api`. */
export async function heads(api) {
  const best = (await api.rpc.chain.getHeader()).number.toNumber();
  const finalizedHash = await api.rpc.chain.getFinalizedHead();
  const finalized = (await api.rpc.chain.getHeader(finalizedHash)).number.toNumber();
  return { best, finalized, finalizedHash: finalizedHash.toHex() };
}

/**
 * Polls `check()` every `intervalMs` until it returns a truthy value, which it returns; throws
 * `what` with the last value seen after `timeoutMs`.
 */
export async function waitFor(what, check, { timeoutMs = 90_000, intervalMs = 500 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await check();
    if (last && last.ok !== false) return last;
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${JSON.stringify(last)}`);
    }
    await sleep(intervalMs);
  }
}
