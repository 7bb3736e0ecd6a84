/**
 * On a Linux Wayland session, desktopCapturer goes through the xdg-desktop-portal: the system's own
 * dialog has already asked which screen or window to share before any source reaches us. Showing our
 * picker after it would ask twice, so the studio takes the portal's pick as it is.
 */
export function systemPicksCaptureSource(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): boolean {
  if (platform !== 'linux') return false;
  const session = env.XDG_SESSION_TYPE?.toLowerCase();
  if (session) return session === 'wayland';
  return Boolean(env.WAYLAND_DISPLAY);
}
