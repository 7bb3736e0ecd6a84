import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.js';
import { addSource, registerInStudio } from './helpers.js';

/** Screenshots of the studio's frame at common widths, looked at by a person after a run. */
const shots = path.resolve(import.meta.dirname, '../../../test-results/layout');

/** How wide the output select's chosen text is, against the room the select gives it (both in CSS pixels). */
function outputLabelRoom(page: Page) {
  return page.getByTestId('output-preset').evaluate((el) => {
    // Runs in the page; this file is type-checked as Node code, so the DOM is described structurally.
    const select = el as unknown as { selectedOptions: { text: string }[]; clientWidth: number };
    const doc = globalThis as unknown as {
      getComputedStyle(e: unknown): { font: string; paddingLeft: string; paddingRight: string };
      document: { createElement(tag: 'canvas'): { getContext(k: '2d'): { font: string; measureText(s: string): { width: number } } } };
    };
    const style = doc.getComputedStyle(el);
    const ctx = doc.document.createElement('canvas').getContext('2d');
    ctx.font = style.font;
    const text = select.selectedOptions[0]?.text ?? '';
    // The drop-down arrow takes about 20 px of the padding box.
    const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
    return { text, width: ctx.measureText(text).width, room };
  });
}

for (const width of [1280, 1920]) {
  for (const locale of ['en-GB', 'fr-FR']) {
    test(`the top bar at ${width} px (${locale}): one line, the output size is never cut`, async ({ browser, relayUrl }) => {
      const context = await browser.newContext({ baseURL: relayUrl, locale, viewport: { width, height: 800 }, permissions: ['camera', 'microphone'] });
      const page = await context.newPage();
      try {
        await registerInStudio(page, relayUrl);
        for (const preset of ['1920x1080', '1080x1920']) {
          await page.getByTestId('output-preset').selectOption(preset);
          const label = await outputLabelRoom(page);
          expect(label.text).toBe(preset.replace('x', '×'));
          expect(label.width).toBeLessThanOrEqual(label.room);
        }
        // The full description is one hover away.
        await expect(page.getByTestId('output-preset')).toHaveAttribute('title', /1080×1920 \((portrait, phones|portrait, téléphones)\)/);
        const bar = (await page.locator('header.topbar').boundingBox())!;
        expect(bar.height).toBeLessThan(52);
        expect(bar.width).toBeLessThanOrEqual(width);
        await page.screenshot({ path: path.join(shots, `topbar-${width}-${locale}.png`), clip: { x: 0, y: 0, width, height: 60 } });
      } finally {
        await context.close();
      }
    });
  }
}

test('studio mode at 1440×900: preview and program fill the centre column instead of leaving it mostly empty', async ({ page, relayUrl }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await registerInStudio(page, relayUrl);
  await addSource(page, 'camera');
  await page.getByTestId('studio-mode').check();
  await expect(page.getByTestId('preview-canvas')).toBeVisible();
  const centre = (await page.locator('.col-centre').boundingBox())!;
  const preview = (await page.getByTestId('preview-canvas').boundingBox())!;
  const program = (await page.getByTestId('program-canvas').boundingBox())!;
  await page.screenshot({ path: path.join(shots, 'studio-mode-1440.png') });
  // The two canvases take most of the column's width, and the column's height is used (not a strip on top).
  expect(preview.width + program.width).toBeGreaterThan(centre.width * 0.75);
  const under = (await page.locator('.under-canvas').boundingBox())!;
  expect(centre.y + centre.height - (under.y + under.height)).toBeLessThan(centre.height * 0.25);
});
