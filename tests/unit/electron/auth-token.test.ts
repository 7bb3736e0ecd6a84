import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTokenStore, type SecretCipher } from '../../../src-main/features/auth/token-store.js';
import { registerAuthIpc } from '../../../src-main/features/auth/ipc.js';
import { call, fakeRouter, valueOf } from './support/fake-ipc.js';
import { useTempDirs } from './support/temp-dir.js';

const tempDir = useTempDirs();

/** Stands in for safeStorage: a reversible transform, so plaintext must never appear on disk. */
const reversingCipher = (secure: boolean): SecretCipher => ({
  isSecure: () => secure,
  encryptString: (plain) => Buffer.from(`enc:${[...plain].reverse().join('')}`),
  decryptString: (encrypted) => {
    const text = encrypted.toString();
    if (!text.startsWith('enc:')) throw new Error('bad ciphertext');
    return [...text.slice(4)].reverse().join('');
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
});
