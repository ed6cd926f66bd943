// WorkTokenApi (S23) from polkadot.js: `api.call.workTokenApi.*` against the real node.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { startDevNode } from '../lib/node.mjs';
import { submit } from '../lib/tx.mjs';

const UNIT = 10n ** 12n;
let node;
let api;
let charlie;
let eve;

before(async () => {
  await cryptoWaitReady();
  node = await startDevNode();
  api = node.api;
  const keyring = new Keyring({ type: 'sr25519' });
  charlie = keyring.addFromUri('//Charlie');
  eve = keyring.addFromUri('//Eve');
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
  const provider = (await api.call.workTokenApi.providerSummary(charlie.address)).unwrap();
  assert.equal(provider.selfStake.toBigInt(), 200n * UNIT);
  assert.equal(provider.delegated.toBigInt(), 50n * UNIT);
  assert.equal(provider.delegators.toNumber(), 1);
  assert.equal(provider.commission.toNumber(), 30_000_000);
  assert.ok((await api.call.workTokenApi.providerSummary(eve.address)).isNone);

  const position = (await api.call.workTokenApi.delegationSummary(eve.address, charlie.address))
    .unwrap();
  assert.equal(position.value.toBigInt(), 50n * UNIT);
  assert.equal(position.shares.toBigInt(), 50n * UNIT);
  assert.equal(position.pendingRewards.toBigInt(), 0n, 'nothing earned in the joining era');

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
});
