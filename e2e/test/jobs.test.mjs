// The work market end to end on the dev chain's live genesis market: a client submits a
// job, the pallet assigns it at the start of the next block, the drawn provider delivers, the
// client accepts; the fee (less the protocol fee) waits in the provider's pool until the era
// ends, when it is split by whole-era stake between the provider and its pool's delegators,
// and the provider's reputation rises. Then the per-block cap on new jobs. The market is the
// `workMarket` pallet (calls, events, errors, `workMarketApi`); stake, pools and the fee split
// are the work token's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDevNode } from '../lib/node.mjs';
import {
  submit, submitJob, submitInOneBlock, eventsOf, blockEvents, advanceToEra, sealToEra,
  avoidEraBoundary, freeBalance,
} from '../lib/tx.mjs';
import { devKeys, GENESIS_PROVIDERS, GENESIS_DELEGATORS } from '../lib/keys.mjs';
import { UNIT, PERBILL, PERMILL, perbillOf } from '../lib/units.mjs';
import { u8aConcat, stringToU8a } from '@polkadot/util';

/** The score a provider without any job outcome has (the market's `NEUTRAL`, 50%). */
const NEUTRAL_REPUTATION = 500_000n;
let node;
let api;
let dave; // provider
let eve; // delegator
let ferdie; // client
const keys = {}; // address -> key pair of every provider that may be drawn
const delegatorOf = {}; // provider address -> address of its pool's only delegator

const free = (who) => freeBalance(api, who);
const pendingRewards = async (delegator, provider) => (
  await api.call.workTokenApi.delegationSummary(delegator, provider)
).unwrap().pendingRewards.toBigInt();
const summary = async (provider) => (
  await api.call.workTokenApi.providerSummary(provider)
).unwrap();
const work = (provider) => api.call.workMarketApi.workSummary(provider);
const jobView = (id) => api.call.workMarketApi.job(id);
/** The market's escrow account: `modl` + its `PalletId`, zero-padded to 32 bytes. */
const escrowAccount = () => api.createType('AccountId', u8aConcat(
  stringToU8a('modl'), api.consts.workMarket.palletId.toU8a(), new Uint8Array(20),
)).toString();
/** What `who` has on hold as job fees (hold reason `WorkMarket.JobFee`). */
const feesOnHold = async (who) => (await api.query.balances.holds(who))
  .filter((h) => h.id.isWorkMarket && h.id.asWorkMarket.isJobFee)
  .reduce((sum, h) => sum + h.amount.toBigInt(), 0n);

before(async () => {
  node = await startDevNode();
  api = node.api;
  [dave, eve, ferdie] = await devKeys('Dave', 'Eve', 'Ferdie');
  const stashes = await devKeys(...GENESIS_PROVIDERS);
  const delegators = await devKeys(...GENESIS_DELEGATORS);
  for (const pair of [dave, ...stashes]) {
    keys[pair.address] = pair;
  }
  // The dev genesis: Dave//stash -> Alice//stash, Eve//stash -> Bob//stash,
  // Ferdie//stash -> Charlie//stash.
  stashes.forEach((s, i) => { delegatorOf[s.address] = delegators[i].address; });
  delegatorOf[dave.address] = eve.address;
  let r = await submit(api, node.seal, api.tx.workToken.registerProvider(500n * UNIT, 0), dave);
  assert.equal(r.error, null);
  r = await submit(api, node.seal, api.tx.workToken.delegate(dave.address, 100n * UNIT), eve);
  assert.equal(r.error, null);
  // Next era: Dave is in the active set and Eve's tokens have entered his pool.
  const era = (await api.query.workToken.currentEra()).toNumber();
  await advanceToEra(api, node.seal, era + 1);
  const position = (await api.call.workTokenApi.delegationSummary(eve.address, dave.address))
    .unwrap();
  assert.equal(position.shares.toBigInt(), 100n * UNIT, 'Eve\'s delegation entered the pool');
});

after(async () => {
  await node?.stop();
});

test('submit, assign, deliver, accept, era ends: the fee reaches provider and pool', async () => {
  // The dev genesis market (three stash providers) plus Dave, all active.
  const set = (await api.call.workTokenApi.activeSet()).toArray();
  const members = set.map((m) => m.provider.toString());
  assert.ok(members.includes(dave.address), 'Dave joined the active set at the era boundary');
  assert.equal(members.length, 4);
  const total = set.reduce((sum, m) => sum + m.selectionProbability.toNumber(), 0);
  assert.ok(Math.abs(total - 1_000_000_000) <= set.length, `probabilities sum to ${total}`);

  // Submitted in one block, assigned at the start of the next.
  const fee = 10n * UNIT;
  await avoidEraBoundary(api, node.seal);
  const ferdieBefore = await free(ferdie.address);
  const escrowBefore = await feesOnHold(escrowAccount());
  let r = await submitJob(api, node.seal, ferdie, fee);
  assert.equal(r.error, null);
  assert.equal(r.submitted.client.toString(), ferdie.address);
  assert.equal(r.submitted.fee.toBigInt(), fee);
  assert.ok(!('provider' in r.submitted), 'JobSubmitted names no provider');
  assert.equal(eventsOf(r.events, 'workMarket', 'JobAssigned').length, 0,
    'nothing is assigned in the submitting block');
  const { id } = r;
  const assigned = r.provider;
  assert.ok(assigned, `assigned (not refunded: ${r.unassigned?.reason})`);
  assert.ok(members.includes(assigned), 'assigned to an active provider');
  const assignedAt = (await api.rpc.chain.getHeader(r.assignedIn)).number.toNumber();
  assert.equal(r.deadline, assignedAt + api.consts.workMarket.jobDeadline.toNumber());
  assert.equal(await free(ferdie.address), ferdieBefore - fee - r.fee, 'the fee left the client');
  assert.equal(await feesOnHold(ferdie.address), 0n, 'nothing of it is left to lock or vote');
  assert.equal(await feesOnHold(escrowAccount()), escrowBefore + fee,
    'it waits in the escrow, held as WorkMarket.JobFee');
  const job = (await api.query.workMarket.jobs(id)).unwrap();
  assert.equal(job.provider.toString(), assigned);
  // The runtime API shows the same open job, waiting for its result.
  let view = (await jobView(id)).unwrap();
  assert.equal(view.client.toString(), ferdie.address);
  assert.equal(view.provider.toString(), assigned);
  assert.equal(view.fee.toBigInt(), fee);
  assert.equal(view.deadline.toNumber(), r.deadline);
  assert.equal(view.assignedEra.toNumber(),
    (await api.query.workToken.currentEra.at(r.assignedIn)).toNumber(), 'the era it was drawn in');
  assert.equal(view.stage.toString(), 'Assigned');
  let workload = await work(assigned);
  assert.equal(workload.openJobs.toNumber(), 1);
  assert.equal(workload.openFees.toBigInt(), fee);
  const worker = keys[assigned];

  // Only the assigned provider may deliver.
  const other = assigned === dave.address ? keys[members.find((m) => m !== assigned)] : dave;
  r = await submit(api, node.seal, api.tx.workMarket.submitResult(id, `0x${'cd'.repeat(32)}`), other);
  assert.equal(r.error, 'workMarket.NotAssignedProvider');
  r = await submit(api, node.seal, api.tx.workMarket.submitResult(id, `0x${'cd'.repeat(32)}`), worker);
  assert.equal(r.error, null);
  const [delivered] = eventsOf(r.events, 'workMarket', 'JobResultSubmitted');
  assert.equal(delivered.id.toNumber(), id);
  assert.equal(delivered.provider.toString(), assigned);
  const deliveredAt = (await api.rpc.chain.getHeader(r.blockHash)).number.toNumber();
  assert.equal(delivered.acceptBy.toNumber(),
    deliveredAt + api.consts.workMarket.acceptanceWindow.toNumber());
  view = (await jobView(id)).unwrap();
  assert.equal(view.stage.toString(), 'Submitted', 'the result waits for the client');

  // Accepting pays nobody yet: the fee, less the protocol fee, waits in the provider's pool.
  await avoidEraBoundary(api, node.seal);
  const workerBefore = await free(assigned);
  const ferdieBeforeAccept = await free(ferdie.address);
  r = await submit(api, node.seal, api.tx.workMarket.acceptResult(id), ferdie);
  assert.equal(r.error, null);
  const acceptEra = (await api.query.workToken.currentEra()).toNumber();
  const [done] = eventsOf(r.events, 'workMarket', 'JobCompleted');
  assert.equal(done.id.toNumber(), id);
  assert.equal(done.client.toString(), ferdie.address);
  assert.equal(done.provider.toString(), assigned);
  const paid = done.paid.toBigInt();
  const protocolFee = done.protocolFee.toBigInt();
  const protocolRate = api.consts.workMarket.protocolFee;
  assert.equal(protocolFee, perbillOf(fee, protocolRate),
    `the protocol fee is ProtocolFee (${protocolRate.toHuman()}) of the fee`);
  assert.equal(paid + protocolFee, fee, 'the whole fee is accounted for');
  assert.equal(await free(assigned), workerBefore, 'the provider is not paid at once');
  assert.equal(await free(ferdie.address), ferdieBeforeAccept - r.fee, 'the escrowed fee was spent');
  assert.equal(await feesOnHold(escrowAccount()), escrowBefore, 'the escrow paid it out');
  let provider = await summary(assigned);
  assert.equal(provider.unsplitFees.toBigInt(), paid, 'the fee waits in the pool, unsplit');
  // A full-credit job moves the score by ReputationSmoothing of the way to 100%.
  assert.ok(fee >= api.consts.workMarket.reputationFullCreditFee.toBigInt(), 'a full-credit job');
  const smoothing = api.consts.workMarket.reputationSmoothing.toBigInt();
  const raised = NEUTRAL_REPUTATION + (smoothing * (PERMILL - NEUTRAL_REPUTATION)) / PERMILL;
  const [rose] = eventsOf(r.events, 'workMarket', 'ReputationUpdated');
  assert.equal(rose.provider.toString(), assigned);
  assert.equal(rose.old.toBigInt(), NEUTRAL_REPUTATION);
  assert.equal(rose.new.toBigInt(), raised);
  workload = await work(assigned);
  assert.equal(workload.reputation.toBigInt(), raised, 'neutral 50% -> 55%');
  assert.equal(workload.openJobs.toNumber(), 0);
  assert.equal(workload.openFees.toBigInt(), 0n);
  assert.equal(provider.multiplier.toNumber(), workload.multiplier.toNumber(),
    'the work token reports the market\'s multiplier');
  assert.ok((await api.query.workMarket.jobs(id)).isNone);
  assert.ok((await jobView(id)).isNone, 'the runtime API shows only open jobs');

  // What the split will use: the stake that backed the provider for the whole era.
  const commission = BigInt(provider.commission.toNumber());
  const selfStake = provider.earningSelfStake.toBigInt();
  const delegated = provider.delegated.toBigInt();
  const delegator = delegatorOf[assigned];
  const poolBefore = (await api.query.workToken.pools(assigned)).unwrap();
  const pendingBefore = await pendingRewards(delegator, assigned);
  const delegatorFree = await free(delegator);

  // The era ends: FeesDistributed, in the same block as the era's emission.
  const { hash: boundary } = await sealToEra(api, node.seal, acceptEra + 1);
  const init = await blockEvents(api, boundary, 'Initialization');
  const ofWorker = (name) => eventsOf(init, 'workToken', name)
    .filter((e) => e.provider.toString() === assigned);
  const [fees] = ofWorker('FeesDistributed');
  assert.ok(fees, 'the fees were split at the era boundary');
  assert.equal(fees.era.toNumber(), acceptEra);
  const toProvider = fees.toProvider.toBigInt();
  const toPool = fees.toPool.toBigInt();
  assert.equal(toProvider + toPool, paid, 'the whole fee is split');
  // Commission first, then the rest pro rata self-stake : delegated.
  const rest = paid - (paid * commission) / PERBILL;
  assert.equal(toPool, rest - (rest * selfStake) / (selfStake + delegated),
    `split by whole-era stake ${selfStake} : ${delegated}`);
  assert.ok(toPool > 0n, 'every genesis provider and Dave have earning delegators');
  const [emission] = ofWorker('ProviderRewarded');
  const [poolEmission] = ofWorker('PoolRewarded');
  assert.ok(emission && poolEmission, 'the provider also earned its era reward');
  const ownEmission = emission.commission.toBigInt() + emission.selfStake.toBigInt();
  assert.equal(await free(assigned), workerBefore + toProvider + ownEmission,
    'the provider got its part of the fee and of the emission, to the unit');
  assert.equal((await summary(assigned)).unsplitFees.toBigInt(), 0n);

  // The delegators' part raised the pool's reward per share. The pool's only delegator owns
  // every share, and 10^18 x amount / shares is whole here, so no rounding: exact.
  const poolAfter = (await api.query.workToken.pools(assigned)).unwrap();
  assert.ok(poolAfter.rewardPerShare.toBigInt() > poolBefore.rewardPerShare.toBigInt(),
    'the pool\'s reward per share rose');
  const gained = (await pendingRewards(delegator, assigned)) - pendingBefore;
  assert.equal(gained, toPool + poolEmission.amount.toBigInt(),
    'the delegator can claim its part of the fee and of the emission');
  assert.equal(await free(delegator), delegatorFree, 'claimable, not paid');
});

test('at most MaxJobsPerBlock jobs per block; the next fails with MarketBusy', async () => {
  const max = api.consts.workMarket.maxJobsPerBlock.toNumber();
  assert.equal(max, 16, 'the dev runtime\'s MaxJobsPerBlock');
  await avoidEraBoundary(api, node.seal);
  const before = await free(ferdie.address);
  const calls = Array.from({ length: max + 1 }, (_, i) => [
    api.tx.workMarket.submitJob(`0x${(i + 1).toString(16).padStart(64, '0')}`, UNIT), ferdie,
  ]);
  const outcomes = await submitInOneBlock(api, node.seal, calls);
  const block = outcomes[0].blockHash;
  assert.ok(outcomes.every((o) => o.blockHash === block), 'all in one block');
  const accepted = outcomes.filter((o) => !o.failed);
  assert.equal(accepted.length, max);
  assert.deepEqual(outcomes.filter((o) => o.failed).map((o) => o.error), ['workMarket.MarketBusy']);
  const ids = accepted.map((o) => eventsOf(o.events, 'workMarket', 'JobSubmitted')[0].id.toNumber());
  const fees = outcomes.reduce((sum, o) => sum + o.fee, 0n);
  assert.equal(await free(ferdie.address), before - BigInt(max) * UNIT - fees,
    'sixteen fees on hold; the refused job holds nothing');

  // The next block assigns (or refunds) every one of them.
  const next = await node.seal();
  const init = await blockEvents(api, next, 'Initialization');
  const assigned = eventsOf(init, 'workMarket', 'JobAssigned').map((e) => e.id.toNumber());
  const refunded = eventsOf(init, 'workMarket', 'JobUnassigned').map((e) => e.id.toNumber());
  assert.deepEqual([...assigned, ...refunded].sort((a, b) => a - b), ids);
  assert.equal(await free(ferdie.address),
    before - BigInt(assigned.length) * UNIT - fees, 'refunded fees came back');
});
