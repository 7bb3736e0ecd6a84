/** Stream keys for encoders and the defaults of the lives they start. */
import type { SessionType } from '../../../../protocol/sessions.js';

/** A stream key: only its SHA-256 and last characters are stored; the secret is shown once. */
export interface StreamKeyRecord {
  id: string;
  userId: string;
  keyHash: string;
  last4: string;
  label: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** What a live started by an encoder (stream key) is created with. */
export interface IngestDefaultsRecord {
  userId: string;
  title: string;
  type: SessionType;
  isPublic: boolean;
  updatedAt: Date;
}

export interface StreamKeyRepo {
  create(key: StreamKeyRecord): Promise<StreamKeyRecord>;
  /** Keys not revoked, oldest first. */
  listActive(userId: string): Promise<StreamKeyRecord[]>;
  /** The key with this hash, if it is not revoked. */
  findActiveByHash(keyHash: string): Promise<StreamKeyRecord | null>;
  /** Revokes the user's key; false when unknown, someone else's, or already revoked. */
  revoke(id: string, userId: string, at: Date): Promise<boolean>;
  touch(id: string, at: Date): Promise<void>;
  getDefaults(userId: string): Promise<IngestDefaultsRecord | null>;
  putDefaults(defaults: IngestDefaultsRecord): Promise<IngestDefaultsRecord>;
}
