/**
 * The real relay for the benchmark, in its own process so its CPU and memory can be read.
 * Args: <storage: on|off> <dataDir>. "off" keeps chat messages in memory (everything else is real).
 * Sends its port to the parent over IPC.
 */
import { createRelay } from '../../relay-server/src/app.js';
import { loadConfig } from '../../relay-server/src/config.js';
import { createStorage } from '../../relay-server/src/storage/index.js';
import type { Storage } from '../../relay-server/src/storage/types.js';
import { MemoryMessages } from './memory-messages.js';
import { LOAD_RIG_LIMITS } from '../support/rig-limits.js';

const [storageMode = 'on', dataDir = ''] = process.argv.slice(2);
const config = loadConfig({
  PORT: '0',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'error',
  DATA_DIR: dataDir,
  ...LOAD_RIG_LIMITS,
  ...(process.env.BENCH_DATABASE_URL ? { DATABASE_URL: process.env.BENCH_DATABASE_URL } : {}),
});
const real = await createStorage(config.database);
const storage: Storage =
  storageMode === 'off'
    ? // Every repository stays real (new ones included) except the chat messages.
      { ...real, messages: new MemoryMessages() }
    : real;
const relay = await createRelay(config, { storage });
const { port } = await relay.listen();
process.send?.({ port });
// A clean exit on SIGTERM, so `--cpu-prof` (BENCH_PROFILE) gets to write its profile.
process.once('SIGTERM', () => void relay.close().finally(() => process.exit(0)));
