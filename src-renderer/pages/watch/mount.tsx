import '../../shared/zod-jitless.js';
import { createRoot } from 'react-dom/client';
import { getLang } from '../../shared/i18n/index.js';
import '../../shared/ui/pages.css';
import { WatchApp } from './WatchApp.js';
import { createWatchController } from './watch-store.js';
import type { WatchTarget } from './boot-requests.js';

/** The watch page proper: its controller (which takes the boot module's replies) and its React tree. */
export function mountWatchPage({ sessionId, inviteToken }: WatchTarget): void {
  document.documentElement.lang = getLang();
  // Signing in, joining and asking how the program travels start before React's first render: the
  // first frame comes that much sooner (bench webrtc-latency, navigation → first frame).
  const controller = createWatchController(sessionId, inviteToken);
  void controller.start();
  const root = document.getElementById('root');
  if (root) {
    // No StrictMode: its double-mounted effects would remount a page that holds one live controller.
    createRoot(root).render(<WatchApp controller={controller} />);
  }
}
