// The local testnet (`--chain local`): two validators (Alice, Bob) author with Aura and finalize
// with GRANDPA over loopback; a third node follows as a full node. A work-token call submitted
// to one node is read back from another. Then Bob stops: what the protocols promise with one
// of two validators left is that Alice keeps authoring in her own Aura slots, while GRANDPA,
// which needs votes from more than 2/3 of the authorities (here: both), finalizes nothing new.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeBinary } from '../lib/node.mjs';
import { submit } from '../lib/tx.mjs';
import { devKeys } from '../lib/keys.mjs';
import { UNIT } from '../lib/units.mjs';
import { startLocalNode, heads, waitFor } from '../lib/network.mjs';

/** The local testnet's slot (ms): one block per slot, Alice and Bob taking turns. */
const LOCAL_SLOT_MS = 2_000;
/** The slot the runtime reports (`aura.slotDuration`, read in `before`): the timeouts use it. */
let slotMs;
/** Height every node must have finalized before the checks begin. */
const MIN_FINALIZED = 3;

let alice;
let bob;
let full;
let specDir;

/** The Aura slot of block `n` on `api`'s chain, from its pre-runtime digest. */
async function auraSlot(api, n) {
  const header = await api.rpc.chain.getHeader(await api.rpc.chain.getBlockHash(n));
  const pre = header.digest.logs.find((l) => l.isPreRuntime && l.asPreRuntime[0].toString() === 'aura');
  assert.ok(pre, `block #${n} carries an Aura slot`);
  return api.createType('u64', pre.asPreRuntime[1].toU8a(true)).toBigInt();
}

before(async () => {
  // The full node starts from the exported JSON spec, as a node on another machine would.
  const exported = spawnSync(nodeBinary(), ['export-chain-spec', '--chain', 'local'],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(exported.status, 0, exported.stderr);
  specDir = mkdtempSync(join(tmpdir(), 'work-token-spec-'));
  const specFile = join(specDir, 'local.json');
  writeFileSync(specFile, exported.stdout);

  alice = await startLocalNode({ validator: 'alice' });
  bob = await startLocalNode({ validator: 'bob', bootnodes: [alice.multiaddr] });
  full = await startLocalNode({ chain: specFile, bootnodes: [alice.multiaddr, bob.multiaddr] });
  slotMs = alice.api.consts.aura.slotDuration.toNumber();
});

after(async () => {
  await Promise.all([alice, bob, full].filter(Boolean).map((n) => n.stop()));
  if (specDir) rmSync(specDir, { recursive: true, force: true });
});

test('the chain spec of every node is the Aura + GRANDPA local testnet', async () => {
  for (const node of [alice, bob, full]) {
    assert.equal((await node.api.rpc.system.chainType()).toString(), 'Local');
    assert.equal(node.api.consts.aura.slotDuration.toNumber(), LOCAL_SLOT_MS);
  }
  const authorities = await alice.api.query.aura.authorities();
  const [aliceKey, bobKey] = await devKeys('Alice', 'Bob');
  assert.deepEqual(
    authorities.map((a) => a.toHex()),
    [aliceKey, bobKey].map((k) => `0x${Buffer.from(k.publicKey).toString('hex')}`),
    'Alice and Bob are the Aura authorities',
  );
  // No sudo key: root, the parameters, the court's last word and spends come from referenda.
  assert.ok((await alice.api.query.sudo.key()).isNone, 'local_testnet has no sudo');
  assert.equal(alice.api.consts.referenda.tracks.length, 5, 'five referendum tracks');
  const voters = await alice.api.call.grandpaApi.grandpaAuthorities();
  assert.equal(voters.length, 2, 'Alice and Bob are the GRANDPA voters');
  // The exported spec describes the same chain: same genesis.
  assert.equal((await full.api.rpc.chain.getBlockHash(0)).toHex(),
    (await alice.api.rpc.chain.getBlockHash(0)).toHex(), 'the JSON spec has the same genesis');
  // Session keys: `author_rotateKeys` makes an Aura (sr25519) and a GRANDPA (ed25519) key.
  const keys = await bob.api.rpc.author.rotateKeys();
  assert.equal(keys.length, 64, 'two 32-byte public keys');
  const decoded = await bob.api.call.sessionKeys.decodeSessionKeys(keys);
  assert.deepEqual(decoded.unwrap().map(([, type]) => type.toU8a()).map((t) => Buffer.from(t).toString()),
    ['aura', 'gran'], 'in SessionKeys order: aura, then grandpa');
  // A manual-seal RPC would make no sense here: blocks come from Aura slots.
  const methods = (await full.api.rpc.rpc.methods()).methods.map(String);
  assert.ok(!methods.includes('engine_createBlock'), 'no engine_* RPC on a local testnet');
});

test('all three nodes finalize the same blocks', async () => {
  const agreed = await waitFor(`all nodes to finalize #${MIN_FINALIZED}`, async () => {
    const h = await Promise.all([alice, bob, full].map((n) => heads(n.api)));
    const height = Math.min(...h.map((x) => x.finalized));
    if (height < MIN_FINALIZED) return { ok: false, heads: h };
    const hashes = await Promise.all(
      [alice, bob, full].map(async (n) => (await n.api.rpc.chain.getBlockHash(height)).toHex()),
    );
    return { ok: new Set(hashes).size === 1, height, hashes, heads: h };
  }, { timeoutMs: 120_000 });
  assert.equal(new Set(agreed.hashes).size, 1, 'one finalized block at that height on every node');
  // Every finalized block was authored in an Aura slot, slots strictly increasing.
  let previous = -1n;
  for (let n = 1; n <= agreed.height; n += 1) {
    const slot = await auraSlot(full.api, n);
    assert.ok(slot > previous, `block #${n} is in a later slot than its parent`);
    previous = slot;
  }
});

test('a call submitted to the full node is read back from a validator', async () => {
  const [ferdie] = await devKeys('Ferdie');
  const stake = 300n * UNIT;
  // Submitted to the full node, which makes no blocks itself: the validators' blocks include
  // it, and the outcome is read once GRANDPA has finalized the block.
  const r = await submit(full.api, null, full.api.tx.workToken.registerProvider(stake, 0), ferdie,
    { finalized: true });
  assert.equal(r.error, null, 'the call succeeded');
  const finalizedHash = r.blockHash;

  // Alice has that block finalized too (GRANDPA needs her vote), and her state shows the stake.
  await waitFor('Alice to know the block', async () => {
    const header = await alice.api.rpc.chain.getHeader(finalizedHash).catch(() => null);
    return header ? { ok: true } : { ok: false };
  });
  const at = await alice.api.at(finalizedHash);
  const info = await at.query.workToken.providers(ferdie.address);
  assert.ok(info.isSome, 'Ferdie is a registered provider in Alice\'s state');
  const ledger = await at.query.workToken.ledgers(ferdie.address);
  assert.equal(ledger.unwrap().active.toBigInt(), stake, 'with the stake bonded through the full node');
});

test('with Bob stopped, Alice keeps authoring; finality stalls', async () => {
  await bob.stop();
  bob = null;
  // Votes already cast may still complete a round; let two slots pass before the baseline.
  await new Promise((r) => setTimeout(r, 2 * slotMs));
  const start = await heads(alice.api);

  const later = await waitFor('Alice to author 3 more blocks', async () => {
    const h = await heads(alice.api);
    return { ok: h.best >= start.best + 3, ...h };
  }, { timeoutMs: 20 * slotMs });
  assert.ok(later.best >= start.best + 3, `Alice authors alone (#${start.best} → #${later.best})`);

  // Only Alice's slots are filled now: authority i owns the slots with slot % 2 == i.
  for (let n = start.best + 1; n <= later.best; n += 1) {
    assert.equal((await auraSlot(alice.api, n)) % 2n, 0n, `block #${n} is from Alice's slot`);
  }

  // The full node follows Alice's new blocks.
  await waitFor('the full node to import them', async () => {
    const h = await heads(full.api);
    return { ok: h.best >= later.best, ...h };
  }, { timeoutMs: 10 * slotMs });

  assert.equal(later.finalized, start.finalized,
    'no block is finalized with one of two GRANDPA voters: 1 vote < the 2 needed');
  assert.ok(later.finalized < later.best, 'the best chain runs ahead of finality');
});
