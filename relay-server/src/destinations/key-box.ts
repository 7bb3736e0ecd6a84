import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Destination stream keys encrypted at rest: AES-256-GCM under a key derived (HKDF-SHA256) from
 * DESTINATION_KEY_SECRET. The destination's id and owner are the additional data, so a ciphertext
 * copied onto another row does not decrypt. Stored as `v1.<iv>.<tag>.<ciphertext>` (base64url).
 */
const VERSION = 'v1';
const INFO = 'afritok destination stream keys v1';

export class KeyBox {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = Buffer.from(hkdfSync('sha256', secret, 'afritok-live', INFO, 32));
  }

  seal(plain: string, owner: { id: string; userId: string }): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(aad(owner));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), body].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
  }

  /** The key, or null when it cannot be read (another secret, a tampered or foreign row). */
  open(sealed: string, owner: { id: string; userId: string }): string | null {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== VERSION || iv === undefined || tag === undefined || body === undefined) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(aad(owner));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      return null;
    }
  }
}

const aad = (owner: { id: string; userId: string }) => Buffer.from(`${owner.id}\n${owner.userId}`, 'utf8');
