// Bundled by client-whip.test.ts for Chromium: drives the renderer's own media factories (the code the
// studio and viewer pages use) with `transport` chosen by the relay's hint. Not type-checked by the
// node tsconfig (tests/**/browser is excluded); the factories themselves are checked by tsconfig.web.json.
import { createApiClient } from '../../../../src-renderer/shared/api/client.js';
import { chooseTransport, createProgramPlayer, createProgramPublisher } from '../../../../src-renderer/shared/media/index.js';
import type { MediaContext } from '../../../../src-renderer/shared/media/types.js';

// The WHIP/WHEP variants never touch the socket connection; P2P would.
const noConnection = undefined as unknown as MediaContext['connection'];

async function publish(sessionId: string, token: string): Promise<string> {
  const api = createApiClient(location.origin, () => token);
  const transport = await chooseTransport(api, sessionId);
  const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 360 }, audio: true });
  const publisher = createProgramPublisher({ api, sessionId, sessionType: 'video', transport, getToken: () => token, connection: noConnection });
  await publisher.publish(stream);
  (window as unknown as { publisher: unknown }).publisher = publisher;
  return transport;
}

async function play(sessionId: string): Promise<{ transport: string; width: number; height: number; state: string }> {
  const api = createApiClient(location.origin, () => null);
  const transport = await chooseTransport(api, sessionId);
  const player = createProgramPlayer({ api, sessionId, hostId: '', sessionType: 'video', transport, connection: noConnection });
  const video = document.createElement('video');
  video.muted = true;
  document.body.append(video);
  player.on('stream', (stream) => {
    video.srcObject = stream;
    void video.play();
  });
  await player.play();
  await new Promise<void>((resolve) => video.requestVideoFrameCallback(() => resolve()));
  // The first frame can be presented a moment before the connection-state event arrives: wait for it
  // (the viewer page shows the state from the same event).
  if (player.state !== 'playing') {
    await new Promise<void>((resolve) => {
      const off = player.on('state', (state) => state === 'playing' && (off(), resolve()));
    });
  }
  return { transport, width: video.videoWidth, height: video.videoHeight, state: player.state };
}

(window as unknown as { __client: unknown }).__client = { publish, play };
