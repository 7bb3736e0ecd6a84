import { describe, expect, it } from 'vitest';
import { forwardedCodecOf, matchingCodec, publisherCodecs, unforwardableReason, viewerCodecs } from '../../../relay-server/src/media/codecs.js';
import { H264KeyframeDetector, nalTypesStarting } from '../../../relay-server/src/media/h264.js';

const hex = (s: string) => Buffer.from(s, 'hex');
const h264 = (payloadType: number, profile: string, mode = 1) => ({
  mimeType: 'video/H264',
  payloadType,
  parameters: `level-asymmetry-allowed=1;packetization-mode=${mode};profile-level-id=${profile}`,
});
const vp8 = { mimeType: 'video/VP8', payloadType: 96 };
const opus = { mimeType: 'audio/opus', payloadType: 111, parameters: 'minptime=10;useinbandfec=1' };

describe('H.264 RTP payloads (RFC 6184, packetization-mode 1)', () => {
  it('reads the NAL types a packet starts: single NAL unit, STAP-A, first and later FU-A fragments', () => {
    expect(nalTypesStarting(hex('6742c01f'))).toEqual([7]); // SPS
    // STAP-A with an SPS (4 bytes) and a PPS (2 bytes).
    expect(nalTypesStarting(hex('18' + '0004' + '6742c01f' + '0002' + '68ce'))).toEqual([7, 8]);
    expect(nalTypesStarting(hex('7c85aa'))).toEqual([5]); // FU-A, S=1, IDR
    expect(nalTypesStarting(hex('7c05aa'))).toEqual([]); // FU-A continuation
    expect(nalTypesStarting(hex('7c41aa'))).toEqual([]); // FU-A end of a non-IDR slice
    expect(nalTypesStarting(hex('41e0'))).toEqual([1]); // non-IDR slice
  });

  it('never throws on truncated or hostile payloads', () => {
    for (const bad of ['', '18', '18ffff', '1800', '7c', '1f', '00']) expect(() => nalTypesStarting(hex(bad))).not.toThrow();
    expect(nalTypesStarting(hex('18' + 'ffff' + '67'))).toEqual([7]); // size beyond the end: reads the header only
  });

  it('starts the joiners group at the SPS/PPS of an IDR access unit, not at the IDR slice after them', () => {
    const detector = new H264KeyframeDetector();
    expect(detector.isKeyframeStart(1000, hex('18000467'))).toBe(true); // STAP-A SPS+PPS, same timestamp as the IDR
    expect(detector.isKeyframeStart(1000, hex('7c85'))).toBe(false); // IDR first fragment: same group
    expect(detector.isKeyframeStart(1000, hex('7c05'))).toBe(false);
    expect(detector.isKeyframeStart(4000, hex('7c81'))).toBe(false); // next frame, a P slice
    expect(detector.isKeyframeStart(7000, hex('6742'))).toBe(true); // SPS as a single NAL unit
    expect(detector.isKeyframeStart(7000, hex('68ce'))).toBe(false); // PPS: same access unit
    expect(detector.isKeyframeStart(7000, hex('6588'))).toBe(false); // IDR single NAL unit
  });

  it('keeps parameter sets sent with their own timestamp at the head of the IDR group that follows', () => {
    const detector = new H264KeyframeDetector();
    expect(detector.isKeyframeStart(100, hex('6742'))).toBe(true);
    expect(detector.isKeyframeStart(100, hex('68ce'))).toBe(false);
    expect(detector.isKeyframeStart(200, hex('7c85'))).toBe(false);
    // An IDR without in-band parameter sets still starts a group of its own.
    expect(detector.isKeyframeStart(300, hex('4101'))).toBe(false);
    expect(detector.isKeyframeStart(400, hex('7c85'))).toBe(true);
  });
});

describe('which codecs the forwarder relays', () => {
  it('accepts VP8, Opus and mode-1 H.264 in constrained baseline, baseline, main and high; nothing else', () => {
    for (const profile of ['42e01f', '42001f', '4d001f', '640032', '64001F']) expect(forwardedCodecOf(h264(102, profile))).toBe('h264');
    expect(forwardedCodecOf(h264(102, '42e01f', 0))).toBeNull();
    expect(forwardedCodecOf(h264(102, 'f4001f'))).toBeNull(); // High 4:4:4: browsers do not decode it
    expect(forwardedCodecOf({ mimeType: 'video/H264' })).toBeNull(); // no mode: single NAL mode
    expect(forwardedCodecOf({ mimeType: 'video/AV1' })).toBeNull();
    expect(forwardedCodecOf(vp8)).toBe('vp8');
    expect(forwardedCodecOf(opus)).toBe('opus');
  });

  it('answers a publisher with its first forwardable codec, and a viewer with all of them', () => {
    const offered = [h264(102, '42001f', 0), { mimeType: 'video/rtx', payloadType: 103 }, h264(104, '42e01f'), vp8];
    expect(publisherCodecs(offered)).toEqual([h264(104, '42e01f')]);
    expect(viewerCodecs(offered)).toEqual([h264(104, '42e01f'), vp8]);
  });

  it('sends a viewer the publisher codec under the viewer payload type, same profile when offered', () => {
    const viewer = [vp8, h264(102, '42001f'), h264(106, '42e01f'), h264(108, '4d001f')];
    expect(matchingCodec(viewer, h264(96, '4d0032'))?.payloadType).toBe(108);
    expect(matchingCodec(viewer, h264(96, '640032'))?.payloadType).toBe(102);
    expect(matchingCodec(viewer, { mimeType: 'video/VP8', payloadType: 120 })?.payloadType).toBe(96);
    expect(matchingCodec([vp8], h264(96, '42e01f'))).toBeUndefined();
  });

  it('explains an offer with no forwardable codec, and a viewer that cannot decode the live', () => {
    const sdp = (video: string) => `v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=video 9 UDP/TLS/RTP/SAVPF 45 35\r\nc=IN IP4 0.0.0.0\r\na=mid:0\r\na=sendonly\r\n${video}`;
    const av1 = sdp('a=rtpmap:45 AV1/90000\r\na=rtpmap:35 H265/90000\r\n');
    expect(unforwardableReason(av1)).toBe('No video codec the relay can forward: the offer has AV1, H265; the relay forwards H.264 (packetization-mode 1; constrained baseline, main or high) or VP8');
    const onlyVp8 = sdp('a=rtpmap:45 VP8/90000\r\n');
    expect(unforwardableReason(onlyVp8)).toBeNull();
    expect(unforwardableReason(onlyVp8, h264(96, '42e01f'))).toBe('This live is sent in H.264, which the offer does not include');
  });
});
