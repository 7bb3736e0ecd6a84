import { routes } from '../../../protocol/routes.js';
import { test, expect } from '../support/fixtures.js';

/** A title with no space to break at: the worst case for a phone's width. */
const LONG_TITLE = `Afritok${'x'.repeat(113)}`;

test('in French, a muted viewer reads why in French with the local time, no Retry; a ban replaces the player', async ({ relay, newPage }, testInfo) => {
  const host = await relay.signUp('host');
  const session = await relay.createSession(host, 'video');
  await host.api.call(routes.startSession, { params: { id: session.id } });
  // Reactions sent before the viewer arrives are counted on arrival.
  await host.api.call(routes.joinSession, { params: { id: session.id } }).catch(() => undefined);
  await host.api.call(routes.react, { params: { id: session.id }, body: { emoji: '🔥' } });

  const viewer = await newPage();
  await viewer.goto(`/watch/${session.id}`);
  await viewer.getByTestId('lang-switch').selectOption('fr');
  await expect(viewer.locator('[data-testid="reaction-button"][data-emoji="🔥"] .reaction-count')).toHaveText('1');
  await viewer.getByTestId('display-name-input').fill('Awa');
  await viewer.getByTestId('display-name-submit').click();
  await viewer.getByTestId('chat-input').fill('Bonjour');
  await viewer.getByTestId('chat-send').click();
  await expect(viewer.getByTestId('chat-message').filter({ hasText: 'Bonjour' })).toBeVisible();

  const { messages } = await host.api.call(routes.listMessages, { params: { id: session.id }, query: {} });
  const viewerId = messages.find((m) => m.content === 'Bonjour')?.userId ?? '';
  expect(viewerId).not.toBe('');
  const { mute } = await host.api.call(routes.mute, { params: { id: session.id }, body: { userId: viewerId, durationSeconds: 3600 } });
  const until = mute.until;

  await viewer.getByTestId('chat-input').fill('Encore moi');
  await viewer.getByTestId('chat-send').click();
  const failed = viewer.getByTestId('chat-pending').filter({ hasText: 'Encore moi' });
  await expect(failed).toHaveAttribute('data-status', 'failed');
  const reason = failed.getByTestId('chat-failed-reason');
  await expect(reason).toHaveAttribute('data-code', 'muted');
  // The local time of the end of the mute, as the page formats it in French (never the relay's ISO string).
  const localUntil = await viewer.evaluate(
    (iso) => new Intl.DateTimeFormat('fr', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
    until ?? '',
  );
  await expect(reason).toContainText(`réduit au silence jusqu’à ${localUntil}`);
  await expect(reason).not.toContainText('muted');
  await expect(reason).not.toContainText(until ?? 'no-until');
  await expect(failed.getByRole('button', { name: 'Réessayer' })).toHaveCount(0);
  await expect(failed.getByRole('button', { name: 'Retirer' })).toBeVisible();
  await viewer.screenshot({ path: testInfo.outputPath('viewer-fr-muted.png'), fullPage: true });

  await host.api.call(routes.ban, { params: { id: session.id }, body: { userId: viewerId } });
  await expect(viewer.getByTestId('player-banned')).toHaveText('L’hôte vous a exclu de cette diffusion.');
  await expect(viewer.getByTestId('player-overlay')).toHaveCount(0);
  await expect(viewer.getByTestId('chat-input')).toHaveCount(0);
  await viewer.screenshot({ path: testInfo.outputPath('viewer-fr-banned.png'), fullPage: true });

  // Coming back banned: the page says so in French instead of the relay's English.
  await viewer.reload();
  await expect(viewer.getByText('L’hôte vous a exclu de cette diffusion.').first()).toBeVisible();
  await expect(viewer.getByText(/banned/i)).toHaveCount(0);
});

test('on a phone, a 120-character title wraps on the watch page and the directory; after the end chat and count go', async ({ relay, newPage }, testInfo) => {
  const host = await relay.signUp('host', `Host${'y'.repeat(46)}`);
  const session = await relay.createSession(host, 'video', { title: LONG_TITLE });
  await host.api.call(routes.startSession, { params: { id: session.id } });

  const viewer = await newPage();
  await viewer.setViewportSize({ width: 390, height: 844 });
  await viewer.goto(`/watch/${session.id}`);
  await expect(viewer.getByRole('heading', { level: 1 })).toHaveText(LONG_TITLE);
  await expect(viewer.getByTestId('hosted-by')).toBeVisible();
  // The follow widget repeats the 50-character name: measured once it is there.
  await expect(viewer.getByTestId('profile-link')).toBeVisible();
  const pageOverflow = 'document.documentElement.scrollWidth - document.documentElement.clientWidth';
  expect(await viewer.evaluate(pageOverflow)).toBe(0);
  await viewer.screenshot({ path: testInfo.outputPath('phone-long-title-watch.png'), fullPage: true });

  const visitor = await newPage();
  await visitor.setViewportSize({ width: 390, height: 844 });
  await visitor.goto('/');
  await expect(visitor.locator(`[data-testid="directory-session"][data-session-id="${session.id}"]`)).toBeVisible();
  expect(await visitor.evaluate(pageOverflow)).toBe(0);
  await visitor.screenshot({ path: testInfo.outputPath('phone-long-title-directory.png'), fullPage: true });

  await host.api.call(routes.endSession, { params: { id: session.id } });
  await expect(viewer.getByTestId('session-state')).toHaveAttribute('data-state', 'ended');
  await expect(viewer.getByTestId('viewer-count')).toHaveCount(0);
  await expect(viewer.getByTestId('chat-ended')).toBeVisible();
  await expect(viewer.getByTestId('display-name-input')).toHaveCount(0);
  await expect(viewer.getByTestId('chat-input')).toHaveCount(0);
  await viewer.screenshot({ path: testInfo.outputPath('phone-ended.png'), fullPage: true });
});

test('a viewer of a live whose studio is not connected is told the host is offline, not left on "Connecting…"', async ({ relay, newPage }) => {
  const host = await relay.signUp('host');
  const session = await relay.createSession(host, 'video');
  // Started over HTTP only: no studio socket is in the room, so no picture can come.
  await host.api.call(routes.startSession, { params: { id: session.id } });

  const viewer = await newPage();
  await viewer.goto(`/watch/${session.id}`);
  await expect(viewer.getByTestId('session-state')).toHaveAttribute('data-state', 'live');
  await expect(viewer.getByTestId('player-overlay')).toHaveText('The host is offline: the broadcast resumes when they are back.');
  await viewer.getByTestId('lang-switch').selectOption('fr');
  await expect(viewer.getByTestId('player-overlay')).toHaveText('L’hôte est hors ligne : la diffusion reprendra à son retour.');
});
