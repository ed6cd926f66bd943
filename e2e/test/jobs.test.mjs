// The work market end to end: a client submits a job, the assigned provider delivers, the
// client accepts; the fee (less the protocol fee) reaches the provider and its pool's
// delegators, and the provider's reputation rises.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { startDevNode } from '../lib/node.mjs';
import { submit, eventsOf, advanceToEra } from '../lib/tx.mjs';

const UNIT = 10n ** 12n;
const ERA_LENGTH = 10;
let node;
let api;
let dave; // provider
let eve; // delegator
let ferdie; // client

const free = async (who) => (await api.query.system.account(who)).data.free.toBigInt();
const pendingRewards = async () => (
  await api.call.workTokenApi.delegationSummary(eve.address, dave.address)
).unwrap().pendingRewards.toBigInt();

/** Seals a block when the next one would start an era, so no emission lands in the next. */
async function avoidEraBoundary() {
  const number = (await api.rpc.chain.getHeader()).number.toNumber();
  if ((number + 1) % ERA_LENGTH === 0) await node.seal();
}

before(async () => {
  await cryptoWaitReady();
  node = await startDevNode();
  api = node.api;
  const keyring = new Keyring({ type: 'sr25519' });
  dave = keyring.addFromUri('//Dave');
  eve = keyring.addFromUri('//Eve');
  ferdie = keyring.addFromUri('//Ferdie');
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
  const [member] = (await api.call.workTokenApi.activeSet()).toArray();
  assert.equal(member.provider.toString(), dave.address);
  assert.equal(member.selectionProbability.toNumber(), 1_000_000_000, 'the only provider');

  const fee = 10n * UNIT;
  await avoidEraBoundary();
  const ferdieBefore = await free(ferdie.address);
  let r = await submit(api, node.seal, api.tx.workToken.submitJob(`0x${'ab'.repeat(32)}`, fee), ferdie);
  assert.equal(r.error, null);
  const [submitted] = eventsOf(r.events, 'workToken', 'JobSubmitted');
  const id = submitted.id.toNumber();
  assert.equal(submitted.provider.toString(), dave.address);
  assert.equal(submitted.fee.toBigInt(), fee);
  assert.equal(await free(ferdie.address), ferdieBefore - fee - r.fee, 'the fee is on hold');

  // Only the assigned provider may deliver.
  r = await submit(api, node.seal, api.tx.workToken.submitResult(id, `0x${'cd'.repeat(32)}`), eve);
  assert.equal(r.error, 'workToken.NotAssignedProvider');
  r = await submit(api, node.seal, api.tx.workToken.submitResult(id, `0x${'cd'.repeat(32)}`), dave);
  assert.equal(r.error, null);
  assert.equal(eventsOf(r.events, 'workToken', 'JobResultSubmitted').length, 1);

  await avoidEraBoundary();
  const daveBefore = await free(dave.address);
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
  assert.ok(toPool > 0n, 'the delegators get their share');
  assert.equal(await free(dave.address), daveBefore + toProvider);
  const gained = (await pendingRewards()) - eveBefore;
  assert.ok(toPool - gained <= 1n && gained <= toPool, `pool share ${toPool}, claimable ${gained}`);
  assert.equal(await free(ferdie.address), ferdieBeforeAccept - r.fee, 'the held fee was spent');

  const summary = (await api.call.workTokenApi.providerSummary(dave.address)).unwrap();
  assert.equal(summary.reputation.toNumber(), 550_000, 'neutral 50% -> 55%');
  assert.equal(summary.openJobs.toNumber(), 0);
  assert.ok((await api.query.workToken.jobs(id)).isNone);
});
