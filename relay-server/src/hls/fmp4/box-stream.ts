/**
 * Cuts ffmpeg's fragmented MP4 output (a byte stream on a pipe) at its top-level boxes: `ftyp` + `moov`
 * make the init section, each `moof` + `mdat` one fragment (an LL-HLS part). Only the 8-byte box headers
 * are read here; what is inside a fragment is read by fragment-info.ts with mux.js.
 */
export class Fmp4BoxStream {
  private pending: Buffer = Buffer.alloc(0);
  private initBoxes: Buffer[] = [];
  private moof: Buffer | null = null;

  constructor(
    private readonly onInit: (init: Buffer) => void,
    private readonly onFragment: (fragment: Buffer) => void,
    /** A box larger than this is a broken stream (the packager restarts ffmpeg). */
    private readonly maxBoxBytes = 64 * 1024 * 1024,
  ) {}

  push(chunk: Buffer): void {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    for (;;) {
      const box = this.nextBox();
      if (!box) return;
      this.take(box.type, box.bytes);
    }
  }

  private nextBox(): { type: string; bytes: Buffer } | null {
    if (this.pending.length < 8) return null;
    let size = this.pending.readUInt32BE(0);
    if (size === 1) {
      if (this.pending.length < 16) return null;
      size = Number(this.pending.readBigUInt64BE(8));
    }
    if (size < 8 || size > this.maxBoxBytes) throw new Error(`unexpected MP4 box size ${size}`);
    if (this.pending.length < size) return null;
    const bytes = this.pending.subarray(0, size);
    this.pending = this.pending.subarray(size);
    return { type: bytes.toString('latin1', 4, 8), bytes };
  }

  private take(type: string, bytes: Buffer): void {
    if (type === 'ftyp') this.initBoxes = [Buffer.from(bytes)];
    else if (type === 'moov') {
      this.onInit(Buffer.concat([...this.initBoxes, bytes]));
      this.initBoxes = [];
    } else if (type === 'moof') this.moof = Buffer.from(bytes);
    else if (type === 'mdat' && this.moof) {
      this.onFragment(Buffer.concat([this.moof, bytes]));
      this.moof = null;
    }
    // styp, sidx, mfra and anything else: not needed for HLS.
  }
}
