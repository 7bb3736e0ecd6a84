import path from 'node:path';
import { expect, test } from '../support/fixtures.js';
import { rtcStats } from '../support/probes.js';
import { addSource, registerInStudio } from '../studio/helpers.js';

const shots = path.resolve(import.meta.dirname, '../../../test-results/private-live');

test('a private live: the host sends a viewer link; its holder watches on /watch, a stranger cannot, a guest link still goes to /join', async ({
  page,
  newPage,
  relayUrl,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await registerInStudio(page, relayUrl);
  await addSource(page, 'camera');
  await page.getByTestId('live-public').uncheck();
  await expect(page.getByTestId('visibility-explainer')).toContainText('viewer link');
  await page.getByTestId('live-title').fill('Family rehearsal');
  await page.getByTestId('live-start').click();
  await expect(page.getByTestId('live-state')).toHaveAttribute('data-state', 'live');

  // No public-looking share link: a note and a button that makes viewer links. Nothing reads "Copied" yet.
  await expect(page.getByTestId('live-share-url')).toHaveCount(0);
  await expect(page.getByTestId('private-link-note')).toContainText('send them a viewer link');
  await page.getByTestId('viewer-link-create').click();
  const url = await page.getByTestId('viewer-link-url').inputValue();
  expect(url).toMatch(/\/watch\/[^/?]+\?invite=[\w-]{20,}$/);
  await expect(page.getByTestId('viewer-link-copy')).toHaveText('Copy');
  await page.screenshot({ path: path.join(shots, 'studio-viewer-link.png') });
  const sessionId = new URL(url).pathname.split('/')[2]!;

  // A stranger with the plain address gets "does not exist or is private".
  const stranger = await newPage();
  await stranger.goto(`/watch/${sessionId}`);
  await expect(stranger.getByText('This broadcast does not exist or is private.')).toBeVisible();

  // The holder of the viewer link watches the program, in a browser of their own, without signing up.
  const viewer = await newPage();
  await viewer.goto(url.replace(/^https?:\/\/[^/]+/, relayUrl));
  await expect(viewer.getByTestId('session-state')).toHaveAttribute('data-state', 'live');
  await expect(viewer.getByText('Family rehearsal').first()).toBeVisible();
  await expect.poll(async () => (await rtcStats(viewer)).framesDecoded, { timeout: 45_000 }).toBeGreaterThan(30);
  await viewer.screenshot({ path: path.join(shots, 'viewer-with-link.png') });

  // The same token opened on /join (the guest page) is sent to /watch: a viewer link never puts anyone on stage.
  const token = new URL(url).searchParams.get('invite')!;
  const wrongDoor = await newPage();
  await wrongDoor.goto(`/join/${token}`);
  await expect(wrongDoor).toHaveURL(new RegExp(`/watch/${sessionId}\\?invite=`));
  await expect(wrongDoor.getByTestId('session-state')).toHaveAttribute('data-state', 'live');

  // A guest link (Guests panel) still leads to /join.
  await page.getByTestId('invite-link').click();
  await expect(page.getByTestId('invite-link-url')).toHaveValue(/\/join\/[\w-]{20,}$/);

  // A bad viewer link says so plainly.
  const broken = await newPage();
  await broken.goto(`/watch/${sessionId}?invite=${'x'.repeat(43)}`);
  await expect(broken.getByText('This viewer link is not valid, has expired, or its broadcast is over.')).toBeVisible();
  await broken.screenshot({ path: path.join(shots, 'viewer-link-dead.png') });
});
