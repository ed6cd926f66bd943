// Submitting extrinsics to a manual-seal node and reading their outcome.

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
 * Signs and submits `tx`, seals a block, and resolves when the block containing it is
 * finalized, with { events, failed, error, blockHash, fee }. `error` is the decoded module error
 * as "section.Name" when the dispatch failed.
 */
export async function submit(api, seal, tx, signer) {
  let unsub;
  const done = new Promise((resolve, reject) => {
    tx.signAndSend(signer, (result) => {
      const { status } = result;
      if (status.isInvalid || status.isDropped || status.isUsurped) {
        reject(new Error(`transaction ${status.type}`));
      }
      if (status.isInBlock || status.isFinalized) resolve(outcomeOf(api, result));
    }).then((u) => { unsub = u; }, reject);
  });
  // Wait until the pool holds the transaction, then seal the block that includes it.
  for (let i = 0; i < 100; i += 1) {
    const pending = await api.rpc.author.pendingExtrinsics();
    if (pending.length > 0) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  await seal();
  const outcome = await done;
  if (unsub) unsub();
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
 * Submits a job with `fee` from `client` and seals the next block, at whose start the pallet
 * assigns it (or refunds it). Returns the outcome of `submit` plus { id, provider, deadline,
 * unassigned, assignedIn }: `provider` is the assigned provider's address (null when the job
 * was not assigned, `unassigned` then holds the `JobUnassigned` event), `assignedIn` the hash
 * of the block that assigned it. When `submitJob` itself fails, `id` is null.
 */
export async function submitJob(api, seal, client, fee, spec = `0x${'ab'.repeat(32)}`) {
  const r = await submit(api, seal, api.tx.workToken.submitJob(spec, fee), client);
  if (r.failed) return { ...r, id: null, provider: null, deadline: null, unassigned: null };
  const [submitted] = eventsOf(r.events, 'workToken', 'JobSubmitted');
  const id = submitted.id.toNumber();
  const assignedIn = await seal();
  const init = await blockEvents(api, assignedIn, 'Initialization');
  const mine = (e) => e.id.toNumber() === id;
  const assigned = eventsOf(init, 'workToken', 'JobAssigned').find(mine) ?? null;
  const unassigned = eventsOf(init, 'workToken', 'JobUnassigned').find(mine) ?? null;
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
  const unsubs = [];
  for (const [tx, signer] of calls) {
    if (!nonces.has(signer.address)) {
      nonces.set(signer.address, (await api.rpc.system.accountNextIndex(signer.address)).toNumber());
    }
    const nonce = nonces.get(signer.address);
    nonces.set(signer.address, nonce + 1);
    outcomes.push(new Promise((resolve, reject) => {
      tx.signAndSend(signer, { nonce }, (result) => {
        const { status } = result;
        if (status.isInvalid || status.isDropped || status.isUsurped) {
          reject(new Error(`transaction ${status.type}`));
        }
        if (status.isInBlock || status.isFinalized) resolve(outcomeOf(api, result));
      }).then((u) => { unsubs.push(u); }, reject);
    }));
  }
  for (let i = 0; i < 200; i += 1) {
    const pending = await api.rpc.author.pendingExtrinsics();
    if (pending.length >= calls.length) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  await seal();
  const results = await Promise.all(outcomes);
  unsubs.forEach((u) => u());
  return results;
}

/** Blocks per work-token era in the dev runtime. */
export const ERA_LENGTH = 10;

/**
 * Seals blocks until none of the next `blocks` (default 1, at most ERA_LENGTH - 1) would start
 * an era, so no era boundary (emission, fee split, entry) lands among them.
 */
export async function avoidEraBoundary(api, seal, blocks = 1) {
  if (blocks >= ERA_LENGTH) throw new Error(`${blocks} blocks always cross an era boundary`);
  for (;;) {
    const number = (await api.rpc.chain.getHeader()).number.toNumber();
    const toBoundary = ERA_LENGTH - (number % ERA_LENGTH); // blocks until the next era starts
    if (toBoundary > blocks) return;
    await seal();
  }
}

/** Free balance of `who`. */
export async function freeBalance(api, who) {
  return (await api.query.system.account(who)).data.free.toBigInt();
}
