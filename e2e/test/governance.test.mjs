// Governance and the treasury end to end on the dev chain, with polkadot.js only:
// 1. a referendum on the `work_token_admin` track, voted by the genesis providers with WORK
//    that is staked (held in their own accounts), changes the slash fractions through the work
//    token's `AdminOrigin`; the timeline (block numbers) is printed;
// 2. a job's protocol fee and a slash's remainder arrive in the treasury to the unit, and the
//    runtime API's era summary shows the treasury's balance and income;
// 3. a referendum on the `treasurer` track approves a spend that pays an account.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDevNode } from '../lib/node.mjs';
import {
  submit, submitJob, eventsOf, blockEvents, sealToEra, avoidEraBoundary, freeBalance,
} from '../lib/tx.mjs';
import { devKeys, GENESIS_PROVIDERS } from '../lib/keys.mjs';
import { UNIT } from '../lib/units.mjs';

let node;
let api;
let alice; // proposer (and sudo, used only to report an offence as root)
let eve; // beneficiary of the treasury spend
let ferdie; // client
let stashes; // the genesis providers: they vote with their staked WORK
let treasury; // the treasury's account

const free = (who) => freeBalance(api, who);
const head = async () => (await api.rpc.chain.getHeader()).number.toNumber();
const freeAt = async (hash, who) => (await api.query.system.account.at(hash, who)).data.free
  .toBigInt();

/** Notes the preimage of `call`, submits it on the track of `origin` and places the decision
 * deposit. Returns { index, submittedAt }. */
async function propose(call, origin) {
  let r = await submit(api, node.seal, api.tx.preimage.notePreimage(call.method.toHex()), alice);
  assert.equal(r.error, null);
  const proposal = { Lookup: { hash: call.method.hash, len: call.method.encodedLength } };
  r = await submit(api, node.seal, api.tx.referenda.submit(origin, proposal, { After: 1 }), alice);
  assert.equal(r.error, null);
  const [submitted] = eventsOf(r.events, 'referenda', 'Submitted');
  const index = submitted.index.toNumber();
  const submittedAt = await head();
  r = await submit(api, node.seal, api.tx.referenda.placeDecisionDeposit(index), alice);
  assert.equal(r.error, null);
  return { index, submittedAt, track: submitted.track.toNumber() };
}

/** Each genesis provider votes aye with nearly all it has, held stake included, at 1x
 * conviction.
 * Returns the votes' balances. */
async function providersVoteAye(index, voters = stashes) {
  const balances = [];
  for (const stash of voters) {
    const { free: f, reserved } = (await api.query.system.account(stash.address)).data;
    // All it has, held stake included, less one WORK for the transaction fee.
    const balance = f.toBigInt() + reserved.toBigInt() - UNIT;
    const vote = { Standard: { vote: { aye: true, conviction: 'Locked1x' }, balance } };
    const r = await submit(api, node.seal, api.tx.convictionVoting.vote(index, vote), stash);
    assert.equal(r.error, null, `${stash.address} votes`);
    balances.push({ balance, free: f.toBigInt(), staked: reserved.toBigInt() });
  }
  return balances;
}

/** The block number of each step of referendum `index` between blocks `from` and `to`:
 * submitted, decision deposit placed, decision started, confirm started, confirmed. */
async function timelineOf(index, from, to) {
  const steps = {};
  const names = {
    Submitted: 'submitted',
    DecisionDepositPlaced: 'depositPlaced',
    DecisionStarted: 'deciding',
    ConfirmStarted: 'confirming',
    Confirmed: 'confirmed',
  };
  for (let n = from; n <= to; n += 1) {
    const events = await blockEvents(api, await api.rpc.chain.getBlockHash(n));
    for (const [method, step] of Object.entries(names)) {
      if (!steps[step] && eventsOf(events, 'referenda', method)
        .some((e) => e.index.toNumber() === index)) steps[step] = n;
    }
  }
  return steps;
}

/** Seals blocks until `enacted()` (the effect of referendum `index`, read from the chain)
 * holds. Returns the referendum's timeline (see `timelineOf`) with `enacted`: the block that
 * dispatched its call. */
async function sealUntilEnacted(index, from, enacted) {
  for (let i = 0; i < 120; i += 1) {
    const hash = await node.seal();
    if (await enacted()) {
      const dispatched = eventsOf(await blockEvents(api, hash), 'scheduler', 'Dispatched');
      assert.ok(dispatched.length > 0 && dispatched.every((d) => d.result.isOk),
        'the scheduler dispatched the approved call in this block');
      const number = await head();
      const steps = await timelineOf(index, from, number);
      assert.ok(steps.confirmed <= number, 'enacted only after it was confirmed');
      return { ...steps, enacted: number };
    }
  }
  throw new Error(`referendum ${index} was not enacted`);
}

before(async () => {
  node = await startDevNode();
  api = node.api;
  [alice, eve, ferdie] = await devKeys('Alice', 'Eve', 'Ferdie');
  stashes = await devKeys(...GENESIS_PROVIDERS);
  treasury = api.consts.treasury.potAccount.toString();
});

after(async () => {
  await node?.stop();
});

test('a referendum voted with staked WORK changes the slash fractions', async () => {
  const before = (await api.query.workToken.slashFractionsOf()).toJSON();
  const fractions = { minor: 20_000_000, major: 200_000_000, critical: 600_000_000 };
  assert.notDeepEqual(before, fractions);
  const call = api.tx.workToken.setSlashFractions(fractions);
  // Without a referendum the parameters are out of reach of a signed account.
  let r = await submit(api, node.seal, call, alice);
  assert.equal(r.error, 'BadOrigin');

  const { index, submittedAt, track } = await propose(call, { Origins: 'WorkTokenAdmin' });
  assert.equal(track, 1, 'the work_token_admin track');
  const votes = await providersVoteAye(index);
  for (const v of votes) {
    assert.ok(v.staked > 0n, 'a genesis provider has stake on hold');
    assert.ok(v.balance > v.free, 'its vote counts its held stake');
  }
  // The vote locks the whole balance, stake included, for one lock period after the end.
  const locks = await api.query.balances.locks(stashes[0].address);
  assert.equal(locks[0].amount.toBigInt(), votes[0].balance);
  const votedAt = await head();

  const current = async () => (await api.query.workToken.slashFractionsOf()).toJSON();
  const steps = await sealUntilEnacted(index, submittedAt,
    async () => JSON.stringify(await current()) === JSON.stringify(fractions));
  assert.deepEqual(await current(), fractions);
  const info = await api.query.referenda.referendumInfoFor(index);
  assert.ok(info.unwrap().isApproved);
  const timeline = { ...steps, lastVote: votedAt };
  // eslint-disable-next-line no-console
  console.log(`referendum ${index} timeline (block numbers): ${JSON.stringify(timeline)}; `
    + `${steps.enacted - submittedAt} blocks from submission to enactment`);
  assert.ok(steps.enacted - submittedAt < 60, 'well under a minute of dev blocks');
});

test('a protocol fee and a slash remainder arrive in the treasury to the unit', async () => {
  // The protocol fee of a job.
  await avoidEraBoundary(api, node.seal, 4);
  const job = await submitJob(api, node.seal, ferdie, 10n * UNIT);
  assert.ok(job.provider, 'the job was assigned');
  const worker = stashes.find((s) => s.address === job.provider);
  let r = await submit(api, node.seal,
    api.tx.workMarket.submitResult(job.id, `0x${'cd'.repeat(32)}`), worker);
  assert.equal(r.error, null);
  const treasuryBefore = await free(treasury);
  r = await submit(api, node.seal, api.tx.workMarket.acceptResult(job.id), ferdie);
  assert.equal(r.error, null);
  const [done] = eventsOf(r.events, 'workMarket', 'JobCompleted');
  const protocolFee = done.protocolFee.toBigInt();
  assert.ok(protocolFee > 0n);
  assert.equal(await free(treasury), treasuryBefore + protocolFee, 'the protocol fee, to the unit');
  const [deposited] = eventsOf(r.events, 'workToken', 'TreasuryDeposited');
  assert.equal(deposited.amount.toBigInt(), protocolFee);
  let summary = await api.call.workTokenApi.eraSummary();
  assert.equal(summary.treasuryBalance.toBigInt(), treasuryBefore + protocolFee);
  assert.ok(summary.treasuryIncome.toBigInt() >= protocolFee);

  // A slash reported by root (sudo on the dev chain): no reporter reward, so all of it goes
  // to the treasury when the dispute window ends.
  const accused = stashes[2].address;
  const era = (await api.query.workToken.currentEra()).toNumber();
  r = await submit(api, node.seal, api.tx.sudo.sudo(
    api.tx.workToken.reportOffence(accused, 'Minor', era, `0x${'ee'.repeat(32)}`),
  ), alice);
  const [reported] = eventsOf(r.events, 'workToken', 'OffenceReported');
  assert.ok(reported, 'root reported');
  const windowEnd = era + api.consts.workToken.disputeWindow.toNumber();
  const { hash } = await sealToEra(api, node.seal, windowEnd);
  const init = await blockEvents(api, hash, 'Initialization');
  const [applied] = eventsOf(init, 'workToken', 'SlashApplied');
  const [slashDeposited] = eventsOf(init, 'workToken', 'SlashDeposited');
  const remainder = applied.own.toBigInt() + applied.pool.toBigInt();
  assert.ok(remainder > 0n);
  assert.equal(slashDeposited.amount.toBigInt(), remainder, 'no reporter share');
  const parent = (await api.rpc.chain.getHeader(hash)).parentHash;
  assert.equal(await freeAt(hash, treasury), await freeAt(parent, treasury) + remainder,
    'the slash remainder, to the unit');
  summary = await api.call.workTokenApi.eraSummary();
  assert.equal(summary.treasuryIncome.toBigInt(), remainder, 'this era\'s income so far');
  // eslint-disable-next-line no-console
  console.log(`treasury: protocol fee ${protocolFee} planck, slash remainder ${remainder} planck, `
    + `balance ${summary.treasuryBalance.toBigInt()} planck`);
});

test('a treasurer referendum approves a spend that pays an account', async () => {
  const amount = 40n * UNIT;
  assert.ok(await free(treasury) > amount, 'the treasury holds the revenue of the last test');
  const call = api.tx.treasury.spend(null, amount, eve.address, null);
  const { index, track, submittedAt } = await propose(call, { Origins: 'Treasurer' });
  assert.equal(track, 3, 'the treasurer track');
  // The two providers that were not slashed vote. (The slashed one voted all it had: its lock
  // now exceeds its balance, so it cannot pay a fee until the lock ends.)
  await providersVoteAye(index, stashes.slice(0, 2));
  const steps = await sealUntilEnacted(index, submittedAt,
    async () => (await api.query.treasury.spends.entries()).length > 0);
  // eslint-disable-next-line no-console
  console.log(`treasurer referendum ${index} timeline (block numbers): ${JSON.stringify(steps)}`);
  const spends = await api.query.treasury.spends.entries();
  assert.equal(spends.length, 1, 'one approved spend');
  const spendIndex = spends[0][0].args[0].toNumber();
  const eveBefore = await free(eve.address);
  const treasuryBefore = await free(treasury);
  // Anyone may trigger the payout of an approved spend; Ferdie does.
  const r = await submit(api, node.seal, api.tx.treasury.payout(spendIndex), ferdie);
  assert.equal(r.error, null);
  assert.equal(eventsOf(r.events, 'treasury', 'Paid').length, 1);
  assert.equal(await free(eve.address), eveBefore + amount);
  assert.equal(await free(treasury), treasuryBefore - amount);
});
