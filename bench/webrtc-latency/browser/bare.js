/* global window, document, RTCPeerConnection, MediaStream */
// Baseline for the webrtc-latency benchmark: a bare RTCPeerConnection between two pages, no relay,
// no app code; SDP exchanged (non-trickle) by the benchmark process. The sender draws the same stamp
// as the testbench (src-renderer/pages/testbench/frame-code.ts) so the same reader measures both.
(() => {
  const CODE = { blockWidth: 10, blockHeight: 12, timeBits: 44, frameBits: 20, top: 4, left: 4 };
  const gathered = (pc) =>
    new Promise((resolve) => {
      if (pc.iceGatheringState === 'complete') return resolve();
      pc.addEventListener('icegatheringstatechange', () => pc.iceGatheringState === 'complete' && resolve());
    });

  function drawStamp(ctx, frame, timeMs) {
    ctx.fillStyle = '#808080';
    ctx.fillRect(0, 0, CODE.left * 2 + CODE.blockWidth * CODE.timeBits, CODE.top * 3 + CODE.blockHeight * 2);
    const row = (value, bits, y) => {
      for (let i = 0; i < bits; i++) {
        ctx.fillStyle = Math.floor(value / 2 ** (bits - 1 - i)) % 2 ? '#ffffff' : '#000000';
        ctx.fillRect(CODE.left + i * CODE.blockWidth, y, CODE.blockWidth, CODE.blockHeight);
      }
    };
    row(timeMs, CODE.timeBits, CODE.top);
    row(frame % 2 ** CODE.frameBits, CODE.frameBits, CODE.top * 2 + CODE.blockHeight);
  }

  let pc = null;
  window.__bare = {
    async offer() {
      const canvas = document.createElement('canvas');
      canvas.width = 640;
      canvas.height = 360;
      document.body.append(canvas);
      const ctx = canvas.getContext('2d');
      let frame = 0;
      setInterval(() => {
        frame++;
        ctx.fillStyle = `hsl(${(frame * 4) % 360} 70% 45%)`;
        ctx.fillRect(0, 0, 640, 360);
        drawStamp(ctx, frame, Date.now());
      }, 1000 / 30);
      const stream = canvas.captureStream(30);
      pc = new RTCPeerConnection();
      for (const track of stream.getTracks()) pc.addTransceiver(track, { direction: 'sendonly', streams: [stream] });
      await pc.setLocalDescription();
      await gathered(pc);
      return { type: pc.localDescription.type, sdp: pc.localDescription.sdp };
    },
    async accept(answer) {
      await pc.setRemoteDescription(answer);
    },
    /** Receiver: answers the offer; returns the answer and the time it started (ms since navigation). */
    async answer(offer) {
      const startedAt = performance.now();
      const video = document.createElement('video');
      video.dataset.testid = 'bare-player';
      video.muted = true;
      video.autoplay = true;
      video.playsInline = true;
      document.body.append(video);
      pc = new RTCPeerConnection();
      pc.ontrack = ({ track }) => {
        video.srcObject = new MediaStream([track]);
        void video.play().catch(() => undefined);
      };
      await pc.setRemoteDescription(offer);
      await pc.setLocalDescription();
      await gathered(pc);
      return { answer: { type: pc.localDescription.type, sdp: pc.localDescription.sdp }, startedAt };
    },
    close() {
      pc?.close();
    },
  };
})();
