import { SessionType } from '../../../protocol/sessions.js';
import { routes } from '../../../protocol/routes.js';
import { createApiClient } from '../../shared/api/client.js';
import { chooseTransport, createGuestHost, createProgramPublisher, type RemoteGuest } from '../../shared/media/index.js';
import { createRelayConnection, createSessionChannel } from '../../shared/realtime/index.js';
import { drawStamp } from './frame-code.js';

/**
 * e2e/bench publisher: `/__testbench/?relay=<relay origin>&session=<id>&token=<host token>&type=video|audio|screen[&start=1]`.
 * Draws a moving canvas with a frame counter and a clock stamp, adds a 440 Hz tone, joins the session
 * as its host and publishes through the same ProgramPublisher the studio uses; accepts guests too.
 */
const params = new URLSearchParams(location.search);
const relayUrl = params.get('relay') ?? location.origin;
const sessionId = params.get('session') ?? '';
const token = params.get('token');
const sessionType = SessionType.parse(params.get('type') ?? 'video');
const out = (id: string, text: string) => {
  const el = document.getElementById(id);
  if (el) el.textContent = text;
};

function programStream(): MediaStream {
  const canvas = document.getElementById('program');
  if (!(canvas instanceof HTMLCanvasElement)) throw new Error('no canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d context');
  let frame = 0;
  // A timer, not requestAnimationFrame: it keeps running when the tab is in the background.
  setInterval(() => {
    frame++;
    const hue = (frame * 4) % 360;
    ctx.fillStyle = `hsl(${hue} 70% 45%)`;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.fillStyle = '#fff';
    ctx.fillRect((frame * 7) % canvas.width, 150, 60, 60);
    ctx.font = '48px sans-serif';
    ctx.fillText(`frame ${frame}`, 40, 300);
    drawStamp(ctx, frame, Date.now());
  }, 1000 / 30);
  const stream = canvas.captureStream(30);
  const audio = new AudioContext();
  const tone = audio.createOscillator();
  tone.frequency.value = 440;
  const gain = audio.createGain();
  gain.gain.value = 0.3;
  const sink = audio.createMediaStreamDestination();
  tone.connect(gain).connect(sink);
  tone.start();
  void audio.resume();
  for (const track of sink.stream.getAudioTracks()) stream.addTrack(track);
  return stream;
}

function showGuests(list: RemoteGuest[]): void {
  const ul = document.getElementById('guests');
  if (!ul) return;
  ul.replaceChildren(
    ...list.map((g) => {
      const li = document.createElement('li');
      li.dataset.testid = 'testbench-guest';
      li.dataset.userId = g.userId;
      li.dataset.state = g.state;
      li.dataset.audio = String(g.audioEnabled);
      li.dataset.tracks = String(g.stream.getTracks().length);
      li.textContent = `${g.displayName} ${g.state}`;
      return li;
    }),
  );
}

async function main(): Promise<void> {
  const api = createApiClient(relayUrl, () => token);
  const connection = createRelayConnection({ url: relayUrl, getToken: () => token });
  const channel = createSessionChannel({ connection, sessionId });
  await new Promise<void>((resolve) => {
    const off = channel.on('joined', () => {
      off();
      resolve();
    });
  });
  if (params.get('start') === '1') {
    const { session } = await api.call(routes.getSession, { params: { id: sessionId } });
    // A reloaded publisher finds its session live already.
    if (session.state === 'pending') await api.call(routes.startSession, { params: { id: sessionId } });
  }
  const stream = programStream();
  // Same choice as the studio: the relay says whether this session goes P2P or through its forwarder.
  const transport = await chooseTransport(api, sessionId);
  out('transport', transport);
  const publisher = createProgramPublisher({ connection, api, channel, sessionId, sessionType, transport, getToken: () => token });
  const count = () => out('viewers', String(publisher.connectedViewers().length));
  publisher.on('viewer:connected', count);
  publisher.on('viewer:left', count);
  publisher.on('upload', (u) => out('upload', u.reason ? `${u.state}: ${u.reason}` : u.state));
  await publisher.publish(stream);
  // Every signal that reaches this page, to prove isolation (a forged one must never arrive).
  const received: Array<{ sessionId: string; from: string }> = [];
  connection.on('signal', (p) => received.push({ sessionId: p.sessionId, from: p.from }));
  const guests = createGuestHost({ connection, api, channel, sessionId });
  guests.on('guests', showGuests);
  await guests.setProgram(stream);
  Object.assign(window, {
    testbench: {
      publisher,
      guests,
      muteGuest: (userId: string) => guests.setGuestMedia(userId, { audioEnabled: false }),
      received,
      /** A raw `signal` emit with any payload (the isolation test forges `to` and `sessionId`). */
      rawSignal: (toSession: string, to: string) =>
        connection.request('signal', { sessionId: toSession, to, data: { restart: true, channel: 'program' } }),
      guestList: () => guests.guests().map((g) => ({ userId: g.userId, state: g.state, tracks: g.stream.getTracks().map((t) => ({ kind: t.kind, enabled: t.enabled })) })),
    },
  });
  out('state', 'publishing');
}

main().catch((err: unknown) => out('state', `error: ${err instanceof Error ? err.message : String(err)}`));
