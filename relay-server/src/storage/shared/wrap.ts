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

/**
 * Every repository of `repos` wrapped by `around`: a new repository needs no line here. Each is
 * wrapped once, on first access (storage/*\/open.ts spreads the result once when opening).
 */
export function wrapRepositories<T extends object>(repos: T, around: Around): T {
  const wrapped = new Map<PropertyKey, unknown>();
  return new Proxy(repos, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'object' || value === null) return value;
      if (!wrapped.has(key)) wrapped.set(key, wrapMethods(value, around));
      return wrapped.get(key);
    },
  });
}
