/**
 * A developer opens /api/docs in a browser: the relay's own copy of Swagger UI renders the OpenAPI
 * document (no CDN, no CSP violation), and trying an operation calls this relay.
 */
import { test, expect } from '../support/fixtures.js';

test('the API reference renders from the relay and can call it', async ({ newPage, relayUrl }) => {
  const page = await newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  const foreign: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).origin !== new URL(relayUrl).origin && !r.url().startsWith('data:')) foreign.push(r.url());
  });

  await page.goto('/api/docs');
  await expect(page.getByRole('heading', { name: /Afritok Live relay/ })).toBeVisible();
  // One operation, opened and tried out: the relay answers from this page's origin.
  const info = page.locator('#operations-relay-relayInfo');
  await info.locator('.opblock-summary').click();
  await info.getByRole('button', { name: 'Try it out' }).click();
  await info.getByRole('button', { name: 'Execute' }).click();
  await expect(info.locator('.live-responses-table tbody .response-col_status').first()).toHaveText('200');
  await expect(info.locator('.live-responses-table')).toContainText('shareBaseUrl');
  await page.screenshot({ path: 'test-results/e2e/contract-api-docs.png', fullPage: false });

  expect(foreign).toEqual([]);
  expect(problems).toEqual([]);
});
