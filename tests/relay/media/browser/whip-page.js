/* global window, document, RTCPeerConnection, MediaStream */
// In-page WHIP/WHEP helpers for chromium.test.ts (added with page.addInitScript; plain JS because the
// node-side tsconfig has no DOM library). Every candidate is gathered before the offer is POSTed.
(() => {
  const gathered = (pc) =>
    new Promise((resolve) => {
      if (pc.iceGatheringState === 'complete') return resolve();
      pc.addEventListener('icegatheringstatechange', () => pc.iceGatheringState === 'complete' && resolve());
    });

  async function exchange(pc, url, token) {
    await pc.setLocalDescription(await pc.createOffer());
    await gathered(pc);
    const headers = { 'content-type': 'application/sdp' };
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(url, { method: 'POST', headers, body: pc.localDescription.sdp });
    if (res.status === 201) await pc.setRemoteDescription({ type: 'answer', sdp: await res.text() });
    return res.status;
  }

  async function publish(url, token) {
    const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 360 }, audio: true });
    const pc = new RTCPeerConnection({ bundlePolicy: 'max-bundle' });
    for (const track of stream.getTracks()) pc.addTransceiver(track, { direction: 'sendonly', streams: [stream] });
    window.__whipPublisher = pc;
    return exchange(pc, url, token);
  }

  /** Video frames decoded so far and the codec they came in, on the page's latest player. */
  async function received() {
    const pc = window.__whepPlayer;
    let framesDecoded = 0;
    let codec = '';
    let audioEnergy = 0;
    if (!pc) return { framesDecoded, codec, audioEnergy };
    const report = await pc.getStats();
    report.forEach((s) => {
      if (s.type === 'inbound-rtp' && s.kind === 'video') {
        framesDecoded = s.framesDecoded ?? 0;
        codec = s.codecId ? (report.get(s.codecId)?.mimeType ?? '') : '';
      }
      if (s.type === 'inbound-rtp' && s.kind === 'audio') audioEnergy = s.totalAudioEnergy ?? 0;
    });
    return { framesDecoded, codec, audioEnergy };
  }

  /** `audible`: the element plays the sound out (needs --autoplay-policy=no-user-gesture-required), so getStats reports its energy. */
  async function play(url, audible = false) {
    const pc = new RTCPeerConnection({ bundlePolicy: 'max-bundle' });
    window.__whepPlayer = pc;
    pc.addTransceiver('video', { direction: 'recvonly' });
    pc.addTransceiver('audio', { direction: 'recvonly' });
    const video = document.createElement('video');
    video.muted = !audible;
    document.body.append(video);
    const stream = new MediaStream();
    pc.addEventListener('track', ({ track }) => {
      stream.addTrack(track);
      video.srcObject = stream;
      void video.play();
    });
    const status = await exchange(pc, url, null);
    if (status !== 201) return { status, width: 0, height: 0, audioPackets: 0 };
    await new Promise((resolve) => video.requestVideoFrameCallback(() => resolve()));
    let audioPackets = 0;
    while (audioPackets === 0) {
      for (const s of (await pc.getStats()).values()) {
        if (s.type === 'inbound-rtp' && s.kind === 'audio') audioPackets = s.packetsReceived ?? 0;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return { status, width: video.videoWidth, height: video.videoHeight, audioPackets };
  }

  window.__whip = { publish, play, received };
})();
