import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTokenStore, isSecureStorage, type SecretCipher } from '../../../src-main/features/auth/token-store.js';
import { registerAuthIpc } from '../../../src-main/features/auth/ipc.js';
import { call, fakeRouter, valueOf } from './support/fake-ipc.js';
import { useTempDirs } from './support/temp-dir.js';

const tempDir = useTempDirs();

/** Stands in for safeStorage: a reversible transform, so plaintext must never appear on disk. */
const reversingCipher = (secure: boolean, rotated = false): SecretCipher => ({
  isSecure: async () => secure,
  encrypt: async (plain) => Buffer.from(`${rotated ? 'enc2' : 'enc'}:${[...plain].reverse().join('')}`),
  decrypt: async (encrypted) => {
    const text = encrypted.toString();
    const match = /^(enc2?):/.exec(text);
    if (!match) throw new Error('bad ciphertext');
    return { result: [...text.slice(match[0].length)].reverse().join(''), shouldReEncrypt: rotated && match[1] === 'enc' };
  },
});

async function setup(secure: boolean) {
  const file = join(await tempDir(), 'session-token.bin');
  const { ipc, router } = fakeRouter();
  registerAuthIpc(router, createTokenStore(file, reversingCipher(secure)));
  return { file, ipc };
}

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.session.token';

describe('session token', () => {
  it('persists the token encrypted and reads it back after a restart', async () => {
    const { file, ipc } = await setup(true);
    expect(valueOf(await call(ipc, 'auth:setToken', { token: TOKEN }))).toEqual({ persisted: true });
    expect(await readFile(file, 'utf8')).not.toContain(TOKEN);
    const next = fakeRouter();
    registerAuthIpc(next.router, createTokenStore(file, reversingCipher(true)));
    expect(valueOf(await call(next.ipc, 'auth:getToken', {}))).toEqual({ token: TOKEN });
  });

  it('refuses to persist when the OS cannot encrypt, keeping it for this run only', async () => {
    const { file, ipc } = await setup(false);
    expect(valueOf(await call(ipc, 'auth:setToken', { token: TOKEN }))).toEqual({ persisted: false });
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(valueOf(await call(ipc, 'auth:getToken', {}))).toEqual({ token: TOKEN });
  });

  it('forgets the token on sign-out, on disk too', async () => {
    const { file, ipc } = await setup(true);
    await call(ipc, 'auth:setToken', { token: TOKEN });
    valueOf(await call(ipc, 'auth:clearToken', {}));
    expect(valueOf(await call(ipc, 'auth:getToken', {}))).toEqual({ token: null });
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('treats an undecryptable file as signed out', async () => {
    const { file, ipc } = await setup(true);
    await call(ipc, 'auth:setToken', { token: TOKEN });
    await writeFile(file, 'garbage');
    const next = fakeRouter();
    registerAuthIpc(next.router, createTokenStore(file, reversingCipher(true)));
    expect(valueOf(await call(next.ipc, 'auth:getToken', {}))).toEqual({ token: null });
  });

  it('refuses an empty token', async () => {
    const { ipc } = await setup(true);
    expect(await call(ipc, 'auth:setToken', { token: '' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('says why a sign-in does not survive a restart on Linux without a keyring', async () => {
    const insecure = await setup(false);
    expect(valueOf(await call(insecure.ipc, 'auth:persistence', {}))).toEqual({ persistent: false, reason: 'no-keyring' });
    const secure = await setup(true);
    expect(valueOf(await call(secure.ipc, 'auth:persistence', {}))).toEqual({ persistent: true });
  });

  it('re-encrypts the stored token when safeStorage says the key rotated', async () => {
    const { file, ipc } = await setup(true);
    await call(ipc, 'auth:setToken', { token: TOKEN });
    const next = fakeRouter();
    registerAuthIpc(next.router, createTokenStore(file, reversingCipher(true, true)));
    expect(valueOf(await call(next.ipc, 'auth:getToken', {}))).toEqual({ token: TOKEN });
    expect(await readFile(file, 'utf8')).toMatch(/^enc2:/);
  });

  it('treats Linux basic_text (no keyring) as no encryption, a real keyring or another OS as encryption', () => {
    expect(isSecureStorage(true, 'linux', 'basic_text')).toBe(false);
    expect(isSecureStorage(true, 'linux', 'unknown')).toBe(false);
    expect(isSecureStorage(true, 'linux', 'gnome_libsecret')).toBe(true);
    expect(isSecureStorage(true, 'linux', 'kwallet6')).toBe(true);
    expect(isSecureStorage(true, 'darwin', undefined)).toBe(true);
    expect(isSecureStorage(false, 'win32', undefined)).toBe(false);
  });
});
