// The operator's example script (`examples/market-tour.mjs`) runs to the end against a
// `--dev` node producing blocks on a timer, as `./scripts/run-dev.sh` does (faster blocks
// here to keep the test short).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { startDevNode } from '../lib/node.mjs';

test('examples/market-tour.mjs runs against a dev node and prints its summary', async () => {
  const node = await startDevNode({ sealing: '200' });
  try {
    await node.api.disconnect();
    const script = fileURLToPath(new URL('../examples/market-tour.mjs', import.meta.url));
    // Asynchronously: the node's logs are piped to this process, which must keep reading them.
    const run = await promisify(execFile)(
      process.execPath, [script, `ws://127.0.0.1:${node.rpcPort}`], { timeout: 180_000 },
    ).catch((e) => assert.fail(`script failed:\n${e.stdout}\n${e.stderr}`));
    assert.match(run.stdout, /Bob registered as a provider/);
    assert.match(run.stdout, /drawn in the next block: /);
    assert.match(run.stdout, /Dave accepted: .* into .*'s fees of era \d+/);
    assert.match(run.stdout, /fees split by whole-era stake: .* to the provider, .* to its delegators/);
    assert.match(run.stdout, /a new delegation to Bob while the slash is pending: accepted, 10 WORK waiting/);
    assert.match(run.stdout, /the slash applied by itself: Bob's stake 1,000 WORK -> 990 WORK/);
    assert.match(run.stdout, /summary/);
  } finally {
    await node.stop();
  }
});
