/* global window, document, AudioContext */
// Injected into test pages with page.addInitScript (test-only instrumentation, never shipped):
// tracks every RTCPeerConnection the page creates and exposes read-only probes as window.__probes.
// Plain JavaScript because it runs in the browser; results are parsed with zod by the tests.
(() => {
  const pcs = [];
  const pcCreatedAt = [];
  const Native = window.RTCPeerConnection;
  window.RTCPeerConnection = class TrackedPeerConnection extends Native {
    constructor(...args) {
      super(...args);
      pcs.push(this);
      pcCreatedAt.push(performance.now());
    }
  };

  /** ms since navigation start at which the page created its first RTCPeerConnection (null if none). */
  function firstPeerConnectionAt() {
    return pcCreatedAt.length > 0 ? pcCreatedAt[0] : null;
  }

  async function rtcStats() {
    const out = { peerConnections: 0, connected: 0, framesDecoded: 0, audioPacketsReceived: 0, audioEnergy: 0, framesEncoded: 0, audioPacketsSent: 0 };
    for (const pc of pcs) {
      if (pc.connectionState === 'closed') continue;
      out.peerConnections++;
      if (pc.connectionState === 'connected') out.connected++;
      const report = await pc.getStats();
      report.forEach((s) => {
        if (s.type === 'inbound-rtp' && s.kind === 'video') out.framesDecoded += s.framesDecoded || 0;
        if (s.type === 'inbound-rtp' && s.kind === 'audio') {
          out.audioPacketsReceived += s.packetsReceived || 0;
          out.audioEnergy += s.totalAudioEnergy || 0;
        }
        if (s.type === 'outbound-rtp' && s.kind === 'video') out.framesEncoded += s.framesEncoded || 0;
        if (s.type === 'outbound-rtp' && s.kind === 'audio') out.audioPacketsSent += s.packetsSent || 0;
      });
    }
    return out;
  }

  /** MIME types of the codecs this page's open links receive (`inbound`) and send (`outbound`) video with. */
  async function videoCodecs() {
    const out = { inbound: [], outbound: [] };
    for (const pc of pcs) {
      if (pc.connectionState === 'closed') continue;
      const report = await pc.getStats();
      report.forEach((s) => {
        if ((s.type !== 'inbound-rtp' && s.type !== 'outbound-rtp') || s.kind !== 'video' || !s.codecId) return;
        const codec = report.get(s.codecId);
        if (codec) out[s.type === 'inbound-rtp' ? 'inbound' : 'outbound'].push(codec.mimeType);
      });
    }
    return out;
  }

  /** Local and remote SDP of this page's open peer connections (who is this page really connected to?). */
  function peerDescriptions() {
    return pcs
      .filter((pc) => pc.connectionState !== 'closed')
      .map((pc) => ({ state: pc.connectionState, local: pc.localDescription ? pc.localDescription.sdp : '', remote: pc.remoteDescription ? pc.remoteDescription.sdp : '' }));
  }

  /** Tracks this page SENDS on its open peer connections (kind + enabled). */
  function senderTracks() {
    const tracks = [];
    for (const pc of pcs) {
      if (pc.connectionState === 'closed') continue;
      for (const sender of pc.getSenders()) if (sender.track) tracks.push({ kind: sender.track.kind, enabled: sender.track.enabled, readyState: sender.track.readyState });
    }
    return tracks;
  }

  function grab(selector, width, height) {
    const video = document.querySelector(selector);
    if (!video || !video.videoWidth) return null;
    const canvas = document.createElement('canvas');
    canvas.width = width || video.videoWidth;
    canvas.height = height || video.videoHeight;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    ctx.drawImage(video, 0, 0, canvas.width, canvas.height);
    return { video, ctx, canvas };
  }

  /** Luminance mean/variance of the current frame of a <video>: a black or frozen-blank frame has ~0 variance. */
  function videoPixels(selector) {
    const g = grab(selector, 160, 90);
    if (!g) return { width: 0, height: 0, mean: 0, variance: 0, currentTime: 0, paused: true };
    const { data } = g.ctx.getImageData(0, 0, 160, 90);
    let sum = 0;
    let sq = 0;
    const n = data.length / 4;
    for (let i = 0; i < data.length; i += 4) {
      const y = 0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2];
      sum += y;
      sq += y * y;
    }
    const mean = sum / n;
    return { width: g.video.videoWidth, height: g.video.videoHeight, mean, variance: sq / n - mean * mean, currentTime: g.video.currentTime, paused: g.video.paused };
  }

  /** Reads the stamp drawn by the testbench (see src-renderer/pages/testbench/frame-code.ts). */
  function decodeStamp(selector, code) {
    const g = grab(selector, 640, 360);
    if (!g) return null;
    const read = (bits, y) => {
      let value = 0;
      for (let i = 0; i < bits; i++) {
        const x = code.left + i * code.blockWidth + code.blockWidth / 2;
        const [r, gg, b] = g.ctx.getImageData(Math.floor(x), Math.floor(y + code.blockHeight / 2), 1, 1).data;
        value = value * 2 + ((r + gg + b) / 3 > 128 ? 1 : 0);
      }
      return value;
    };
    return { timeMs: read(code.timeBits, code.top), frame: read(code.frameBits, code.top * 2 + code.blockHeight), readAt: Date.now() };
  }

  /** Loudest RMS heard over `ms` on the audio of a media element's srcObject, through a WebAudio analyser. */
  async function audioRms(selector, ms) {
    const el = document.querySelector(selector);
    const stream = el && el.srcObject;
    if (!stream || stream.getAudioTracks().length === 0) return 0;
    const ctx = new AudioContext();
    await ctx.resume();
    const analyser = ctx.createAnalyser();
    analyser.fftSize = 2048;
    ctx.createMediaStreamSource(stream).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    let loudest = 0;
    const end = Date.now() + (ms || 500);
    while (Date.now() < end) {
      await new Promise((r) => setTimeout(r, 50));
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const v of samples) sum += v * v;
      loudest = Math.max(loudest, Math.sqrt(sum / samples.length));
    }
    await ctx.close();
    return loudest;
  }

  /**
   * Glass-to-glass latency of `samples` presented frames of a <video> showing the testbench stamp:
   * presentation time (wall clock) minus the time drawn into the frame by the publisher. Frames whose
   * stamp cannot be read (a scaled-down first frame) are skipped and counted.
   */
  function glassToGlass(selector, code, samples) {
    const video = document.querySelector(selector);
    if (!video || !video.requestVideoFrameCallback) return Promise.resolve({ latencies: [], unreadable: 0 });
    const canvas = document.createElement('canvas');
    canvas.width = 640;
    canvas.height = 360;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    const latencies = [];
    let unreadable = 0;
    const readRow = (bits, y) => {
      const row = ctx.getImageData(0, Math.floor(y + code.blockHeight / 2), code.left + bits * code.blockWidth, 1).data;
      let value = 0;
      for (let i = 0; i < bits; i++) {
        const x = Math.floor(code.left + i * code.blockWidth + code.blockWidth / 2) * 4;
        value = value * 2 + ((row[x] + row[x + 1] + row[x + 2]) / 3 > 128 ? 1 : 0);
      }
      return value;
    };
    return new Promise((resolve) => {
      const step = (_now, meta) => {
        ctx.drawImage(video, 0, 0, 640, 360);
        const drawnAt = readRow(code.timeBits, code.top);
        const shownAt = performance.timeOrigin + meta.presentationTime;
        const latency = shownAt - drawnAt;
        if (latency >= 0 && latency < 10000) latencies.push(latency);
        else unreadable++;
        if (latencies.length >= samples || unreadable > samples * 4) resolve({ latencies, unreadable });
        else video.requestVideoFrameCallback(step);
      };
      video.requestVideoFrameCallback(step);
    });
  }

  // First presented frame of every <video>, recorded from page start (ms since navigation start).
  const firstFrames = new WeakMap();
  const watched = new WeakSet();
  setInterval(() => {
    if (typeof document === 'undefined') return;
    for (const video of document.querySelectorAll('video')) {
      if (watched.has(video) || !video.requestVideoFrameCallback) continue;
      watched.add(video);
      video.requestVideoFrameCallback((now) => firstFrames.set(video, now));
    }
  }, 5);

  /** ms from navigation start until `selector` presented its first video frame (waits for it). */
  function firstFrameAt(selector) {
    return new Promise((resolve) => {
      const check = () => {
        const video = document.querySelector(selector);
        const at = video && firstFrames.get(video);
        if (at !== undefined && at !== null) resolve(at);
        else setTimeout(check, 10);
      };
      check();
    });
  }

  window.__probes = { firstPeerConnectionAt, rtcStats, videoCodecs, peerDescriptions, senderTracks, videoPixels, decodeStamp, audioRms, glassToGlass, firstFrameAt };
})();
