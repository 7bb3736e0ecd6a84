import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.js';
import { addSource, registerInStudio } from '../studio/helpers.js';

const shots = path.resolve(import.meta.dirname, '../../../test-results/onair');

test.use({ viewport: { width: 1600, height: 900 } });

/** The program (master) meter, in dBFS: the fake microphone beeps, so it reaches well above -60 while heard. */
async function masterLevel(page: Page): Promise<number> {
  return Number(await page.getByRole('meter', { name: 'Master' }).getAttribute('aria-valuenow'));
}

/** The loudest master reading over a couple of beeps (Chromium's fake microphone beeps once a second). */
async function peakOverBeeps(page: Page): Promise<number> {
  let peak = -60;
  for (let i = 0; i < 30; i += 1) {
    peak = Math.max(peak, await masterLevel(page));
    await page.waitForTimeout(80);
  }
  return peak;
}

test('the microphone stays on air across scene switches; a scene added on air waits in preview', async ({ page, relayUrl }) => {
  await registerInStudio(page, relayUrl);
  await addSource(page, 'camera');
  await addSource(page, 'microphone');
  await expect(page.getByTestId('mixer-channel')).toHaveCount(1);
  await expect(page.getByTestId('mixer-channel')).toHaveAttribute('data-scope', 'global');

  // A second scene with only a text: before this fix, cutting to it took the microphone off air.
  await page.getByTestId('scene-add').click();
  await addSource(page, 'text');
  await expect(page.getByTestId('scene-item').nth(1)).toHaveAttribute('data-on-air', 'true');
  await expect(page.getByTestId('mixer-channel')).toHaveCount(1);
  await page.getByTitle('Enable audio').click(); // a user gesture wakes the mix
  await expect.poll(() => peakOverBeeps(page), { message: 'microphone heard on the text-only scene' }).toBeGreaterThan(-40);
  await page.screenshot({ path: path.join(shots, 'mic-on-text-scene.png') });

  // Made scene-only, the microphone goes quiet on the text scene, and comes back on its own scene.
  await page.getByTestId('mixer-scope').click();
  await expect(page.getByTestId('mixer-channel')).toHaveCount(0);
  await expect.poll(() => peakOverBeeps(page)).toBeLessThan(-55);
  await page.getByTestId('scene-item').first().click();
  await expect(page.getByTestId('mixer-channel')).toHaveAttribute('data-scope', 'scene');
  await page.getByTestId('mixer-scope').click();
  await expect(page.getByTestId('mixer-channel')).toHaveAttribute('data-scope', 'global');

  // On air, a new scene lands in preview: the program keeps its scene and its sound.
  await page.getByTestId('live-title').fill('Scenes on air');
  await page.getByTestId('live-start').click();
  await expect(page.getByTestId('live-state')).toHaveAttribute('data-state', 'live');
  await page.getByTestId('scene-add').click();
  await expect(page.getByTestId('scene-item')).toHaveCount(3);
  await expect(page.getByTestId('scene-item').nth(2)).toHaveAttribute('data-on-air', 'false');
  await expect(page.getByTestId('scene-item').nth(2)).toHaveAttribute('data-active', 'true');
  await expect(page.getByTestId('scene-item').first()).toHaveAttribute('data-on-air', 'true');
  await expect(page.getByTestId('scene-added-notice')).toContainText('in preview');
  await expect(page.getByTestId('preview-canvas')).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'scene-added-live-preview.png') });

  // Taking the empty scene to program keeps the microphone on the program meter.
  await page.getByTestId('transition-take').click();
  await expect(page.getByTestId('scene-item').nth(2)).toHaveAttribute('data-on-air', 'true');
  await expect(page.getByTestId('mixer-channel')).toHaveCount(1);
  await expect.poll(() => peakOverBeeps(page), { message: 'microphone heard on the new scene' }).toBeGreaterThan(-40);
  page.once('dialog', (d) => void d.accept());
  await page.getByTestId('live-end').click();
  await page.getByTestId('live-end-confirm').click(); // ending asks first
});
