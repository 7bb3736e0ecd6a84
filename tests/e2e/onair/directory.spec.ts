import path from 'node:path';
import { expect, test } from '../support/fixtures.js';
import { addSource, registerInStudio } from '../studio/helpers.js';

const shots = path.resolve(import.meta.dirname, '../../../test-results/onair');

test('directory cards show the program picture the studio uploads; studio and viewer count the same viewers', async ({ page, newPage, relayUrl }) => {
  await page.setViewportSize({ width: 1600, height: 900 });
  await registerInStudio(page, relayUrl);
  await addSource(page, 'camera');
  const title = `Thumbnail show ${Date.now()}`;
  await page.getByTestId('live-title').fill(title);
  await page.getByTestId('live-start').click();
  await expect(page.getByTestId('live-state')).toHaveAttribute('data-state', 'live');
  const shareUrl = await page.getByTestId('live-share-url').inputValue();
  const sessionId = shareUrl.split('/').pop() ?? '';

  const visitor = await newPage();
  await visitor.goto('/');
  const card = visitor.locator(`[data-testid="directory-session"][data-session-id="${sessionId}"]`);
  await expect(card).toBeVisible();
  const thumb = card.getByTestId('directory-thumbnail');
  await expect(thumb).toBeVisible({ timeout: 40_000 });
  await expect.poll(() => thumb.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(320);
  await visitor.screenshot({ path: path.join(shots, 'directory-thumbnail.png') });

  // Two viewers: the studio and each viewer page say 2.
  const first = await newPage();
  const second = await newPage();
  await first.goto(shareUrl);
  await second.goto(shareUrl);
  await expect(page.getByTestId('live-viewers')).toHaveText('2');
  await expect(first.getByTestId('viewer-count')).toHaveAttribute('data-count', '2');
  await expect(second.getByTestId('viewer-count')).toHaveAttribute('data-count', '2');
  await page.getByTestId('live-end').click();
  await page.getByTestId('live-end-confirm').click();
});
