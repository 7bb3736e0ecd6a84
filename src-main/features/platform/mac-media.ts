/**
 * macOS privacy: camera and microphone need the user's consent through the OS (TCC) before Chromium's
 * getUserMedia can open them, and screen recording is allowed in System Settings only.
 */
export type MediaAccessStatus = 'not-determined' | 'granted' | 'denied' | 'restricted' | 'unknown';

/** systemPreferences, as a port. */
export interface OsMediaAccess {
  status(type: 'camera' | 'microphone' | 'screen'): MediaAccessStatus;
  /** Shows macOS's own prompt; resolves with the answer. */
  ask(type: 'camera' | 'microphone'): Promise<boolean>;
}

const deviceOf = (mediaType: string): 'camera' | 'microphone' | null =>
  mediaType === 'video' ? 'camera' : mediaType === 'audio' ? 'microphone' : null;

/**
 * Before a camera/microphone request is granted: asks macOS once per device whose access was never decided,
 * and answers false when the user refused (then Chromium would only see a black, silent device).
 */
export async function ensureMacMediaAccess(mediaTypes: readonly string[], access: OsMediaAccess): Promise<boolean> {
  for (const device of new Set(mediaTypes.map(deviceOf))) {
    if (!device) continue;
    const status = access.status(device);
    if (status === 'granted') continue;
    if (status === 'not-determined' ? !(await access.ask(device)) : true) return false;
  }
  return true;
}

export const SCREEN_ACCESS_MESSAGE =
  'macOS does not allow Afritok Live to record the screen: allow it in System Settings › Privacy & Security › Screen Recording, then restart Afritok Live.';

/** Before listing screens and windows: null when capture may proceed (macOS asks by itself when not decided). */
export function screenAccessRefusal(status: MediaAccessStatus): string | null {
  return status === 'denied' || status === 'restricted' ? SCREEN_ACCESS_MESSAGE : null;
}
