import { test as base, expect, type Page, type BrowserContext } from '@playwright/test';
import type { SessionType } from '../../../protocol/sessions.js';
import { instrument } from './probes.js';
import { RelayApi, type SignedUp } from './relay-api.js';
import { goLiveFromStudio, type StudioLiveOptions } from './studio.js';

export interface Publisher {
  page: Page;
  host: SignedUp;
  sessionId: string;
}

interface Fixtures {
  relayUrl: string;
  relay: RelayApi;
  /** Opens a new browser page (own context: own storage) instrumented with the probes. */
  newPage: () => Promise<Page>;
  /** Signs up a host, who signs in on /studio, puts camera and microphone in the scene and goes live. */
  goLive: (type?: SessionType, options?: StudioLiveOptions) => Promise<Publisher>;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form for fixtures
  relayUrl: async ({}, use) => {
    const url = process.env.E2E_RELAY_URL;
    if (!url) throw new Error('E2E_RELAY_URL is not set: run through playwright.config.ts (global setup)');
    await use(url);
  },
  baseURL: async ({ relayUrl }, use) => use(relayUrl),
  relay: async ({ relayUrl }, use) => use(new RelayApi(relayUrl)),
  newPage: async ({ browser, relayUrl }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async () => {
      const context = await browser.newContext({ baseURL: relayUrl, permissions: ['camera', 'microphone'] });
      contexts.push(context);
      const page = await context.newPage();
      const label = `page${contexts.length}`;
      // E2E_DEBUG=1 echoes the pages' console and errors (diagnosing a failure without a trace viewer).
      if (process.env.E2E_DEBUG === '1') {
        page.on('console', (m) => console.log(`[${label} ${m.type()}] ${m.text()}`));
        page.on('pageerror', (e) => console.log(`[${label} pageerror] ${e.message}`));
      }
      await instrument(page);
      return page;
    });
    await Promise.all(contexts.map((c) => c.close()));
  },
  goLive: async ({ relay, newPage }, use) => {
    await use(async (type = 'video', options = {}) => {
      const host = await relay.signUp('host');
      const page = await newPage();
      const sessionId = await goLiveFromStudio(page, host, type, options);
      return { page, host, sessionId };
    });
  },
});

export { expect };
