import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.js';
import { rtcStats } from '../support/probes.js';
import { addSource, registerInStudio } from '../studio/helpers.js';

/** Screenshots of co-hosting, looked at by a person after a run. */
const shots = path.resolve(import.meta.dirname, '../../../test-results/cohost');

test.use({ viewport: { width: 1600, height: 900 } });
// Three pages with live WebRTC on a shared 2-core machine: a generous bound, not a speed claim.
test.setTimeout(480_000);

/** The sum of `totalAudioEnergy` over a page's inbound audio, now. */
const energy = async (page: Page) => (await rtcStats(page)).audioEnergy;

/** For expect.poll: true once a page's inbound audio energy has grown since the previous call. */
function energyGrowing(page: Page): () => Promise<boolean> {
  let last: number | null = null;
  return async () => {
    const now = await energy(page);
    const grew = last !== null && now > last + 1e-4;
    last = now;
    return grew;
  };
}

/** For expect.poll: true once a page's inbound audio energy stopped growing between two calls. */
function energySettled(page: Page): () => Promise<boolean> {
  let last: number | null = null;
  return async () => {
    const now = await energy(page);
    const still = last !== null && now - last < 1e-6;
    last = now;
    return still;
  };
}

async function goLiveInStudio(page: Page, title: string): Promise<string> {
  await page.getByTestId('go-live').click();
  await page.getByTestId('live-title').fill(title);
  await page.getByTestId('live-public').check();
  await page.getByTestId('live-start').click();
  await expect(page.getByTestId('live-state')).toHaveAttribute('data-state', 'live');
  return page.getByTestId('live-share-url').inputValue();
}

test('a guest hears the host without their own voice, is counted down on air, talks backstage, and leaves an empty slot until the live ends', async ({
  page: host,
  newPage,
  relayUrl,
}) => {
  await registerInStudio(host, relayUrl);
  await addSource(host, 'camera');
  const shareUrl = await goLiveInStudio(host, 'Co-host test');
  await host.getByTestId('invite-link').click();
  const inviteUrl = await host.getByTestId('invite-link-url').inputValue();

  // The guest joins by link: backstage, told so.
  const guest = await newPage();
  await guest.goto(inviteUrl);
  await guest.getByTestId('join-guest-name').fill('Gina');
  await guest.getByTestId('join-continue').click();
  await expect(guest.getByTestId('join-enter')).toBeEnabled();
  await guest.getByTestId('join-enter').click();
  await expect(guest.getByTestId('guest-state')).toHaveAttribute('data-state', 'on-stage', { timeout: 45_000 });
  const onAir = guest.getByTestId('guest-on-air');
  await expect(onAir).toHaveAttribute('data-state', 'backstage');
  const guestItem = host.getByTestId('guest-item').filter({ hasText: 'Gina' });
  await expect(guestItem).toHaveAttribute('data-status', 'backstage');
  // The host sees the backstage guest's live camera.
  await expect.poll(() => guestItem.getByTestId('guest-thumb').evaluate((v: { videoWidth: number }) => v.videoWidth), { timeout: 30_000 }).toBeGreaterThan(0);
  await guest.screenshot({ path: path.join(shots, 'join-backstage.png'), fullPage: true });
  await host.screenshot({ path: path.join(shots, 'studio-guest-backstage.png') });

  // Backstage chat both ways; the viewer never sees it.
  const viewer = await newPage();
  await viewer.goto(shareUrl);
  await expect(viewer.getByTestId('session-state')).toContainText(/live/i);
  // Sound is decoded (and measured) once the viewer turns it on.
  await viewer.getByTestId('unmute-button').click();
  await host.getByTestId('backstage-input').fill('You are on after this song');
  await host.getByTestId('backstage-send').click();
  await expect(guest.getByTestId('backstage-message').filter({ hasText: 'You are on after this song' })).toBeVisible();
  await guest.getByTestId('backstage-input').fill('Ready when you are');
  await guest.getByTestId('backstage-send').click();
  await expect(host.getByTestId('backstage-message').filter({ hasText: 'Ready when you are' })).toBeVisible();

  // Bring on stage: a 3-2-1 countdown on the guest's page, then ON AIR; the host's program has them.
  // The countdown lasts 3 s; on a loaded machine one Playwright round trip can outlast it, so the page
  // itself records every number it showed and the test reads that record once the guest is on air.
  await guest.evaluate(`(() => {
    const seen = (window.countdownSeen = []);
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="on-air-countdown"]')?.textContent ?? '';
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  })()`);
  await guestItem.getByTestId('guest-bring-on').click();
  await expect(onAir).toHaveAttribute('data-state', /cueing|on-air/);
  await guest.screenshot({ path: path.join(shots, 'join-countdown.png'), fullPage: true });
  await expect(onAir).toHaveAttribute('data-state', 'on-air');
  const countdownSeen = (await guest.evaluate('window.countdownSeen')) as string[];
  expect(countdownSeen.length).toBeGreaterThan(0);
  expect(countdownSeen.every((n) => /^[123]$/.test(n))).toBe(true);
  await expect(onAir).toContainText('ON AIR');
  await expect(guestItem).toHaveAttribute('data-status', 'on-air');
  await expect(host.getByTestId('source-item').filter({ hasText: 'Gina' })).toHaveCount(1);
  await guest.screenshot({ path: path.join(shots, 'join-on-air.png'), fullPage: true });

  // The host's microphone is on the program: the guest hears the host, out loud, with a volume control.
  const program = guest.getByTestId('program');
  await addSource(host, 'microphone');
  await expect.poll(() => program.evaluate((v: { muted: boolean; paused: boolean }) => !v.muted && !v.paused)).toBe(true);
  await expect.poll(energyGrowing(guest), { timeout: 30_000 }).toBe(true);
  await guest.getByTestId('program-volume').fill('0.5');
  expect(await program.evaluate((v: { volume: number }) => v.volume)).toBeCloseTo(0.5);

  // Mix-minus: with the host's microphone muted, the program still carries the guest's own voice (the
  // viewer's audio keeps gaining energy), while the guest's return feed keeps arriving but stays silent.
  await host.getByTestId('mixer-channel').filter({ hasText: 'Microphone' }).getByRole('button', { name: 'Mute' }).click();
  await expect.poll(energySettled(guest), { timeout: 30_000 }).toBe(true);
  const before = await rtcStats(guest);
  await expect.poll(energyGrowing(viewer), { timeout: 30_000 }).toBe(true);
  await expect.poll(energyGrowing(viewer), { timeout: 30_000 }).toBe(true);
  const after = await rtcStats(guest);
  expect(after.audioPacketsReceived).toBeGreaterThan(before.audioPacketsReceived);
  expect(after.audioEnergy - before.audioEnergy).toBeLessThan(1e-4);

  // One-click layout: side by side keeps the guest and the host camera next to each other.
  await host.getByTestId('layout-side-by-side').click();
  await expect(host.getByTestId('layout-bar')).toHaveAttribute('data-layout', 'side-by-side');
  await host.screenshot({ path: path.join(shots, 'studio-side-by-side.png') });
  await host.getByTestId('layout-pip').click();
  await host.screenshot({ path: path.join(shots, 'studio-pip.png') });

  // Taken off: backstage again on the guest's page.
  await guestItem.getByTestId('guest-take-off').click();
  await expect(onAir).toHaveAttribute('data-state', 'backstage');
  await expect(host.getByTestId('source-item').filter({ hasText: 'Gina' })).toHaveCount(0);

  // On again, then the guest leaves: an empty slot with their name stays until the live ends.
  await guestItem.getByTestId('guest-bring-on').click();
  await expect(onAir).toHaveAttribute('data-state', 'on-air');
  await expect(viewer.getByText('You are on after this song')).toHaveCount(0);
  await guest.getByTestId('guest-leave').click();
  await expect(guest.getByTestId('join-step')).toHaveAttribute('data-step', 'left');
  await expect(host.getByTestId('source-item').filter({ hasText: 'Gina' })).toHaveCount(1);
  await expect(guestItem).toHaveCount(0);
  await host.screenshot({ path: path.join(shots, 'studio-guest-left-slot.png') });

  await host.getByTestId('live-end').click();
  await host.getByTestId('live-end-confirm').click(); // ending asks first
  await expect(host.getByTestId('live-state')).toHaveAttribute('data-state', 'ended');
  await expect(host.getByTestId('source-item').filter({ hasText: 'Gina' })).toHaveCount(0);
});
