// Delegation end to end: delegate to a provider, undelegate part, wait out the unbonding
// period, withdraw; balances checked to the unit, plus named errors for bad calls.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDevNode } from '../lib/node.mjs';
import { submit, eventsOf, advanceToEra, freeBalance } from '../lib/tx.mjs';
import { devKeys } from '../lib/keys.mjs';

const UNIT = 10n ** 12n;
let node;
let api;
let dave; // provider
let eve; // delegator
let ferdie; // delegator in the rewards test

const free = (who) => freeBalance(api, who);

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

test('delegate, undelegate, wait, withdraw: balances to the unit', async () => {
  const amount = 40n * UNIT;
  // The dev genesis already has delegations: compare with what was there.
  const delegatedBefore = (await api.query.workToken.totalDelegated()).toBigInt();
  let before = await free(eve.address);
  let r = await submit(api, node.seal, api.tx.workToken.delegate(dave.address, amount), eve);
  assert.equal(r.error, null);
  const [delegated] = eventsOf(r.events, 'workToken', 'Delegated');
  assert.equal(delegated.delegator.toString(), eve.address);
  assert.equal(delegated.provider.toString(), dave.address);
  assert.equal(delegated.amount.toBigInt(), amount);
  assert.equal(delegated.shares.toBigInt(), amount, 'a fresh pool mints shares 1:1');
  assert.equal(await free(eve.address), before - amount - r.fee);
  const pool = (await api.query.workToken.pools(dave.address)).unwrap();
  assert.equal(pool.tokens.toBigInt(), amount);
  assert.equal(pool.delegators.toNumber(), 1);
  assert.equal((await api.query.workToken.totalDelegated()).toBigInt(), delegatedBefore + amount);

  // Undelegate 15; 25 stay bonded.
  const out = 15n * UNIT;
  before = await free(eve.address);
  r = await submit(api, node.seal, api.tx.workToken.undelegate(dave.address, out), eve);
  assert.equal(r.error, null);
  const [undelegated] = eventsOf(r.events, 'workToken', 'Undelegated');
  assert.equal(undelegated.amount.toBigInt(), out);
  const unlockEra = undelegated.unlockEra.toNumber();
  assert.equal(await free(eve.address), before - r.fee);
  const position = (await api.query.workToken.delegations(eve.address, dave.address)).unwrap();
  assert.equal(position.shares.toBigInt(), amount - out);
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
  const before = await free(eve.address);
  const pool = (await api.query.workToken.pools(dave.address)).unwrap().toJSON();
  let r = await submit(api, node.seal, api.tx.workToken.delegate(eve.address, 5n * UNIT), eve);
  assert.equal(r.error, 'workToken.CannotDelegateToSelf');
  let spent = r.fee;
  r = await submit(api, node.seal, api.tx.workToken.undelegate(dave.address, 1_000n * UNIT), eve);
  assert.equal(r.error, 'workToken.InsufficientDelegation');
  spent += r.fee;
  assert.equal(await free(eve.address), before - spent, 'only fees were paid');
  assert.deepEqual((await api.query.workToken.pools(dave.address)).unwrap().toJSON(), pool);
});

test('delegate, eras pass, claim rewards, undelegate, withdraw: to the unit', async () => {
  const amount = 100n * UNIT;
  let r = await submit(api, node.seal, api.tx.workToken.delegate(dave.address, amount), ferdie);
  assert.equal(r.error, null);
  const joinedEra = (await api.query.workToken.currentEra()).toNumber();

  // Shares joined in era e earn from e+1; the rewards of e+1 are paid at the start of e+2.
  await advanceToEra(api, node.seal, joinedEra + 2);
  let before = await free(ferdie.address);
  r = await submit(api, node.seal, api.tx.workToken.claimRewards(dave.address), ferdie);
  assert.equal(r.error, null);
  const [claimed] = eventsOf(r.events, 'workToken', 'RewardsClaimed');
  const reward = claimed.amount.toBigInt();
  assert.ok(reward > 0n, 'a full era of delegation earned a reward');
  assert.equal(await free(ferdie.address), before + reward - r.fee, 'paid to the unit');

  // Undelegate the whole position: its value at the pool's exchange rate.
  const position = (await api.query.workToken.delegations(ferdie.address, dave.address)).unwrap();
  const pool = (await api.query.workToken.pools(dave.address)).unwrap();
  const value = position.shares.toBigInt() === pool.shares.toBigInt()
    ? pool.tokens.toBigInt()
    : (position.shares.toBigInt() * pool.tokens.toBigInt()) / pool.shares.toBigInt();
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
