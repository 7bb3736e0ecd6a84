import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SKIP_MESSAGE, findElectronBinary } from './tests/electron/support/electron-binary.js';

/**
 * The Electron suite (tests/electron): the built studio (out/) in the real Electron binary, against
 * a real relay on its own port and its own SQLite data folder. Without a binary every test is
 * skipped and the skip is printed loudly — nothing stands in for Electron.
 */
const binary = findElectronBinary();
if (!binary) process.stderr.write(`\n\x1b[33m*** ${SKIP_MESSAGE} ***\x1b[0m\n\n`);

const port = Number(process.env.AFRITOK_E2E_ELECTRON_RELAY_PORT ?? 3197);
process.env.AFRITOK_E2E_ELECTRON_RELAY_PORT = String(port);

export default defineConfig({
  testDir: './tests/electron',
  testMatch: '**/*.spec.ts',
  outputDir: './test-results/electron',
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
  webServer: binary
    ? {
        command: 'npx tsx relay-server/src/main.ts',
        url: `http://127.0.0.1:${port}/healthz`,
        reuseExistingServer: false,
        timeout: 60_000,
        env: {
          PORT: String(port),
          DATA_DIR: mkdtempSync(join(tmpdir(), 'afritok-electron-relay-')),
          // The studio's pages come from app://studio; the relay must accept that origin.
          WEBSOCKET_CORS_ORIGIN: 'app://studio',
          LOG_LEVEL: 'warn',
          SIGNUP_RATE_PER_MINUTE: '1000000',
          // The studio loads its page from app://studio; the relay serves only the API here.
          WEB_ROOT: 'off',
        },
      }
    : undefined,
});
