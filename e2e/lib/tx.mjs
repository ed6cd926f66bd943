// Submitting extrinsics to a manual-seal node and reading their outcome.

/**
 * Signs and submits `tx`, seals a block, and resolves when the block containing it is
 * finalized, with { events, failed, error, blockHash, fee }. `error` is the decoded module error
 * as "section.Name" when the dispatch failed.
 */
export async function submit(api, seal, tx, signer) {
  let unsub;
  const done = new Promise((resolve, reject) => {
    tx.signAndSend(signer, (result) => {
      const { status, events, dispatchError } = result;
      if (status.isInvalid || status.isDropped || status.isUsurped) {
        reject(new Error(`transaction ${status.type}`));
      }
      if (status.isInBlock || status.isFinalized) {
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
        resolve({
          events: events.map(({ event }) => event),
          failed: Boolean(dispatchError),
          error,
          blockHash: status.isInBlock ? status.asInBlock.toHex() : status.asFinalized.toHex(),
          fee,
        });
      }
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

/** Seals blocks until the work-token era is at least `era`. */
export async function advanceToEra(api, seal, era) {
  for (let i = 0; i < 10_000; i += 1) {
    const current = (await api.query.workToken.currentEra()).toNumber();
    if (current >= era) return current;
    await seal();
  }
  throw new Error(`era ${era} not reached`);
}

/** Blocks per work-token era in the dev runtime. */
export const ERA_LENGTH = 10;

/** Seals a block when the next one would start an era, so no emission lands in the next. */
export async function avoidEraBoundary(api, seal) {
  const number = (await api.rpc.chain.getHeader()).number.toNumber();
  if ((number + 1) % ERA_LENGTH === 0) await seal();
}

/** Free balance of `who`. */
export async function freeBalance(api, who) {
  return (await api.query.system.account(who)).data.free.toBigInt();
}
