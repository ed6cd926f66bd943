// Delegation end to end: delegate to a provider (the tokens wait one era before they enter
// its pool), undelegate part, wait out the unbonding period, withdraw; balances checked to the
// unit, plus named errors for bad calls.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDevNode } from '../lib/node.mjs';
import {
  submit, eventsOf, advanceToEra, sealToEra, avoidEraBoundary, freeBalance,
} from '../lib/tx.mjs';
import { devKeys } from '../lib/keys.mjs';
import { UNIT } from '../lib/units.mjs';

let node;
let api;
let dave; // provider
let eve; // delegator
let ferdie; // delegator in the rewards test

const free = (who) => freeBalance(api, who);
const position = async (delegator) => (
  await api.call.workTokenApi.delegationSummary(delegator.address, dave.address)
).unwrap();

before(async () => {
  node = await startDevNode();
  api = node.api;
  [dave, eve, ferdie] = await devKeys('Dave', 'Eve', 'Ferdie');
  const r = await submit(api, node.seal, api.tx.workToken.registerProvider(500n * UNIT, 0), dave);
  assert.equal(r.error, null);
});

after(async () => {
  await node?.stop();
});

test('delegate, enter, undelegate, wait, withdraw: balances to the unit', async () => {
  const amount = 40n * UNIT;
  const extra = 5n * UNIT;
  // The dev genesis already has delegations: compare with what was there.
  const delegatedBefore = (await api.query.workToken.totalDelegated()).toBigInt();
  await avoidEraBoundary(api, node.seal, 3); // the three delegation calls share an era
  let before = await free(eve.address);
  let r = await submit(api, node.seal, api.tx.workToken.delegate(dave.address, amount), eve);
  assert.equal(r.error, null);
  const era = (await api.query.workToken.currentEra()).toNumber();
  const [delegated] = eventsOf(r.events, 'workToken', 'Delegated');
  assert.equal(delegated.delegator.toString(), eve.address);
  assert.equal(delegated.provider.toString(), dave.address);
  assert.equal(delegated.amount.toBigInt(), amount);
  assert.ok(!('shares' in delegated), 'no shares yet');
  assert.equal(await free(eve.address), before - amount - r.fee);
  const delegateFee = r.fee;
  // The tokens wait in an entry cohort: not in the pool, no shares, no value.
  let summary = await position(eve);
  assert.equal(summary.entering.toBigInt(), amount);
  assert.equal(summary.shares.toBigInt(), 0n);
  assert.equal(summary.value.toBigInt(), 0n);
  let pool = (await api.query.workToken.pools(dave.address)).unwrap();
  assert.equal(pool.tokens.toBigInt(), 0n);
  assert.equal(pool.delegators.toNumber(), 1);
  assert.equal((await api.call.workTokenApi.providerSummary(dave.address)).unwrap()
    .entering.toBigInt(), amount);
  assert.equal((await api.query.workToken.totalDelegated()).toBigInt(), delegatedBefore + amount);

  // Waiting tokens come back at once: 5 more in, 5 straight back out.
  r = await submit(api, node.seal, api.tx.workToken.delegate(dave.address, extra), eve);
  assert.equal(r.error, null);
  let spent = r.fee;
  r = await submit(api, node.seal, api.tx.workToken.undelegate(dave.address, extra), eve);
  assert.equal(r.error, null);
  spent += r.fee;
  const [back] = eventsOf(r.events, 'workToken', 'EntryWithdrawn');
  assert.equal(back.amount.toBigInt(), extra);
  assert.equal(eventsOf(r.events, 'workToken', 'Undelegated').length, 0, 'no unbonding');
  assert.equal(await free(eve.address), before - amount - delegateFee - spent,
    'paid back in the same block');
  assert.equal((await position(eve)).entering.toBigInt(), amount);
  assert.equal((await api.query.workToken.totalDelegated()).toBigInt(), delegatedBefore + amount);

  // The next era boundary converts the cohort: a fresh pool mints shares 1:1.
  assert.equal((await api.query.workToken.currentEra()).toNumber(), era, 'still the same era');
  const { events } = await sealToEra(api, node.seal, era + 1);
  const [converted] = eventsOf(events, 'workToken', 'EntryConverted')
    .filter((e) => e.provider.toString() === dave.address);
  assert.equal(converted.tokens.toBigInt(), amount);
  assert.equal(converted.shares.toBigInt(), amount, 'a fresh pool mints shares 1:1');
  summary = await position(eve);
  assert.equal(summary.entering.toBigInt(), 0n);
  assert.equal(summary.shares.toBigInt(), amount);
  assert.equal(summary.value.toBigInt(), amount);
  pool = (await api.query.workToken.pools(dave.address)).unwrap();
  assert.equal(pool.tokens.toBigInt(), amount);
  assert.equal(pool.shares.toBigInt(), amount);

  // Undelegate 15 of the bonded tokens; 25 stay bonded.
  const out = 15n * UNIT;
  before = await free(eve.address);
  r = await submit(api, node.seal, api.tx.workToken.undelegate(dave.address, out), eve);
  assert.equal(r.error, null);
  const [undelegated] = eventsOf(r.events, 'workToken', 'Undelegated');
  assert.equal(undelegated.amount.toBigInt(), out);
  const unlockEra = undelegated.unlockEra.toNumber();
  assert.equal(await free(eve.address), before - r.fee);
  const stored = (await api.query.workToken.delegations(eve.address, dave.address)).unwrap();
  assert.equal(stored.shares.toBigInt(), amount - out);
  const unbonding = (await api.query.workToken.unbondingPools(dave.address, unlockEra)).unwrap();
  assert.equal(unbonding.tokens.toBigInt(), out);

  // Too early, then after the unbonding period.
  r = await submit(api, node.seal, api.tx.workToken.withdrawDelegation(dave.address), eve);
  assert.equal(r.error, 'workToken.NothingToWithdraw');
  await advanceToEra(api, node.seal, unlockEra);
  before = await free(eve.address);
  r = await submit(api, node.seal, api.tx.workToken.withdrawDelegation(dave.address), eve);
  assert.equal(r.error, null);
  const [withdrawn] = eventsOf(r.events, 'workToken', 'DelegationWithdrawn');
  assert.equal(withdrawn.amount.toBigInt(), out);
  assert.equal(await free(eve.address), before + out - r.fee, 'exactly the unbonded tokens return');
  assert.ok((await api.query.workToken.unbondingPools(dave.address, unlockEra)).isNone);
  assert.equal(
    (await api.query.workToken.totalDelegated()).toBigInt(),
    delegatedBefore + amount - out,
  );
});

test('bad delegation calls fail with named errors and change nothing', async () => {
  // Six calls in one era: no era reward moves the pool while they fail.
  await avoidEraBoundary(api, node.seal, 6);
  const before = await free(eve.address);
  const pool = (await api.query.workToken.pools(dave.address)).unwrap().toJSON();
  let r = await submit(api, node.seal, api.tx.workToken.delegate(eve.address, 5n * UNIT), eve);
  assert.equal(r.error, 'workToken.CannotDelegateToSelf');
  let spent = r.fee;
  // Eve has no position with Ferdie (not a provider either).
  r = await submit(api, node.seal, api.tx.workToken.undelegate(ferdie.address, 5n * UNIT), eve);
  assert.equal(r.error, 'workToken.NotDelegator');
  spent += r.fee;
  r = await submit(api, node.seal, api.tx.workToken.delegate(ferdie.address, 5n * UNIT), eve);
  assert.equal(r.error, 'workToken.NotProvider');
  spent += r.fee;
  r = await submit(api, node.seal, api.tx.workToken.undelegate(dave.address, 0), eve);
  assert.equal(r.error, 'workToken.ZeroAmount');
  spent += r.fee;
  // Dave still serves his delegators: nobody may kick them.
  r = await submit(api, node.seal, api.tx.workToken.kick(eve.address, dave.address), eve);
  assert.equal(r.error, 'workToken.NotKickable');
  spent += r.fee;
  assert.equal(await free(eve.address), before - spent, 'only fees were paid');
  assert.deepEqual((await api.query.workToken.pools(dave.address)).unwrap().toJSON(), pool);
});

test('delegate, eras pass, claim rewards, undelegate, withdraw: to the unit', async () => {
  const amount = 100n * UNIT;
  let r = await submit(api, node.seal, api.tx.workToken.delegate(dave.address, amount), ferdie);
  assert.equal(r.error, null);
  const joinedEra = (await api.query.workToken.currentEra()).toNumber();
  assert.equal((await position(ferdie)).entering.toBigInt(), amount, 'waiting to enter');

  // Tokens delegated in era e enter (and earn) from e+1; the rewards of e+1 are paid at the
  // start of e+2.
  await advanceToEra(api, node.seal, joinedEra + 1);
  assert.equal((await position(ferdie)).value.toBigInt(), amount, 'entered at the boundary');
  await advanceToEra(api, node.seal, joinedEra + 2);
  let before = await free(ferdie.address);
  r = await submit(api, node.seal, api.tx.workToken.claimRewards(dave.address), ferdie);
  assert.equal(r.error, null);
  const [claimed] = eventsOf(r.events, 'workToken', 'RewardsClaimed');
  const reward = claimed.amount.toBigInt();
  assert.ok(reward > 0n, 'a full era of delegation earned a reward');
  assert.equal(await free(ferdie.address), before + reward - r.fee, 'paid to the unit');

  // Undelegate the whole position: its value at the pool's exchange rate.
  const stored = (await api.query.workToken.delegations(ferdie.address, dave.address)).unwrap();
  const pool = (await api.query.workToken.pools(dave.address)).unwrap();
  const value = stored.shares.toBigInt() === pool.shares.toBigInt()
    ? pool.tokens.toBigInt()
    : (stored.shares.toBigInt() * pool.tokens.toBigInt()) / pool.shares.toBigInt();
  r = await submit(api, node.seal, api.tx.workToken.undelegate(dave.address, value), ferdie);
  assert.equal(r.error, null);
  const [undelegated] = eventsOf(r.events, 'workToken', 'Undelegated');
  assert.equal(undelegated.amount.toBigInt(), amount, 'no slash: the value is what was delegated');

  await advanceToEra(api, node.seal, undelegated.unlockEra.toNumber());
  before = await free(ferdie.address);
  r = await submit(api, node.seal, api.tx.workToken.withdrawDelegation(dave.address), ferdie);
  assert.equal(r.error, null);
  const [withdrawn] = eventsOf(r.events, 'workToken', 'DelegationWithdrawn');
  assert.equal(withdrawn.amount.toBigInt(), amount);
  // Rewards earned since the claim are paid on the way out.
  const exitRewards = eventsOf(r.events, 'workToken', 'RewardsClaimed')
    .reduce((sum, e) => sum + e.amount.toBigInt(), 0n);
  assert.equal(await free(ferdie.address), before + amount + exitRewards - r.fee);
  assert.ok((await api.query.workToken.delegations(ferdie.address, dave.address)).isNone,
    'the emptied position is removed');
});
