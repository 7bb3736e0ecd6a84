/**
 * A machine-readable stamp drawn into the test program: the frame number and the wall-clock time in
 * ms as rows of black/white blocks, decodable from a received video frame (see tests/e2e/support).
 */
export const CODE = { blockWidth: 10, blockHeight: 12, timeBits: 44, frameBits: 20, top: 4, left: 4 } as const;

export function drawStamp(ctx: CanvasRenderingContext2D, frame: number, timeMs: number): void {
  const { blockWidth: w, blockHeight: h, timeBits, frameBits, top, left } = CODE;
  ctx.fillStyle = '#808080';
  ctx.fillRect(0, 0, left * 2 + w * timeBits, top * 3 + h * 2);
  const row = (value: number, bits: number, y: number) => {
    for (let i = 0; i < bits; i++) {
      const bit = Math.floor(value / 2 ** (bits - 1 - i)) % 2;
      ctx.fillStyle = bit ? '#ffffff' : '#000000';
      ctx.fillRect(left + i * w, y, w, h);
    }
  };
  row(timeMs, timeBits, top);
  row(frame % 2 ** frameBits, frameBits, top * 2 + h);
}
