/** Multistreaming destinations of a host. */
import type { DestinationService } from '../../../../protocol/destinations.js';

/** A destination: the stream key is stored only encrypted (`keyCipher`), with its last four characters. */
export interface DestinationRecord {
  id: string;
  userId: string;
  name: string;
  service: DestinationService;
  url: string;
  keyCipher: string;
  keyLast4: string;
  enabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export type DestinationChanges = Partial<Pick<DestinationRecord, 'name' | 'service' | 'url' | 'keyCipher' | 'keyLast4' | 'enabled'>> & { updatedAt: Date };

export interface DestinationRepo {
  create(destination: DestinationRecord): Promise<DestinationRecord>;
  /** The user's destinations, oldest first. */
  listByUser(userId: string): Promise<DestinationRecord[]>;
  countByUser(userId: string): Promise<number>;
  /** The destination if it is the user's. */
  findOwned(id: string, userId: string): Promise<DestinationRecord | null>;
  /** Changes the user's destination; null when unknown or someone else's. */
  update(id: string, userId: string, changes: DestinationChanges): Promise<DestinationRecord | null>;
  /** False when unknown or someone else's. */
  remove(id: string, userId: string): Promise<boolean>;
}
