/**
 * Draws the placeholder app icon (build/icon.png, 1024×1024 RGBA) with no image library:
 * a rounded square in the brand gradient with a white "play" triangle and a red live dot.
 * Run: npx tsx build/generate-icon.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 1024;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([head, body, crc]);
}

type Rgba = [number, number, number, number];
const mix = (a: number, b: number, t: number): number => Math.round(a + (b - a) * t);

/** Coverage-free but smooth enough at this size: each pixel is inside or outside each shape. */
function pixel(x: number, y: number): Rgba {
  const r = SIZE * 0.22;
  const inset = SIZE * 0.06;
  const lo = inset;
  const hi = SIZE - inset;
  const cx = Math.min(Math.max(x, lo + r), hi - r);
  const cy = Math.min(Math.max(y, lo + r), hi - r);
  if (x < lo || x > hi || y < lo || y > hi || (x - cx) ** 2 + (y - cy) ** 2 > r * r) return [0, 0, 0, 0];
  const t = (x + y) / (2 * SIZE);
  let color: Rgba = [mix(255, 124, t), mix(122, 58, t), mix(48, 237, t), 255];
  // Play triangle.
  const px = (x - SIZE * 0.38) / (SIZE * 0.32);
  const py = Math.abs(y - SIZE * 0.5) / (SIZE * 0.2);
  if (px >= 0 && px <= 1 && py <= 1 - px) color = [255, 255, 255, 255];
  // Live dot.
  if ((x - SIZE * 0.76) ** 2 + (y - SIZE * 0.26) ** 2 < (SIZE * 0.075) ** 2) color = [235, 30, 50, 255];
  return color;
}

const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
for (let y = 0; y < SIZE; y++) {
  const row = y * (SIZE * 4 + 1);
  raw[row] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) Buffer.from(pixel(x, y)).copy(raw, row + 1 + x * 4);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(fileURLToPath(new URL('./icon.png', import.meta.url)), png);
process.stdout.write(`build/icon.png ${SIZE}x${SIZE}, ${png.length} bytes\n`);
