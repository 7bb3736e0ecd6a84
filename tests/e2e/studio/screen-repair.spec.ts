import path from 'node:path';
import { expect, test } from '../support/fixtures.js';
import { addSource, programFingerprint, registerInStudio } from './helpers.js';

const shots = path.resolve(import.meta.dirname, '../../../test-results/screen-repair');

test('a screen source lost after a reload shows a repair badge on the canvas and in its row; one click picks it again', async ({ page, relayUrl }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await registerInStudio(page, relayUrl);
  await addSource(page, 'screen');
  await expect(page.getByTestId('source-item')).toHaveCount(1);
  // Captured: no badge anywhere.
  await expect(page.getByTestId('canvas-repair-badge')).toHaveCount(0);
  await expect(page.getByTestId('source-repair')).toHaveCount(0);

  // A reload keeps the scene but no browser hands a screen back without asking.
  await page.reload();
  await expect(page.getByTestId('source-item')).toHaveCount(1);
  const badge = page.getByTestId('canvas-repair-badge');
  await expect(badge).toBeVisible();
  await expect(badge).toContainText('lost its screen');
  await expect(page.getByTestId('source-repair')).toBeVisible();
  await expect(page.getByTestId('source-repair')).toHaveText('⚠ Pick again');
  await page.screenshot({ path: path.join(shots, 'lost-after-reload.png') });
  const blank = await programFingerprint(page);

  // One click on the canvas badge: the screen is back, every badge goes, the program shows it again.
  await page.getByTestId('canvas-repair').click();
  await expect(badge).toHaveCount(0);
  await expect(page.getByTestId('source-repair')).toHaveCount(0);
  await expect.poll(() => programFingerprint(page)).not.toBe(blank);
  await page.screenshot({ path: path.join(shots, 'repaired.png') });
});
