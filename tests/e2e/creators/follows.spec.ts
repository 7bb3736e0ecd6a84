import path from 'node:path';
import sharp from 'sharp';
import { expect, test } from '../support/fixtures.js';
import { signInToStudio } from '../support/studio.js';
import type { Page } from '@playwright/test';
import { routes } from '../../../protocol/routes.js';

const shots = path.resolve(import.meta.dirname, '../../../test-results/creators');

const followWidget = (page: Page, userId: string) => page.locator(`[data-testid="follow"][data-user-id="${userId}"]`).first();

async function expectFollowers(page: Page, userId: string, count: number, following: boolean): Promise<void> {
  const widget = followWidget(page, userId);
  await expect(widget.getByTestId('follower-count')).toHaveAttribute('data-count', String(count));
  await expect(widget.getByTestId('follow-button')).toHaveAttribute('data-following', String(following));
}

test('a fan follows from /watch, unfollows and follows again from /u/:username; the directory card and a signed-out visitor see the count', async ({
  relay,
  newPage,
}) => {
  // The live is started through the API: what is tested here is following, not publishing (the
  // notifications spec goes live from the studio).
  const host = await relay.signUp('host');
  const created = await relay.createSession(host, 'video', { title: 'Griot evening' });
  const sessionId = created.id;
  await host.api.call(routes.startSession, { params: { id: sessionId } });
  const fan = await relay.signUp('fan');
  const page = await newPage();
  await signInToStudio(page, fan);

  await page.goto(`/watch/${sessionId}`);
  await expectFollowers(page, host.user.id, 0, false);
  await followWidget(page, host.user.id).getByTestId('follow-button').click();
  await expectFollowers(page, host.user.id, 1, true);
  await page.screenshot({ path: path.join(shots, 'watch-following.png') });

  // The host's name on /watch leads to the profile page: live now, the count, Unfollow.
  await followWidget(page, host.user.id).getByTestId('profile-link').click();
  await expect(page).toHaveURL(new RegExp(`/u/${host.user.username}$`));
  await expect(page.getByTestId('profile-name')).toHaveText(host.user.displayName);
  await expect(page.getByTestId('profile-live-link')).toHaveAttribute('href', `/watch/${sessionId}`);
  await expectFollowers(page, host.user.id, 1, true);
  await followWidget(page, host.user.id).getByTestId('follow-button').click();
  await expectFollowers(page, host.user.id, 0, false);
  await followWidget(page, host.user.id).getByTestId('follow-button').click();
  await expectFollowers(page, host.user.id, 1, true);
  await page.screenshot({ path: path.join(shots, 'profile-following.png') });

  // The directory card of the live: the same count, already followed.
  await page.goto('/');
  const card = page.locator(`[data-testid="directory-session"][data-session-id="${sessionId}"]`);
  await expect(card.getByTestId('follower-count')).toHaveAttribute('data-count', '1');
  await expect(card.getByTestId('follow-button')).toHaveAttribute('data-following', 'true');
  await page.screenshot({ path: path.join(shots, 'directory-following.png') });

  // Signed out: the count, and an invitation to sign in instead of a button.
  const visitor = await newPage();
  await visitor.goto(`/u/${host.user.username}`);
  await expect(followWidget(visitor, host.user.id).getByTestId('follower-count')).toHaveAttribute('data-count', '1');
  await expect(visitor.getByTestId('follow-sign-in')).toBeVisible();
  await expect(visitor.getByTestId('follow-button')).toHaveCount(0);
  await expect(visitor.getByTestId('profile-editor')).toHaveCount(0);

  // The live ends: the profile lists it among past lives.
  await host.api.call(routes.endSession, { params: { id: sessionId } });
  await visitor.reload();
  await expect(visitor.getByTestId('profile-live')).toHaveCount(0);
  await expect(visitor.getByTestId('profile-past-live')).toContainText(['Griot evening']);

  await visitor.goto('/u/nobody_by_that_name');
  await expect(visitor.getByTestId('page-message')).toBeVisible();
});

test('the owner edits name, bio and picture; files that are not pictures or are huge are refused in words, nothing changes', async ({ relay, newPage }) => {
  const owner = await relay.signUp('owner');
  const page = await newPage();
  await signInToStudio(page, owner);
  await page.goto(`/u/${owner.user.username}`);
  await expect(page.getByTestId('profile-editor')).toBeVisible();
  await expect(page.getByTestId('follow-button')).toHaveCount(0);

  await page.getByTestId('profile-display-name').fill('Awa Diop');
  await page.getByTestId('profile-bio-input').fill('Griot and storyteller.\nFridays at 20:00.');
  await page.getByTestId('profile-save').click();
  await expect(page.getByTestId('profile-status')).toHaveAttribute('role', 'status');
  await expect(page.getByTestId('profile-name')).toHaveText('Awa Diop');
  await expect(page.getByTestId('profile-bio')).toHaveText('Griot and storyteller.\nFridays at 20:00.');

  const picture = await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 230, g: 120, b: 40 } } }).png().toBuffer();
  await page.getByTestId('profile-avatar-input').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: picture });
  await expect(page.getByTestId('profile-avatar')).toBeVisible();
  await expect.poll(() => page.getByTestId('profile-avatar').evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(256);
  const avatarSrc = await page.getByTestId('profile-avatar').getAttribute('src');

  // A text file dressed as a PNG: the relay cannot decode it.
  await page.getByTestId('profile-avatar-input').setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not a picture at all') });
  await expect(page.getByTestId('profile-status')).toHaveText(/could not be read as a picture/);
  // A PDF: refused before sending.
  await page.getByTestId('profile-avatar-input').setInputFiles({ name: 'cv.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') });
  await expect(page.getByTestId('profile-status')).toHaveText(/not a picture we accept/);
  // 6 MB: refused before sending, and by the relay when sent anyway through the page's own API.
  const huge = Buffer.alloc(6 * 1024 * 1024, 1);
  await page.getByTestId('profile-avatar-input').setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: huge });
  await expect(page.getByTestId('profile-status')).toHaveText(/too large/);
  await page.screenshot({ path: path.join(shots, 'profile-avatar-refused.png') });
  const status = await page.evaluate(async () => {
    const res = await fetch('/api/profile/avatar', { method: 'POST', headers: { 'content-type': 'image/png' }, body: new Uint8Array(6 * 1024 * 1024) });
    return res.status;
  });
  expect(status).toBe(413);
  await page.reload();
  await expect(page.getByTestId('profile-avatar')).toHaveAttribute('src', avatarSrc ?? '');
  await expect(page.getByTestId('profile-name')).toHaveText('Awa Diop');
  await page.screenshot({ path: path.join(shots, 'profile-owner.png') });
});

test('a follow/unfollow loop is rate-limited: the page says so and the count stays true', async ({ relay, newPage }) => {
  const creator = await relay.signUp('creator');
  const fan = await relay.signUp('looper');
  const page = await newPage();
  await signInToStudio(page, fan);
  await page.goto(`/u/${creator.user.username}`);
  await expectFollowers(page, creator.user.id, 0, false);
  // The page's own API, as a script on it would loop: 10 changes pass, then 429.
  const statuses = await page.evaluate(async (id) => {
    const out: number[] = [];
    for (let i = 0; i < 14; i++) out.push((await fetch(`/api/users/${id}/follow`, { method: i % 2 ? 'DELETE' : 'POST' })).status);
    return out;
  }, creator.user.id);
  expect(statuses.slice(0, 10)).toEqual(Array(10).fill(200));
  expect(statuses.slice(10)).toEqual([429, 429, 429, 429]);
  await followWidget(page, creator.user.id).getByTestId('follow-button').click();
  await expect(page.getByTestId('follow-error')).toContainText(/too fast/);
  await expectFollowers(page, creator.user.id, 0, false);
  expect((await relay.call(null, routes.getUser, { params: { userId: creator.user.id } })).user.followerCount).toBe(0);
});
