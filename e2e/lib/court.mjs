// The court (`workCourt`) from a client's side: the genesis jurors' key pairs, the court's
// account, the commitment a juror submits, committing and revealing a round's votes in one
// block each, and sealing until a case reaches a phase.
import { u8aConcat, u8aToHex, stringToU8a } from '@polkadot/util';
import { blake2AsU8a, decodeAddress, randomAsU8a } from '@polkadot/util-crypto';
import { devKeys } from './keys.mjs';
import { blockEvents, submitInOneBlock } from './tx.mjs';

/** The jurors of the dev genesis: `//Juror1` … `//Juror12`, each with 100 WORK of juror stake. */
export const GENESIS_JURORS = Array.from({ length: 12 }, (_, i) => `Juror${i + 1}`);

/** Key pairs of the genesis jurors, in `GENESIS_JURORS` order. */
export function jurorKeys() {
  return devKeys(...GENESIS_JURORS);
}

/**
 * Places of the rulings in a `Tally` (the pallet's `Ruling::index`): from the accusation
 * standing in full to it falling.
 */
export const TALLY_INDEX = {
  Uphold: 0, ThreeQuarters: 1, Half: 2, Quarter: 3, Overturn: 4,
};

/** A tally as the chain shows it, from counts by ruling name, e.g. `{ Uphold: 1, Overturn: 2 }`. */
export function tallyOf(counts) {
  const tally = [0, 0, 0, 0, 0];
  for (const [ruling, count] of Object.entries(counts)) tally[TALLY_INDEX[ruling]] = count;
  return tally;
}

/** A `Tally` codec (`[u32; 5]`) as an array of numbers. */
export function counts(tally) {
  const json = tally.toJSON();
  return Array.isArray(json) ? json : Object.values(json)[0];
}

/** The metadata's name of the `Ruling` type (the type of `revealVote`'s `ruling`). */
export function rulingType(api) {
  const arg = api.tx.workCourt.revealVote.meta.args.find((a) => a.name.toString() === 'ruling');
  return arg.type.toString();
}

/** SCALE encoding of `ruling`: 'Uphold', 'Overturn' or `{ Reduce: 'Half' }` and the like. */
export function encodeRuling(api, ruling) {
  return api.createType(rulingType(api), ruling).toU8a();
}

/**
 * The commitment juror `address` submits for `ruling` with `salt` in case `caseId`: the
 * pallet's `blake2_256(SCALE((juror, case, ruling, salt)))`, a tuple of AccountId32, u32,
 * Ruling and [u8; 32], whose encoding is its fields' encodings one after the other.
 */
export function commitmentOf(api, address, caseId, ruling, salt) {
  return blake2AsU8a(u8aConcat(
    decodeAddress(address),
    api.createType('u32', caseId).toU8a(),
    encodeRuling(api, ruling),
    salt,
  ), 256);
}

/** A fresh secret salt for a vote. */
export function newSalt() {
  return randomAsU8a(32);
}

/**
 * The court's account (it holds the pots of open cases): `PalletId::into_account_truncating`,
 * i.e. "modl", the eight bytes of `workCourt.palletId`, zeros to 32 bytes.
 */
export function courtAccount(api) {
  const id = api.consts.workCourt.palletId.toU8a();
  if (id.length !== 8) throw new Error(`a PalletId has 8 bytes, not ${id.length}`);
  const raw = new Uint8Array(32);
  raw.set(u8aConcat(stringToU8a('modl'), id));
  return api.createType('AccountId32', raw).toString();
}

/** Case `caseId` (`workCourt.cases`), or null once it is settled (or was never opened). */
export async function courtCase(api, caseId) {
  const found = await api.query.workCourt.cases(caseId);
  return found.isSome ? found.unwrap() : null;
}

/**
 * The phase of case `caseId` ('Drawing', 'Commit', 'Reveal', 'Appeal', 'Fallback',
 * 'Settling'), or null when it is gone.
 */
export async function phaseOf(api, caseId) {
  const found = await courtCase(api, caseId);
  return found ? found.phase.type : null;
}

/**
 * Seals blocks until `predicate()` holds, at most `max` of them (throws if it does not hold
 * by then). Returns { events, blocks, hash }: the events of every block sealed, in order,
 * `blocks` ({ hash, events } per block sealed) and the hash of the last block sealed (null
 * when the predicate held at once).
 */
export async function sealUntil(api, seal, predicate, { max = 50, what = 'the condition' } = {}) {
  const events = [];
  const blocks = [];
  let hash = null;
  for (let sealed = 0; ; sealed += 1) {
    if (await predicate()) return { events, blocks, hash };
    if (sealed >= max) throw new Error(`${what} did not come within ${max} blocks`);
    hash = await seal();
    const mine = await blockEvents(api, hash);
    blocks.push({ hash, events: mine });
    events.push(...mine);
  }
}

/** Seals until case `caseId` is in `phase` (null: gone, i.e. settled); see `sealUntil`. */
export function sealUntilPhase(api, seal, caseId, phase, { max = 50 } = {}) {
  return sealUntil(api, seal, async () => (await phaseOf(api, caseId)) === phase, {
    max, what: `phase ${phase ?? 'settled'} of case ${caseId}`,
  });
}

/**
 * Commits every vote of `votes` ([{ key, ruling, salt }]) in case `caseId`, all in one block.
 * Resolves with each outcome, in order (see `submitInOneBlock`).
 */
export function commitVotes(api, seal, caseId, votes) {
  return submitInOneBlock(api, seal, votes.map(({ key, ruling, salt }) => [
    api.tx.workCourt.commitVote(
      caseId, u8aToHex(commitmentOf(api, key.address, caseId, ruling, salt)),
    ),
    key,
  ]));
}

/** Reveals every vote of `votes` ([{ key, ruling, salt }]) in case `caseId`, all in one block. */
export function revealVotes(api, seal, caseId, votes) {
  return submitInOneBlock(api, seal, votes.map(({ key, ruling, salt }) => [
    api.tx.workCourt.revealVote(caseId, ruling, u8aToHex(salt)),
    key,
  ]));
}

/**
 * What coherent jurors are paid from a pot of `pot`, in the order they are paid (seat order):
 * an equal share each, rounded down, and the last one what is left.
 */
export function sharesOf(pot, coherent) {
  const each = pot / BigInt(coherent);
  const shares = Array.from({ length: coherent - 1 }, () => each);
  shares.push(pot - each * BigInt(coherent - 1));
  return shares;
}
