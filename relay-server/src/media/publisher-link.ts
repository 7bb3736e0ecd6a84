import type { MediaStreamTrack, RTCPeerConnection } from 'werift';
import type { CodecLike } from './codecs.js';
import { forwardedCodecOf } from './codecs.js';
import { SourcePacketMaker, type ProgramSource } from './program-source.js';
import type { SourcePacket } from './types.js';

/** The publisher's peer connection: turns every RTP packet it receives into a SourcePacket. */
export class PublisherLink implements ProgramSource {
  private videoSsrc: number | undefined;
  private closed = false;
  /** performance.now() of the last media packet: an encoder that vanished without DELETE goes quiet. */
  lastPacketAt = Number.NEGATIVE_INFINITY;
  private readonly packets = new SourcePacketMaker();

  constructor(
    readonly id: string,
    readonly pc: RTCPeerConnection,
    onPacket: (packet: SourcePacket) => void,
  ) {
    // Subscribed before the offer is applied: werift announces remote tracks inside setRemoteDescription.
    pc.onTrack.subscribe((track) => {
      const kind = track.kind;
      if (kind !== 'audio' && kind !== 'video') return;
      const codecs = new Map<number, CodecLike | null>();
      track.onReceiveRtp.subscribe((rtp) => {
        if (this.closed) return;
        this.lastPacketAt = performance.now();
        let codec = codecs.get(rtp.header.payloadType);
        if (codec === undefined) {
          codec = this.codecOf(track, rtp.header.payloadType);
          codecs.set(rtp.header.payloadType, codec);
        }
        // Anything but the negotiated media codec (a stray payload type) is not forwarded.
        if (!codec) return;
        if (kind === 'video') this.videoSsrc = rtp.header.ssrc;
        onPacket(this.packets.make(kind, codec, rtp.header, rtp.payload));
      });
    });
  }

  /** The video codec the publisher was told to send (null before negotiation or for audio-only). */
  get videoCodec(): CodecLike | null {
    const video = this.pc.getTransceivers().find((t) => t.kind === 'video');
    return video?.codecs[0] ?? null;
  }

  /** Sends a PLI to the publisher for its video stream (nothing before its first video packet). */
  requestKeyframe(): void {
    const ssrc = this.videoSsrc;
    if (ssrc === undefined || this.closed) return;
    for (const transceiver of this.pc.getTransceivers()) {
      if (transceiver.kind === 'video') void transceiver.receiver.sendRtcpPLI(ssrc).catch(() => undefined);
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    void this.pc.close().catch(() => undefined);
  }

  private codecOf(track: MediaStreamTrack, payloadType: number): CodecLike | null {
    const transceiver = this.pc.getTransceivers().find((t) => t.receiver.track === track);
    const codec = transceiver?.codecs.find((c) => c.payloadType === payloadType);
    return codec && forwardedCodecOf(codec) ? codec : null;
  }
}
