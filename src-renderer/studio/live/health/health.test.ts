import { describe, expect, it } from 'vitest';
import { assessHealth, type HealthInput } from './health.js';

const live: HealthInput = {
  phase: 'live',
  connection: 'connected',
  transport: 'whip',
  upload: { state: 'sending' },
  bitrateKbps: 1800,
  fps: 30,
  droppedFrames: 0,
  viewers: 2,
  durationMs: 60_000,
};

describe('assessHealth', () => {
  it('says viewers are receiving the program when everything flows', () => {
    expect(assessHealth(live)).toMatchObject({ level: 'ok', headline: 'studio.health.receiving', viewers: 2 });
  });
  it('turns red with the reason, and forgets the viewer count, when the relay is down', () => {
    expect(assessHealth({ ...live, connection: 'offline' })).toMatchObject({
      level: 'bad',
      headline: 'studio.health.notReceiving',
      reason: 'studio.health.relayDown',
      viewers: null,
    });
    expect(assessHealth({ ...live, connection: 'reconnecting' })).toMatchObject({ level: 'bad', reason: 'studio.health.relayDown' });
    expect(assessHealth({ ...live, connection: 'connecting' })).toMatchObject({ level: 'bad', reason: 'studio.health.relayReconnecting' });
  });
  it('turns red when the upload fails, with the upload error', () => {
    expect(assessHealth({ ...live, upload: { state: 'failed', reason: 'media_unreachable' } })).toMatchObject({
      level: 'bad',
      reason: 'studio.health.uploadFailed',
      reasonVars: { reason: 'media_unreachable' },
    });
  });
  it('warns while the upload connects, and when it sends nothing long after the start', () => {
    expect(assessHealth({ ...live, upload: { state: 'connecting' } }).level).toBe('warn');
    expect(assessHealth({ ...live, bitrateKbps: 0, durationMs: 5_000 }).level).toBe('ok');
    expect(assessHealth({ ...live, bitrateKbps: 0, durationMs: 60_000 })).toMatchObject({ level: 'warn', reason: 'studio.health.nothingSent' });
  });
  it('warns when the computer drops many frames', () => {
    expect(assessHealth({ ...live, droppedFrames: 12 })).toMatchObject({ level: 'warn', reason: 'studio.health.dropping' });
  });
  it('is off when not live; P2P needs no upload', () => {
    expect(assessHealth({ ...live, phase: 'idle' }).level).toBe('off');
    expect(assessHealth({ ...live, transport: 'p2p', upload: null, bitrateKbps: 0 }).level).toBe('ok');
  });
  it('warns (viewers still receive over WebRTC) while the LL-HLS packager restarts or the recording’s disk is full or failing', () => {
    expect(assessHealth({ ...live, hlsHealth: 'ok' }).level).toBe('ok');
    expect(assessHealth({ ...live, hlsHealth: 'restarting' })).toMatchObject({ level: 'warn', headline: 'studio.health.receiving', reason: 'studio.health.hlsRestarting' });
    expect(assessHealth({ ...live, hlsHealth: 'diskFull' })).toMatchObject({ level: 'warn', reason: 'studio.health.hlsDiskFull' });
    expect(assessHealth({ ...live, hlsHealth: 'diskError' })).toMatchObject({ level: 'warn', reason: 'studio.health.hlsDiskError' });
    // The relay being down says more than the HLS does.
    expect(assessHealth({ ...live, hlsHealth: 'diskFull', connection: 'offline' }).level).toBe('bad');
  });
});
