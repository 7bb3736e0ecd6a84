/** The parts of a window a second launch touches. */
export interface RestorableWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

/**
 * A second launch (double-clicking the app again) brings the studio forward instead of starting another one;
 * on macOS the app lives on with no window after the last one closed, so it opens one.
 */
export function onSecondInstance(window: RestorableWindow | null, openWindow: () => void): 'focused' | 'opened' {
  if (!window || window.isDestroyed()) {
    openWindow();
    return 'opened';
  }
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
  return 'focused';
}
