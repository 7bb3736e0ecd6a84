import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.js';
import { addSource, registerInStudio } from '../studio/helpers.js';

const shots = path.resolve(import.meta.dirname, '../../../test-results/onair');

test.use({ viewport: { width: 1600, height: 900 } });

async function joinChat(page: Page, url: string, name: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('display-name-input').fill(name);
  await page.getByTestId('display-name-submit').click();
  await expect(page.getByTestId('chat-input')).toBeVisible();
}

async function say(page: Page, text: string): Promise<void> {
  await page.getByTestId('chat-input').fill(text);
  await page.getByTestId('chat-input').press('Enter');
  await expect(page.getByTestId('chat-message').filter({ hasText: text })).toBeVisible();
}

/** A new streamer goes live with a camera from the studio; returns the live's /watch address. */
async function goLiveWithCamera(page: Page, relayUrl: string, title: string): Promise<string> {
  await registerInStudio(page, relayUrl);
  await addSource(page, 'camera');
  await page.getByTestId('live-title').fill(title);
  await page.getByTestId('live-start').click();
  await expect(page.getByTestId('live-state')).toHaveAttribute('data-state', 'live');
  return page.getByTestId('live-share-url').inputValue();
}

test('the people drawer lists muted and banned people, undoes every action; viewers see badges and slow mode', async ({ page, newPage, relayUrl }) => {
  const shareUrl = await goLiveWithCamera(page, relayUrl, 'Moderated show');
  const ada = await newPage();
  const bob = await newPage();
  await joinChat(ada, shareUrl, 'Ada');
  await joinChat(bob, shareUrl, 'Bob');
  await say(ada, 'hello from Ada');
  await say(bob, 'buy cheap pills');
  await say(bob, 'cheap pills here');
  await page.getByTestId('chat-input').fill('Welcome everyone');
  await page.getByTestId('chat-send').click();
  // The host's message carries a Host badge for viewers.
  const hostLine = ada.getByTestId('chat-message').filter({ hasText: 'Welcome everyone' });
  await expect(hostLine.getByTestId('chat-badge')).toHaveAttribute('data-role', 'host');

  const dock = (text: string) => page.getByTestId('chat-message').filter({ hasText: text });
  // Mute from the chat: a notice with Undo; the drawer shows the countdown; one click unmutes.
  await dock('hello from Ada').hover();
  await dock('hello from Ada').getByTestId('msg-mute').click();
  await expect(page.getByTestId('undo-notice').last()).toContainText('Ada is muted for 5 min');
  await page.getByTestId('people-open').click();
  const drawer = page.getByTestId('people-drawer');
  const person = (name: string) => drawer.getByTestId('person-item').filter({ hasText: name });
  await expect(person('Ada')).toHaveAttribute('data-status', 'muted');
  await expect(person('Ada').getByTestId('person-mute-left')).toContainText(/muted · [45]:\d\d left/);
  await expect(ada.getByText('You are muted in this chat.')).toBeVisible();

  // Ban Bob with a reason and his messages removed: Ada's page loses them, the drawer says why.
  await dock('buy cheap pills').hover();
  await dock('buy cheap pills').getByTestId('msg-ban').click();
  await page.getByTestId('ban-reason').fill('spam');
  await expect(page.getByTestId('ban-remove-messages')).toBeChecked();
  await page.getByTestId('ban-confirm').click();
  await expect(ada.getByTestId('chat-message').filter({ hasText: 'cheap pills' })).toHaveCount(0);
  await expect(page.getByTestId('undo-notice').last()).toContainText('2 of their messages were removed');
  await expect(person('Bob')).toHaveAttribute('data-status', 'banned');
  await expect(person('Bob').getByTestId('person-ban-reason')).toHaveText('Reason: spam');
  await page.screenshot({ path: path.join(shots, 'people-drawer.png') });

  // One click each to lift them.
  await person('Ada').getByTestId('person-unmute').click();
  await expect(person('Ada')).toHaveAttribute('data-status', 'present');
  await expect(ada.getByText('You are muted in this chat.')).toHaveCount(0);
  await person('Bob').getByTestId('person-unban').click();
  await expect(person('Bob')).toHaveCount(0);
  await expect(page.getByTestId('undo-notice').last()).toContainText('Bob may come back');

  // Undo right after an action puts things back.
  await person('Ada').getByTestId('person-mute').click();
  await expect(person('Ada')).toHaveAttribute('data-status', 'muted');
  await page.getByTestId('undo-notice').filter({ hasText: 'Ada is muted' }).getByTestId('undo-button').click();
  await expect(person('Ada')).toHaveAttribute('data-status', 'present');

  // Slow mode is announced to viewers, and the Send button counts down instead of "Sending…".
  await page.getByTestId('people-close').click();
  await page.getByText('Chat settings').click();
  await page.getByLabel('Slow mode (seconds)').fill('30');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(ada.getByTestId('slow-mode-banner')).toContainText('one message every 30 seconds');
  // A newcomer (no earlier message inside the wait) sends once, then the button counts down.
  const cy = await newPage();
  await joinChat(cy, shareUrl, 'Cy');
  await expect(cy.getByTestId('slow-mode-banner')).toContainText('one message every 30 seconds');
  await say(cy, 'slow message');
  await expect(cy.getByTestId('chat-send')).toHaveText(/Wait \d+ s/);
  await cy.getByTestId('chat-input').fill('too fast');
  await expect(cy.getByTestId('chat-send')).toBeDisabled();
  await cy.screenshot({ path: path.join(shots, 'viewer-slow-mode.png') });
  await page.screenshot({ path: path.join(shots, 'people-after.png') });
});

test('a viewer the host makes moderator speaks with a Moderator badge, is not slowed down, and loses both when demoted', async ({ page, newPage, relayUrl }) => {
  const shareUrl = await goLiveWithCamera(page, relayUrl, 'Show with a moderator');
  const ada = await newPage();
  const bob = await newPage();
  await joinChat(ada, shareUrl, 'Ada');
  await joinChat(bob, shareUrl, 'Bob');
  await say(ada, 'before I moderate');
  const adaLineForBob = (text: string) => bob.getByTestId('chat-message').filter({ hasText: text });
  await expect(adaLineForBob('before I moderate')).toBeVisible();
  await expect(adaLineForBob('before I moderate').getByTestId('chat-badge')).toHaveCount(0);

  // The host promotes Ada from the dock's Moderators list.
  await page.getByTestId('moderators').locator('summary').click();
  const adaCandidate = page.getByTestId('moderator-candidate').filter({ hasText: 'Ada' });
  await adaCandidate.getByTestId('moderator-toggle').click();
  await expect(adaCandidate).toHaveAttribute('data-role', 'moderator');

  // Every chat shows Ada's authority: Bob's page, and the host's own dock.
  await expect(adaLineForBob('before I moderate').getByTestId('chat-badge')).toHaveAttribute('data-role', 'moderator');
  await say(ada, 'please be kind');
  await expect(adaLineForBob('please be kind').getByTestId('chat-badge')).toHaveAttribute('data-role', 'moderator');
  await expect(page.getByTestId('chat-message').filter({ hasText: 'please be kind' }).getByTestId('chat-badge')).toHaveAttribute('data-role', 'moderator');

  // Slow mode slows Bob but not the moderator.
  await page.getByText('Chat settings').click();
  await page.getByLabel('Slow mode (seconds)').fill('30');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(bob.getByTestId('slow-mode-banner')).toBeVisible();
  await expect(ada.getByTestId('slow-mode-banner')).toHaveCount(0);
  await say(ada, 'first while slow');
  await say(ada, 'second while slow');
  await bob.screenshot({ path: path.join(shots, 'viewer-sees-moderator-badge.png') });

  // Demoted: the badge goes, and slow mode applies to Ada again.
  await adaCandidate.getByTestId('moderator-toggle').click();
  await expect(adaCandidate).toHaveAttribute('data-role', 'viewer');
  await expect(adaLineForBob('please be kind').getByTestId('chat-badge')).toHaveCount(0);
  await expect(ada.getByTestId('slow-mode-banner')).toBeVisible();
});
