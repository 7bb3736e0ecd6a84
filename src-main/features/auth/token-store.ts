import { readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { log } from '../../lib/log.js';

/** The slice of Electron's safeStorage we use, plus our verdict on whether it really protects anything. */
export interface SecretCipher {
  /** False when the OS offers no real encryption (Linux without a keyring uses a fixed key: we refuse that). */
  isSecure(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export interface TokenStore {
  get(): Promise<string | null>;
  /** Keeps the token for this run; persists it encrypted only when the OS can encrypt. */
  set(token: string): Promise<{ persisted: boolean }>;
  clear(): Promise<void>;
}

/** The session token: in memory, and on disk only as ciphertext. Never plaintext on disk. */
export function createTokenStore(file: string, cipher: SecretCipher): TokenStore {
  let memory: string | null = null;
  let loaded = false;

  async function readPersisted(): Promise<string | null> {
    if (!cipher.isSecure()) return null;
    try {
      return cipher.decryptString(await readFile(file));
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
      if (!cipher.isSecure()) {
        await rm(file, { force: true });
        return { persisted: false };
      }
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, cipher.encryptString(token), { mode: 0o600 });
      return { persisted: true };
    },
    async clear() {
      memory = null;
      loaded = true;
      await rm(file, { force: true });
    },
  };
}
