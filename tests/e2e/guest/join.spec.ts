import { z } from 'zod';
import { routes } from '../../../protocol/routes.js';
import { test, expect } from '../support/fixtures.js';
import { rtcStats, senderTracks } from '../support/probes.js';
import { TEST_PASSWORD } from '../support/relay-api.js';

const GuestList = z.array(
  z.object({ userId: z.string(), state: z.string(), tracks: z.array(z.object({ kind: z.string(), enabled: z.boolean() })) }),
);

test('a guest joins by invite link, appears for the host, is muted by the host and leaves', async ({ goLive, newPage }, testInfo) => {
  const { page: host, host: hostUser, sessionId } = await goLive('video');
  const link = await hostUser.api.call(routes.createInviteLink, { params: { id: sessionId }, body: {} });

  const guest = await newPage();
  await guest.goto(`/join/${link.token}`);
  await guest.getByTestId('join-guest-name').fill('Gina');
  await guest.getByTestId('join-continue').click();

  // Device check: a live preview and a moving level meter (the fake microphone beeps).
  await expect(guest.getByTestId('join-enter')).toBeEnabled();
  await expect.poll(() => guest.getByTestId('preview').evaluate((v: { videoWidth: number }) => v.videoWidth)).toBeGreaterThan(0);
  await expect.poll(async () => Number(await guest.getByTestId('level-meter').getAttribute('value')), { timeout: 30_000 }).toBeGreaterThan(0);
  await guest.screenshot({ path: testInfo.outputPath('guest-device-check.png') });
  await guest.getByTestId('join-enter').click();

  // On stage: the host receives the guest's camera, the guest gets the program back.
  await expect(guest.getByTestId('guest-state')).toHaveAttribute('data-state', 'on-stage', { timeout: 45_000 });
  const hostGuest = host.getByTestId('testbench-guest');
  await expect(hostGuest).toHaveAttribute('data-state', 'connected');
  await expect.poll(async () => (await rtcStats(host)).framesDecoded, { timeout: 45_000 }).toBeGreaterThan(10);
  await expect.poll(async () => (await rtcStats(guest)).framesDecoded, { timeout: 45_000 }).toBeGreaterThan(10);
  const guestId = (await hostGuest.getAttribute('data-user-id')) ?? '';
  expect(guestId).not.toBe('');
  expect((await senderTracks(guest)).filter((t) => t.kind === 'audio').map((t) => t.enabled)).toEqual([true]);

  // The host mutes the guest: the guest's outgoing microphone track is disabled, the host no longer plays it.
  await host.evaluate(`window.testbench.muteGuest(${JSON.stringify(guestId)})`);
  await expect(guest.getByTestId('host-muted-notice')).toBeVisible();
  await expect.poll(async () => (await senderTracks(guest)).filter((t) => t.kind === 'audio').map((t) => t.enabled)).toEqual([false]);
  const seenByHost = GuestList.parse(await host.evaluate('window.testbench.guestList()'));
  expect(seenByHost.find((g) => g.userId === guestId)?.tracks.filter((t) => t.kind === 'audio').map((t) => t.enabled)).toEqual([false]);
  await guest.screenshot({ path: testInfo.outputPath('guest-on-stage-muted.png') });

  // The guest leaves: gone from the host's stage.
  await guest.getByTestId('guest-leave').click();
  await expect(guest.getByTestId('join-step')).toHaveAttribute('data-step', 'left');
  await expect(hostGuest).toHaveCount(0);
});

test('an account signs in on the join page; a bogus invite link is refused with a clear message', async ({ relay, newPage }) => {
  const account = await relay.signUp('guestacct');
  const page = await newPage();
  await page.goto('/join/not-a-real-invite-token-0123456789');
  await page.getByTestId('join-username').fill(account.user.username);
  await page.getByTestId('join-password').fill(TEST_PASSWORD);
  await page.getByTestId('join-signin').click();
  await expect(page.getByTestId('join-step')).toHaveAttribute('data-step', 'devices');
  await page.getByTestId('join-enter').click();
  await expect(page.getByTestId('join-step')).toHaveAttribute('data-step', 'invalid');
  await expect(page.getByRole('alert')).toHaveText(/invalid or has expired/);
});
