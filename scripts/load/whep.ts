/**
 * A WHEP subscriber that counts RTP packets without decoding them (werift: no codec work, so one machine
 * holds many). POSTs a complete recvonly offer, applies the answer, DELETEs its resource at the end.
 * It offers VP8 and mode-1 H.264, as a browser does, so it plays a live in either codec.
 */
import { RTCPeerConnection, useH264, useOPUS, useVP8 } from 'werift';
import type { Figures } from './figures.js';

const GATHER_MS = 2_000;
const CONNECT_MS = 15_000;

export interface WhepSubscriber {
  close(): Promise<void>;
}

function gathered(pc: RTCPeerConnection): Promise<void> {
  if (pc.iceGatheringState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, GATHER_MS);
    pc.iceGatheringStateChange.subscribe((state) => {
      if (state !== 'complete') return;
      clearTimeout(timer);
      resolve();
    });
  });
}

function connected(pc: RTCPeerConnection): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), CONNECT_MS);
    pc.connectionStateChange.subscribe((state) => {
      if (state !== 'connected' && state !== 'failed' && state !== 'closed') return;
      clearTimeout(timer);
      resolve(state === 'connected');
    });
  });
}

export async function startWhep(endpoint: string, token: string, figures: Figures): Promise<WhepSubscriber | null> {
  const pc = new RTCPeerConnection({
    iceServers: [],
    iceUseIpv6: false,
    bundlePolicy: 'max-bundle',
    codecs: { video: [useVP8(), useH264()], audio: [useOPUS()] },
  });
  pc.addTransceiver('video', { direction: 'recvonly' });
  pc.addTransceiver('audio', { direction: 'recvonly' });
  pc.onTrack.subscribe((track) => {
    track.onReceiveRtp.subscribe((rtp) => {
      figures.rtpPackets += 1;
      if (track.kind !== 'video') return;
      figures.videoPackets += 1;
      figures.videoBytes += rtp.payload.length;
    });
  });
  let resource: string | null = null;
  const close = async () => {
    await pc.close().catch(() => undefined);
    if (resource) await fetch(resource, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } }).catch(() => undefined);
  };
  try {
    await pc.setLocalDescription(await pc.createOffer());
    await gathered(pc);
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/sdp', authorization: `Bearer ${token}` },
      body: pc.localDescription?.sdp ?? '',
    });
    if (res.status !== 201) {
      figures.whepFailed += 1;
      figures.error(`whep_${res.status}`);
      await close();
      return null;
    }
    const location = res.headers.get('location');
    resource = location ? new URL(location, endpoint).href : null;
    const isUp = connected(pc);
    await pc.setRemoteDescription({ type: 'answer', sdp: await res.text() });
    if (!(await isUp)) {
      figures.whepFailed += 1;
      figures.error('whep_not_connected');
      await close();
      return null;
    }
    figures.whepConnected += 1;
    return { close };
  } catch (err) {
    figures.whepFailed += 1;
    figures.error(err instanceof Error ? `whep: ${err.message}` : 'whep_error');
    await close();
    return null;
  }
}
