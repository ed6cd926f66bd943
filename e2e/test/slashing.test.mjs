// Slashing end to end: a bonded reporter reports a Critical offence, the accused disputes it
// with a bond, the arbiter (sudo on the dev chain) upholds it; every balance is checked to the
// unit, including the total issuance, which falls by exactly what was burnt.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDevNode } from '../lib/node.mjs';
import { submit, eventsOf, avoidEraBoundary, freeBalance } from '../lib/tx.mjs';
import { devKeys } from '../lib/keys.mjs';

const UNIT = 10n ** 12n;
const BOND = 10n * UNIT; // ReportBond = DisputeBond in the runtime
let node;
let api;
let alice; // sudo: the arbiter
let dave; // provider
let eve; // delegator
let ferdie; // reporter

const account = async (who) => (await api.query.system.account(who)).data;
const free = (who) => freeBalance(api, who);
const reserved = async (who) => (await account(who)).reserved.toBigInt();
const issuance = async () => (await api.query.balances.totalIssuance()).toBigInt();
const evidence = (byte) => `0x${byte.repeat(32)}`;

before(async () => {
  node = await startDevNode();
  api = node.api;
  [alice, dave, eve, ferdie] = await devKeys('Alice', 'Dave', 'Eve', 'Ferdie');
  let r = await submit(api, node.seal, api.tx.workToken.registerProvider(500n * UNIT, 0), dave);
  assert.equal(r.error, null);
  r = await submit(api, node.seal, api.tx.workToken.delegate(dave.address, 100n * UNIT), eve);
  assert.equal(r.error, null);
});

after(async () => {
  await node?.stop();
});

test('report, dispute, arbiter upholds: balances and issuance to the unit', async () => {
  const era = (await api.query.workToken.currentEra()).toNumber();

  // Ferdie reports with a bond. Critical, 50%: 250 of Dave's 500, 50 of the pool's 100.
  await avoidEraBoundary(api, node.seal);
  const ferdieBefore = await free(ferdie.address);
  let r = await submit(
    api,
    node.seal,
    api.tx.workToken.reportOffence(dave.address, 'Critical', era, evidence('11')),
    ferdie,
  );
  assert.equal(r.error, null);
  const [reported] = eventsOf(r.events, 'workToken', 'OffenceReported');
  const id = reported.id.toNumber();
  assert.equal(reported.provider.toString(), dave.address);
  assert.equal(reported.own.toBigInt(), 250n * UNIT);
  assert.equal(reported.pool.toBigInt(), 50n * UNIT);
  assert.equal(reported.disputeUntil.toNumber(), era + 2);
  assert.equal(await free(ferdie.address), ferdieBefore - BOND - r.fee);
  assert.equal(await reserved(ferdie.address), BOND, 'the report bond is on hold');
  const ferdieAfterReport = await free(ferdie.address);

  // The runtime API lists it with its windows.
  const [pending] = (await api.call.workTokenApi.pendingSlashes(dave.address)).toArray();
  assert.equal(pending.id.toNumber(), id);
  assert.equal(pending.severity.toString(), 'Critical');
  assert.equal(pending.own.toBigInt(), 250n * UNIT);
  assert.equal(pending.disputed.isTrue, false);
  assert.equal(pending.disputeWindowEnd.toNumber(), era + 2);
  assert.equal(pending.disputeTimeout.toNumber(), era + 2 + 4);

  // Pending: joiners are turned away.
  r = await submit(api, node.seal, api.tx.workToken.delegate(dave.address, 10n * UNIT), ferdie);
  assert.equal(r.error, 'workToken.ProviderHasPendingSlash');
  const ferdieAfterJoin = ferdieAfterReport - r.fee;

  // Only the accused may dispute; Dave does, posting his bond.
  r = await submit(api, node.seal, api.tx.workToken.disputeSlash(id), eve);
  assert.equal(r.error, 'workToken.NotAccused');
  await avoidEraBoundary(api, node.seal);
  const daveBefore = await free(dave.address);
  r = await submit(api, node.seal, api.tx.workToken.disputeSlash(id), dave);
  assert.equal(r.error, null);
  assert.equal(eventsOf(r.events, 'workToken', 'SlashDisputed').length, 1);
  assert.equal(await free(dave.address), daveBefore - BOND - r.fee);
  const daveAfterDispute = daveBefore - BOND - r.fee;

  // The arbiter must be sudo.
  r = await submit(api, node.seal, api.tx.workToken.resolveDispute(id, 'Uphold'), eve);
  assert.equal(r.error, 'BadOrigin');

  // Sudo upholds: 300 slashed, 10% (30) to Ferdie, 270 burnt, and Dave's bond burnt too.
  await avoidEraBoundary(api, node.seal);
  const issuanceBefore = await issuance();
  r = await submit(
    api,
    node.seal,
    api.tx.sudo.sudo(api.tx.workToken.resolveDispute(id, 'Uphold')),
    alice,
  );
  assert.equal(r.error, null);
  const [sudid] = eventsOf(r.events, 'sudo', 'Sudid');
  assert.ok(sudid.sudoResult.isOk, `sudo call failed: ${sudid.sudoResult.toString()}`);
  const [applied] = eventsOf(r.events, 'workToken', 'SlashApplied');
  assert.equal(applied.own.toBigInt(), 250n * UNIT);
  assert.equal(applied.pool.toBigInt(), 50n * UNIT);
  const [rewarded] = eventsOf(r.events, 'workToken', 'ReporterRewarded');
  assert.equal(rewarded.amount.toBigInt(), 30n * UNIT);
  const [deposited] = eventsOf(r.events, 'workToken', 'SlashDeposited');
  assert.equal(deposited.amount.toBigInt(), 270n * UNIT);
  assert.equal(eventsOf(r.events, 'workToken', 'Tombstoned').length, 1);

  assert.equal(await free(ferdie.address), ferdieAfterJoin + BOND + 30n * UNIT);
  assert.equal(await reserved(ferdie.address), 0n);
  assert.equal(await free(dave.address), daveAfterDispute, 'the dispute bond is gone');
  assert.equal(await reserved(dave.address), 250n * UNIT, 'half the stake is left on hold');
  const pool = (await api.query.workToken.pools(dave.address)).unwrap();
  assert.equal(pool.tokens.toBigInt(), 50n * UNIT);
  assert.equal(pool.shares.toBigInt(), 100n * UNIT, 'shares untouched: each lost half its value');
  // Burnt: 270 of the slash, the 10 bond, and the sudo call's fee (fees are burnt).
  assert.equal(await issuance(), issuanceBefore - 270n * UNIT - BOND - r.fee);
  assert.ok((await api.query.workToken.pendingSlashes(id)).isNone);
});
