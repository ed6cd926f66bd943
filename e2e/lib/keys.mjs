// The well-known dev key pairs, by name ('Alice', 'Dave', 'Alice//stash', ...): the one place
// the e2e code makes key pairs.
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

/**
 * The providers of the `development` genesis (`--dev`): Alice's, Bob's and Charlie's stash,
 * with `//Dave//stash`, `//Eve//stash` and `//Ferdie//stash` delegating to them in that order.
 */
export const GENESIS_PROVIDERS = ['Alice//stash', 'Bob//stash', 'Charlie//stash'];
export const GENESIS_DELEGATORS = ['Dave//stash', 'Eve//stash', 'Ferdie//stash'];

/** Key pairs (sr25519, SS58 42) of the dev URIs `//<name>` for `names`, once crypto is ready. */
export async function devKeys(...names) {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  return names.map((name) => keyring.addFromUri(`//${name}`));
}
