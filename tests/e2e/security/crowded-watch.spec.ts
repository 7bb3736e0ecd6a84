/**
 * A crowd behind one address (a school's NAT): once sign-ups from that address are spent, viewer pages
 * watch anonymously, and past MAX_ANONYMOUS_VIEWERS_PER_ADDRESS the relay refuses the next anonymous
 * join with `unauthorized`. /watch then says why and offers a name (a guest account, admitted normally)
 * or a sign-in, in English and French. Own relay process: the limits are the point of the test.
 */
import path from 'node:path';
import { routes } from '../../../protocol/routes.js';
import { SessionReply } from '../../../protocol/sessions.js';
import { AuthReply } from '../../../protocol/users.js';
import { expect, test } from '../support/fixtures.js';
import { startRelayProcess } from '../support/relay-process.js';

const root = path.resolve(import.meta.dirname, '../../..');
const SIGNUPS_PER_MINUTE = 6;

test('past the anonymous cap, /watch asks for a name or a sign-in, and a name lets the viewer in', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const relay = await startRelayProcess({
    root,
    webRoot: path.join(root, 'dist-web'),
    env: { SIGNUP_RATE_PER_MINUTE: String(SIGNUPS_PER_MINUTE), MAX_ANONYMOUS_VIEWERS_PER_ADDRESS: '1' },
  });
  const contexts = await Promise.all([browser.newContext(), browser.newContext()]);
  try {
    const post = async (route: string, body: unknown, token?: string) => {
      const res = await fetch(`${relay.url}${route}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as unknown };
    };
    const host = AuthReply.parse((await post(routes.register.path, { username: `crowd_${Date.now().toString(36)}`, password: 'correct horse battery' })).body);
    const { session } = SessionReply.parse((await post(routes.createSession.path, { title: 'School assembly', type: 'video', isPublic: true }, host.token)).body);
    // The rest of this address's sign-ups go to other people of the same network.
    for (let i = 1; i < SIGNUPS_PER_MINUTE; i++) expect((await post(routes.guest.path, { displayName: `Pupil ${i}` })).status).toBe(201);
    expect((await post(routes.guest.path, { displayName: 'One too many' })).status).toBe(429);

    // The first anonymous viewer of this address is admitted; the second is past the cap.
    const first = await contexts[0]!.newPage();
    await first.goto(`${relay.url}/watch/${session.id}`);
    await expect(first.getByTestId('player-crowded')).toHaveCount(0);
    await expect(first.getByTestId('viewer-count')).toHaveAttribute('data-count', '1');

    const second = await contexts[1]!.newPage();
    await second.goto(`${relay.url}/watch/${session.id}`);
    const crowded = second.getByTestId('player-crowded');
    await expect(crowded).toContainText('Many people are watching from your network');
    await expect(second.getByTestId('crowded-sign-in')).toHaveAttribute('href', '/studio');
    await expect(second.getByTestId('display-name-input')).toBeVisible();
    await second.screenshot({ path: testInfo.outputPath('watch-crowded-en.png') });
    await second.getByTestId('lang-switch').selectOption('fr');
    await expect(crowded).toContainText('Beaucoup de personnes regardent depuis votre réseau');
    await expect(second.getByTestId('crowded-sign-in')).toHaveText('Se connecter');
    await second.screenshot({ path: testInfo.outputPath('watch-crowded-fr.png') });

    // A name makes a guest account once the address may sign up again (6 a minute: one every 10 s).
    await second.getByTestId('display-name-input').fill('Amina');
    await expect(async () => {
      await second.getByTestId('display-name-submit').click();
      await expect(second.getByTestId('display-name-input')).toHaveCount(0, { timeout: 2000 });
    }).toPass({ timeout: 30_000, intervals: [3000] });
    await expect(crowded).toHaveCount(0);
    await expect(second.getByTestId('viewer-count')).toHaveAttribute('data-count', '2');
    await second.screenshot({ path: testInfo.outputPath('watch-crowded-after-name.png') });
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
    await relay.stop();
  }
});
