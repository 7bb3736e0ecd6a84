import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.js';
import { addSource, registerInStudio } from '../studio/helpers.js';

const shots = path.resolve(import.meta.dirname, '../../../test-results/onair');

/** Whether the whole element is inside the window (not cut off below or to the right). */
async function onScreen(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const size = page.viewportSize();
  return box !== null && size !== null && box.y >= 0 && box.y + box.height <= size.height + 1 && box.x + box.width <= size.width + 1;
}

test('a French studio at 1366×768: one-line top bar, shortcuts on ?, private explained, honest copy, a chat dock that shows the chat', async ({
  browser,
  relayUrl,
}) => {
  const context = await browser.newContext({
    baseURL: relayUrl,
    locale: 'fr-FR',
    viewport: { width: 1366, height: 768 },
    permissions: ['camera', 'microphone', 'clipboard-read', 'clipboard-write'],
  });
  const page = await context.newPage();
  try {
    await registerInStudio(page, relayUrl);
    await expect(page.getByTestId('live-title')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    // The top bar stays on one line in French.
    const bar = (await page.locator('header.topbar').boundingBox())!;
    expect(bar.height).toBeLessThan(52);

    // Shortcuts: listed on ?, and in tooltips.
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('?');
    await expect(page.getByTestId('shortcuts-overlay')).toContainText('Raccourcis clavier');
    await page.screenshot({ path: path.join(shots, 'shortcuts-fr.png') });
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('shortcuts-overlay')).toHaveCount(0);
    await expect(page.getByTestId('scene-item').first()).toHaveAttribute('title', /Touche 1/);

    // Private explained where the switch is.
    await page.getByTestId('live-public').uncheck();
    await expect(page.getByTestId('visibility-explainer')).toContainText('Privé');
    await addSource(page, 'camera');
    await page.getByTestId('live-title').fill('Répétition privée');
    await page.getByTestId('live-start').click();
    await expect(page.getByTestId('live-state')).toHaveAttribute('data-state', 'live');
    await expect(page.getByTestId('private-link-note')).toBeVisible();
    // A private live offers viewer links, not a public-looking share link; "Copié" only once copied.
    await expect(page.getByTestId('live-share-url')).toHaveCount(0);
    await page.getByTestId('viewer-link-create').click();
    const copy = page.getByTestId('viewer-link-copy');
    await expect(copy).toHaveText('Copier');
    await copy.click();
    await expect(copy).toHaveText('Copié');
    const url = await page.getByTestId('viewer-link-url').inputValue();
    expect(await page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText())).toBe(url);

    // The chat dock shows more than two messages and its settings stay reachable.
    for (let i = 1; i <= 6; i++) {
      await page.getByTestId('chat-input').fill(`message numéro ${i}`);
      await page.getByTestId('chat-send').click();
    }
    await expect(page.getByTestId('chat-message')).toHaveCount(6);
    let visible = 0;
    for (const m of await page.getByTestId('chat-message').all()) if (await onScreen(page, m)) visible++;
    expect(visible).toBeGreaterThan(2);
    await page.screenshot({ path: path.join(shots, 'chat-dock-1366-fr.png') });
    await page.getByTestId('chat-settings-toggle').click();
    await expect.poll(() => onScreen(page, page.getByText('Réglages de la discussion'))).toBe(true);
    await page.getByText('Réglages de la discussion').click();
    await expect.poll(() => onScreen(page, page.getByLabel('Mode lent (secondes)'))).toBe(true);
    await page.screenshot({ path: path.join(shots, 'studio-1366-fr-live.png') });
  } finally {
    await context.close();
  }
});
