import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../relay-server/src/config.js';

const base = { DATA_DIR: '/tmp/afritok-config-test' };
const errorOf = (env: Record<string, string>): string => {
  try {
    loadConfig({ ...base, ...env });
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).message;
  }
  throw new Error('expected loadConfig to throw');
};

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    const c = loadConfig(base);
    expect(c.port).toBe(3001);
    expect(c.maxLiveParticipants).toBe(10);
    expect(c.maxLiveViewers).toBe(1000);
    expect(c.liveSessionTimeoutMs).toBe(3_600_000);
    expect(c.maxChatMessages).toBe(1000);
    expect(c.chatMessageRetentionMs).toBe(3_600_000);
    expect(c.iceServers).toEqual([]);
    expect(c.corsOrigins).toEqual([]);
    expect(c.jwtSecret).toBeUndefined();
    expect(c.database).toEqual({ kind: 'sqlite', url: `file:${path.join('/tmp/afritok-config-test', 'afritok.db')}` });
  });

  it('refuses WEBSOCKET_CORS_ORIGIN=* in production (the default NODE_ENV), allows it in development', () => {
    expect(errorOf({ WEBSOCKET_CORS_ORIGIN: '*' })).toMatch(/WEBSOCKET_CORS_ORIGIN: \* would let every web site use the sign-in/);
    expect(errorOf({ WEBSOCKET_CORS_ORIGIN: 'https://a.example, *', NODE_ENV: 'production' })).toContain('WEBSOCKET_CORS_ORIGIN');
    expect(loadConfig({ ...base, WEBSOCKET_CORS_ORIGIN: '*', NODE_ENV: 'development' }).corsOrigins).toEqual(['*']);
  });

  it('reads METRICS_TOKEN, refusing a short one', () => {
    expect(loadConfig(base).metricsToken).toBeUndefined();
    expect(loadConfig({ ...base, METRICS_TOKEN: 'a-long-enough-scrape-token' }).metricsToken).toBe('a-long-enough-scrape-token');
    expect(errorOf({ METRICS_TOKEN: 'short' })).toContain('METRICS_TOKEN');
  });

  it('accepts WEBSOCKET_PORT as an alias of PORT, PORT winning', () => {
    expect(loadConfig({ ...base, WEBSOCKET_PORT: '4000' }).port).toBe(4000);
    expect(loadConfig({ ...base, WEBSOCKET_PORT: '4000', PORT: '5000' }).port).toBe(5000);
  });

  it('reads MySQL URLs, CORS lists, ICE servers and TURN settings', () => {
    const c = loadConfig({
      ...base,
      DATABASE_URL: 'mysql://root@127.0.0.1:3306/afritok',
      WEBSOCKET_CORS_ORIGIN: 'http://a.example, https://b.example ,',
      ICE_SERVERS: '[{"urls":"stun:stun.example:3478"}]',
      TURN_SECRET: 'turn-secret-123',
      TURN_URLS: 'turn:turn.example:3478?transport=udp,turns:turn.example:5349',
    });
    expect(c.database).toEqual({ kind: 'mysql', url: 'mysql://root@127.0.0.1:3306/afritok' });
    expect(c.corsOrigins).toEqual(['http://a.example', 'https://b.example']);
    expect(c.iceServers).toEqual([{ urls: 'stun:stun.example:3478' }]);
    expect(c.turn?.urls).toHaveLength(2);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'postgres://x' }, 'DATABASE_URL'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ MAX_LIVE_PARTICIPANTS: '1' }, 'MAX_LIVE_PARTICIPANTS'],
    [{ MAX_LIVE_VIEWERS: '-5' }, 'MAX_LIVE_VIEWERS'],
    [{ LIVE_SESSION_TIMEOUT: '10' }, 'LIVE_SESSION_TIMEOUT'],
    [{ CHAT_MESSAGE_RETENTION: 'soon' }, 'CHAT_MESSAGE_RETENTION'],
    [{ ICE_SERVERS: 'not json' }, 'ICE_SERVERS'],
    [{ ICE_SERVERS: '{"urls":"stun:x"}' }, 'ICE_SERVERS'],
    [{ TURN_SECRET: 'turn-secret-123' }, 'TURN_URLS'],
    [{ REDIS_URL: 'http://localhost:6379' }, 'REDIS_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ TRUST_PROXY: 'yes please' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: 'true' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '0' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '10.0.0.0/99' }, 'TRUST_PROXY'],
  ])('stops on %j, naming %s', (env, variable) => {
    expect(errorOf(env)).toContain(variable);
  });

  it('leaves trust proxy off unless TRUST_PROXY says otherwise', () => {
    expect(loadConfig(base).trustProxy).toBe(false);
    expect(loadConfig({ ...base, TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ ...base, TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ ...base, TRUST_PROXY: '10.0.0.1, 10.0.0.0/8, loopback' }).trustProxy).toEqual(['10.0.0.1', '10.0.0.0/8', 'loopback']);
  });

  it('refuses TRUST_PROXY=true with a message saying what to set instead', () => {
    expect(errorOf({ TRUST_PROXY: 'true' })).toContain('X-Forwarded-For');
  });

  it('runs the LL-HLS encoder below the relay by default, at the nice value HLS_ENCODER_NICENESS says, within 0–19', () => {
    expect(loadConfig(base).hls?.encoderNiceness).toBe(10);
    expect(loadConfig({ ...base, HLS_ENCODER_NICENESS: '0' }).hls?.encoderNiceness).toBe(0);
    expect(errorOf({ HLS_ENCODER_NICENESS: '20' })).toMatch(/HLS_ENCODER_NICENESS/);
    expect(errorOf({ HLS_ENCODER_NICENESS: '-1' })).toMatch(/HLS_ENCODER_NICENESS/);
  });

  it('names every bad variable at once', () => {
    const message = errorOf({ PORT: 'x', MAX_LIVE_VIEWERS: 'y' });
    expect(message).toContain('PORT');
    expect(message).toContain('MAX_LIVE_VIEWERS');
  });
});
