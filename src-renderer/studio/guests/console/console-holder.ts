import { createStore, type StoreApi } from 'zustand/vanilla';
import { GuestConsoleController, type ConsoleDeps } from './console-controller.js';

/** The one guest console the studio may have open (one other live at a time). */
export class ConsoleHolder {
  readonly store: StoreApi<{ controller: GuestConsoleController | null }> = createStore(() => ({ controller: null }));

  constructor(private readonly deps: () => ConsoleDeps | null) {}

  /** Opens the console on `sessionId` (leaving any other live we were a guest of first). */
  async open(sessionId: string): Promise<void> {
    const deps = this.deps();
    if (!deps) return;
    const current = this.store.getState().controller;
    if (current?.sessionId === sessionId && current.store.getState().phase === 'stage') return;
    await current?.leave();
    const controller = new GuestConsoleController(sessionId, deps);
    this.store.setState({ controller });
    await controller.start();
  }

  /** Leaves (if still on) and closes the console. */
  async close(): Promise<void> {
    const current = this.store.getState().controller;
    this.store.setState({ controller: null });
    await current?.leave();
  }
}
