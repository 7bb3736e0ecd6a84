import path from 'node:path';
import { routes } from '../../../protocol/routes.js';
import { expect, test } from '../support/fixtures.js';
import { registerInStudio, uniqueUser } from '../studio/helpers.js';

const shots = path.resolve(import.meta.dirname, '../../../test-results/cohost');

test.setTimeout(240_000);

test('signed in at /studio, the same person is known on /watch and /join, keeps no token in localStorage, and answers an invitation from the web inbox', async ({
  page: studio,
  relay,
  relayUrl,
}) => {
  const username = uniqueUser('ama');
  await registerInStudio(studio, relayUrl, username);
  const host = await relay.signUp('host', 'Kofi');
  const session = await relay.createSession(host, 'video', { title: 'Evening show' });
  await host.api.call(routes.startSession, { params: { id: session.id } });

  // The viewer page of the same browser knows who this is: no "choose a name", the chat is open.
  const watch = await studio.context().newPage();
  await watch.goto(`/watch/${session.id}`);
  await expect(watch.getByTestId('chat-input')).toBeEnabled();
  await expect(watch.getByTestId('display-name-input')).toHaveCount(0);
  // Nothing a script could steal: no token in localStorage on any page.
  const stored = await watch.evaluate('JSON.stringify(Object.assign({}, localStorage))');
  expect(String(stored)).not.toMatch(/eyJ/);
  expect(String(await studio.evaluate('JSON.stringify(Object.assign({}, localStorage))'))).not.toMatch(/eyJ/);

  // The join page skips sign-in for them too.
  const link = await host.api.call(routes.createInviteLink, { params: { id: session.id }, body: {} });
  const join = await studio.context().newPage();
  await join.goto(`/join/${link.token}`);
  await expect(join.getByTestId('join-step')).toHaveAttribute('data-step', 'devices');
  await join.close();

  // Invited by username: the web inbox pops up on the viewer page in real time; accepting leads to the stage.
  const { users } = await host.api.call(routes.searchUsers, { query: { search: username } });
  await host.api.call(routes.invite, { params: { id: session.id }, body: { toUserId: users[0]!.id } });
  const item = watch.getByTestId('invitation-item');
  await expect(item).toContainText('Kofi');
  await expect(item).toContainText('Evening show');
  await watch.screenshot({ path: path.join(shots, 'watch-invitation-toast.png') });
  await item.getByTestId('invitation-accept').click();
  await expect(watch).toHaveURL(/\/join\/accepted\?session=/);
  await expect(watch.getByTestId('join-step')).toHaveAttribute('data-step', 'devices');
  await expect(watch.getByTestId('join-enter')).toBeEnabled();
  await watch.getByTestId('join-enter').click();
  await expect(watch.getByTestId('guest-on-air')).toHaveAttribute('data-state', 'backstage');
  await watch.screenshot({ path: path.join(shots, 'join-after-web-accept.png'), fullPage: true });

  // The studio's inbox also lists later invitations; declining removes them everywhere.
  const other = await relay.signUp('host', 'Lina');
  const second = await relay.createSession(other, 'video', { title: 'Late show' });
  await other.api.call(routes.startSession, { params: { id: second.id } });
  await other.api.call(routes.invite, { params: { id: second.id }, body: { toUserId: users[0]!.id } });
  const studioItem = studio.getByTestId('invitation-item');
  await expect(studioItem).toContainText('Late show');
  await studioItem.getByTestId('invitation-decline').click();
  await expect(studio.getByTestId('invitations-inbox')).toHaveAttribute('data-count', '0');

  // Signing out in the studio signs out every page of the origin.
  await studio.getByTestId('sign-out').click();
  const after = await studio.context().newPage();
  await after.goto(`/join/${link.token}`);
  await expect(after.getByTestId('join-step')).toHaveAttribute('data-step', 'auth');
});
