import { randomFillSync } from 'node:crypto';
import { wrtc, type WrtcPeerConnection, type VideoSink } from './wrtc.js';

function gathered(pc: WrtcPeerConnection): Promise<void> {
  if (pc.iceGatheringState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    pc.onicegatheringstatechange = () => {
      if (pc.iceGatheringState === 'complete') resolve();
    };
  });
}

/** Creates the offer with every candidate inline, as WHIP/WHEP clients without trickle ICE send it. */
async function completeOffer(pc: WrtcPeerConnection): Promise<string> {
  await pc.setLocalDescription(await pc.createOffer());
  await gathered(pc);
  const sdp = pc.localDescription?.sdp;
  if (!sdp) throw new Error('no local description');
  return sdp;
}

export interface SyntheticPublisher {
  pc: WrtcPeerConnection;
  offer: string;
  accept(answerSdp: string): Promise<void>;
  /** Bytes of video the peer has sent so far (RTCOutboundRtpStreamStats.bytesSent). */
  bytesSent(): Promise<number>;
  close(): void;
}

export interface PublisherOptions {
  width?: number;
  height?: number;
  fps?: number;
  maxBitrate?: number;
  /** 'noise' adds a moving band of random pixels so the encoder spends its whole bitrate (benchmark). */
  pattern?: 'bar' | 'noise';
}

/** A libwebrtc peer publishing a synthetic VP8 video track from I420 frames it draws itself. */
export async function createPublisher(options: PublisherOptions = {}): Promise<SyntheticPublisher> {
  const width = options.width ?? 320;
  const height = options.height ?? 180;
  const fps = options.fps ?? 15;
  const pc = new wrtc.RTCPeerConnection({ iceServers: [] });
  const source = new wrtc.nonstandard.RTCVideoSource();
  const track = source.createTrack();
  pc.addTransceiver(track, { direction: 'sendonly' });
  const frame = { width, height, data: new Uint8Array(width * height * 1.5) };
  let tick = 0;
  const timer = setInterval(() => {
    drawBar(frame.data, width, height, tick++);
    if (options.pattern === 'noise') noiseBand(frame.data, width, height, tick);
    source.onFrame(frame);
  }, 1000 / fps);
  const offer = await completeOffer(pc);
  return {
    pc,
    offer,
    async accept(answerSdp) {
      // libwebrtc-for-Node refuses setParameters here, so the cap travels in the answer (b=AS, kbps).
      const sdp = options.maxBitrate ? capVideoBitrate(answerSdp, options.maxBitrate) : answerSdp;
      await pc.setRemoteDescription({ type: 'answer', sdp });
    },
    async bytesSent() {
      let bytes = 0;
      for (const report of (await pc.getStats()).values()) {
        if (report.type === 'outbound-rtp' && typeof report.bytesSent === 'number') bytes += report.bytesSent;
      }
      return bytes;
    },
    close() {
      clearInterval(timer);
      track.stop();
      pc.close();
    },
  };
}

/**
 * Pins the video bitrate through the answer: b=AS caps it, and libwebrtc's x-google-{min,start,max}-bitrate
 * make the encoder aim at it from the first second whatever its congestion estimate says, so a benchmark
 * program really is that many bits per second on a busy machine.
 */
function capVideoBitrate(sdp: string, bitsPerSecond: number): string {
  const kbps = Math.round(bitsPerSecond / 1000);
  const vp8 = /a=rtpmap:(\d+) VP8\/90000/.exec(sdp)?.[1];
  const pinned = vp8
    ? sdp.replace(new RegExp(`(a=rtpmap:${vp8} VP8/90000\\r?\\n)`), `$1a=fmtp:${vp8} x-google-min-bitrate=${Math.round(kbps * 0.9)};x-google-start-bitrate=${kbps};x-google-max-bitrate=${kbps}\r\n`)
    : sdp;
  return pinned.replace(/(m=video[^\r\n]*\r?\nc=[^\r\n]*\r?\n)/, `$1b=AS:${kbps}\r\n`);
}

/** Fresh random luma in a band of rows that moves every frame: detail the encoder must spend bits on. */
function noiseBand(data: Uint8Array, width: number, height: number, tick: number): void {
  const rows = Math.ceil(height / 16);
  const top = (tick * 7) % (height - rows);
  randomFillSync(data, top * width, rows * width);
}

function drawBar(data: Uint8Array, width: number, height: number, tick: number): void {
  data.fill(16, 0, width * height);
  data.fill(128, width * height);
  const x0 = (tick * 4) % width;
  for (let y = 0; y < height; y++) data.fill(235, y * width + x0, y * width + Math.min(width, x0 + 16));
}

export interface FrameCountingViewer {
  pc: WrtcPeerConnection;
  offer: string;
  accept(answerSdp: string): Promise<void>;
  /** Resolves with the first decoded frame's size. */
  firstFrame: Promise<{ width: number; height: number }>;
  framesReceived(): number;
  /** Inbound video RTP counters from libwebrtc's stats. */
  inbound(): Promise<{ packetsReceived: number; bytesReceived: number; packetsLost: number; framesDecoded: number }>;
  close(): void;
}

/** A libwebrtc peer that asks for video (and audio) and counts the frames it decodes. */
export async function createViewer(): Promise<FrameCountingViewer> {
  const pc = new wrtc.RTCPeerConnection({ iceServers: [] });
  pc.addTransceiver('video', { direction: 'recvonly' });
  pc.addTransceiver('audio', { direction: 'recvonly' });
  let frames = 0;
  let sink: VideoSink | undefined;
  const firstFrame = new Promise<{ width: number; height: number }>((resolve) => {
    pc.ontrack = ({ track }) => {
      if (track.kind !== 'video') return;
      sink = new wrtc.nonstandard.RTCVideoSink(track);
      sink.onframe = ({ frame }) => {
        frames += 1;
        if (frames === 1) resolve({ width: frame.width, height: frame.height });
      };
    };
  });
  const offer = await completeOffer(pc);
  return {
    pc,
    offer,
    firstFrame,
    framesReceived: () => frames,
    async accept(answerSdp) {
      await pc.setRemoteDescription({ type: 'answer', sdp: answerSdp });
    },
    async inbound() {
      const totals = { packetsReceived: 0, bytesReceived: 0, packetsLost: 0, framesDecoded: 0 };
      for (const report of (await pc.getStats()).values()) {
        if (report.type !== 'inbound-rtp' || report.kind !== 'video') continue;
        totals.packetsReceived += typeof report.packetsReceived === 'number' ? report.packetsReceived : 0;
        totals.bytesReceived += typeof report.bytesReceived === 'number' ? report.bytesReceived : 0;
        totals.packetsLost += typeof report.packetsLost === 'number' ? report.packetsLost : 0;
        totals.framesDecoded += typeof report.framesDecoded === 'number' ? report.framesDecoded : 0;
      }
      return totals;
    },
    close() {
      sink?.stop();
      pc.close();
    },
  };
}
