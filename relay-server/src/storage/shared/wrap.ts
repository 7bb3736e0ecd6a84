import type { Repositories } from '../types.js';

/** Runs one repository call (or a whole transaction) inside some policy: a lock, a retry loop. */
export type Around = <R>(call: () => Promise<R>) => Promise<R>;

/** `repo` with every method call passed through `around`. */
export function wrapMethods<T extends object>(repo: T, around: Around): T {
  return new Proxy(repo, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => around(async () => Reflect.apply(value, target, args) as unknown);
    },
  });
}

export function wrapRepositories(repos: Repositories, around: Around): Repositories {
  return {
    users: wrapMethods(repos.users, around),
    sessions: wrapMethods(repos.sessions, around),
    participants: wrapMethods(repos.participants, around),
    invitations: wrapMethods(repos.invitations, around),
    messages: wrapMethods(repos.messages, around),
    reactions: wrapMethods(repos.reactions, around),
    moderation: wrapMethods(repos.moderation, around),
  };
}
