import { describe, expect, it } from 'vitest';
import { pushArgs, pushFailureReason, pushTarget } from './push-args.js';
import { KeyBox } from './key-box.js';

describe('the push ffmpeg command', () => {
  it('copies H.264 and turns Opus into AAC; FLV to the destination with the key as the last path segment', () => {
    const args = pushArgs({ video: 'h264', hasAudio: true }, pushTarget('rtmp://a.rtmp.youtube.com/live2/', 'abc'));
    expect(args.join(' ')).toContain('-map 0:v:0 -map 0:a:0 -c:v copy -c:a aac');
    expect(args.at(-1)).toBe('rtmp://a.rtmp.youtube.com/live2/abc');
    expect(args).not.toContain('libx264');
  });

  it('encodes VP8 to H.264 with a key frame every 2 s, and adds a silent track when the program has no sound', () => {
    const args = pushArgs({ video: 'vp8', hasAudio: false }, 'rtmps://x/app/k').join(' ');
    expect(args).toContain('-f lavfi -i anullsrc');
    expect(args).toContain('-map 1:a:0');
    expect(args).toContain('-c:v libx264');
    expect(args).toContain('-g 60');
  });
});

describe('why a push stopped, in plain words', () => {
  it('names refused connections, unknown hosts, missing TLS and a platform hanging up, without ever showing the key', () => {
    const key = 'SECRET-KEY-42';
    const refused = pushFailureReason(`[tcp @ 0x1] Connection to tcp://127.0.0.1:1935 failed: Connection refused\nrtmp://127.0.0.1/live/${key}: Connection refused`, key, false);
    expect(refused).toMatchObject({ code: 'refused', reason: expect.stringMatching(/refused the connection/), final: false });
    expect(pushFailureReason(`rtmp://nope.invalid/live/${key}: Name or service not known`, key, false).reason).toMatch(/could not be found/);
    expect(pushFailureReason('rtmps://x/app/k: Protocol not found', key, false)).toMatchObject({ final: true, reason: expect.stringMatching(/RTMPS/) });
    expect(pushFailureReason('av_interleaved_write_frame(): Broken pipe', key, true).reason).toMatch(/closed the connection/);
    expect(pushFailureReason('Server error: NetStream.Publish.BadName', key, false).reason).toMatch(/check the stream key/);
    const other = pushFailureReason(`something odd about ${key}`, key, false);
    expect(other.reason).not.toContain(key);
    expect(other.reason).toContain('••••');
  });
});

describe('destination key box (AES-256-GCM)', () => {
  const owner = { id: 'd1', userId: 'u1' };
  it('opens what it sealed, and nothing with another secret, another row or a tampered byte', () => {
    const box = new KeyBox('a'.repeat(32));
    const sealed = box.seal('live_key_123', owner);
    expect(sealed).not.toContain('live_key_123');
    expect(box.open(sealed, owner)).toBe('live_key_123');
    expect(new KeyBox('b'.repeat(32)).open(sealed, owner)).toBeNull();
    expect(box.open(sealed, { id: 'd2', userId: 'u1' })).toBeNull();
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3] ?? '', 'base64url');
    body[0] = (body[0] ?? 0) ^ 1;
    expect(box.open([parts[0], parts[1], parts[2], body.toString('base64url')].join('.'), owner)).toBeNull();
    expect(box.open('garbage', owner)).toBeNull();
    expect(box.seal('live_key_123', owner)).not.toBe(sealed);
  });
});
