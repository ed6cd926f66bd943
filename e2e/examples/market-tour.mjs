#!/usr/bin/env node
// A tour of the work-token market against a running dev node (`./scripts/run-dev.sh`):
// register a provider, delegate to it (the tokens enter its pool at the next era), submit a
// job (assigned at the start of the next block) and see its fee split when the era ends, then
// report an offence and watch the slash wait out its dispute window and apply. Prints a
// readable summary. Staking, delegation, the fee split and slashing are `workToken`; jobs,
// results and reputation are `workMarket`.
//
//   node examples/market-tour.mjs [ws://127.0.0.1:9944]
//
// It uses the plain dev accounts, which the `development` preset leaves unstaked: Bob
// (provider), Charlie (delegator), Dave (client), Eve (reporter). Run it on a fresh `--dev`
// chain; a second run finds Bob already registered and stops with that error.
import { ApiPromise, WsProvider } from '@polkadot/api';
import { submit, eventsOf, eraLength } from '../lib/tx.mjs';
import { devKeys, GENESIS_PROVIDERS } from '../lib/keys.mjs';
import { UNIT, fmt } from '../lib/units.mjs';

const url = process.argv[2] ?? process.env.WS ?? 'ws://127.0.0.1:9944';
const log = (...args) => console.log(...args);

/**
 * Signs and sends `tx` (the node makes the blocks); resolves with { events, blockHash } once
 * it is in a block; throws with the module error ("section.Name") on a failed call.
 */
async function send(api, tx, signer) {
  const r = await submit(api, null, tx, signer);
  if (r.failed) throw new Error(r.error);
  return r;
}

/**
 * The events of block `number`, once it exists. What the pallets do at the start of a block
 * (assigning jobs, ending eras, applying slashes) is only there, not in any call's events.
 */
async function blockEvents(api, number) {
  for (;;) {
    const hash = await api.rpc.chain.getBlockHash(number);
    if (!hash.isEmpty) return (await api.query.system.events.at(hash)).map(({ event }) => event);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The block number of `hash`. */
const numberOf = async (api, hash) => (await api.rpc.chain.getHeader(hash)).number.toNumber();

/** The first `section.method` event of `events`, keyed by field name. */
const find = (events, section, method) => eventsOf(events, section, method)[0];

/** Resolves once the pallet's era is at least `era`. */
async function untilEra(api, era) {
  return new Promise((resolve) => {
    let unsub;
    api.query.workToken.currentEra((current) => {
      if (current.toNumber() >= era) {
        if (unsub) unsub(); else setTimeout(() => unsub && unsub(), 0);
        resolve(current.toNumber());
      }
    }).then((u) => { unsub = u; });
  });
}

async function main() {
  const api = await ApiPromise.create({ provider: new WsProvider(url), noInitWarn: true });
  const [bob, charlie, dave, eve] = await devKeys('Bob', 'Charlie', 'Dave', 'Eve');
  const stashes = await devKeys(...GENESIS_PROVIDERS);
  const keys = Object.fromEntries([bob, ...stashes].map((k) => [k.address, k]));
  const names = Object.fromEntries([[bob.address, 'Bob'],
    ...stashes.map((k, i) => [k.address, GENESIS_PROVIDERS[i]])]);
  const name = (address) => names[address] ?? address;

  const summary = [];
  log(`connected to ${url}, era ${(await api.query.workToken.currentEra()).toNumber()}`);

  // 1. Bob becomes a provider; Charlie delegates to him.
  await send(api, api.tx.workToken.registerProvider(1_000n * UNIT, 50_000_000), bob);
  log('Bob registered as a provider with 1,000 WORK at 5% commission');
  await send(api, api.tx.workToken.delegate(bob.address, 200n * UNIT), charlie);
  log('Charlie delegated 200 WORK to Bob; the tokens wait to enter his pool until the next era');
  const era = (await api.query.workToken.currentEra()).toNumber();
  log(`waiting for era ${era + 1}, when Bob joins the active set and Charlie's tokens enter ...`);
  await untilEra(api, era + 1);
  const set = (await api.call.workTokenApi.activeSet()).toArray();
  for (const m of set) {
    log(`  active: ${name(m.provider.toString())}, effective stake ${fmt(m.effectiveStake.toBigInt())}, ` +
      `chance ${(m.selectionProbability.toNumber() / 1e7).toFixed(2)}%`);
  }
  const position = (await api.call.workTokenApi.delegationSummary(charlie.address, bob.address)).unwrap();
  log(`Charlie's position: ${fmt(position.value.toBigInt())} in Bob's pool, ` +
    `${fmt(position.entering.toBigInt())} still waiting`);
  summary.push(['active providers', String(set.length)]);

  // 2. Dave submits a job to the market; it is drawn at the start of the next block; the
  // provider delivers; Dave accepts; the work token splits the fee when the era ends.
  let sent = await send(api, api.tx.workMarket.submitJob(`0x${'42'.repeat(32)}`, 5n * UNIT), dave);
  const id = find(sent.events, 'workMarket', 'JobSubmitted').id.toNumber();
  const next = await blockEvents(api, (await numberOf(api, sent.blockHash)) + 1);
  const mine = (e) => e.id.toNumber() === id;
  const refused = eventsOf(next, 'workMarket', 'JobUnassigned').find(mine);
  if (refused) throw new Error(`job #${id} was not assigned: ${refused.reason.toString()}`);
  const assignedEvent = eventsOf(next, 'workMarket', 'JobAssigned').find(mine);
  const assigned = assignedEvent.provider.toString();
  log(`Dave submitted job #${id} for 5 WORK; drawn in the next block: ${name(assigned)} ` +
    `(result due by block #${assignedEvent.deadline.toNumber()})`);
  await send(api, api.tx.workMarket.submitResult(id, `0x${'43'.repeat(32)}`), keys[assigned]);
  log(`${name(assigned)} delivered the result`);
  sent = await send(api, api.tx.workMarket.acceptResult(id), dave);
  const done = find(sent.events, 'workMarket', 'JobCompleted');
  const acceptEra = (await api.query.workToken.currentEra.at(sent.blockHash)).toNumber();
  log(`Dave accepted: ${fmt(done.paid.toBigInt())} into ${name(assigned)}'s fees of era ${acceptEra}, ` +
    `${fmt(done.protocolFee.toBigInt())} protocol fee`);
  const reputation = (await api.call.workMarketApi.workSummary(assigned)).reputation.toNumber();
  log(`${name(assigned)}'s reputation is now ${(reputation / 1e4).toFixed(1)}%`);
  // Era e starts at block e * EraLength; its first block splits the fees of era e - 1.
  log(`waiting for era ${acceptEra + 1} ...`);
  const boundary = await blockEvents(api, (acceptEra + 1) * eraLength(api));
  const fees = eventsOf(boundary, 'workToken', 'FeesDistributed')
    .find((e) => e.provider.toString() === assigned);
  log(`era ${acceptEra} ended, its fees split by whole-era stake: ${fmt(fees.toProvider.toBigInt())} ` +
    `to the provider, ${fmt(fees.toPool.toBigInt())} to its delegators`);
  summary.push(['job fee to provider', fmt(fees.toProvider.toBigInt())]);
  summary.push(['job fee to delegators', fmt(fees.toPool.toBigInt())]);
  summary.push([`reputation of ${name(assigned)}`, `${(reputation / 1e4).toFixed(1)}%`]);

  // 3. Eve reports a Minor offence of Bob; it waits out the dispute window, then applies.
  const reportEra = (await api.query.workToken.currentEra()).toNumber();
  const stakeBefore = (await api.query.workToken.ledgers(bob.address)).unwrap().active.toBigInt();
  sent = await send(api,
    api.tx.workToken.reportOffence(bob.address, 'Minor', reportEra, `0x${'99'.repeat(32)}`), eve);
  const reported = find(sent.events, 'workToken', 'OffenceReported');
  const slashId = reported.id.toNumber();
  const [pending] = (await api.call.workTokenApi.pendingSlashes(bob.address)).toArray();
  log(`Eve reported a Minor offence of Bob (slash #${slashId}): ${fmt(reported.own.toBigInt())} locked, ` +
    `pending until era ${pending.disputeWindowEnd.toNumber()} (Bob may dispute until then)`);
  // A joiner is accepted, but its tokens wait outside the pool: not at risk, not earning.
  sent = await send(api, api.tx.workToken.delegate(bob.address, 10n * UNIT), dave);
  const waiting = (await (await api.at(sent.blockHash)).call.workTokenApi
    .delegationSummary(dave.address, bob.address)).unwrap().entering.toBigInt();
  const joined = `accepted, ${fmt(waiting)} waiting to enter`;
  log(`a new delegation to Bob while the slash is pending: ${joined}`);
  log(`waiting for era ${pending.disputeWindowEnd.toNumber()} ...`);
  await untilEra(api, pending.disputeWindowEnd.toNumber());
  for (let i = 0; i < 20 && (await api.query.workToken.pendingSlashes(slashId)).isSome; i += 1) {
    await new Promise((r) => setTimeout(r, 500));
  }
  const stakeAfter = (await api.query.workToken.ledgers(bob.address)).unwrap().active.toBigInt();
  log(`the slash applied by itself: Bob's stake ${fmt(stakeBefore)} -> ${fmt(stakeAfter)}`);
  summary.push(['slash', `${fmt(stakeBefore - stakeAfter)} of Bob's stake`]);
  summary.push(['new delegation during the window', joined]);

  log('\nsummary');
  for (const [k, v] of summary) log(`  ${k.padEnd(34)} ${v}`);
  await api.disconnect();
  if (stakeAfter >= stakeBefore) throw new Error('the slash did not apply');
}

main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
