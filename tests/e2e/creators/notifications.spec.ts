import path from 'node:path';
import { routes } from '../../../protocol/routes.js';
import { expect, test } from '../support/fixtures.js';
import { goLiveFromStudio, signInToStudio } from '../support/studio.js';

const shots = path.resolve(import.meta.dirname, '../../../test-results/creators');

test('a follower with the directory open (and their studio) gets the "live now" toast and the bell count when the creator goes live from the studio; the centre marks read and mutes', async ({
  relay,
  newPage,
}) => {
  test.setTimeout(300_000);
  const creator = await relay.signUp('creator', 'Awa Diop');
  const fan = await relay.signUp('fan');
  await fan.api.call(routes.follow, { params: { userId: creator.user.id } });

  const directory = await newPage();
  await signInToStudio(directory, fan);
  const fanStudio = await newPage();
  await signInToStudio(fanStudio, fan);
  await directory.goto('/');
  await expect(directory.getByTestId('bell')).toHaveAttribute('data-unread', '0');
  await expect(fanStudio.getByTestId('bell')).toHaveAttribute('data-unread', '0');

  const studio = await newPage();
  const sessionId = await goLiveFromStudio(studio, creator, 'video', { title: 'Griot evening' });

  const toast = directory.getByTestId('notification-toast');
  await expect(toast).toContainText('Awa Diop is live now');
  await expect(toast).toContainText('Griot evening');
  await expect(directory.getByTestId('bell-count')).toHaveText('1');
  await directory.screenshot({ path: path.join(shots, 'directory-live-toast.png') });
  await expect(fanStudio.getByTestId('notification-toast')).toContainText('Awa Diop is live now');
  await expect(fanStudio.getByTestId('bell')).toHaveAttribute('data-unread', '1');
  await fanStudio.screenshot({ path: path.join(shots, 'studio-live-toast.png') });

  // "Watch" opens the live; the notification is read from then on.
  await toast.getByTestId('notification-toast-watch').click();
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

  // Read on one page is read everywhere.
  await fanStudio.reload();
  await expect(fanStudio.getByTestId('bell')).toHaveAttribute('data-unread', '0');
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
