import { readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { log } from '../../lib/log.js';

/**
 * The slice of Electron's safeStorage we use (the async calls Electron 45 prefers), plus our verdict on
 * whether it really protects anything.
 */
export interface SecretCipher {
  /** False when the OS offers no real encryption (Linux without a keyring uses a fixed key: we refuse that). */
  isSecure(): Promise<boolean>;
  encrypt(plain: string): Promise<Buffer>;
  /** `shouldReEncrypt`: the key rotated; write the token again with the new one. */
  decrypt(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
}

/** Where the token is kept: on disk, encrypted, or for this run only (and why). */
export type TokenPersistence = { persistent: true } | { persistent: false; reason: 'no-keyring' };

export interface TokenStore {
  get(): Promise<string | null>;
  /** Keeps the token for this run; persists it encrypted only when the OS can encrypt. */
  set(token: string): Promise<{ persisted: boolean }>;
  clear(): Promise<void>;
  persistence(): Promise<TokenPersistence>;
}

/** The session token: in memory, and on disk only as ciphertext. Never plaintext on disk. */
export function createTokenStore(file: string, cipher: SecretCipher): TokenStore {
  let memory: string | null = null;
  let loaded = false;

  async function persist(token: string): Promise<void> {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, await cipher.encrypt(token), { mode: 0o600 });
  }

  async function readPersisted(): Promise<string | null> {
    if (!(await cipher.isSecure())) return null;
    try {
      const { result, shouldReEncrypt } = await cipher.decrypt(await readFile(file));
      if (shouldReEncrypt) await persist(result).catch((err: unknown) => log.warn('could not re-encrypt the stored token', err));
      return result;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') log.warn('stored token unreadable; signing out', err);
      return null;
    }
  }

  return {
    async get() {
      if (!loaded) {
        memory = await readPersisted();
        loaded = true;
      }
      return memory;
    },
    async set(token) {
      memory = token;
      loaded = true;
      if (!(await cipher.isSecure())) {
        await rm(file, { force: true });
        return { persisted: false };
      }
      await persist(token);
      return { persisted: true };
    },
    async clear() {
      memory = null;
      loaded = true;
      await rm(file, { force: true });
    },
    async persistence() {
      return (await cipher.isSecure()) ? { persistent: true } : { persistent: false, reason: 'no-keyring' };
    },
  };
}

/** The Linux backends that only obfuscate with a fixed key (`--password-store=basic`, no keyring found). */
export const INSECURE_LINUX_BACKENDS: ReadonlySet<string> = new Set(['basic_text', 'unknown']);

/** The verdict, from what safeStorage reports: encryption available, and on Linux a real keyring behind it. */
export function isSecureStorage(available: boolean, platform: NodeJS.Platform, linuxBackend: string | undefined): boolean {
  return available && (platform !== 'linux' || !INSECURE_LINUX_BACKENDS.has(linuxBackend ?? 'unknown'));
}
