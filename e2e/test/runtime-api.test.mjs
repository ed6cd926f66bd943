// WorkTokenApi (S23) and WorkMarketApi from polkadot.js: `api.call.workTokenApi.*` and
// `api.call.workMarketApi.*` against the real node.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { blake2AsHex } from '@polkadot/util-crypto';
import { startDevNode } from '../lib/node.mjs';
import { submit, advanceToEra } from '../lib/tx.mjs';
import { devKeys } from '../lib/keys.mjs';
import { UNIT } from '../lib/units.mjs';

let node;
let api;
let charlie;
let eve;

before(async () => {
  node = await startDevNode();
  api = node.api;
  [charlie, eve] = await devKeys('Charlie', 'Eve');
  let r = await submit(api, node.seal,
    api.tx.workToken.registerProvider(200n * UNIT, 30_000_000), charlie);
  assert.equal(r.error, null);
  r = await submit(api, node.seal, api.tx.workToken.delegate(charlie.address, 50n * UNIT), eve);
  assert.equal(r.error, null);
});

after(async () => {
  await node?.stop();
});

test('providerSummary, delegationSummary and eraSummary describe the chain', async () => {
  assert.ok(api.call.workTokenApi, 'the runtime API is in the metadata');
  const apiId = blake2AsHex('WorkTokenApi', 64);
  const version = api.runtimeVersion.apis.find(([id]) => id.toHex() === apiId);
  assert.ok(version, 'the runtime declares WorkTokenApi');
  assert.equal(version[1].toNumber(), 4,
    'WorkTokenApi version 4: the era summary shows the treasury');
  assert.ok(api.call.workMarketApi, 'the market\'s runtime API is in the metadata');
  const marketId = blake2AsHex('WorkMarketApi', 64);
  const marketVersion = api.runtimeVersion.apis.find(([id]) => id.toHex() === marketId);
  assert.ok(marketVersion, 'the runtime declares WorkMarketApi');
  assert.equal(marketVersion[1].toNumber(), 1, 'WorkMarketApi version 1');

  // Charlie registered and Eve delegated in this era: her tokens wait to enter his pool.
  let provider = (await api.call.workTokenApi.providerSummary(charlie.address)).unwrap();
  assert.equal(provider.selfStake.toBigInt(), 200n * UNIT);
  assert.equal(provider.delegated.toBigInt(), 0n, 'nothing has entered the pool yet');
  assert.equal(provider.entering.toBigInt(), 50n * UNIT);
  assert.equal(provider.delegators.toNumber(), 1);
  assert.equal(provider.commission.toNumber(), 30_000_000);
  assert.equal(provider.unsplitFees.toBigInt(), 0n);
  assert.equal(provider.suspended.isTrue, false);
  assert.equal(provider.leaving.isTrue, false);
  assert.equal(provider.tombstoned.isTrue, false);
  assert.equal(provider.active.isTrue, false, 'active from the next era');
  assert.ok(!('reputation' in provider.toJSON()) && !('openJobs' in provider.toJSON()),
    'reputation and open jobs are the market\'s');
  assert.ok((await api.call.workTokenApi.providerSummary(eve.address)).isNone);
  // The market's view of the same provider: neutral, no open work, the mid tier's multiplier,
  // which the work token's summary reports too.
  const work = await api.call.workMarketApi.workSummary(charlie.address);
  assert.equal(work.reputation.toNumber(), 500_000, 'a provider that never worked is neutral');
  assert.equal(work.openJobs.toNumber(), 0);
  assert.equal(work.openFees.toBigInt(), 0n);
  assert.equal(work.collateralInUse.toBigInt(), 0n);
  assert.equal(work.multiplier.toNumber(),
    (await api.query.workMarket.reputationTiersOf()).mid.toNumber(), 'the neutral score is mid tier');
  assert.equal(provider.multiplier.toNumber(), work.multiplier.toNumber());
  assert.ok((await api.call.workMarketApi.job(0)).isNone, 'no job was submitted');

  let position = (await api.call.workTokenApi.delegationSummary(eve.address, charlie.address))
    .unwrap();
  assert.equal(position.entering.toBigInt(), 50n * UNIT);
  assert.equal(position.value.toBigInt(), 0n);
  assert.equal(position.shares.toBigInt(), 0n);
  assert.equal(position.pendingRewards.toBigInt(), 0n, 'nothing earned in the joining era');

  // The next era: Charlie is active and Eve's tokens own shares.
  const current = (await api.query.workToken.currentEra()).toNumber();
  await advanceToEra(api, node.seal, current + 1);
  provider = (await api.call.workTokenApi.providerSummary(charlie.address)).unwrap();
  assert.equal(provider.delegated.toBigInt(), 50n * UNIT);
  assert.equal(provider.delegatedShares.toBigInt(), 50n * UNIT);
  assert.equal(provider.entering.toBigInt(), 0n);
  assert.equal(provider.earningSelfStake.toBigInt(), 200n * UNIT);
  assert.equal(provider.active.isTrue, true);
  position = (await api.call.workTokenApi.delegationSummary(eve.address, charlie.address))
    .unwrap();
  assert.equal(position.entering.toBigInt(), 0n);
  assert.equal(position.value.toBigInt(), 50n * UNIT);
  assert.equal(position.shares.toBigInt(), 50n * UNIT);
  assert.equal(position.pendingRewards.toBigInt(), 0n, 'earning from this era on');
  const members = (await api.call.workTokenApi.activeSet()).map((m) => m.provider.toString());
  assert.ok(members.includes(charlie.address));

  const era = await api.call.workTokenApi.eraSummary();
  assert.equal(era.era.toNumber(), (await api.query.workToken.currentEra()).toNumber());
  // The dev genesis has a live market: the totals include it.
  assert.equal(era.providers.toNumber(), (await api.query.workToken.providerCount()).toNumber());
  assert.ok(era.providers.toNumber() >= 4, 'three genesis providers and Charlie');
  assert.equal(era.totalStaked.toBigInt(), (await api.query.workToken.totalStaked()).toBigInt());
  assert.equal(
    era.totalDelegated.toBigInt(),
    (await api.query.workToken.totalDelegated()).toBigInt(),
  );
  assert.equal(era.minProviderStake.toBigInt(),
    (await api.query.workToken.minProviderStake()).toBigInt());
  assert.ok(era.eraEmission.toBigInt() > 0n, 'the dev chain mints rewards every era');
  const treasury = api.consts.treasury.potAccount.toString();
  assert.equal(era.treasuryBalance.toBigInt(),
    (await api.query.system.account(treasury)).data.free.toBigInt(), 'the treasury\'s balance');
});
