/** A tiny typed event emitter for the media managers (no DOM EventTarget, so payloads stay typed). */
export class Emitter<Events extends Record<string, unknown>> {
  private readonly listeners = new Map<keyof Events, Set<(payload: never) => void>>();

  on<K extends keyof Events>(name: K, listener: (payload: Events[K]) => void): () => void {
    const set = this.listeners.get(name) ?? new Set();
    set.add(listener as (payload: never) => void);
    this.listeners.set(name, set);
    return () => set.delete(listener as (payload: never) => void);
  }

  emit<K extends keyof Events>(name: K, payload: Events[K]): void {
    this.listeners.get(name)?.forEach((l) => (l as (p: Events[K]) => void)(payload));
  }

  clear(): void {
    this.listeners.clear();
  }
}
