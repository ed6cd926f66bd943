// Provider stake end to end: register, bond extra, unbond, wait out the unbonding period by
// sealing blocks, withdraw; then two bad calls that must fail with named errors and change
// nothing but the fee. Runs the real node with `--dev --sealing manual` and @polkadot/api.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDevNode } from '../lib/node.mjs';
import { submit, eventsOf, advanceToEra } from '../lib/tx.mjs';
import { devKeys } from '../lib/keys.mjs';
import { UNIT, DECIMALS } from '../lib/units.mjs';

let node;
let api;
let bob;
let charlie;

/** Free balance, held balance and the work-token hold of `who`, all as BigInt. */
async function balances(who) {
  const account = await api.query.system.account(who);
  const holds = await api.query.balances.holds(who);
  const stakeHold = holds.find((h) => h.id.isWorkToken && h.id.asWorkToken.isProviderStake);
  return {
    free: account.data.free.toBigInt(),
    reserved: account.data.reserved.toBigInt(),
    stakeHold: stakeHold ? stakeHold.amount.toBigInt() : 0n,
  };
}

async function ledger(who) {
  const l = await api.query.workToken.ledgers(who);
  if (l.isNone) return null;
  const v = l.unwrap();
  return {
    active: v.active.toBigInt(),
    unlocking: v.unlocking.map((c) => ({ value: c.value.toBigInt(), unlockEra: c.unlockEra.toNumber() })),
  };
}

before(async () => {
  node = await startDevNode();
  api = node.api;
  [bob, charlie] = await devKeys('Bob', 'Charlie');
});

after(async () => {
  await node?.stop();
});

test('chain identity: WORK, 12 decimals, SS58 42', async () => {
  const props = await api.rpc.system.properties();
  assert.equal(props.tokenSymbol.unwrap()[0].toString(), 'WORK');
  assert.equal(props.tokenDecimals.unwrap()[0].toNumber(), 12);
  assert.equal(api.registry.chainDecimals[0], DECIMALS, 'lib/units.mjs has the chain\'s decimals');
  assert.equal(api.consts.system.ss58Prefix.toNumber(), 42);
  const hash = await node.seal();
  const header = await api.rpc.chain.getHeader(hash);
  const finalized = await api.rpc.chain.getFinalizedHead();
  assert.equal(finalized.toHex(), header.hash.toHex(), 'sealed blocks are finalized at once');
});

test('register, bond extra, unbond, wait, withdraw', async () => {
  const stake = 100n * UNIT;
  const extra = 50n * UNIT;
  const out = 30n * UNIT;
  const min = (await api.query.workToken.minProviderStake()).toBigInt();
  assert.ok(stake >= min, 'test stake is above the dev minimum');
  // The dev genesis has providers already: compare with what was there.
  const countBefore = (await api.query.workToken.providerCount()).toNumber();
  const stakedBefore = (await api.query.workToken.totalStaked()).toBigInt();

  // register_provider
  let before = await balances(bob.address);
  let r = await submit(api, node.seal, api.tx.workToken.registerProvider(stake, 50_000_000), bob);
  assert.equal(r.error, null);
  const [registered] = eventsOf(r.events, 'workToken', 'ProviderRegistered');
  assert.equal(registered.provider.toString(), bob.address);
  assert.equal(registered.stake.toBigInt(), stake);
  assert.equal(registered.commission.toNumber(), 50_000_000);
  let after = await balances(bob.address);
  assert.equal(after.stakeHold, stake);
  assert.equal(after.free, before.free - stake - r.fee, 'free drops by stake and fee, to the unit');
  assert.deepEqual(await ledger(bob.address), { active: stake, unlocking: [] });
  const info = (await api.query.workToken.providers(bob.address)).unwrap();
  assert.equal(info.commission.toNumber(), 50_000_000);
  assert.equal((await api.query.workToken.providerCount()).toNumber(), countBefore + 1);

  // bond_extra
  before = after;
  r = await submit(api, node.seal, api.tx.workToken.bondExtra(extra), bob);
  assert.equal(r.error, null);
  const [bonded] = eventsOf(r.events, 'workToken', 'Bonded');
  assert.equal(bonded.amount.toBigInt(), extra);
  after = await balances(bob.address);
  assert.equal(after.stakeHold, stake + extra);
  assert.equal(after.free, before.free - extra - r.fee);

  // unbond
  const period = api.consts.workToken.unbondingPeriod.toNumber();
  const eraNow = (await api.query.workToken.currentEra()).toNumber();
  before = after;
  r = await submit(api, node.seal, api.tx.workToken.unbond(out), bob);
  assert.equal(r.error, null);
  const [unbonded] = eventsOf(r.events, 'workToken', 'Unbonded');
  assert.equal(unbonded.amount.toBigInt(), out);
  const unlockEra = unbonded.unlockEra.toNumber();
  assert.ok(unlockEra >= eraNow + period, 'unlocks a full unbonding period later');
  after = await balances(bob.address);
  assert.equal(after.stakeHold, stake + extra, 'unbonding stake stays on hold');
  assert.equal(after.free, before.free - r.fee);
  assert.deepEqual(await ledger(bob.address), {
    active: stake + extra - out,
    unlocking: [{ value: out, unlockEra }],
  });

  // Too early: nothing to withdraw, a named error, nothing but the fee changes.
  before = after;
  r = await submit(api, node.seal, api.tx.workToken.withdrawUnbonded(), bob);
  assert.equal(r.error, 'workToken.NothingToWithdraw');
  after = await balances(bob.address);
  assert.equal(after.stakeHold, before.stakeHold);
  assert.equal(after.free, before.free - r.fee);

  // Advance eras by sealing blocks, then withdraw.
  await advanceToEra(api, node.seal, unlockEra);
  before = await balances(bob.address);
  r = await submit(api, node.seal, api.tx.workToken.withdrawUnbonded(), bob);
  assert.equal(r.error, null);
  const [withdrawn] = eventsOf(r.events, 'workToken', 'Withdrawn');
  assert.equal(withdrawn.amount.toBigInt(), out);
  after = await balances(bob.address);
  assert.equal(after.stakeHold, stake + extra - out);
  assert.equal(after.free, before.free + out - r.fee, 'unlocked stake returns to free, to the unit');
  assert.deepEqual(await ledger(bob.address), { active: stake + extra - out, unlocking: [] });
  assert.equal(
    (await api.query.workToken.totalStaked()).toBigInt(),
    stakedBefore + stake + extra - out,
  );
});

test('bad calls fail with named module errors and change nothing', async () => {
  // 1. Bob unbonds more than his active stake.
  const ledgerBefore = await ledger(bob.address);
  let before = await balances(bob.address);
  let r = await submit(api, node.seal, api.tx.workToken.unbond(ledgerBefore.active + 1n), bob);
  assert.equal(r.error, 'workToken.InsufficientActiveStake');
  assert.deepEqual(await ledger(bob.address), ledgerBefore);
  let after = await balances(bob.address);
  assert.equal(after.stakeHold, before.stakeHold);
  assert.equal(after.free, before.free - r.fee, 'only the fee was paid');

  // 2. Charlie registers below the minimum stake.
  const min = (await api.query.workToken.minProviderStake()).toBigInt();
  const count = (await api.query.workToken.providerCount()).toNumber();
  before = await balances(charlie.address);
  r = await submit(api, node.seal, api.tx.workToken.registerProvider(min - 1n, 0), charlie);
  assert.equal(r.error, 'workToken.BelowMinimumStake');
  assert.ok((await api.query.workToken.providers(charlie.address)).isNone);
  assert.equal(await ledger(charlie.address), null);
  after = await balances(charlie.address);
  assert.equal(after.stakeHold, 0n);
  assert.equal(after.free, before.free - r.fee, 'only the fee was paid');
  assert.equal((await api.query.workToken.providerCount()).toNumber(), count);
});
