import { defineConfig } from '@playwright/test';

/**
 * Browser end-to-end suites. `e2e` drives the built pages (dist-web) served by ONE relay child
 * process that the global setup starts on a free loopback port with a throw-away SQLite database
 * (its URL reaches the tests as E2E_RELAY_URL). helper-6 adds an `electron` project for tests/electron.
 * Run through `scripts/e2e.sh` (network namespace with loopback only when possible).
 */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--allow-loopback-in-peer-connection',
  '--autoplay-policy=no-user-gesture-required',
  // Background tabs (several pages per test) must keep their timers and media running.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

export default defineConfig({
  outputDir: 'test-results/e2e',
  // WebRTC in several pages at once on 2 cores: one test at a time, generous but bounded waits.
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  expect: { timeout: 20_000 },
  retries: 0,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  globalSetup: './tests/e2e/support/global-setup.ts',
  use: {
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    viewport: { width: 1280, height: 800 },
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
    permissions: ['camera', 'microphone'],
  },
  projects: [
    {
      name: 'e2e',
      testDir: 'tests/e2e',
      testMatch: '**/*.spec.ts',
    },
  ],
});
