// Slashing end to end: a bonded reporter reports a Critical offence, the accused disputes it
// with a bond, the arbiter (sudo on the dev chain) upholds it before the dispute window ends:
// the dispute bond is slashed to the treasury at once, the slash itself applies when the
// window ends and its remainder (after the reporter's part) goes to the treasury. Every
// balance is checked to the unit, the treasury's included, and the total issuance, which
// falls by exactly the transaction fees and rises by exactly the era emission. Tokens delegated while the slash is pending
// wait outside the pool and bear none of it. Then a report of the same incident at a higher
// severity supersedes a pending one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDevNode } from '../lib/node.mjs';
import {
  submit, eventsOf, blockEvents, advanceToEra, sealToEra, avoidEraBoundary, freeBalance,
} from '../lib/tx.mjs';
import { devKeys } from '../lib/keys.mjs';
import { UNIT, PERBILL, perbillOf } from '../lib/units.mjs';

const STAKE = 500n * UNIT; // Dave's self-stake
const DELEGATED = 100n * UNIT; // Eve's delegation: all of Dave's pool
const JOINER = 10n * UNIT; // Charlie's delegation while the slash is pending
// From the chain (`before`): the bonds, the dispute windows, the reporter's part.
let reportBond;
let disputeBond;
let disputeWindow;
let disputeTimeout;
let rewardFraction;
let node;
let api;
let alice; // sudo: the arbiter
let treasury; // the treasury's account: slashes and losing bonds go there
let charlie; // joins Dave's pool while the slash is pending
let dave; // provider
let eve; // delegator
let ferdie; // reporter

const account = async (who) => (await api.query.system.account(who)).data;
const free = (who) => freeBalance(api, who);
const reserved = async (who) => (await account(who)).reserved.toBigInt();
const issuance = async () => (await api.query.balances.totalIssuance()).toBigInt();
const evidence = (byte) => `0x${byte.repeat(32)}`;
const sum = (events, field) => events.reduce((s, e) => s + e[field].toBigInt(), 0n);
const sudo = async (call) => {
  const r = await submit(api, node.seal, api.tx.sudo.sudo(call), alice);
  assert.equal(r.error, null);
  const [sudid] = eventsOf(r.events, 'sudo', 'Sudid');
  assert.ok(sudid.sudoResult.isOk, `sudo call failed: ${sudid.sudoResult.toString()}`);
  return r;
};

before(async () => {
  node = await startDevNode();
  api = node.api;
  [alice, charlie, dave, eve, ferdie] = await devKeys('Alice', 'Charlie', 'Dave', 'Eve', 'Ferdie');
  treasury = api.consts.treasury.potAccount.toString();
  reportBond = api.consts.workToken.reportBond.toBigInt();
  disputeBond = api.consts.workToken.disputeBond.toBigInt();
  disputeWindow = api.consts.workToken.disputeWindow.toNumber();
  disputeTimeout = api.consts.workToken.disputeTimeout.toNumber();
  rewardFraction = api.consts.workToken.slashRewardFraction;
  let r = await submit(api, node.seal, api.tx.workToken.registerProvider(STAKE, 0), dave);
  assert.equal(r.error, null);
  r = await submit(api, node.seal, api.tx.workToken.delegate(dave.address, DELEGATED), eve);
  assert.equal(r.error, null);
  // Era 1: Eve's tokens entered Dave's pool and back him for the whole era. Era 2: the
  // offence of era 1 is reported.
  await advanceToEra(api, node.seal, 2);
  const pool = (await api.query.workToken.pools(dave.address)).unwrap();
  assert.equal(pool.tokens.toBigInt(), DELEGATED);
});

after(async () => {
  await node?.stop();
});

test('report, dispute, early uphold, window ends: balances and issuance to the unit', async () => {
  const era = (await api.query.workToken.currentEra()).toNumber();
  const offenceEra = era - 1;

  // Ferdie reports with a bond. Critical (50% on the dev chain): 250 of Dave's 500, 50 of the
  // pool's 100. Dave has no strikes, so no escalation.
  const critical = (await api.query.workToken.slashFractionsOf()).critical;
  const own = perbillOf(STAKE, critical);
  const fromPool = perbillOf(DELEGATED, critical);
  const reward = perbillOf(own, rewardFraction); // the reporter's part: of the own stake only
  const toTreasury = own + fromPool - reward;
  await avoidEraBoundary(api, node.seal, 8); // everything up to the verdict in this era
  const ferdieBefore = await free(ferdie.address);
  let r = await submit(
    api,
    node.seal,
    api.tx.workToken.reportOffence(dave.address, 'Critical', offenceEra, evidence('11')),
    ferdie,
  );
  assert.equal(r.error, null);
  const [reported] = eventsOf(r.events, 'workToken', 'OffenceReported');
  const id = reported.id.toNumber();
  assert.equal(reported.provider.toString(), dave.address);
  assert.equal(reported.offenceEra.toNumber(), offenceEra);
  assert.equal(reported.own.toBigInt(), own);
  assert.equal(reported.pool.toBigInt(), fromPool);
  assert.equal(reported.disputeUntil.toNumber(), era + disputeWindow);
  assert.equal(await free(ferdie.address), ferdieBefore - reportBond - r.fee);
  assert.equal(await reserved(ferdie.address), reportBond, 'the report bond is on hold');
  const ferdieAfterReport = await free(ferdie.address);

  // The runtime API lists it with its windows.
  let [pending] = (await api.call.workTokenApi.pendingSlashes(dave.address)).toArray();
  assert.equal(pending.id.toNumber(), id);
  assert.equal(pending.severity.toString(), 'Critical');
  assert.equal(pending.own.toBigInt(), own);
  assert.equal(pending.disputed.isTrue, false);
  assert.ok(pending.decided.isNone);
  assert.equal(pending.disputeWindowEnd.toNumber(), era + disputeWindow);
  assert.equal(pending.disputeTimeout.toNumber(), era + disputeWindow + disputeTimeout);

  // Pending: a joiner is accepted, but its tokens wait outside the pool, out of reach.
  const charlieBefore = await free(charlie.address);
  r = await submit(api, node.seal, api.tx.workToken.delegate(dave.address, JOINER), charlie);
  assert.equal(r.error, null);
  const charlieAfterJoin = charlieBefore - JOINER - r.fee;
  assert.equal(await free(charlie.address), charlieAfterJoin);
  const joiner = async () => (
    await api.call.workTokenApi.delegationSummary(charlie.address, dave.address)
  ).unwrap();
  assert.equal((await joiner()).entering.toBigInt(), JOINER);

  // Only the accused may dispute; Dave does, posting his bond.
  r = await submit(api, node.seal, api.tx.workToken.disputeSlash(id), eve);
  assert.equal(r.error, 'workToken.NotAccused');
  const daveBefore = await free(dave.address);
  r = await submit(api, node.seal, api.tx.workToken.disputeSlash(id), dave);
  assert.equal(r.error, null);
  assert.equal(eventsOf(r.events, 'workToken', 'SlashDisputed').length, 1);
  assert.equal(await free(dave.address), daveBefore - disputeBond - r.fee);
  const daveAfterDispute = daveBefore - disputeBond - r.fee;
  assert.equal(await reserved(dave.address), STAKE + disputeBond);

  // The arbiter must be sudo.
  r = await submit(api, node.seal, api.tx.workToken.resolveDispute(id, 'Uphold'), eve);
  assert.equal(r.error, 'BadOrigin');

  // Sudo upholds before the window's end: Dave's dispute bond goes to the treasury at once;
  // the slash is decided but waits for the window's end.
  const issuanceBefore = await issuance();
  const treasuryBefore = await free(treasury);
  r = await sudo(api.tx.workToken.resolveDispute(id, 'Uphold'));
  const [resolved] = eventsOf(r.events, 'workToken', 'DisputeResolved');
  assert.equal(resolved.verdict.toString(), 'Uphold');
  const [bondSlashed] = eventsOf(r.events, 'workToken', 'BondSlashed');
  assert.equal(bondSlashed.who.toString(), dave.address);
  assert.equal(bondSlashed.amount.toBigInt(), disputeBond);
  assert.equal(eventsOf(r.events, 'workToken', 'SlashApplied').length, 0, 'not before the window');
  assert.equal((await api.query.workToken.currentEra()).toNumber(), era, 'still the report era');
  assert.equal(await issuance(), issuanceBefore - r.fee, 'only the fee is burnt');
  assert.equal(await free(treasury), treasuryBefore + disputeBond, 'the bond is in the treasury');
  assert.equal(await free(dave.address), daveAfterDispute, 'the dispute bond is gone');
  assert.equal(await reserved(dave.address), STAKE, 'the stake is untouched yet');
  [pending] = (await api.call.workTokenApi.pendingSlashes(dave.address)).toArray();
  assert.equal(pending.disputed.isTrue, false, 'the verdict is in');
  assert.equal(pending.decided.unwrap().toBigInt(), PERBILL, 'upheld in full');

  // The window ends DisputeWindow (two) eras after the report. Meanwhile the joiner's tokens
  // do not enter: a slash of an earlier offence era is pending.
  assert.ok(disputeWindow >= 2, 'an era boundary passes inside the window');
  const issuanceAfterVerdict = await issuance();
  const treasuryAfterVerdict = await free(treasury);
  const { events: middle } = await sealToEra(api, node.seal, era + disputeWindow - 1);
  assert.equal(eventsOf(middle, 'workToken', 'EntryConverted')
    .filter((e) => e.provider.toString() === dave.address).length, 0);
  assert.equal((await joiner()).entering.toBigInt(), JOINER, 'still waiting');
  const { events: last, hash: windowEnd } = await sealToEra(api, node.seal, era + disputeWindow);
  const passed = [...middle, ...last];

  // At the start of era + 2 (the window's end), in the block's initialisation: 300 slashed; Ferdie gets 10% of
  // the 250 taken from Dave's own stake (25; nothing of the pool's part), 275 to the treasury;
  // Ferdie's bond returned; Dave jailed, out of the active set, tombstoned.
  const init = await blockEvents(api, windowEnd, 'Initialization');
  const [applied] = eventsOf(init, 'workToken', 'SlashApplied');
  assert.ok(applied, 'the slash applied when the window ended');
  assert.equal(applied.id.toNumber(), id);
  assert.equal(applied.own.toBigInt(), own);
  assert.equal(applied.pool.toBigInt(), fromPool);
  const [rewarded] = eventsOf(init, 'workToken', 'ReporterRewarded');
  assert.equal(rewarded.reporter.toString(), ferdie.address);
  assert.equal(rewarded.amount.toBigInt(), reward);
  const [deposited] = eventsOf(init, 'workToken', 'SlashDeposited');
  assert.equal(deposited.amount.toBigInt(), toTreasury);
  const [returned] = eventsOf(init, 'workToken', 'BondReturned');
  assert.equal(returned.who.toString(), ferdie.address);
  assert.equal(returned.amount.toBigInt(), reportBond);
  assert.equal(eventsOf(init, 'workToken', 'Jailed').length, 1);
  assert.equal(eventsOf(init, 'workToken', 'Tombstoned').length, 1);
  const [left] = eventsOf(init, 'workToken', 'LeftActiveSet');
  assert.equal(left.provider.toString(), dave.address, 'out of the active set in the same block');
  assert.equal(eventsOf(passed, 'workToken', 'SlashApplied').length, 1, 'applied once');

  // Dave earned era rewards meanwhile (on the stake the slash did not lock).
  const daveRewards = eventsOf(passed, 'workToken', 'ProviderRewarded')
    .filter((e) => e.provider.toString() === dave.address);
  const daveEarned = sum(daveRewards, 'commission') + sum(daveRewards, 'selfStake');
  assert.equal(await free(ferdie.address), ferdieAfterReport + reportBond + reward);
  assert.equal(await reserved(ferdie.address), 0n);
  assert.equal(await free(dave.address), daveAfterDispute + daveEarned);
  assert.equal(await reserved(dave.address), STAKE - own, 'half the stake is left on hold');
  const pool = (await api.query.workToken.pools(dave.address)).unwrap();
  assert.equal(pool.tokens.toBigInt(), DELEGATED - fromPool);
  assert.equal(pool.shares.toBigInt(), DELEGATED, 'shares untouched: each lost half its value');
  // Issuance: only what the two era boundaries minted; the 275 moved to the treasury.
  const minted = sum(eventsOf(passed, 'workToken', 'EraRewarded'), 'emission');
  assert.equal(await issuance(), issuanceAfterVerdict + minted);
  assert.equal(await free(treasury), treasuryAfterVerdict + toTreasury);
  assert.ok((await api.query.workToken.pendingSlashes(id)).isNone);
  const provider = (await api.call.workTokenApi.providerSummary(dave.address)).unwrap();
  assert.equal(provider.active.isTrue, false);
  assert.equal(provider.tombstoned.isTrue, true);
  assert.ok(provider.jailedUntil.isSome);
  const members = (await api.call.workTokenApi.activeSet()).map((m) => m.provider.toString());
  assert.ok(!members.includes(dave.address), 'activeSet() no longer lists him');

  // The joiner bore none of it: its 10 are still waiting, and come back whole at once.
  assert.equal((await joiner()).entering.toBigInt(), JOINER);
  r = await submit(api, node.seal, api.tx.workToken.undelegate(dave.address, JOINER), charlie);
  assert.equal(r.error, null);
  const [back] = eventsOf(r.events, 'workToken', 'EntryWithdrawn');
  assert.equal(back.amount.toBigInt(), JOINER);
  assert.equal(await free(charlie.address), charlieAfterJoin + JOINER - r.fee);
  assert.ok((await api.query.workToken.delegations(charlie.address, dave.address)).isNone);
});

test('a report of the same incident at a higher severity takes its place; the lower one is held beneath it', async () => {
  const [bobStash] = await devKeys('Bob//stash');
  const provider = bobStash.address;
  const era = (await api.query.workToken.currentEra()).toNumber();
  await avoidEraBoundary(api, node.seal, 3);
  const before = await free(ferdie.address);
  let r = await submit(api, node.seal,
    api.tx.workToken.reportOffence(provider, 'Minor', era, evidence('22')), ferdie);
  assert.equal(r.error, null);
  let spent = r.fee;
  const [minor] = eventsOf(r.events, 'workToken', 'OffenceReported');

  // The same incident again at the same severity is a duplicate.
  r = await submit(api, node.seal,
    api.tx.workToken.reportOffence(provider, 'Minor', era, evidence('22')), ferdie);
  assert.equal(r.error, 'workToken.DuplicateReport');
  spent += r.fee;

  // At Major it takes the Minor report's place; the Minor one is held beneath it, bond and
  // all, in case the Major one is overturned.
  r = await submit(api, node.seal,
    api.tx.workToken.reportOffence(provider, 'Major', era, evidence('22')), ferdie);
  assert.equal(r.error, null);
  spent += r.fee;
  const [major] = eventsOf(r.events, 'workToken', 'OffenceReported');
  const [superseded] = eventsOf(r.events, 'workToken', 'SlashSuperseded');
  assert.equal(superseded.id.toNumber(), minor.id.toNumber());
  assert.equal(superseded.by.toNumber(), major.id.toNumber());
  assert.equal(eventsOf(r.events, 'workToken', 'BondReturned').length, 0);
  assert.equal(await free(ferdie.address), before - 2n * reportBond - spent, 'both bonds on hold');
  assert.equal(await reserved(ferdie.address), 2n * reportBond);
  assert.ok((await api.query.workToken.pendingSlashes(minor.id)).isNone);
  const [heldId] = (await api.query.workToken.fallbacks(major.id)).unwrap();
  assert.equal(heldId.toNumber(), minor.id.toNumber(), 'the Minor report is held under the Major');
  const pending = (await api.call.workTokenApi.pendingSlashes(provider)).toArray();
  assert.deepEqual(pending.map((p) => p.id.toNumber()), [major.id.toNumber()]);
  assert.equal(pending[0].severity.toString(), 'Major');
});
