import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPages } from './build.js';
import { startRelayProcess } from './relay-process.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * Builds the pages if needed and starts ONE relay for the whole run. Tests read E2E_RELAY_URL (workers
 * inherit this process's environment). Returns the teardown.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const webRoot = buildPages(root);
  const relay = await startRelayProcess({ root, webRoot, env: { PAYMENTS: 'dev' } });
  process.env.E2E_RELAY_URL = relay.url;
  return () => relay.stop();
}
