import { Emitter } from '../../../shared/realtime/emitter.js';
import type { MenuCommand } from '../../../platform/index.js';
import { addSceneSafely } from '../../scenes/add-scene.js';
import type { StudioStore } from '../../store/index.js';

export type StudioCommand = MenuCommand;

/**
 * The studio's commands (the application menu's File › New Scene, Save, Go Live, Record, Settings and
 * View › Studio Mode): one place that runs them, whoever asks (the Electron menu today).
 * Short results ("Scene collection saved", an error) go to `onNotice` for a passing message.
 */
export class StudioCommands {
  private readonly emitter = new Emitter<Record<StudioCommand, undefined> & { notice: string }>();

  run(command: StudioCommand): void {
    this.emitter.emit(command, undefined);
  }

  on(command: StudioCommand, handler: () => void): () => void {
    return this.emitter.on(command, handler);
  }

  notice(text: string): void {
    this.emitter.emit('notice', text);
  }

  onNotice(listener: (text: string) => void): () => void {
    return this.emitter.on('notice', listener);
  }
}

/** What the commands act on; main.tsx passes the real studio parts. */
export interface CommandTargets {
  store: StudioStore;
  isOnAir(): boolean;
  /** Writes the scene collection now (settings.json's sibling in Electron, browser storage on the web). */
  saveScenes(): Promise<void>;
  recording: { isActive(): boolean; start(): Promise<void>; stop(): void };
  openSettings(): void;
  /** Localised words, read when a command runs (the language may have changed since). */
  text: {
    newSceneName(): string;
    scenesSaved(): string;
    saveFailed(message: string): string;
    recordFailed(message: string): string;
  };
}

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * Binds every command but Go Live, which the Go Live panel answers with its own form (title, type,
 * audience) exactly as its Start button does.
 */
export function bindStudioCommands(commands: StudioCommands, targets: CommandTargets): () => void {
  const offs = [
    commands.on('scene:new', () => void addSceneSafely(targets.store, targets.isOnAir(), targets.text.newSceneName())),
    commands.on('scene:save', () => {
      targets.saveScenes().then(
        () => commands.notice(targets.text.scenesSaved()),
        (err: unknown) => commands.notice(targets.text.saveFailed(messageOf(err))),
      );
    }),
    commands.on('studio-mode:toggle', () => {
      const state = targets.store.getState();
      state.setStudioMode(!state.studioMode);
    }),
    commands.on('recording:toggle', () => {
      if (targets.recording.isActive()) targets.recording.stop();
      else targets.recording.start().catch((err: unknown) => commands.notice(targets.text.recordFailed(messageOf(err))));
    }),
    commands.on('settings:open', () => targets.openSettings()),
  ];
  return () => offs.forEach((off) => off());
}
