// Throughput on the dev node: included extrinsics per second for `balances.transferKeepAlive`
// and for a `workToken.delegate` / `workToken.claimRewards` mix, in one run on one node.
//
// Usage: node bench/throughput.mjs [count]   (count per phase, default 4000 from scripts/throughput.sh; needs the built
// node, see scripts/throughput.sh). Prints both rates and their ratio.
//
// Method: every transaction of a phase is signed before the clock starts (immortal, explicit
// nonces, one sender per transaction). The clock runs from the first submission until the block
// holding the last one is sealed: pool validation, block building, execution, import and
// commit are all inside it. Blocks are sealed back to back through `engine_createBlock`.
// Afterwards every block of the phase is checked: all `count` transactions succeeded.
import { startDevNode } from '../lib/node.mjs';
import { eraLength } from '../lib/tx.mjs';
import { devKeys, GENESIS_PROVIDERS } from '../lib/keys.mjs';
import { UNIT } from '../lib/units.mjs';

const COUNT = Number(process.argv[2] ?? 1000);
const SUBMIT_CHUNK = 250;

/** Submits signed extrinsics (hex) in chunks of concurrent RPC calls. */
async function submitAll(provider, hexes) {
  for (let i = 0; i < hexes.length; i += SUBMIT_CHUNK) {
    await Promise.all(hexes.slice(i, i + SUBMIT_CHUNK)
      .map((hex) => provider.send('author_submitExtrinsic', [hex])));
  }
}

/** Seals blocks until `count` signed extrinsics were included; returns the block hashes. */
async function sealUntilIncluded(api, seal, count) {
  const hashes = [];
  let included = 0;
  while (included < count) {
    const hash = await seal();
    hashes.push(hash);
    const block = await api.rpc.chain.getBlock(hash);
    included += block.block.extrinsics.filter((x) => x.isSigned).length;
    if (hashes.length > 10_000) throw new Error('transactions are not being included');
  }
  return { hashes, included };
}

/** Counts successful and failed signed extrinsics in `hashes`. */
async function outcomes(api, hashes) {
  let ok = 0;
  let failed = 0;
  for (const hash of hashes) {
    const events = await (await api.at(hash)).query.system.events();
    for (const { event } of events) {
      if (api.events.system.ExtrinsicSuccess.is(event)) ok += 1;
      if (api.events.system.ExtrinsicFailed.is(event)) failed += 1;
    }
  }
  // Each block has one successful inherent (the timestamp).
  return { ok: ok - hashes.length, failed };
}

/** Runs one phase of pre-signed extrinsics and returns its rate. */
async function phase(name, api, node, hexes) {
  const started = process.hrtime.bigint();
  await submitAll(node.provider, hexes);
  const { hashes, included } = await sealUntilIncluded(api, node.seal, hexes.length);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const { ok, failed } = await outcomes(api, hashes);
  if (failed > 0 || ok !== hexes.length) {
    throw new Error(`${name}: ${ok} succeeded, ${failed} failed of ${hexes.length}`);
  }
  const rate = included / seconds;
  console.log(`${name}: ${included} extrinsics in ${hashes.length} blocks, ${seconds.toFixed(2)} s, ${rate.toFixed(1)} extrinsics/s`);
  return rate;
}

/**
 * Signs `tx` by `pair` at `nonce`, immortal, and returns its hex. Deliberately not
 * `lib/tx.mjs`'s `submit`: the bench signs everything before the clock starts and submits the
 * raw extrinsics in bulk, without a status subscription per transaction.
 */
async function signed(tx, pair, nonce) {
  await tx.signAsync(pair, { nonce, era: 0 });
  return tx.toHex();
}

async function main() {
  const node = await startDevNode({ sealing: 'manual' });
  const { api } = node;
  try {
    const [alice, aliceStash] = await devKeys('Alice', GENESIS_PROVIDERS[0]);
    const provider = aliceStash.address;
    const minDelegation = api.consts.workToken.minDelegation.toBigInt();
    // Senders: `COUNT` for the transfers (they delegate in the mix), `COUNT / 2` claimers.
    const half = Math.floor(COUNT / 2);
    const senders = await devKeys(...Array.from({ length: COUNT + half }, (_, i) => `Throughput//${i}`));
    const claimers = senders.slice(COUNT);

    // Setup (not timed): fund every sender, let the claimers delegate and earn for two eras.
    const aliceNonce = (await api.rpc.system.accountNextIndex(alice.address)).toNumber();
    const funding = await Promise.all(senders.map((s, i) =>
      signed(api.tx.balances.transferKeepAlive(s.address, 10n * minDelegation + 100n * UNIT), alice, aliceNonce + i)));
    await submitAll(node.provider, funding);
    await sealUntilIncluded(api, node.seal, funding.length);
    const setup = await Promise.all(claimers.map((s) =>
      signed(api.tx.workToken.delegate(provider, minDelegation * 2n), s, 0)));
    await submitAll(node.provider, setup);
    await sealUntilIncluded(api, node.seal, setup.length);
    for (let i = 0; i < 2 * eraLength(api) + 1; i += 1) await node.seal();

    // Phase 1: transfers, one per sender.
    const transfers = await Promise.all(senders.slice(0, COUNT).map((s) =>
      signed(api.tx.balances.transferKeepAlive(alice.address, UNIT), s, 0)));
    const transferRate = await phase('transfer_keep_alive', api, node, transfers);

    // Phase 2: half new delegations, half reward claims, interleaved.
    const mix = [];
    for (let i = 0; i < COUNT; i += 1) {
      if (i % 2 === 0 && mix.length < COUNT) {
        mix.push(signed(api.tx.workToken.delegate(provider, minDelegation), senders[i], 1));
      } else {
        const claimer = claimers[Math.floor(i / 2)];
        if (claimer) mix.push(signed(api.tx.workToken.claimRewards(provider), claimer, 1));
      }
    }
    const mixRate = await phase('delegate/claim_rewards mix', api, node, await Promise.all(mix));

    const ratio = mixRate / transferRate;
    console.log(`ratio mix/transfer: ${(100 * ratio).toFixed(1)}% (target >= 50%)`);
  } finally {
    await node.stop();
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
