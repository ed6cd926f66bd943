// The work market end to end on the dev chain's live genesis market: a client submits a
// job, the drawn provider delivers, the client accepts; the fee (less the protocol fee)
// reaches the provider and its pool's delegators, and the provider's reputation rises.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDevNode } from '../lib/node.mjs';
import { submit, eventsOf, advanceToEra, avoidEraBoundary, freeBalance } from '../lib/tx.mjs';
import { devKeys } from '../lib/keys.mjs';

const UNIT = 10n ** 12n;
let node;
let api;
let dave; // provider
let eve; // delegator
let ferdie; // client
const keys = {}; // address -> key pair of every provider that may be drawn

const free = (who) => freeBalance(api, who);
const pendingRewards = async () => (
  await api.call.workTokenApi.delegationSummary(eve.address, dave.address)
).unwrap().pendingRewards.toBigInt();

before(async () => {
  node = await startDevNode();
  api = node.api;
  [dave, eve, ferdie] = await devKeys('Dave', 'Eve', 'Ferdie');
  const stashes = await devKeys('Alice//stash', 'Bob//stash', 'Charlie//stash');
  for (const pair of [dave, ...stashes]) {
    keys[pair.address] = pair;
  }
  let r = await submit(api, node.seal, api.tx.workToken.registerProvider(500n * UNIT, 0), dave);
  assert.equal(r.error, null);
  r = await submit(api, node.seal, api.tx.workToken.delegate(dave.address, 100n * UNIT), eve);
  assert.equal(r.error, null);
  // Next era: Dave is in the active set and Eve's shares earn.
  const era = (await api.query.workToken.currentEra()).toNumber();
  await advanceToEra(api, node.seal, era + 1);
});

after(async () => {
  await node?.stop();
});

test('submit, deliver, accept: the fee reaches provider and pool, reputation rises', async () => {
  // The dev genesis market (three stash providers) plus Dave, all active.
  const set = (await api.call.workTokenApi.activeSet()).toArray();
  const members = set.map((m) => m.provider.toString());
  assert.ok(members.includes(dave.address), 'Dave joined the active set at the era boundary');
  assert.equal(members.length, 4);
  const total = set.reduce((sum, m) => sum + m.selectionProbability.toNumber(), 0);
  assert.ok(Math.abs(total - 1_000_000_000) <= set.length, `probabilities sum to ${total}`);

  const fee = 10n * UNIT;
  await avoidEraBoundary(api, node.seal);
  const ferdieBefore = await free(ferdie.address);
  let r = await submit(api, node.seal, api.tx.workToken.submitJob(`0x${'ab'.repeat(32)}`, fee), ferdie);
  assert.equal(r.error, null);
  const [submitted] = eventsOf(r.events, 'workToken', 'JobSubmitted');
  const id = submitted.id.toNumber();
  const assigned = submitted.provider.toString();
  assert.ok(members.includes(assigned), 'assigned to an active provider');
  assert.equal(submitted.fee.toBigInt(), fee);
  assert.equal(await free(ferdie.address), ferdieBefore - fee - r.fee, 'the fee is on hold');
  const worker = keys[assigned];

  // Only the assigned provider may deliver.
  const other = assigned === dave.address ? keys[members.find((m) => m !== assigned)] : dave;
  r = await submit(api, node.seal, api.tx.workToken.submitResult(id, `0x${'cd'.repeat(32)}`), other);
  assert.equal(r.error, 'workToken.NotAssignedProvider');
  r = await submit(api, node.seal, api.tx.workToken.submitResult(id, `0x${'cd'.repeat(32)}`), worker);
  assert.equal(r.error, null);
  assert.equal(eventsOf(r.events, 'workToken', 'JobResultSubmitted').length, 1);

  await avoidEraBoundary(api, node.seal);
  const workerBefore = await free(assigned);
  const poolBefore = (await api.query.workToken.pools(assigned)).unwrap();
  const eveBefore = await pendingRewards();
  const ferdieBeforeAccept = await free(ferdie.address);
  r = await submit(api, node.seal, api.tx.workToken.acceptResult(id), ferdie);
  assert.equal(r.error, null);
  const [done] = eventsOf(r.events, 'workToken', 'JobCompleted');
  const toProvider = done.toProvider.toBigInt();
  const toPool = done.toPool.toBigInt();
  const protocolFee = done.protocolFee.toBigInt();
  assert.equal(protocolFee, fee / 20n, '5% protocol fee');
  assert.equal(toProvider + toPool + protocolFee, fee, 'the whole fee is accounted for');
  assert.ok(toPool > 0n, 'every genesis provider and Dave have earning delegators');
  assert.equal(await free(assigned), workerBefore + toProvider);
  const poolAfter = (await api.query.workToken.pools(assigned)).unwrap();
  assert.ok(poolAfter.rewardPerShare.toBigInt() > poolBefore.rewardPerShare.toBigInt(),
    'the pool\'s reward per share rose');
  if (assigned === dave.address) {
    const gained = (await pendingRewards()) - eveBefore;
    assert.ok(toPool - gained <= 1n && gained <= toPool, `pool ${toPool}, claimable ${gained}`);
  }
  assert.equal(await free(ferdie.address), ferdieBeforeAccept - r.fee, 'the held fee was spent');

  const summary = (await api.call.workTokenApi.providerSummary(assigned)).unwrap();
  assert.equal(summary.reputation.toNumber(), 550_000, 'neutral 50% -> 55%');
  assert.equal(summary.openJobs.toNumber(), 0);
  assert.ok((await api.query.workToken.jobs(id)).isNone);
});
