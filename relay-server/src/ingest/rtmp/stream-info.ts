import type AVPacket from 'node-media-server/src/core/avpacket.js';

const TAG_AUDIO = 8;
const TAG_VIDEO = 9;
const FLV_CODEC_AVC = 7;
const FLAG_SEQUENCE_HEADER = 2;
const FLAG_KEY_FRAME = 3;
/** profile_idc a browser decodes: baseline (66), main (77), high (100). */
const DECODABLE_PROFILES = new Set([66, 77, 100]);

/** What the encoder sends, learnt from its first tags; `ready` once a decoder could start. */
export class StreamInfo {
  hasAudio = false;
  hasVideo = false;
  /** H.264's profile-level-id (6 hex digits) from the AVC sequence header. */
  profileLevelId: string | null = null;
  /** Why the stream cannot go out as it is (a sentence for the encoder's log), or null. */
  problem: string | null = null;
  private keyframeSeen = false;

  /** Looks at one tag; returns true once the stream can start (first H.264 key frame after its header). */
  add(packet: AVPacket): boolean {
    if (packet.codec_type === TAG_AUDIO) this.hasAudio = true;
    if (packet.codec_type !== TAG_VIDEO) return this.ready;
    this.hasVideo = true;
    if (packet.codec_id !== FLV_CODEC_AVC) {
      this.problem = 'Send H.264 video over RTMP (HEVC, AV1 and VP9 are not relayed; set the encoder to x264 or an H.264 hardware encoder)';
      return false;
    }
    if (packet.flags === FLAG_SEQUENCE_HEADER) this.readSequenceHeader(packet.data);
    else if (packet.flags === FLAG_KEY_FRAME && this.profileLevelId) this.keyframeSeen = true;
    return this.ready;
  }

  get ready(): boolean {
    return this.problem === null && this.keyframeSeen;
  }

  /** The AVCDecoderConfigurationRecord after the 5-byte FLV video header: version, profile, compatibility, level. */
  private readSequenceHeader(data: Buffer): void {
    if (data.length < 9 || data[5] !== 1) {
      this.problem = 'The H.264 sequence header is unreadable';
      return;
    }
    const profile = data[6]!;
    if (!DECODABLE_PROFILES.has(profile)) {
      this.problem = `H.264 profile ${profile} cannot be played in browsers: use baseline, main or high (8-bit 4:2:0)`;
      return;
    }
    this.profileLevelId = [data[6]!, data[7]!, data[8]!].map((b) => b.toString(16).padStart(2, '0')).join('');
  }
}
