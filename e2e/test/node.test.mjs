// The node itself (S27): the default sealing produces and finalizes blocks, state under
// `--base-path` survives a restart, and `export-chain-spec` describes the WORK chain.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDevNode, nodeBinary } from '../lib/node.mjs';
import { submit } from '../lib/tx.mjs';
import { devKeys } from '../lib/keys.mjs';
import { UNIT, DECIMALS } from '../lib/units.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

test('default --dev sealing produces and finalizes a block every interval', async () => {
  // 300 ms blocks keep the test short; the default is 1000 ms.
  const node = await startDevNode({ sealing: '300' });
  try {
    const deadline = Date.now() + 30_000;
    let best = 0;
    let finalized = 0;
    while (Date.now() < deadline && (best < 5 || finalized < 5)) {
      best = (await node.api.rpc.chain.getHeader()).number.toNumber();
      const head = await node.api.rpc.chain.getFinalizedHead();
      finalized = (await node.api.rpc.chain.getHeader(head)).number.toNumber();
      await sleep(200);
    }
    assert.ok(best >= 5, `blocks are produced without any request (best #${best})`);
    assert.ok(finalized >= 5, `blocks are finalized (finalized #${finalized})`);
  } finally {
    await node.stop();
  }
});

test('state under --base-path survives a restart', async () => {
  const [ferdie] = await devKeys('Ferdie');
  const basePath = mkdtempSync(join(tmpdir(), 'work-token-persist-'));
  try {
    let node = await startDevNode({ basePath });
    const r = await submit(node.api, node.seal,
      node.api.tx.workToken.registerProvider(20n * UNIT, 0), ferdie);
    assert.equal(r.error, null);
    await node.seal();
    const height = (await node.api.rpc.chain.getHeader()).number.toNumber();
    await node.stop();

    node = await startDevNode({ basePath });
    try {
      const after = (await node.api.rpc.chain.getHeader()).number.toNumber();
      assert.equal(after, height, 'the chain resumes at the height it stopped at');
      const ledger = await node.api.query.workToken.ledgers(ferdie.address);
      assert.equal(ledger.unwrap().active.toBigInt(), 20n * UNIT, 'provider stake persisted');
      await node.seal();
      const next = (await node.api.rpc.chain.getHeader()).number.toNumber();
      assert.equal(next, height + 1, 'blocks continue after the restart');
    } finally {
      await node.stop();
    }
  } finally {
    rmSync(basePath, { recursive: true, force: true });
  }
});

test('export-chain-spec describes the WORK chain for dev and local', () => {
  for (const chain of ['dev', 'local']) {
    const out = spawnSync(nodeBinary(), ['export-chain-spec', '--chain', chain],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.equal(out.status, 0, out.stderr);
    const spec = JSON.parse(out.stdout);
    assert.equal(spec.properties.tokenSymbol, 'WORK');
    assert.equal(spec.properties.tokenDecimals, DECIMALS);
    assert.equal(spec.properties.ss58Format, 42);
    assert.ok(spec.genesis, 'the spec carries a genesis');
  }
});
