import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPages } from './build.js';
import { startRelayProcess } from './relay-process.js';
import { startStaticServer } from './static-server.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * Builds the pages if needed, serves the testbench publisher on its own loopback origin (allowed by
 * the relay's CORS list) and starts ONE relay for the whole run. Tests read E2E_RELAY_URL and
 * E2E_TESTBENCH_URL (workers inherit this process's environment). Returns the teardown.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const { webRoot, testbenchRoot } = buildPages(root);
  const testbench = await startStaticServer(testbenchRoot);
  const relay = await startRelayProcess({ root, webRoot, env: { WEBSOCKET_CORS_ORIGIN: testbench.url, PAYMENTS: 'dev' } });
  process.env.E2E_RELAY_URL = relay.url;
  process.env.E2E_TESTBENCH_URL = testbench.url;
  return async () => {
    await relay.stop();
    await testbench.stop();
  };
}
