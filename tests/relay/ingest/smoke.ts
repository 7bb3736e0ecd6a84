import path from 'node:path';
import { chromium } from 'playwright-core';
import { startTestRelay } from '../../support/relay.js';
import { NewStreamKeyReply, StreamKeysReply } from '../../../protocol/ingest.js';
import { MaybeSessionReply } from '../../../protocol/sessions.js';
import { startRtmpEncoder } from './support/rtmp-encoder.js';
const t = await startTestRelay({ dialect: 'sqlite', env: { RTMP_PORT: '0', LOG_LEVEL: 'info' } });
const owner = await t.register();
const created = NewStreamKeyReply.parse((await t.api('POST', '/api/stream-keys', { token: owner.token, body: { label: 'x' } })).body);
const list = StreamKeysReply.parse((await t.api('GET', '/api/stream-keys', { token: owner.token })).body);
const enc = startRtmpEncoder(`${list.ingest.rtmpUrl}/${created.secret}`);
await new Promise((r) => setTimeout(r, 4000));
const session = MaybeSessionReply.parse((await t.api('GET', '/api/sessions/current', { token: owner.token })).body).session!;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--allow-loopback-in-peer-connection', '--autoplay-policy=no-user-gesture-required'] });
const page = await browser.newPage();
page.on('console', (m) => console.log('page:', m.text()));
await page.addInitScript({ path: path.join(import.meta.dirname, '../media/browser/whip-page.js') });
await page.route(`${t.url}/blank`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>blank</title>' }));
await page.goto(`${t.url}/blank`);
void page.evaluate(`window.__whip.play(${JSON.stringify(`${t.url}/api/whep/${session.id}`)}, true)`).then((r) => console.log('played', r));
await new Promise((r) => setTimeout(r, 2000));
console.log(await page.evaluate(`window.__whepPlayer.remoteDescription.sdp`));
for (let i = 0; i < 2; i++) {
  await new Promise((r) => setTimeout(r, 2000));
  const stats = await page.evaluate(`(async () => { const pc = window.__whepPlayer; if (!pc) return null; const out = []; (await pc.getStats()).forEach((s) => { if (s.type === 'inbound-rtp') out.push([s.kind, s.packetsReceived, s.framesDecoded, s.keyFramesDecoded, s.pliCount, s.packetsLost]); }); return [pc.connectionState, out]; })()`);
  console.log(JSON.stringify(stats), enc.output().slice(-200));
}
await browser.close(); await enc.stop(); await t.close();
