// Leaving the market end to end: a provider deregisters (all of its stake starts unbonding,
// it leaves the active set at once and takes no new stake, delegations or work), anyone kicks
// its delegators out (waiting tokens paid back at once, bonded ones unbonding), the unbonding
// period passes, everything is withdrawn and the provider's records are removed. Balances to
// the unit. Then a provider with an open job cannot deregister until the job is done.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDevNode } from '../lib/node.mjs';
import {
  submit, submitJob, eventsOf, eventsInBlocks, advanceToEra, avoidEraBoundary, eraLength,
  freeBalance,
} from '../lib/tx.mjs';
import { devKeys, GENESIS_PROVIDERS } from '../lib/keys.mjs';
import { UNIT } from '../lib/units.mjs';

const STAKE = 300n * UNIT;
let node;
let api;
let ferdie; // provider that leaves
let eve; // delegator whose tokens entered the pool
let dave; // delegator whose tokens are still waiting
let charlie; // anyone: kicks the delegators

const free = (who) => freeBalance(api, who);
const reserved = async (who) => (await api.query.system.account(who)).data.reserved.toBigInt();
const summary = async (who) => api.call.workTokenApi.providerSummary(who);
const position = async (delegator) => (
  api.call.workTokenApi.delegationSummary(delegator.address, ferdie.address)
);
const members = async () => (await api.call.workTokenApi.activeSet())
  .map((m) => m.provider.toString());

before(async () => {
  node = await startDevNode();
  api = node.api;
  [ferdie, eve, dave, charlie] = await devKeys('Ferdie', 'Eve', 'Dave', 'Charlie');
});

after(async () => {
  await node?.stop();
});

test('deregister, kick, unbond, withdraw: the provider leaves and its records go', async () => {
  const countBefore = (await api.query.workToken.providerCount()).toNumber();
  const stakedBefore = (await api.query.workToken.totalStaked()).toBigInt();
  const delegatedBefore = (await api.query.workToken.totalDelegated()).toBigInt();
  const ferdieStart = await free(ferdie.address);
  let ferdieFees = 0n;

  // Ferdie registers, Eve delegates 50; at the next era Ferdie is active and Eve's tokens
  // have entered his pool.
  let r = await submit(api, node.seal, api.tx.workToken.registerProvider(STAKE, 0), ferdie);
  assert.equal(r.error, null);
  ferdieFees += r.fee;
  const eveStart = await free(eve.address);
  r = await submit(api, node.seal, api.tx.workToken.delegate(ferdie.address, 50n * UNIT), eve);
  assert.equal(r.error, null);
  const eveAfterDelegating = eveStart - 50n * UNIT - r.fee;
  const era = (await api.query.workToken.currentEra()).toNumber();
  await advanceToEra(api, node.seal, era + 1);
  assert.ok((await members()).includes(ferdie.address), 'Ferdie is active');
  assert.equal((await position(eve)).unwrap().shares.toBigInt(), 50n * UNIT);

  // Dave delegates 20 in this era: still waiting to enter when Ferdie leaves.
  await avoidEraBoundary(api, node.seal, eraLength(api) - 1);
  const daveStart = await free(dave.address);
  r = await submit(api, node.seal, api.tx.workToken.delegate(ferdie.address, 20n * UNIT), dave);
  assert.equal(r.error, null);
  const daveAfterDelegating = daveStart - 20n * UNIT - r.fee;
  assert.equal((await position(dave)).unwrap().entering.toBigInt(), 20n * UNIT);

  // Ferdie deregisters: all 300 unbond (unlocking 4 eras on), out of the active set at once.
  const period = api.consts.workToken.unbondingPeriod.toNumber();
  const leaveEra = (await api.query.workToken.currentEra()).toNumber();
  r = await submit(api, node.seal, api.tx.workToken.deregister(), ferdie);
  assert.equal(r.error, null);
  ferdieFees += r.fee;
  const [deregistered] = eventsOf(r.events, 'workToken', 'ProviderDeregistered');
  assert.equal(deregistered.provider.toString(), ferdie.address);
  assert.equal(deregistered.unbonded.toBigInt(), STAKE);
  const unlockEra = deregistered.unlockEra.toNumber();
  assert.equal(unlockEra, leaveEra + period);
  const leftAt = (await api.rpc.chain.getHeader(r.blockHash)).number.toNumber();
  const [left] = eventsOf(r.events, 'workToken', 'LeftActiveSet');
  assert.equal(left.provider.toString(), ferdie.address);
  assert.ok(!(await members()).includes(ferdie.address), 'activeSet() no longer lists him');
  let provider = (await summary(ferdie.address)).unwrap();
  assert.equal(provider.leaving.isTrue, true);
  assert.equal(provider.active.isTrue, false);
  assert.equal(provider.chilled.isTrue, true);
  assert.equal(provider.selfStake.toBigInt(), 0n);
  assert.equal(provider.selfUnbonding.toBigInt(), STAKE);
  const ledger = (await api.query.workToken.ledgers(ferdie.address)).unwrap();
  assert.deepEqual(ledger.unlocking.map((c) => [c.value.toBigInt(), c.unlockEra.toNumber()]),
    [[STAKE, unlockEra]]);
  assert.equal(await reserved(ferdie.address), STAKE, 'unbonding stake stays on hold');
  assert.equal(await free(ferdie.address), ferdieStart - STAKE - ferdieFees);

  // A leaving provider takes no new delegations, stake or rebonds, cannot unchill and cannot
  // deregister again; each failure costs only its fee.
  const charlieStart = await free(charlie.address);
  r = await submit(api, node.seal, api.tx.workToken.delegate(ferdie.address, 10n * UNIT), charlie);
  assert.equal(r.error, 'workToken.ProviderLeaving');
  let charlieFees = r.fee;
  for (const tx of [
    api.tx.workToken.bondExtra(10n * UNIT),
    api.tx.workToken.rebond(10n * UNIT),
    api.tx.workToken.unchill(),
    api.tx.workToken.deregister(),
  ]) {
    r = await submit(api, node.seal, tx, ferdie);
    assert.equal(r.error, 'workToken.ProviderLeaving', tx.method.method);
    ferdieFees += r.fee;
  }
  assert.equal(await free(ferdie.address), ferdieStart - STAKE - ferdieFees);
  assert.equal(await reserved(ferdie.address), STAKE);
  assert.equal(await free(charlie.address), charlieStart - charlieFees);

  // Charlie kicks Eve: her bonded 50 start unbonding; nothing is paid to anyone yet.
  r = await submit(api, node.seal, api.tx.workToken.kick(eve.address, ferdie.address), charlie);
  assert.equal(r.error, null);
  charlieFees += r.fee;
  const [kicked] = eventsOf(r.events, 'workToken', 'Kicked');
  assert.equal(kicked.by.toString(), charlie.address);
  assert.equal(kicked.delegator.toString(), eve.address);
  assert.equal(kicked.provider.toString(), ferdie.address);
  const [undelegated] = eventsOf(r.events, 'workToken', 'Undelegated');
  assert.equal(undelegated.delegator.toString(), eve.address);
  assert.equal(undelegated.amount.toBigInt(), 50n * UNIT);
  const eveUnlock = undelegated.unlockEra.toNumber();
  let evePosition = (await position(eve)).unwrap();
  assert.equal(evePosition.shares.toBigInt(), 0n);
  assert.deepEqual(evePosition.unbonding.map(([e, v]) => [e.toNumber(), v.toBigInt()]),
    [[eveUnlock, 50n * UNIT]]);
  assert.equal(await free(eve.address), eveAfterDelegating, 'Eve paid nothing');

  // Charlie kicks Dave: his 20 waiting tokens are paid back to him at once.
  r = await submit(api, node.seal, api.tx.workToken.kick(dave.address, ferdie.address), charlie);
  assert.equal(r.error, null);
  charlieFees += r.fee;
  assert.equal(eventsOf(r.events, 'workToken', 'Kicked').length, 1);
  const [entryBack] = eventsOf(r.events, 'workToken', 'EntryWithdrawn');
  assert.equal(entryBack.delegator.toString(), dave.address);
  assert.equal(entryBack.amount.toBigInt(), 20n * UNIT);
  assert.equal(eventsOf(r.events, 'workToken', 'DelegationRemoved').length, 1);
  assert.equal(await free(dave.address), daveAfterDelegating + 20n * UNIT, 'paid back whole');
  assert.ok((await position(dave)).isNone);
  assert.equal((await api.query.workToken.pools(ferdie.address)).unwrap().delegators.toNumber(), 1);

  // Nothing more to kick until Eve's chunk unlocks; nothing to withdraw for Ferdie yet.
  r = await submit(api, node.seal, api.tx.workToken.kick(eve.address, ferdie.address), charlie);
  assert.equal(r.error, 'workToken.NothingToKick');
  charlieFees += r.fee;
  r = await submit(api, node.seal, api.tx.workToken.withdrawUnbonded(), ferdie);
  assert.equal(r.error, 'workToken.NothingToWithdraw');
  ferdieFees += r.fee;

  // The unbonding period passes. A provider that left earns nothing.
  await advanceToEra(api, node.seal, Math.max(unlockEra, eveUnlock));
  const events = await eventsInBlocks(api, leftAt + 1);
  assert.ok(eventsOf(events, 'workToken', 'NewEra').length >= period, 'eras passed');
  const earned = ['ProviderRewarded', 'PoolRewarded', 'FeesDistributed']
    .flatMap((name) => eventsOf(events, 'workToken', name))
    .filter((e) => e.provider.toString() === ferdie.address);
  assert.deepEqual(earned, [], 'no reward after deregistering');

  // Ferdie withdraws his stake; the records stay while Eve's chunk is left.
  r = await submit(api, node.seal, api.tx.workToken.withdrawUnbonded(), ferdie);
  assert.equal(r.error, null);
  ferdieFees += r.fee;
  const [withdrawn] = eventsOf(r.events, 'workToken', 'Withdrawn');
  assert.equal(withdrawn.amount.toBigInt(), STAKE);
  assert.equal(eventsOf(r.events, 'workToken', 'ProviderRemoved').length, 0, 'Eve is still in');
  assert.equal(await free(ferdie.address), ferdieStart - ferdieFees, 'the whole stake is back');
  assert.equal(await reserved(ferdie.address), 0n);
  provider = (await summary(ferdie.address)).unwrap();
  assert.equal(provider.selfUnbonding.toBigInt(), 0n);
  assert.equal(provider.delegators.toNumber(), 1);

  // Charlie kicks Eve again: her unlocked chunk is paid out to her; the last position gone,
  // Ferdie's records are removed.
  r = await submit(api, node.seal, api.tx.workToken.kick(eve.address, ferdie.address), charlie);
  assert.equal(r.error, null);
  charlieFees += r.fee;
  assert.equal(eventsOf(r.events, 'workToken', 'Kicked').length, 1);
  const [paidOut] = eventsOf(r.events, 'workToken', 'DelegationWithdrawn');
  assert.equal(paidOut.delegator.toString(), eve.address);
  assert.equal(paidOut.amount.toBigInt(), 50n * UNIT);
  const rewards = eventsOf(r.events, 'workToken', 'RewardsClaimed')
    .reduce((sum, e) => sum + e.amount.toBigInt(), 0n);
  assert.equal(rewards, 0n, 'Ferdie earned nothing, so neither did his pool');
  assert.equal(eventsOf(r.events, 'workToken', 'DelegationRemoved').length, 1);
  const [removed] = eventsOf(r.events, 'workToken', 'ProviderRemoved');
  assert.equal(removed.provider.toString(), ferdie.address);
  assert.equal(await free(eve.address), eveAfterDelegating + 50n * UNIT, 'Eve has all of it back');
  assert.equal(await free(charlie.address), charlieStart - charlieFees, 'kicking cost only fees');

  assert.ok((await summary(ferdie.address)).isNone, 'providerSummary returns none');
  assert.ok((await api.query.workToken.providers(ferdie.address)).isNone);
  assert.ok((await api.query.workToken.ledgers(ferdie.address)).isNone);
  assert.ok((await api.query.workToken.pools(ferdie.address)).isNone);
  assert.ok((await position(eve)).isNone);
  assert.equal((await api.query.workToken.providerCount()).toNumber(), countBefore);
  assert.equal((await api.query.workToken.totalStaked()).toBigInt(), stakedBefore);
  assert.equal((await api.query.workToken.totalDelegated()).toBigInt(), delegatedBefore);
});

test('a provider with an open job cannot deregister until the job is done', async () => {
  const [client] = await devKeys('Alice');
  const stashes = await devKeys(...GENESIS_PROVIDERS);
  const keys = Object.fromEntries(stashes.map((k) => [k.address, k]));
  // Whoever is drawn, we hold its key: the genesis providers are the dev stashes.
  const r0 = await submitJob(api, node.seal, client, 2n * UNIT);
  assert.equal(r0.error, null);
  const worker = keys[r0.provider];
  assert.ok(worker, `the job went to a genesis provider (${r0.provider})`);
  const work = await api.call.workMarketApi.workSummary(worker.address);
  assert.equal(work.openJobs.toNumber(), 1);

  let r = await submit(api, node.seal, api.tx.workToken.deregister(), worker);
  assert.equal(r.error, 'workToken.HasOpenJobs');
  assert.equal((await summary(worker.address)).unwrap().leaving.isTrue, false);
  assert.ok((await members()).includes(worker.address), 'still active');

  // Done and accepted: now it may leave.
  r = await submit(api, node.seal, api.tx.workMarket.submitResult(r0.id, `0x${'ee'.repeat(32)}`), worker);
  assert.equal(r.error, null);
  r = await submit(api, node.seal, api.tx.workMarket.acceptResult(r0.id), client);
  assert.equal(r.error, null);
  assert.equal((await api.call.workMarketApi.workSummary(worker.address)).openJobs.toNumber(), 0);
  r = await submit(api, node.seal, api.tx.workToken.deregister(), worker);
  assert.equal(r.error, null);
  assert.equal(eventsOf(r.events, 'workToken', 'ProviderDeregistered').length, 1);
  assert.ok(!(await members()).includes(worker.address));
});
