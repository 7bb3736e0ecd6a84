import path from 'node:path';
import { routes } from '../../../protocol/routes.js';
import { expect, test } from '../support/fixtures.js';
import { goLiveFromStudio, signInToStudio } from '../support/studio.js';

const shots = path.resolve(import.meta.dirname, '../../../test-results/creators');

test('a follower with the directory open gets the "live now" toast and the bell count when the creator goes live from the studio; Watch opens the live, the centre mutes', async ({
  relay,
  newPage,
}) => {
  test.setTimeout(300_000);
  const creator = await relay.signUp('creator', 'Awa Diop');
  const fan = await relay.signUp('fan');
  await fan.api.call(routes.follow, { params: { userId: creator.user.id } });

  const directory = await newPage();
  await signInToStudio(directory, fan);
  await directory.goto('/');
  await expect(directory.getByTestId('bell')).toHaveAttribute('data-unread', '0');

  // An audio live from the real studio (the machine running these tests is shared: no camera compositing).
  const studio = await newPage();
  const wentLive = goLiveFromStudio(studio, creator, 'audio', { title: 'Griot evening' });

  // The toast comes as the relay says "live" (it stays 15 s), while the studio is still bringing its upload up.
  const toast = directory.getByTestId('notification-toast');
  await expect(toast).toContainText('Awa Diop is live now', { timeout: 180_000 });
  await expect(toast).toContainText('Griot evening');
  await expect(directory.getByTestId('bell-count')).toHaveText('1');
  await directory.screenshot({ path: path.join(shots, 'directory-live-toast.png') });

  // "Watch" opens the live; the notification is read from then on.
  await toast.getByTestId('notification-toast-watch').click();
  const sessionId = await wentLive;
  await expect(directory).toHaveURL(new RegExp(`/watch/${sessionId}$`));
  await expect(directory.getByTestId('bell')).toHaveAttribute('data-unread', '0');

  // The centre: the notification is listed; mute this creator from it.
  await directory.getByTestId('bell').click();
  const item = directory.getByTestId('notification-item');
  await expect(item).toHaveCount(1);
  await expect(item).toHaveAttribute('data-read', 'true');
  await item.getByTestId('notification-mute').click();
  await expect(item.getByTestId('notification-mute')).toHaveAttribute('data-muted', 'true');
  await directory.screenshot({ path: path.join(shots, 'notification-centre.png') });
  expect((await fan.api.call(routes.getUser, { params: { userId: creator.user.id } })).user.notificationsMuted).toBe(true);
});

test("the studio's top bar has the bell: a streamer hears that a creator they follow went live", async ({ relay, newPage }) => {
  const creator = await relay.signUp('creator', 'Kofi Mensah');
  const streamer = await relay.signUp('streamer');
  await streamer.api.call(routes.follow, { params: { userId: creator.user.id } });
  const studio = await newPage();
  await signInToStudio(studio, streamer);
  await expect(studio.getByTestId('bell')).toHaveAttribute('data-unread', '0');
  const session = await relay.createSession(creator, 'audio', { title: 'Morning news' });
  await creator.api.call(routes.startSession, { params: { id: session.id } });
  const toast = studio.getByTestId('notification-toast');
  await expect(toast).toContainText('Kofi Mensah is live now');
  await expect(studio.getByTestId('bell-count')).toHaveText('1');
  // The studio never navigates away from itself: the live opens in a new tab.
  await expect(toast.getByTestId('notification-toast-watch')).toHaveAttribute('target', '_blank');
  await expect(toast.getByTestId('notification-toast-watch')).toHaveAttribute('href', `/watch/${session.id}`);
  await studio.screenshot({ path: path.join(shots, 'studio-live-toast.png') });
  await studio.getByTestId('bell').click();
  await studio.getByTestId('notifications-mark-all').click();
  await expect(studio.getByTestId('bell')).toHaveAttribute('data-unread', '0');
});

test('several unread: the count adds up and "Mark all read" clears it', async ({ relay, newPage }) => {
  const fan = await relay.signUp('fan');
  const creators = await Promise.all([relay.signUp('one', 'Kofi'), relay.signUp('two', 'Ngozi')]);
  for (const c of creators) await fan.api.call(routes.follow, { params: { userId: c.user.id } });
  const page = await newPage();
  await signInToStudio(page, fan);
  await page.goto(`/u/${creators[0].user.username}`);
  await expect(page.getByTestId('bell')).toHaveAttribute('data-unread', '0');
  // Lives started through the API: the fan-out is the relay's, the page only listens.
  for (const c of creators) {
    const session = await relay.createSession(c, 'audio', { title: `${c.user.displayName} talks` });
    await c.api.call(routes.startSession, { params: { id: session.id } });
  }
  await expect(page.getByTestId('bell-count')).toHaveText('2');
  await expect(page.getByTestId('notification-toast')).toHaveCount(2);
  await page.getByTestId('bell').click();
  await expect(page.getByTestId('notification-item')).toHaveCount(2);
  await page.getByTestId('notifications-mark-all').click();
  await expect(page.getByTestId('bell')).toHaveAttribute('data-unread', '0');
  await expect(page.getByTestId('bell-count')).toHaveCount(0);
  expect((await fan.api.call(routes.notifications)).unreadCount).toBe(0);
  await page.reload();
  await expect(page.getByTestId('bell')).toHaveAttribute('data-unread', '0');
});
