import { routes } from '../../../protocol/routes.js';
import { xssCorpus } from '../../support/xss-corpus.js';
import { test, expect } from '../support/fixtures.js';

test.describe('viewer chat on /watch/:id', () => {
  test('a viewer picks a name, chats, sees pins and reactions from others', async ({ goLive, newPage }) => {
    const { sessionId, host } = await goLive('video');
    const alice = await newPage();
    const bob = await newPage();
    await alice.goto(`/watch/${sessionId}`);
    await bob.goto(`/watch/${sessionId}`);

    await alice.getByTestId('display-name-input').fill('Alice');
    await alice.getByTestId('display-name-submit').click();
    await alice.getByTestId('chat-input').fill('hello from alice');
    await alice.getByTestId('chat-send').click();

    for (const page of [alice, bob]) {
      await expect(page.getByTestId('chat-message').filter({ hasText: 'hello from alice' })).toHaveText(/Alice\s+hello from alice/);
    }
    // Exactly once: the outbox's pending copy is replaced by the stored message, not added to it.
    await expect(alice.getByTestId('chat-message').filter({ hasText: 'hello from alice' })).toHaveCount(1);
    await expect(alice.getByTestId('chat-pending')).toHaveCount(0);

    // The host pins it: both viewers show the banner.
    const messageId = await alice.getByTestId('chat-message').filter({ hasText: 'hello from alice' }).getAttribute('data-message-id');
    expect(messageId).toBeTruthy();
    await host.api.call(routes.pinMessage, { params: { id: sessionId, messageId: messageId ?? '' } });
    for (const page of [alice, bob]) await expect(page.getByTestId('pinned-message')).toContainText('hello from alice');

    // Alice reacts: everyone's count goes up and an emoji floats.
    const heart = alice.locator('[data-testid="reaction-button"][data-emoji="❤️"]');
    await heart.click();
    for (const page of [alice, bob]) {
      await expect(page.locator('[data-testid="reaction-button"][data-emoji="❤️"] .reaction-count')).toHaveText('1');
    }
    await expect(bob.getByTestId('floating-reaction').first()).toBeAttached();
  });

  test('hostile chat messages are shown as text and nothing executes', async ({ goLive, newPage }, testInfo) => {
    const { sessionId, host } = await goLive('video');
    const viewer = await newPage();
    const dialogs: string[] = [];
    viewer.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await viewer.goto(`/watch/${sessionId}`);
    await expect(viewer.getByTestId('session-state')).toHaveAttribute('data-state', 'live');

    const stored: string[] = [];
    for (const content of xssCorpus) {
      const { message } = await host.api.call(routes.sendMessage, { params: { id: sessionId }, body: { content } });
      stored.push(message.content);
    }
    const last = stored[stored.length - 1] ?? '';
    const pin = await host.api.call(routes.listMessages, { params: { id: sessionId }, query: { limit: 1 } });
    await host.api.call(routes.pinMessage, { params: { id: sessionId, messageId: pin.messages[0]?.id ?? '' } });

    await expect(viewer.getByTestId('chat-message')).toHaveCount(stored.length);
    await expect(viewer.getByTestId('pinned-message')).toContainText(last.slice(0, 40));
    // Every message shows literally what the relay stored.
    const shown = await viewer.locator('[data-testid="chat-message"] .chat-content').allTextContents();
    expect(shown).toEqual(stored);
    // No markup came to life: no element other than the page's own spans inside the chat and the pin.
    const foreign = viewer.locator('.chat-list :not(li, span, button), .pinned :not(strong, span)');
    await expect(foreign).toHaveCount(0);
    // Give event handlers (onerror, onload, autofocus…) every chance to fire, then check their marker.
    await viewer.getByTestId('chat-input').or(viewer.getByTestId('display-name-input')).first().focus();
    await viewer.mouse.move(100, 100);
    await viewer.screenshot({ path: testInfo.outputPath('xss-chat.png'), fullPage: true });
    expect(await viewer.evaluate('typeof window.__xss')).toBe('undefined');
    expect(dialogs).toEqual([]);
  });
});
