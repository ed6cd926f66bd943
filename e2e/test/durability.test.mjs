// Node durability: state made with --base-path (stake, a delegation, a pending slash, an open
// job) survives a SIGKILL — no shutdown, no flush — and the chain goes on from where it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDevNode } from '../lib/node.mjs';
import { submit, submitJob, eventsOf } from '../lib/tx.mjs';
import { devKeys } from '../lib/keys.mjs';
import { UNIT } from '../lib/units.mjs';

/** Everything the test expects to survive, as JSON. */
async function snapshot(api, who) {
  const { bob, charlie, provider } = who; // provider: the one the job was drawn to
  const header = await api.rpc.chain.getHeader();
  return {
    height: header.number.toNumber(),
    hash: header.hash.toHex(),
    ledger: (await api.query.workToken.ledgers(bob.address)).toJSON(),
    delegation: (await api.query.workToken.delegations(charlie.address, bob.address)).toJSON(),
    pendingSlash: (await api.query.workToken.pendingSlashes(0)).toJSON(),
    job: (await api.query.workMarket.jobs(0)).toJSON(),
    workload: (await api.query.workMarket.workloads(provider)).toJSON(),
    totalStaked: (await api.query.workToken.totalStaked()).toString(),
    issuance: (await api.query.balances.totalIssuance()).toString(),
  };
}

test('state survives SIGKILL and blocks continue after restart', async () => {
  const [alice, bob, charlie, dave] = await devKeys('Alice', 'Bob', 'Charlie', 'Dave');
  const who = { bob, charlie, dave };
  const basePath = mkdtempSync(join(tmpdir(), 'work-token-durability-'));
  try {
    let node = await startDevNode({ basePath });
    let { api } = node;
    let r = await submit(api, node.seal, api.tx.workToken.registerProvider(500n * UNIT, 0), who.bob);
    assert.equal(r.error, null);
    r = await submit(api, node.seal, api.tx.workToken.delegate(who.bob.address, 50n * UNIT), who.charlie);
    assert.equal(r.error, null);
    const era = (await api.query.workToken.currentEra()).toNumber();
    r = await submit(api, node.seal,
      api.tx.sudo.sudo(api.tx.workToken.reportOffence(who.bob.address, 'Minor', era, `0x${'77'.repeat(32)}`)),
      alice);
    assert.equal(r.error, null);
    assert.equal(eventsOf(r.events, 'workToken', 'OffenceReported').length, 1);
    // The job is assigned at the start of the next block, which `submitJob` seals.
    r = await submitJob(api, node.seal, who.dave, UNIT, `0x${'55'.repeat(32)}`);
    assert.equal(r.error, null);
    assert.ok(r.provider, 'the job was assigned');
    who.provider = r.provider;
    const before = await snapshot(api, who);
    assert.ok(before.pendingSlash && before.job && before.delegation, 'state was made');
    assert.equal(before.workload.openJobs, 1, 'the provider\'s open job is counted');

    const exit = await node.kill('SIGKILL');
    assert.equal(exit.signal, 'SIGKILL');

    node = await startDevNode({ basePath });
    api = node.api;
    const after = await snapshot(api, who);
    assert.deepEqual(after, before, 'height, hash, work-token and market state survived the kill');
    await node.seal();
    const next = (await api.rpc.chain.getHeader()).number.toNumber();
    assert.equal(next, before.height + 1, 'the chain continues from the same block');
    await node.stop();
  } finally {
    rmSync(basePath, { recursive: true, force: true });
  }
});
