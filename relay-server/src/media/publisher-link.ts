import type { RTCPeerConnection, RtpPacket } from 'werift';
import { isVp8KeyframeStart } from './vp8.js';
import type { MediaKind, SourcePacket } from './types.js';

/** The publisher's peer connection: turns every RTP packet it receives into a SourcePacket. */
export class PublisherLink {
  private videoSsrc: number | undefined;
  private closed = false;

  constructor(
    readonly id: string,
    readonly pc: RTCPeerConnection,
    onPacket: (packet: SourcePacket) => void,
  ) {
    // Subscribed before the offer is applied: werift announces remote tracks inside setRemoteDescription.
    pc.onTrack.subscribe((track) => {
      const kind = track.kind;
      if (kind !== 'audio' && kind !== 'video') return;
      track.onReceiveRtp.subscribe((rtp) => {
        if (this.closed) return;
        if (kind === 'video') this.videoSsrc = rtp.header.ssrc;
        onPacket(toSourcePacket(kind, rtp));
      });
    });
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
}

function toSourcePacket(kind: MediaKind, rtp: RtpPacket): SourcePacket {
  const { header, payload } = rtp;
  return {
    kind,
    ssrc: header.ssrc,
    sequenceNumber: header.sequenceNumber,
    timestamp: header.timestamp,
    marker: header.marker,
    payload,
    keyframeStart: kind === 'video' && isVp8KeyframeStart(payload),
  };
}
