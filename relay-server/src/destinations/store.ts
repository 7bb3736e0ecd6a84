import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { CreateDestinationBody, Destination, UpdateDestinationBody } from '../../../protocol/destinations.js';
import type { Actor } from '../core/actor.js';
import { fail } from '../core/errors.js';
import type { Clock } from '../core/ports.js';
import type { DestinationChanges, DestinationRecord, Repositories } from '../storage/types.js';
import { KeyBox } from './key-box.js';

/** Destinations a host may keep (the platforms that exist, with room for a test server or two). */
export const MAX_DESTINATIONS = 10;

export const NO_SECRET_MESSAGE =
  'This relay cannot store destinations: its operator has not set DESTINATION_KEY_SECRET, which encrypts the platforms’ stream keys. Ask them to set it (e.g. openssl rand -hex 32) and restart the relay';

export interface DestinationStoreDeps {
  repos: Repositories;
  clock: Clock;
  /** DESTINATION_KEY_SECRET, or null when unset. */
  keySecret: string | null;
}

function requireAccount(actor: Actor | null): Actor {
  if (!actor) throw fail.unauthorized();
  if (actor.kind !== 'account') throw fail.forbidden('Guest accounts cannot stream; create an account first');
  return actor;
}

const last4 = (key: string) => key.slice(-4);

/**
 * A host's destinations, with their stream keys sealed by the KeyBox: created, listed (last four
 * characters, and whether the key can still be read), changed and deleted by their owner only.
 */
export function createDestinationStore(deps: DestinationStoreDeps) {
  const box = deps.keySecret ? new KeyBox(deps.keySecret) : null;

  function requireBox() {
    if (!box) throw fail.unavailable(NO_SECRET_MESSAGE);
    return box;
  }

  const view = (record: DestinationRecord): Destination => ({
    id: record.id,
    name: record.name,
    service: record.service,
    url: record.url,
    keyLast4: record.keyLast4,
    keyReadable: box !== null && box.open(record.keyCipher, record) !== null,
    enabled: record.enabled,
    createdAt: record.createdAt.toISOString(),
  });

  async function owned(actor: Actor, destinationId: string): Promise<DestinationRecord> {
    const record = await deps.repos.destinations.findOwned(destinationId, actor.userId);
    // Someone else's destination is answered exactly as a missing one.
    if (!record) throw fail.notFound('Destination');
    return record;
  }

  return {
    canStore: box !== null,

    async list(actorIn: Actor | null): Promise<Destination[]> {
      const actor = requireAccount(actorIn);
      return (await deps.repos.destinations.listByUser(actor.userId)).map(view);
    },

    async create(actorIn: Actor | null, body: z.output<typeof CreateDestinationBody>): Promise<Destination> {
      const actor = requireAccount(actorIn);
      const sealer = requireBox();
      if ((await deps.repos.destinations.countByUser(actor.userId)) >= MAX_DESTINATIONS) {
        throw fail.invalidInput(`You can keep ${MAX_DESTINATIONS} destinations at most: delete one first`);
      }
      const id = randomUUID();
      const now = deps.clock();
      const record = await deps.repos.destinations.create({
        id,
        userId: actor.userId,
        name: body.name,
        service: body.service,
        url: body.url,
        keyCipher: sealer.seal(body.streamKey, { id, userId: actor.userId }),
        keyLast4: last4(body.streamKey),
        enabled: body.enabled ?? true,
        createdAt: now,
        updatedAt: now,
      });
      return view(record);
    },

    async update(actorIn: Actor | null, destinationId: string, body: z.output<typeof UpdateDestinationBody>): Promise<Destination> {
      const actor = requireAccount(actorIn);
      const record = await owned(actor, destinationId);
      const changes: DestinationChanges = { updatedAt: deps.clock() };
      if (body.name !== undefined) changes.name = body.name;
      if (body.service !== undefined) changes.service = body.service;
      if (body.url !== undefined) changes.url = body.url;
      if (body.enabled !== undefined) changes.enabled = body.enabled;
      if (body.streamKey !== undefined) {
        changes.keyCipher = requireBox().seal(body.streamKey, record);
        changes.keyLast4 = last4(body.streamKey);
      }
      const updated = await deps.repos.destinations.update(destinationId, actor.userId, changes);
      if (!updated) throw fail.notFound('Destination');
      return view(updated);
    },

    async remove(actorIn: Actor | null, destinationId: string): Promise<void> {
      const actor = requireAccount(actorIn);
      if (!(await deps.repos.destinations.remove(destinationId, actor.userId))) throw fail.notFound('Destination');
    },

    /** The user's destinations with their keys opened (null when unreadable): for pushing only, never for a reply. */
    async withKeys(userId: string): Promise<Array<{ record: DestinationRecord; key: string | null }>> {
      const records = await deps.repos.destinations.listByUser(userId);
      return records.map((record) => ({ record, key: box?.open(record.keyCipher, record) ?? null }));
    },
  };
}

export type DestinationStore = ReturnType<typeof createDestinationStore>;
