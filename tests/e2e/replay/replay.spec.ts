import path from 'node:path';
import { z } from 'zod';
import { routes } from '../../../protocol/routes.js';
import { formatClock } from '../../../src-renderer/pages/replay/timeline.js';
import { expect, test } from '../support/fixtures.js';
import { videoPixels } from '../support/probes.js';

const shots = path.resolve(import.meta.dirname, '../../../test-results/replay');
const VIDEO = '[data-testid="replay-video"]';
const Playback = z.object({ currentTime: z.number(), decoded: z.number(), paused: z.boolean() });

test('a recorded live becomes a replay: it plays from the start, seeks, replays the chat at its moments without the deleted message, and lists the scene changes as chapters', async ({ goLive, newPage, relay }) => {
  test.setTimeout(420_000);
  const { page: studio, host, sessionId } = await goLive('video', { isPublic: true });
  // Public lives are recorded by default: the studio says so once the first segment is kept.
  await expect(studio.getByTestId('live-recording')).toHaveAttribute('data-state', 'recording', { timeout: 60_000 });
  const recording = await host.api.call(routes.getRecording, { params: { id: sessionId } });
  const startedAt = Date.parse(recording.recording.startedAt ?? '');
  expect(Number.isFinite(startedAt)).toBe(true);

  const viewer = await newPage();
  await viewer.goto(`/watch/${sessionId}`);
  await viewer.getByTestId('display-name-input').fill('Viewer');
  await viewer.getByTestId('display-name-submit').click();
  const say = async (text: string) => {
    await viewer.getByTestId('chat-input').fill(text);
    await viewer.getByTestId('chat-send').click();
    await expect(viewer.getByTestId('chat-message').filter({ hasText: text })).toHaveCount(1);
  };
  await say('this one gets deleted');
  // ~0:05 of the recording.
  await viewer.waitForTimeout(Math.max(0, startedAt + 5_000 - Date.now()));
  const saidAtWall = Date.now();
  await say('said at five seconds');
  // The relay stamps the message when it arrives: somewhere between typing began and the page showing it.
  const shownAtWall = Date.now();
  // The host switches scene while live: a copy of the scene, renamed "Interview", goes on program.
  const scenes = studio.getByTestId('scene-item');
  const firstScene = (await scenes.first().locator('.name').textContent()) ?? '';
  expect(firstScene).not.toBe('');
  // A scene's buttons show when the pointer is over it.
  await scenes.first().hover();
  await scenes.first().getByRole('button', { name: '⊕' }).click();
  await expect(scenes).toHaveCount(2);
  await scenes.nth(1).hover();
  await scenes.nth(1).getByRole('button', { name: '✎' }).click();
  await studio.getByRole('textbox', { name: /Scene name|Nom de la scène/ }).fill('Interview');
  await studio.getByRole('textbox', { name: /Scene name|Nom de la scène/ }).press('Enter');
  await scenes.nth(1).locator('.name').click();
  const switchedAtWall = Date.now();
  await expect(scenes.nth(1)).toHaveAttribute('data-on-air', 'true');
  const dockMessage = (text: string) => studio.getByTestId('chat-message').filter({ hasText: text });
  await dockMessage('this one gets deleted').hover();
  await dockMessage('this one gets deleted').getByTestId('msg-delete').click();
  await expect(viewer.getByTestId('chat-message').filter({ hasText: 'this one gets deleted' })).toHaveCount(0);
  // A few more seconds on air, then the host ends the live.
  await expect.poll(async () => (await host.api.call(routes.getRecording, { params: { id: sessionId } })).recording.durationSeconds, { timeout: 60_000 }).toBeGreaterThan(12);
  await studio.getByTestId('live-end').click();
  await studio.getByTestId('live-end-confirm').click();
  await expect(studio.getByTestId('live-state')).toHaveAttribute('data-state', 'ended');
  await expect.poll(async () => (await relay.call(null, routes.getReplay, { params: { id: sessionId } }).catch(() => null))?.replay.recording.state, { timeout: 90_000 }).toBe('ready');
  const { replay } = await relay.call(null, routes.getReplay, { params: { id: sessionId } });
  const said = replay.messages.find((m) => m.content === 'said at five seconds');
  expect(said).toBeDefined();
  const at = said?.offsetSeconds ?? 0;
  // The replay's time 0 is when its first frame was captured. The relay knows it best once the whole live
  // is packaged (while ffmpeg starts, segments arrive late): the final origin lies between going live and the
  // first estimate, and the message sits at its moment from that origin, ± 1 s (its moment: between typing
  // it and seeing it shown, which took over a second on a slow runner).
  const final = await host.api.call(routes.getRecording, { params: { id: sessionId } });
  const origin = Date.parse(final.recording.startedAt ?? '');
  const liveStartedAt = Date.parse(replay.session.startedAt ?? '');
  expect(origin).toBeLessThanOrEqual(startedAt);
  expect(origin).toBeGreaterThanOrEqual(liveStartedAt - 1_000);
  expect(at).toBeGreaterThanOrEqual((saidAtWall - origin) / 1000 - 1);
  expect(at).toBeLessThanOrEqual((shownAtWall - origin) / 1000 + 1);
  expect(at).toBeGreaterThan(4);

  const watcher = await newPage();
  await watcher.setViewportSize({ width: 1400, height: 850 });
  await watcher.goto(`/replay/${sessionId}`);
  const video = watcher.locator(VIDEO);
  await expect(video).toBeVisible();
  const inVideo = (body: string) => watcher.evaluate(`(() => { const v = document.querySelector('${VIDEO}'); ${body} })()`);
  const playback = async () => Playback.parse(await inVideo('return { currentTime: v.currentTime, decoded: v.getVideoPlaybackQuality().totalVideoFrames, paused: v.paused };'));
  const chatLine = (text: string) => watcher.getByTestId('replay-chat').getByTestId('chat-message').filter({ hasText: text });

  // Notes the playing time at the moment the message enters the chat (a poll from here would add its own delay).
  await watcher.evaluate(`(() => {
    const video = document.querySelector('${VIDEO}');
    const chat = document.querySelector('[data-testid="replay-chat"]');
    new MutationObserver(() => {
      if (window.__shownAt === undefined && chat.textContent.includes('said at five seconds')) window.__shownAt = video.currentTime;
    }).observe(chat, { childList: true, subtree: true, characterData: true });
  })()`);
  // From the start: muted autoplay is allowed, so Chromium plays when asked.
  await inVideo('v.muted = true; void v.play();');
  await expect.poll(async () => (await playback()).decoded, { timeout: 30_000 }).toBeGreaterThan(15);
  const early = await playback();
  expect(early.currentTime).toBeLessThan(at - 1);
  // Before its moment the message is not shown yet.
  await expect(chatLine('said at five seconds')).toHaveCount(0);
  // It appears as playback reaches its moment: pause right when it shows and read the time.
  await expect(chatLine('said at five seconds')).toHaveCount(1, { timeout: 30_000 });
  const shownAt = z.number().parse(await watcher.evaluate('window.__shownAt'));
  expect(Math.abs(shownAt - at)).toBeLessThanOrEqual(1);
  expect((await videoPixels(watcher, VIDEO)).variance).toBeGreaterThan(100);
  await watcher.screenshot({ path: path.join(shots, 'replay-playing.png') });

  // Seeking back before the message hides it again; seeking near the end shows it and plays on from there.
  await inVideo('v.currentTime = 1;');
  await expect(chatLine('said at five seconds')).toHaveCount(0);
  const target = replay.recording.durationSeconds - 3;
  await watcher.getByTestId('replay-heatmap').click({ position: { x: Math.round(((await watcher.getByTestId('replay-heatmap').boundingBox())?.width ?? 0) * (target / replay.recording.durationSeconds)), y: 10 } });
  await expect.poll(async () => (await playback()).currentTime, { timeout: 20_000 }).toBeGreaterThan(target - 1);
  const afterSeek = await playback();
  await expect.poll(async () => (await playback()).decoded, { timeout: 20_000 }).toBeGreaterThan(afterSeek.decoded + 10);
  await expect(chatLine('said at five seconds')).toHaveCount(1);
  // The deleted message never shows, whatever the time.
  await expect(chatLine('this one gets deleted')).toHaveCount(0);
  expect(replay.messages.map((m) => m.content)).not.toContain('this one gets deleted');
  await watcher.screenshot({ path: path.join(shots, 'replay-seeked.png') });

  // Chapters from the scene changes: the first scene from 0:00, "Interview" from when the host switched.
  expect(replay.chapters.map((c) => c.title)).toEqual([firstScene, 'Interview']);
  const interviewAt = replay.chapters[1]?.atSeconds ?? 0;
  expect(replay.chapters[0]?.atSeconds).toBe(0);
  expect(Math.abs(interviewAt - (switchedAtWall - origin) / 1000)).toBeLessThanOrEqual(1.5);
  const chapters = watcher.getByRole('navigation', { name: /Chapters|Chapitres/ }).getByRole('button');
  await expect(chapters).toHaveText([`0:00 ${firstScene}`, `${formatClock(interviewAt)} Interview`]);
  await expect(watcher.locator('.chapter-mark')).toHaveCount(2);
  // Clicking a chapter seeks there.
  await inVideo('v.currentTime = 1;');
  await chapters.nth(1).click();
  await expect.poll(async () => (await playback()).currentTime, { timeout: 20_000 }).toBeGreaterThanOrEqual(interviewAt - 0.5);
  expect((await playback()).currentTime).toBeLessThan(interviewAt + 4);
  await watcher.screenshot({ path: path.join(shots, 'replay-chapters.png') });
});

test('the directory lists past lives; the host finds theirs in the studio, downloads the MP4 and deletes the replay', async ({ goLive, newPage, relay }) => {
  test.setTimeout(360_000);
  const { page: studio, host, sessionId } = await goLive('video', { isPublic: true });
  await expect(studio.getByTestId('live-recording')).toHaveAttribute('data-state', 'recording', { timeout: 60_000 });
  await expect.poll(async () => (await host.api.call(routes.getRecording, { params: { id: sessionId } })).recording.durationSeconds, { timeout: 60_000 }).toBeGreaterThan(4);
  await studio.getByTestId('live-end').click();
  await studio.getByTestId('live-end-confirm').click();
  await expect.poll(async () => (await relay.call(null, routes.getReplay, { params: { id: sessionId } }).catch(() => null))?.replay.recording.state, { timeout: 90_000 }).toBe('ready');

  const visitor = await newPage();
  await visitor.goto('/');
  const card = visitor.locator(`[data-testid="past-live"][data-session-id="${sessionId}"]`);
  await expect(card).toBeVisible({ timeout: 20_000 });
  await expect(card.locator('img')).toHaveJSProperty('complete', true);
  await visitor.getByTestId('past-lives').screenshot({ path: path.join(shots, 'directory-past-lives.png') });
  await card.getByRole('link', { name: /replay|rediffusion/i }).click();
  await expect(visitor).toHaveURL(new RegExp(`/replay/${sessionId}$`));
  await expect(visitor.getByTestId('replay-video')).toBeVisible();

  const panel = studio.getByTestId('studio-past-lives');
  await panel.locator('summary').click();
  const row = panel.locator(`[data-testid="studio-past-live"][data-session-id="${sessionId}"]`);
  await expect(row).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
  const [download] = await Promise.all([studio.waitForEvent('download'), row.getByTestId('studio-replay-download').click()]);
  expect(download.suggestedFilename()).toMatch(/\.mp4$/);
  await studio.screenshot({ path: path.join(shots, 'studio-past-lives.png') });
  await row.getByTestId('studio-replay-delete').click();
  await row.getByTestId('studio-replay-delete-confirm').click();
  await expect(row).toHaveCount(0);
  await expect(relay.call(null, routes.getReplay, { params: { id: sessionId } })).rejects.toThrow();
});
