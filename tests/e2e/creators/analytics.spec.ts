import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from '../support/fixtures.js';
import { rtcStats } from '../support/probes.js';

const root = path.resolve(import.meta.dirname, '../../..');
const shots = path.resolve(root, 'test-results/creators');

test.use({ viewport: { width: 1600, height: 1000 } });

test('the post-live report shows the right peak viewer count, its chart, and the dashboard exports the live as CSV', async ({ goLive, newPage }) => {
  test.setTimeout(300_000);
  const { sessionId, page: host } = await goLive('video');
  // The Analytics section of the studio, open while live: its chart fills every 10 s.
  await host.getByTestId('analytics-panel').locator('summary').click();
  await expect(host.getByTestId('analytics-live')).toBeVisible();

  // Two viewers watch /watch over real WebRTC; one of them chats.
  const viewers = [await newPage(), await newPage()];
  for (const viewer of viewers) await viewer.goto(`/watch/${sessionId}`);
  for (const viewer of viewers) await expect.poll(async () => (await rtcStats(viewer)).framesDecoded, { timeout: 45_000 }).toBeGreaterThan(10);
  await expect(host.getByTestId('live-viewers')).toHaveText('2');
  const chatter = viewers[0]!;
  await chatter.getByTestId('display-name-input').fill('Awa');
  await chatter.getByTestId('display-name-submit').click();
  await chatter.getByTestId('chat-input').fill('Bonsoir depuis Abidjan');
  await chatter.getByTestId('chat-input').press('Enter');
  await expect(host.getByTestId('chat-message')).toHaveCount(1);

  // A bucket closes with both still watching: the live chart has its first point.
  await expect(host.getByTestId('live-chart')).not.toHaveAttribute('data-points', '0', { timeout: 40_000 });
  await host.getByTestId('analytics-live').screenshot({ path: path.join(shots, 'analytics-live-chart.png') });

  // They leave, then the host ends the live.
  for (const viewer of viewers) await viewer.close();
  await expect(host.getByTestId('live-viewers')).toHaveText('0');
  await host.getByTestId('live-end').click();
  await host.getByTestId('live-end-confirm').click();
  await expect(host.getByTestId('live-state')).toHaveAttribute('data-state', 'ended');

  const report = host.getByTestId('post-live-report');
  await expect(host.getByTestId('report-peak')).toHaveText('2');
  // The chatter picked a name after watching: the same account was renamed, so two people, not three.
  await expect(host.getByTestId('report-unique')).toHaveText('2');
  await expect(host.getByTestId('report-messages')).toHaveText('1');
  const chart = host.getByTestId('report-chart');
  await expect(chart).not.toHaveAttribute('data-points', '0');
  // uPlot drew its canvas and the legend names the series.
  await expect(chart.locator('canvas')).toHaveCount(1);
  await expect(chart.locator('.u-legend')).toContainText('Viewers');
  await report.screenshot({ path: path.join(shots, 'post-live-report.png') });

  // The dashboard lists the live; the CSV export carries its row with the same peak.
  const row = host.locator(`[data-testid="analytics-live-row"][data-session-id="${sessionId}"]`);
  await expect(row).toBeVisible();
  await expect(row.locator('td[data-column="peak"]')).toHaveText('2');
  await host.getByTestId('sort-peak').click();
  await expect(host.locator('th[aria-sort="descending"]')).toContainText('Peak viewers');
  await host.getByTestId('analytics-lives').screenshot({ path: path.join(shots, 'analytics-dashboard.png') });
  const downloading = host.waitForEvent('download');
  await host.getByTestId('analytics-export').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('afritok-lives.csv');
  const csvPath = path.join(shots, 'afritok-lives.csv');
  await download.saveAs(csvPath);
  const lines = fs.readFileSync(csvPath, 'utf8').split('\r\n').filter(Boolean);
  const header = lines[0]!.split(',');
  expect(header.slice(0, 6)).toEqual(['session_id', 'title', 'started_at', 'ended_at', 'duration_ms', 'peak_viewers']);
  const mine = lines.find((l) => l.startsWith(`${sessionId},`));
  expect(mine, lines.join('\n')).toBeDefined();
  const cells = mine!.split(',');
  expect(cells[header.indexOf('peak_viewers')]).toBe('2');
  expect(cells[header.indexOf('chat_messages')]).toBe('1');
  expect(cells[header.indexOf('unique_viewers')]).toBe('2');
});
