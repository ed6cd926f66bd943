// The court end to end: a disputed slash goes to jurors drawn by stake from the dev genesis's
// jury (//Juror1 … //Juror12, 100 WORK each), who commit a hidden vote, reveal it, and are
// paid for voting with the final ruling, which the court hands to the work token.
//
// Case 1: Ferdie reports Dave (Critical) with a bond and Dave disputes it: a case opens, and
// the next block draws JurorsPerCase jurors, neither Dave nor Ferdie. Two vote Overturn, one
// Uphold; a reveal with the wrong salt fails with CommitmentMismatch and changes nothing, so
// the commitment computed here is the chain's. Nobody appeals: the ruling is final, the work
// token drops the slash, returns Dave's dispute bond and pays Ferdie's report bond to the
// court's account; the Uphold juror loses IncoherencePenalty × StakePerSeat of its juror stake
// into the pot and the two Overturn jurors share the pot. To the unit, with the total issuance
// moved by nothing but the era emission.
//
// Case 2: Ferdie reports Dave again (Minor, other evidence). The first round's jurors all vote
// Uphold; Ferdie, who won, may not appeal; Dave appeals with AppealBond on hold; the appeal
// round draws twice the jurors plus one, none of round 0, and they vote Overturn. Final:
// Overturn; Dave's appeal bond and dispute bond come back, each juror of round 0 loses the
// penalty, and round 1's jurors share the pot (the report bond and round 0's penalties), the
// last one paid taking what rounding left.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { u8aToHex } from '@polkadot/util';
import { startDevNode } from '../lib/node.mjs';
import { submit, eventsOf, blockEvents, advanceToEra } from '../lib/tx.mjs';
import { devKeys } from '../lib/keys.mjs';
import { UNIT, perbillOf, fmt } from '../lib/units.mjs';
import {
  GENESIS_JURORS, jurorKeys, tallyOf, counts, encodeRuling, commitmentOf, newSalt,
  courtAccount, courtCase, sealUntilPhase, commitVotes, revealVotes, sharesOf, rulingType,
} from '../lib/court.mjs';

const STAKE = 500n * UNIT; // Dave's self-stake
const JUROR_STAKE = 100n * UNIT; // each genesis juror's (runtime genesis preset)
// From the chain (`before`).
let reportBond;
let disputeBond;
let jurorsPerCase;
let commitPeriod;
let revealPeriod;
let appealPeriod;
let stakePerSeat;
let penalty; // IncoherencePenalty × StakePerSeat
let appealBond;
let court; // the court's account
let node;
let api;
let dave; // provider, the accused
let ferdie; // reporter, the accuser
let jurors; // key pairs of //Juror1 … //Juror12
const keyOf = new Map(); // address -> key pair, of the jurors
const nameOf = new Map(); // address -> 'JurorN'
const summary = []; // lines printed at the end

const account = async (who) => (await api.query.system.account(who)).data;
const free = async (who) => (await account(who)).free.toBigInt();
const reserved = async (who) => (await account(who)).reserved.toBigInt();
const issuance = async () => (await api.query.balances.totalIssuance()).toBigInt();
const bestNumber = async () => (await api.rpc.chain.getHeader()).number.toNumber();
const numberOf = async (hash) => (await api.rpc.chain.getHeader(hash)).number.toNumber();
const evidence = (byte) => `0x${byte.repeat(32)}`;
const sum = (events, field) => events.reduce((s, e) => s + e[field].toBigInt(), 0n);
/** What `who` has on hold with the court for `reason` ('isJurorStake', 'isAppealBond'). */
const courtHold = async (who, reason) => (await api.query.balances.holds(who))
  .filter((h) => h.id.isWorkCourt && h.id.asWorkCourt[reason])
  .reduce((s, h) => s + h.amount.toBigInt(), 0n);
const jurorRecord = async (who) => (await api.query.workCourt.jurors(who)).unwrap();
/** Era emission and job fees paid to provider `who` in `events` (all to its free balance). */
const earnedBy = (events, who) => {
  const rewards = eventsOf(events, 'workToken', 'ProviderRewarded')
    .filter((e) => e.provider.toString() === who);
  const fees = eventsOf(events, 'workToken', 'FeesDistributed')
    .filter((e) => e.provider.toString() === who);
  return sum(rewards, 'commission') + sum(rewards, 'selfStake') + sum(fees, 'toProvider');
};
/** Everything the era boundaries in `events` minted. */
const mintedIn = (events) => sum(eventsOf(events, 'workToken', 'EraRewarded'), 'emission');
/** The court's events `method` of case `caseId` in `events`. */
const courtEvents = (events, method, caseId) => eventsOf(events, 'workCourt', method)
  .filter((e) => e.case.toNumber() === caseId);
const names = (addresses) => addresses.map((a) => nameOf.get(a) ?? a);

/** Free balance, everything on hold, the juror hold and the juror record of each of `who`. */
async function snapshot(who) {
  const out = new Map();
  for (const address of who) {
    const record = await jurorRecord(address);
    out.set(address, {
      free: await free(address),
      reserved: await reserved(address),
      hold: await courtHold(address, 'isJurorStake'),
      active: record.active.toBigInt(),
      locked: record.locked.toBigInt(),
      openSeats: record.openSeats.toNumber(),
    });
  }
  return out;
}

/**
 * Seals the block that draws round `round` of case `caseId` (the case is in its drawing
 * phase) and checks the draw: `wanted` distinct genesis jurors, neither party, none of
 * `excluded`, each with a seat of the round and a seat's stake locked. Returns { drawn,
 * commitEnds, drawBlock }, `drawn` in seat order.
 */
async function drawRound(caseId, round, wanted, excluded) {
  const before = await courtCase(api, caseId);
  assert.equal(before.phase.type, 'Drawing');
  const firstSeat = before.seats.toNumber();
  const beforeRecords = new Map();
  for (const key of jurors) beforeRecords.set(key.address, await jurorRecord(key.address));
  const { blocks } = await sealUntilPhase(api, node.seal, caseId, 'Commit', { max: 1 });
  const [{ hash }] = blocks;
  const drawBlock = await numberOf(hash);
  assert.equal(drawBlock, before.phase.asDrawing.at.toNumber(), 'drawn in the block set for it');
  // The hook draws, in the block's initialisation.
  const init = await blockEvents(api, hash, 'Initialization');
  const drawnEvents = courtEvents(init, 'JurorDrawn', caseId);
  const drawn = drawnEvents.map((e) => e.juror.toString());
  assert.ok(drawnEvents.every((e) => e.round.toNumber() === round));
  const [roundDrawn] = courtEvents(init, 'RoundDrawn', caseId);
  assert.equal(roundDrawn.round.toNumber(), round);
  assert.equal(roundDrawn.jurors.toNumber(), wanted);
  assert.equal(roundDrawn.commitEnds.toNumber(), drawBlock + commitPeriod);
  assert.equal(drawn.length, wanted, `round ${round} seats ${wanted} jurors`);
  assert.equal(new Set(drawn).size, wanted, 'a juror sits once in a case');
  for (const address of drawn) {
    assert.ok(keyOf.has(address), `${address} is a genesis juror`);
    assert.notEqual(address, dave.address, 'the accused is out of the draw');
    assert.notEqual(address, ferdie.address, 'the accuser is out of the draw');
    assert.ok(!excluded.includes(address), `${nameOf.get(address)} already sat in this case`);
  }
  const after = await courtCase(api, caseId);
  assert.equal(after.round.toNumber(), round);
  assert.equal(after.roundStart.toNumber(), firstSeat);
  assert.equal(after.seats.toNumber(), firstSeat + wanted);
  assert.equal(after.phase.asCommit.ends.toNumber(), drawBlock + commitPeriod);
  for (const [i, address] of drawn.entries()) {
    const index = (await api.query.workCourt.seatOf(caseId, address)).unwrap().toNumber();
    assert.equal(index, firstSeat + i, 'seats in drawing order');
    const seat = (await api.query.workCourt.seats(caseId, index)).unwrap();
    assert.equal(seat.juror.toString(), address);
    assert.equal(seat.round.toNumber(), round);
    assert.ok(seat.commitment.isNone && seat.vote.isNone);
    const was = beforeRecords.get(address);
    const record = await jurorRecord(address);
    assert.equal(record.locked.toBigInt(), was.locked.toBigInt() + stakePerSeat, 'a seat locks');
    assert.equal(record.openSeats.toNumber(), was.openSeats.toNumber() + 1);
    assert.equal(record.active.toBigInt(), was.active.toBigInt(), 'locking takes nothing');
  }
  return { drawn, commitEnds: drawBlock + commitPeriod, drawBlock };
}

/** Commits `votes` in one block and checks each seat holds the commitment computed here. */
async function commitAll(caseId, votes, commitEnds) {
  const outcomes = await commitVotes(api, node.seal, caseId, votes);
  for (const [i, o] of outcomes.entries()) {
    assert.equal(o.error, null, `${nameOf.get(votes[i].key.address)} commits`);
    const [committed] = eventsOf(o.events, 'workCourt', 'VoteCommitted');
    assert.equal(committed.juror.toString(), votes[i].key.address);
  }
  assert.ok(await bestNumber() <= commitEnds, 'committed in the commit window');
  for (const { key, ruling, salt } of votes) {
    const index = (await api.query.workCourt.seatOf(caseId, key.address)).unwrap();
    const seat = (await api.query.workCourt.seats(caseId, index)).unwrap();
    assert.equal(seat.commitment.unwrap().toHex(),
      u8aToHex(commitmentOf(api, key.address, caseId, ruling, salt)));
    assert.ok(seat.vote.isNone, 'hidden until revealed');
  }
}

/** Seals until the reveal window opens (the commit window ended at `commitEnds`); returns its end. */
async function openReveal(caseId, commitEnds) {
  const { events } = await sealUntilPhase(api, node.seal, caseId, 'Reveal', {
    max: commitPeriod + 1,
  });
  const [opened] = courtEvents(events, 'RevealOpened', caseId);
  // Each window ends a fixed number of blocks after the nominal end of the one before.
  assert.equal(opened.revealEnds.toNumber(), commitEnds + revealPeriod);
  return opened.revealEnds.toNumber();
}

/** Reveals `votes` in one block (in the reveal window) and checks the round's tally. */
async function revealAll(caseId, votes, revealEnds, expectedTally) {
  const outcomes = await revealVotes(api, node.seal, caseId, votes);
  for (const [i, o] of outcomes.entries()) {
    assert.equal(o.error, null, `${nameOf.get(votes[i].key.address)} reveals`);
    const [revealed] = eventsOf(o.events, 'workCourt', 'VoteRevealed');
    assert.equal(revealed.juror.toString(), votes[i].key.address);
    assert.equal(revealed.ruling.type, votes[i].ruling);
  }
  assert.ok(await bestNumber() <= revealEnds, 'revealed in the reveal window');
  for (const { key, ruling } of votes) {
    const index = (await api.query.workCourt.seatOf(caseId, key.address)).unwrap();
    const seat = (await api.query.workCourt.seats(caseId, index)).unwrap();
    assert.equal(seat.vote.unwrap().type, ruling);
  }
  assert.deepEqual(counts((await courtCase(api, caseId)).tally), expectedTally);
}

/** Seals until the round is decided; checks `RoundDecided`. Returns its `appealEnds`. */
async function roundDecided(caseId, round, ruling, tally, revealEnds) {
  const { events, blocks } = await sealUntilPhase(api, node.seal, caseId, 'Appeal', {
    max: revealPeriod + 1,
  });
  const [decided] = courtEvents(events, 'RoundDecided', caseId);
  assert.equal(decided.round.toNumber(), round);
  assert.equal(decided.ruling.type, ruling);
  assert.deepEqual(counts(decided.tally), tally);
  const at = await numberOf(blocks[blocks.length - 1].hash);
  assert.equal(at, revealEnds + 1, 'decided when the reveal window ended');
  assert.equal(decided.appealEnds.toNumber(), revealEnds + appealPeriod);
  const c = await courtCase(api, caseId);
  assert.equal(c.ruling.unwrap().type, ruling);
  return { appealEnds: decided.appealEnds.toNumber(), events };
}

before(async () => {
  node = await startDevNode();
  api = node.api;
  [dave, ferdie] = await devKeys('Dave', 'Ferdie');
  jurors = await jurorKeys();
  jurors.forEach((key, i) => {
    keyOf.set(key.address, key);
    nameOf.set(key.address, GENESIS_JURORS[i]);
  });
  reportBond = api.consts.workToken.reportBond.toBigInt();
  disputeBond = api.consts.workToken.disputeBond.toBigInt();
  jurorsPerCase = api.consts.workCourt.jurorsPerCase.toNumber();
  commitPeriod = api.consts.workCourt.commitPeriod.toNumber();
  revealPeriod = api.consts.workCourt.revealPeriod.toNumber();
  appealPeriod = api.consts.workCourt.appealPeriod.toNumber();
  stakePerSeat = api.consts.workCourt.stakePerSeat.toBigInt();
  penalty = perbillOf(stakePerSeat, api.consts.workCourt.incoherencePenalty);
  appealBond = api.consts.workCourt.appealBond.toBigInt();
  court = courtAccount(api);
  // Two rounds are needed: a first one and one appeal round.
  assert.ok(api.consts.workCourt.maxAppealRounds.toNumber() >= 1);
  assert.ok(penalty > 0n);

  // The genesis jury: twelve jurors with 100 WORK of juror stake on hold, nothing locked.
  assert.equal((await api.query.workCourt.jury()).jurors.toNumber(), GENESIS_JURORS.length);
  for (const key of jurors) {
    const record = await jurorRecord(key.address);
    assert.equal(record.active.toBigInt(), JUROR_STAKE);
    assert.equal(record.locked.toBigInt(), 0n);
    assert.equal(await courtHold(key.address, 'isJurorStake'), JUROR_STAKE);
    assert.equal(await reserved(key.address), JUROR_STAKE, 'the juror stake is all it holds');
  }
  // The court's account exists from genesis on (its existential deposit).
  assert.ok(await free(court) > 0n);

  const r = await submit(api, node.seal, api.tx.workToken.registerProvider(STAKE, 0), dave);
  assert.equal(r.error, null);
  // Era 1: Dave backs his stake for a whole era. Era 2: the offence of era 1 is reported.
  await advanceToEra(api, node.seal, 2);
});

after(async () => {
  if (summary.length) console.log(['court e2e summary:', ...summary].join('\n  '));
  await node?.stop();
});

test('the commitment is blake2_256 of SCALE (juror, case, ruling, salt), as the chain encodes a ruling', () => {
  // `Ruling` is Uphold (0), Overturn (1), Reduce(Reduction) (2) with Quarter (0), Half (1),
  // ThreeQuarters (2).
  assert.equal(u8aToHex(encodeRuling(api, 'Uphold')), '0x00');
  assert.equal(u8aToHex(encodeRuling(api, 'Overturn')), '0x01');
  assert.equal(u8aToHex(encodeRuling(api, { Reduce: 'Half' })), '0x0201');
  const salt = new Uint8Array(32).fill(7);
  const a = commitmentOf(api, jurors[0].address, 0, 'Overturn', salt);
  assert.equal(a.length, 32);
  assert.notEqual(u8aToHex(a), u8aToHex(commitmentOf(api, jurors[0].address, 1, 'Overturn', salt)),
    'bound to the case');
  assert.notEqual(u8aToHex(a), u8aToHex(commitmentOf(api, jurors[1].address, 0, 'Overturn', salt)),
    'bound to the juror');
  summary.push(`ruling type in the metadata: ${rulingType(api)}`);
});

test('case 1: two jurors overturn, one upholds, nobody appeals: the pot pays the two, to the unit', async () => {
  const era = (await api.query.workToken.currentEra()).toNumber();

  // Ferdie reports Dave's offence of the last era with a bond.
  const ferdieBefore = await free(ferdie.address);
  let r = await submit(api, node.seal,
    api.tx.workToken.reportOffence(dave.address, 'Critical', era - 1, evidence('11')), ferdie);
  assert.equal(r.error, null);
  const [reported] = eventsOf(r.events, 'workToken', 'OffenceReported');
  const slashId = reported.id.toNumber();
  const ferdieAfterReport = ferdieBefore - reportBond - r.fee;
  assert.equal(await free(ferdie.address), ferdieAfterReport);
  assert.equal(await reserved(ferdie.address), reportBond);

  // Dave disputes with his bond: a court case opens (no arbiter is needed).
  const daveBefore = await free(dave.address);
  r = await submit(api, node.seal, api.tx.workToken.disputeSlash(slashId), dave);
  assert.equal(r.error, null);
  const earnedAtDispute = earnedBy(await blockEvents(api, r.blockHash), dave.address);
  assert.equal(await free(dave.address), daveBefore - disputeBond - r.fee + earnedAtDispute);
  assert.equal(await reserved(dave.address), STAKE + disputeBond);
  const [opened] = eventsOf(r.events, 'workCourt', 'CaseOpened');
  assert.ok(opened, 'the dispute opened a case');
  const caseId = opened.case.toNumber();
  assert.ok(opened.subject.isDispute);
  assert.equal(opened.subject.asDispute.toNumber(), slashId);
  const caseOf = await api.query.workCourt.caseOf({ Dispute: slashId });
  assert.equal(caseOf.unwrap().toNumber(), caseId);
  const opening = await courtCase(api, caseId);
  assert.equal(opening.accused.toString(), dave.address);
  assert.equal(opening.accuser.unwrap().toString(), ferdie.address);
  assert.equal(opening.round.toNumber(), 0);
  assert.equal(opening.phase.asDrawing.at.toNumber(), (await bestNumber()) + 1);

  // The next block draws the jurors.
  const { drawn, commitEnds } = await drawRound(caseId, 0, jurorsPerCase, []);

  // A juror that was not drawn cannot vote.
  const outsider = jurors.find((k) => !drawn.includes(k.address));
  r = await submit(api, node.seal,
    api.tx.workCourt.commitVote(caseId, u8aToHex(new Uint8Array(32))), outsider);
  assert.equal(r.error, 'workCourt.NotDrawn');

  // Two vote Overturn, the last one drawn Uphold; all commit in one block.
  const votes = drawn.map((address, i) => ({
    key: keyOf.get(address),
    ruling: i < drawn.length - 1 ? 'Overturn' : 'Uphold',
    salt: newSalt(),
  }));
  const coherent = votes.filter((v) => v.ruling === 'Overturn');
  const [dissenter] = votes.filter((v) => v.ruling === 'Uphold');
  await commitAll(caseId, votes, commitEnds);

  const expectedTally = tallyOf({ Uphold: 1, Overturn: coherent.length });
  const revealEnds = await openReveal(caseId, commitEnds);

  // A reveal with the wrong salt does not match the commitment: it fails and changes nothing.
  const dissenterFree = await free(dissenter.key.address);
  const dissenterReserved = await reserved(dissenter.key.address);
  const beforeMismatch = await courtCase(api, caseId);
  r = await submit(api, node.seal,
    api.tx.workCourt.revealVote(caseId, dissenter.ruling, u8aToHex(newSalt())), dissenter.key);
  assert.equal(r.error, 'workCourt.CommitmentMismatch');
  assert.equal(eventsOf(r.events, 'workCourt', 'VoteRevealed').length, 0);
  const afterMismatch = await courtCase(api, caseId);
  assert.deepEqual(counts(afterMismatch.tally), [0, 0, 0, 0, 0]);
  assert.deepEqual(afterMismatch.toJSON(), beforeMismatch.toJSON(), 'the case is unchanged');
  const dissenterSeat = (await api.query.workCourt.seatOf(caseId, dissenter.key.address)).unwrap();
  assert.ok((await api.query.workCourt.seats(caseId, dissenterSeat)).unwrap().vote.isNone);
  assert.equal(await free(dissenter.key.address), dissenterFree - r.fee, 'only the fee is gone');
  assert.equal(await reserved(dissenter.key.address), dissenterReserved);

  // The right salts: every reveal matches what was computed here.
  await revealAll(caseId, votes, revealEnds, expectedTally);

  // From here on nothing but empty blocks: everything that moves is the court's, the work
  // token's verdict, and era emission.
  const jurorsBefore = await snapshot(drawn);
  const issuanceBefore = await issuance();
  const courtBefore = await free(court);
  const daveFree = await free(dave.address);
  assert.equal(await free(ferdie.address), ferdieAfterReport);

  const round = await roundDecided(caseId, 0, 'Overturn', expectedTally, revealEnds);
  const { appealEnds } = round;
  const settled = await sealUntilPhase(api, node.seal, caseId, null, {
    max: appealPeriod + 10,
  });
  const { blocks } = settled;
  // Every block since the snapshot: an era boundary may fall in any of them.
  const events = [...round.events, ...settled.events];
  assert.equal(courtEvents(events, 'Appealed', caseId).length, 0, 'nobody appealed');

  // The ruling is final when the appeal window ends.
  const decidedIn = blocks.find((b) => courtEvents(b.events, 'CaseDecided', caseId).length);
  assert.equal(await numberOf(decidedIn.hash), appealEnds + 1);
  const [decided] = courtEvents(events, 'CaseDecided', caseId);
  assert.equal(decided.ruling.type, 'Overturn');
  assert.equal(decided.subject.asDispute.toNumber(), slashId);
  // The work token heard it: the slash is dropped, Dave's bond returned, Ferdie's paid to
  // the court for the jurors.
  const [resolved] = eventsOf(events, 'workToken', 'DisputeResolved');
  assert.equal(resolved.id.toNumber(), slashId);
  assert.equal(resolved.verdict.toString(), 'Overturn');
  const [forfeited] = eventsOf(events, 'workToken', 'BondForfeited');
  assert.equal(forfeited.who.toString(), ferdie.address);
  assert.equal(forfeited.to.toString(), court, 'to the court account');
  assert.equal(forfeited.amount.toBigInt(), reportBond);
  const returned = eventsOf(events, 'workToken', 'BondReturned');
  assert.deepEqual(returned.map((e) => [e.who.toString(), e.amount.toBigInt()]),
    [[dave.address, disputeBond]]);
  assert.equal(eventsOf(events, 'workToken', 'BondSlashed').length, 0);
  assert.ok((await api.query.workToken.pendingSlashes(slashId)).isNone);

  // Settlement: the dissenter pays the penalty into the pot; the two share it.
  const pot = reportBond + penalty;
  const penalised = courtEvents(events, 'JurorPenalised', caseId);
  assert.deepEqual(penalised.map((e) => [e.juror.toString(), e.amount.toBigInt()]),
    [[dissenter.key.address, penalty]]);
  const shares = sharesOf(pot, coherent.length);
  const rewarded = courtEvents(events, 'JurorRewarded', caseId);
  assert.deepEqual(rewarded.map((e) => [e.juror.toString(), e.amount.toBigInt()]),
    coherent.map((v, i) => [v.key.address, shares[i]]), 'in seat order, the last the rest');
  assert.equal(sum(rewarded, 'amount'), pot, 'the whole pot is paid out');
  assert.equal(courtEvents(events, 'PotForfeited', caseId).length, 0);
  assert.equal(courtEvents(events, 'CaseSettled', caseId).length, 1);

  // Balances, to the unit.
  for (const [i, v] of coherent.entries()) {
    const was = jurorsBefore.get(v.key.address);
    assert.equal(await free(v.key.address), was.free + shares[i]);
    assert.equal(await reserved(v.key.address), was.reserved);
    const record = await jurorRecord(v.key.address);
    assert.equal(record.active.toBigInt(), was.active, 'a coherent juror keeps its stake');
    assert.equal(record.locked.toBigInt(), was.locked - stakePerSeat, 'the seat is released');
    assert.equal(record.openSeats.toNumber(), was.openSeats - 1);
  }
  const was = jurorsBefore.get(dissenter.key.address);
  assert.equal(await free(dissenter.key.address), was.free);
  assert.equal(await courtHold(dissenter.key.address, 'isJurorStake'), was.hold - penalty,
    'the penalty leaves the juror hold');
  assert.equal(await reserved(dissenter.key.address), was.reserved - penalty);
  const record = await jurorRecord(dissenter.key.address);
  assert.equal(record.active.toBigInt(), was.active - penalty);
  assert.equal(record.locked.toBigInt(), was.locked - stakePerSeat);
  let totalRise = 0n;
  for (const v of coherent) {
    totalRise += (await free(v.key.address)) - jurorsBefore.get(v.key.address).free;
  }
  assert.equal(totalRise, reportBond + penalty, 'the coherent jurors got the bond and the penalty');
  assert.equal(await free(court), courtBefore, 'the court keeps nothing');
  assert.equal(await free(ferdie.address), ferdieAfterReport, 'the report bond is gone');
  assert.equal(await reserved(ferdie.address), 0n);
  assert.equal(await free(dave.address), daveFree + disputeBond + earnedBy(events, dave.address));
  assert.equal(await reserved(dave.address), STAKE);
  // The court moved tokens between accounts only: the issuance moved by the era emission.
  assert.equal(eventsOf(events, 'workToken', 'SlashDeposited').length, 0);
  assert.equal(await issuance(), issuanceBefore + mintedIn(events));
  // Gone from storage.
  assert.ok((await api.query.workCourt.caseOf({ Dispute: slashId })).isNone);
  for (const address of drawn) {
    assert.ok((await api.query.workCourt.seatOf(caseId, address)).isNone);
  }

  summary.push(
    `case ${caseId} (slash ${slashId}, Critical): ` +
      `${votes.map((v) => `${nameOf.get(v.key.address)} ${v.ruling}`).join(', ')}; ` +
      `ruling Overturn, no appeal`,
    `  pot ${fmt(pot)} (report bond ${fmt(reportBond)} + penalty ${fmt(penalty)}): ` +
      `${coherent.map((v, i) => `${nameOf.get(v.key.address)} +${shares[i]}`).join(', ')} planck; ` +
      `${nameOf.get(dissenter.key.address)} -${penalty} planck of juror stake; ` +
      `issuance +${mintedIn(events)} planck (era emission only)`,
  );
});

test('case 2: round 0 upholds, the accused appeals, seven new jurors overturn: bond back, pot to round 1', async () => {
  const era = (await api.query.workToken.currentEra()).toNumber();

  // Ferdie reports another offence of Dave's (Minor, other evidence); Dave disputes.
  let r = await submit(api, node.seal,
    api.tx.workToken.reportOffence(dave.address, 'Minor', era - 1, evidence('22')), ferdie);
  assert.equal(r.error, null);
  const slashId = eventsOf(r.events, 'workToken', 'OffenceReported')[0].id.toNumber();
  assert.equal(await reserved(ferdie.address), reportBond);
  r = await submit(api, node.seal, api.tx.workToken.disputeSlash(slashId), dave);
  assert.equal(r.error, null);
  const [opened] = eventsOf(r.events, 'workCourt', 'CaseOpened');
  const caseId = opened.case.toNumber();
  assert.equal(opened.subject.asDispute.toNumber(), slashId);

  // Round 0: all three uphold.
  const first = await drawRound(caseId, 0, jurorsPerCase, []);
  const firstVotes = first.drawn.map((address) => ({
    key: keyOf.get(address), ruling: 'Uphold', salt: newSalt(),
  }));
  await commitAll(caseId, firstVotes, first.commitEnds);
  const firstTally = tallyOf({ Uphold: firstVotes.length });
  const firstRevealEnds = await openReveal(caseId, first.commitEnds);
  await revealAll(caseId, firstVotes, firstRevealEnds, firstTally);
  const { appealEnds: appealEnds0 } =
    await roundDecided(caseId, 0, 'Uphold', firstTally, firstRevealEnds);

  // Only the side the ruling went against may appeal: not Ferdie, whose report stands.
  r = await submit(api, node.seal, api.tx.workCourt.appeal(caseId), ferdie);
  assert.equal(r.error, 'workCourt.NotLosingParty');
  // Dave appeals, with the round-0 bond on hold.
  const daveBefore = await free(dave.address);
  r = await submit(api, node.seal, api.tx.workCourt.appeal(caseId), dave);
  assert.equal(r.error, null);
  const appealedAt = await bestNumber();
  assert.ok(appealedAt <= appealEnds0, 'in the appeal window');
  const [appealed] = eventsOf(r.events, 'workCourt', 'Appealed');
  assert.equal(appealed.appellant.toString(), dave.address);
  assert.equal(appealed.bond.toBigInt(), appealBond, 'AppealBond for an appeal of round 0');
  assert.equal(appealed.toFallback.isTrue, false);
  const earnedAtAppeal = earnedBy(await blockEvents(api, r.blockHash), dave.address);
  assert.equal(await free(dave.address), daveBefore - appealBond - r.fee + earnedAtAppeal);
  assert.equal(await courtHold(dave.address, 'isAppealBond'), appealBond);
  assert.equal(await reserved(dave.address), STAKE + disputeBond + appealBond);
  let c = await courtCase(api, caseId);
  assert.equal(c.round.toNumber(), 1);
  assert.equal(c.phase.asDrawing.at.toNumber(), appealedAt + 1);

  // Round 1: twice the jurors plus one, none of round 0's; all overturn.
  const wanted = 2 * jurorsPerCase + 1;
  const second = await drawRound(caseId, 1, wanted, first.drawn);
  const secondVotes = second.drawn.map((address) => ({
    key: keyOf.get(address), ruling: 'Overturn', salt: newSalt(),
  }));
  await commitAll(caseId, secondVotes, second.commitEnds);
  // Only FallbackOrigin (root) decides an appealed case.
  r = await submit(api, node.seal, api.tx.workCourt.decideAppealed(caseId, 'Overturn'), dave);
  assert.equal(r.error, 'BadOrigin');
  const secondTally = tallyOf({ Overturn: secondVotes.length });
  const secondRevealEnds = await openReveal(caseId, second.commitEnds);
  await revealAll(caseId, secondVotes, secondRevealEnds, secondTally);
  c = await courtCase(api, caseId);
  assert.deepEqual(counts(c.totalTally),
    tallyOf({ Uphold: firstVotes.length, Overturn: secondVotes.length }), 'both rounds count');

  const seated = [...first.drawn, ...second.drawn];
  const jurorsBefore = await snapshot(seated);
  const issuanceBefore = await issuance();
  const courtBefore = await free(court);
  const daveFree = await free(dave.address);
  const ferdieFree = await free(ferdie.address);

  const round = await roundDecided(caseId, 1, 'Overturn', secondTally, secondRevealEnds);
  const settled = await sealUntilPhase(api, node.seal, caseId, null, { max: appealPeriod + 10 });
  // Every block since the snapshot: an era boundary may fall in any of them.
  const events = [...round.events, ...settled.events];
  assert.equal(courtEvents(events, 'Appealed', caseId).length, 0, 'Ferdie did not appeal');

  const [decided] = courtEvents(events, 'CaseDecided', caseId);
  assert.equal(decided.ruling.type, 'Overturn');
  const [resolved] = eventsOf(events, 'workToken', 'DisputeResolved');
  assert.equal(resolved.id.toNumber(), slashId);
  assert.equal(resolved.verdict.toString(), 'Overturn');
  const [forfeited] = eventsOf(events, 'workToken', 'BondForfeited');
  assert.equal(forfeited.who.toString(), ferdie.address);
  assert.equal(forfeited.to.toString(), court);
  assert.equal(forfeited.amount.toBigInt(), reportBond);
  // The appeal was against Uphold and the ruling is Overturn: its bond comes back.
  assert.equal(courtEvents(events, 'AppealBondForfeited', caseId).length, 0);

  // Round 0's three are incoherent; round 1's seven share the report bond and their penalties.
  const pot = reportBond + BigInt(first.drawn.length) * penalty;
  const penalised = courtEvents(events, 'JurorPenalised', caseId);
  assert.deepEqual(penalised.map((e) => [e.juror.toString(), e.amount.toBigInt()]),
    first.drawn.map((address) => [address, penalty]));
  const shares = sharesOf(pot, second.drawn.length);
  const rewarded = courtEvents(events, 'JurorRewarded', caseId);
  assert.deepEqual(rewarded.map((e) => [e.juror.toString(), e.amount.toBigInt()]),
    second.drawn.map((address, i) => [address, shares[i]]));
  assert.equal(sum(rewarded, 'amount'), pot);
  assert.equal(courtEvents(events, 'PotForfeited', caseId).length, 0);
  assert.equal(courtEvents(events, 'CaseSettled', caseId).length, 1);

  for (const address of first.drawn) {
    const was = jurorsBefore.get(address);
    assert.equal(await free(address), was.free);
    assert.equal(await courtHold(address, 'isJurorStake'), was.hold - penalty);
    assert.equal(await reserved(address), was.reserved - penalty);
    const record = await jurorRecord(address);
    assert.equal(record.active.toBigInt(), was.active - penalty);
    assert.equal(record.locked.toBigInt(), was.locked - stakePerSeat);
  }
  for (const [i, address] of second.drawn.entries()) {
    const was = jurorsBefore.get(address);
    assert.equal(await free(address), was.free + shares[i]);
    assert.equal(await reserved(address), was.reserved);
    const record = await jurorRecord(address);
    assert.equal(record.active.toBigInt(), was.active);
    assert.equal(record.locked.toBigInt(), was.locked - stakePerSeat);
  }
  assert.equal(await free(court), courtBefore);
  assert.equal(await free(ferdie.address), ferdieFree);
  assert.equal(await reserved(ferdie.address), 0n);
  // Dave: appeal bond and dispute bond back, plus what he earned meanwhile.
  assert.equal(await courtHold(dave.address, 'isAppealBond'), 0n);
  assert.equal(await reserved(dave.address), STAKE);
  assert.equal(await free(dave.address),
    daveFree + appealBond + disputeBond + earnedBy(events, dave.address));
  assert.equal(eventsOf(events, 'workToken', 'BondSlashed').length, 0);
  assert.equal(eventsOf(events, 'workToken', 'SlashDeposited').length, 0);
  assert.equal(await issuance(), issuanceBefore + mintedIn(events));
  assert.ok((await api.query.workToken.pendingSlashes(slashId)).isNone);
  assert.ok((await courtCase(api, caseId)) === null);

  summary.push(
    `case ${caseId} (slash ${slashId}, Minor): round 0 ${names(first.drawn).join(', ')} Uphold; ` +
      `Dave appealed (bond ${fmt(appealBond)}, returned); ` +
      `round 1 ${names(second.drawn).join(', ')} Overturn; ruling Overturn`,
    `  pot ${fmt(pot)} (report bond ${fmt(reportBond)} + ` +
      `${first.drawn.length} × penalty ${fmt(penalty)}): ` +
      `shares ${shares.join(', ')} planck; round 0 jurors -${penalty} planck each; ` +
      `issuance +${mintedIn(events)} planck (era emission only)`,
  );
});
