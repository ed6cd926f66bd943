// Submitting extrinsics (to a manual-seal node, or one that makes blocks by itself) and reading
// their outcome.

/** { events, failed, error, blockHash, fee } of a transaction `result` that is in a block. */
function outcomeOf(api, { status, events, dispatchError }) {
  let error = null;
  if (dispatchError) {
    if (dispatchError.isModule) {
      const meta = api.registry.findMetaError(dispatchError.asModule);
      error = `${meta.section}.${meta.name}`;
    } else {
      error = dispatchError.toString();
    }
  }
  const feeEvent = events.find(({ event }) =>
    api.events.transactionPayment.TransactionFeePaid.is(event));
  const fee = feeEvent ? feeEvent.event.data.actualFee.toBigInt() : 0n;
  return {
    events: events.map(({ event }) => event),
    failed: Boolean(dispatchError),
    error,
    blockHash: status.isInBlock ? status.asInBlock.toHex() : status.asFinalized.toHex(),
    fee,
  };
}

/**
 * Signs `tx` with `signer` and sends it: the one place the e2e code calls `signAndSend`.
 * `nonce` defaults to the account's next index (pool included). Resolves with the outcome
 * ({ events, failed, error, blockHash, fee }) once the transaction is in a block, or, with
 * `finalized`, once that block is finalized; rejects if the pool refuses or drops it.
 */
function send(api, tx, signer, { nonce, finalized = false } = {}) {
  let unsub = null;
  let settled = false;
  const stop = () => { if (unsub) { unsub(); unsub = null; } };
  const outcome = new Promise((resolve, reject) => {
    const options = nonce === undefined ? {} : { nonce };
    tx.signAndSend(signer, options, (result) => {
      if (settled) return;
      const { status } = result;
      if (status.isInvalid || status.isDropped || status.isUsurped) {
        settled = true;
        reject(new Error(`transaction ${status.type}`));
      } else if (status.isFinalized || (!finalized && status.isInBlock)) {
        // The dev node finalizes at once: a subscription may see Finalized without InBlock.
        settled = true;
        resolve(outcomeOf(api, result));
      }
      if (settled) stop();
    }).then((u) => { unsub = u; if (settled) stop(); }, (e) => { settled = true; reject(e); });
  });
  // Callers await it after sealing; a refusal before then must not count as unhandled.
  outcome.catch(() => {});
  return outcome;
}

/**
 * Waits (up to ~10 s) until the pool holds at least `count` transactions, or one of
 * `outcomes` has settled (a refused transaction never reaches the pool).
 */
async function untilPending(api, count, outcomes) {
  let settled = false;
  outcomes.forEach((o) => o.then(() => { settled = true; }, () => { settled = true; }));
  for (let i = 0; i < 200 && !settled; i += 1) {
    const pending = await api.rpc.author.pendingExtrinsics();
    if (pending.length >= count) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Signs and submits `tx` and resolves with { events, failed, error, blockHash, fee } once it is
 * in a block. `error` is the decoded module error as "section.Name" (or the dispatch error's
 * text, e.g. "BadOrigin") when the dispatch failed; a failed dispatch does not reject.
 *
 * On a manual-seal node pass its `seal`: once the pool holds the transaction one block is
 * sealed (and finalized). With `seal` null the node makes blocks by itself (timed sealing,
 * Aura); `{ finalized: true }` then waits until the block is finalized.
 */
export async function submit(api, seal, tx, signer, { nonce, finalized = false } = {}) {
  const outcome = send(api, tx, signer, { nonce, finalized });
  if (seal) {
    await untilPending(api, 1, [outcome]);
    await seal();
  }
  return outcome;
}

const camel = (name) => name.replace(/_([a-z])/g, (_, c) => c.toUpperCase());

/** The events of `section.method` in `events`, as objects keyed by camelCase field names. */
export function eventsOf(events, section, method) {
  return events
    .filter((e) => e.section === section && e.method === method)
    .map((e) => {
      const names = e.meta.fields.map((f) => camel(f.name.unwrap().toString()));
      return Object.fromEntries(names.map((n, i) => [n, e.data[i]]));
    });
}

/**
 * The events of block `hash`, optionally only those of `phase` ('Initialization',
 * 'ApplyExtrinsic', 'Finalization'). What a hook emits (era rewards, job assignment, due
 * slashes) is in the 'Initialization' phase of its block, not in any extrinsic's events.
 */
export async function blockEvents(api, hash, phase) {
  const records = await api.query.system.events.at(hash);
  return records.filter((r) => !phase || r.phase.type === phase).map((r) => r.event);
}

/** The events of blocks `from` to `to` (block numbers, inclusive; `to`: the best block). */
export async function eventsInBlocks(api, from, to) {
  const last = to ?? (await api.rpc.chain.getHeader()).number.toNumber();
  const events = [];
  for (let n = from; n <= last; n += 1) {
    events.push(...await blockEvents(api, await api.rpc.chain.getBlockHash(n)));
  }
  return events;
}

/**
 * Seals blocks until the work-token era is at least `era`. Returns { era, events, hash }: the
 * era reached, the events of every block sealed (in order) and the hash of the last block
 * sealed (null when none was needed), which is the block that started `era` when it was not
 * reached before the call.
 */
export async function sealToEra(api, seal, era) {
  const events = [];
  let hash = null;
  for (let i = 0; i < 10_000; i += 1) {
    const current = (await api.query.workToken.currentEra()).toNumber();
    if (current >= era) return { era: current, events, hash };
    hash = await seal();
    events.push(...await blockEvents(api, hash));
  }
  throw new Error(`era ${era} not reached`);
}

/** Seals blocks until the work-token era is at least `era`; returns the era reached. */
export async function advanceToEra(api, seal, era) {
  return (await sealToEra(api, seal, era)).era;
}

/**
 * Submits a job (`workMarket.submitJob`) with `fee` from `client` and seals the next block, at
 * whose start the market assigns it (or refunds it). Returns the outcome of `submit` plus
 * { submitted, id, provider, deadline, unassigned, assignedIn }: `submitted` is the
 * `JobSubmitted` event, `provider` the assigned provider's address (null when the job was not
 * assigned, `unassigned` then holds the `JobUnassigned` event), `assignedIn` the hash of the
 * block that assigned it. When `submitJob` itself fails, `id` is null.
 */
export async function submitJob(api, seal, client, fee, spec = `0x${'ab'.repeat(32)}`) {
  const r = await submit(api, seal, api.tx.workMarket.submitJob(spec, fee), client);
  if (r.failed) return { ...r, id: null, provider: null, deadline: null, unassigned: null };
  const [submitted] = eventsOf(r.events, 'workMarket', 'JobSubmitted');
  const id = submitted.id.toNumber();
  const assignedIn = await seal();
  const init = await blockEvents(api, assignedIn, 'Initialization');
  const mine = (e) => e.id.toNumber() === id;
  const assigned = eventsOf(init, 'workMarket', 'JobAssigned').find(mine) ?? null;
  const unassigned = eventsOf(init, 'workMarket', 'JobUnassigned').find(mine) ?? null;
  if (!assigned && !unassigned) throw new Error(`job ${id} was neither assigned nor refunded`);
  return {
    ...r,
    submitted,
    id,
    provider: assigned ? assigned.provider.toString() : null,
    deadline: assigned ? assigned.deadline.toNumber() : null,
    unassigned,
    assignedIn,
  };
}

/**
 * Signs every `[tx, signer]` of `calls` (consecutive nonces per signer), waits until the pool
 * holds them all and seals ONE block with them. Resolves with the outcome of each, in order,
 * as `submit` does ({ events, failed, error, blockHash, fee }).
 */
export async function submitInOneBlock(api, seal, calls) {
  const nonces = new Map();
  const outcomes = [];
  for (const [tx, signer] of calls) {
    if (!nonces.has(signer.address)) {
      nonces.set(signer.address, (await api.rpc.system.accountNextIndex(signer.address)).toNumber());
    }
    const nonce = nonces.get(signer.address);
    nonces.set(signer.address, nonce + 1);
    outcomes.push(send(api, tx, signer, { nonce }));
  }
  await untilPending(api, calls.length, outcomes);
  await seal();
  return Promise.all(outcomes);
}

/** Blocks per work-token era (`EraLength`); era `e` starts at block `e * EraLength`. */
export function eraLength(api) {
  return api.consts.workToken.eraLength.toNumber();
}

/**
 * Seals blocks until none of the next `blocks` (default 1, at most EraLength - 1) would start
 * an era, so no era boundary (emission, fee split, entry) lands among them.
 */
export async function avoidEraBoundary(api, seal, blocks = 1) {
  const length = eraLength(api);
  if (blocks >= length) throw new Error(`${blocks} blocks always cross an era boundary`);
  for (;;) {
    const number = (await api.rpc.chain.getHeader()).number.toNumber();
    const toBoundary = length - (number % length); // blocks until the next era starts
    if (toBoundary > blocks) return;
    await seal();
  }
}

/** Free balance of `who`. */
export async function freeBalance(api, who) {
  return (await api.query.system.account(who)).data.free.toBigInt();
}
