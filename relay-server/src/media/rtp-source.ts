import dgram from 'node:dgram';
import { RtpPacket } from 'werift';
import type { CodecLike } from './codecs.js';
import { SourcePacketMaker, type ProgramSource } from './program-source.js';
import type { MediaKind, SourcePacket } from './types.js';

/** What each payload type of the incoming RTP carries. */
export type RtpStreamMap = ReadonlyMap<number, { kind: MediaKind; codec: CodecLike }>;

/** A program source the forwarder attaches: it starts sending once told where to. */
export interface AttachableSource extends ProgramSource {
  start(onPacket: (packet: SourcePacket) => void): void;
}

/** RTCP packet types (SR, RR, SDES, BYE, APP) share the port: their second byte is 200–204. */
const isRtcp = (datagram: Buffer): boolean => datagram.length >= 2 && datagram[1]! >= 200 && datagram[1]! <= 204;

/**
 * Plain RTP on a loopback UDP port (what a local ffmpeg writes with `-f rtp`), turned into SourcePackets
 * for the program room: the bridge of encoders that do not speak WebRTC (RTMP ingest). Only the first
 * sender of each stream is listened to, so another local process cannot inject packets once ffmpeg has started.
 */
export class RtpSourceLink implements AttachableSource {
  lastPacketAt = Number.NEGATIVE_INFINITY;
  private readonly socket = dgram.createSocket({ type: 'udp4', recvBufferSize: 4 * 1024 * 1024 });
  private readonly packets = new SourcePacketMaker();
  /** The first sender of each payload type (ffmpeg writes each stream from a socket of its own). */
  private readonly senders = new Map<number, string>();
  private onPacket: ((packet: SourcePacket) => void) | undefined;
  private closed = false;
  private readonly closeListeners: Array<() => void> = [];

  constructor(
    readonly id: string,
    private readonly streams: RtpStreamMap,
  ) {
    this.socket.on('message', (datagram, from) => this.receive(datagram, `${from.address}:${from.port}`));
    this.socket.on('error', () => this.close());
  }

  /** Binds the loopback port ffmpeg is to send to (RTP and RTCP alike). */
  listen(): Promise<number> {
    return new Promise((resolve, reject) => {
      this.socket.once('error', reject);
      this.socket.bind(0, '127.0.0.1', () => {
        this.socket.off('error', reject);
        resolve(this.socket.address().port);
      });
    });
  }

  get videoCodec(): CodecLike | null {
    for (const stream of this.streams.values()) if (stream.kind === 'video') return stream.codec;
    return null;
  }

  start(onPacket: (packet: SourcePacket) => void): void {
    this.onPacket = onPacket;
  }

  /** RTMP encoders cannot be asked for a key frame: viewers wait for the encoder's next one. */
  requestKeyframe(): void {}

  /** Called once when the source is closed, by its owner or by the forwarder (live ended, replaced). */
  onClose(listener: () => void): void {
    this.closeListeners.push(listener);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.close();
    for (const listener of this.closeListeners) listener();
  }

  private receive(datagram: Buffer, from: string): void {
    if (this.closed || isRtcp(datagram)) return;
    let rtp: RtpPacket;
    try {
      rtp = RtpPacket.deSerialize(datagram);
    } catch {
      return;
    }
    const stream = this.streams.get(rtp.header.payloadType);
    if (!stream || !this.onPacket) return;
    const sender = this.senders.get(rtp.header.payloadType);
    if (sender === undefined) this.senders.set(rtp.header.payloadType, from);
    else if (sender !== from) return;
    this.lastPacketAt = performance.now();
    this.onPacket(this.packets.make(stream.kind, stream.codec, rtp.header, rtp.payload));
  }
}
