// The well-known dev key pairs, by name ('Alice', 'Dave', 'Alice//stash', ...).
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

/** Key pairs for `names`, after the crypto library is ready. */
export async function devKeys(...names) {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519' });
  return names.map((name) => keyring.addFromUri(`//${name}`));
}
