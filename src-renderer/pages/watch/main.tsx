import '../../shared/zod-jitless.js';
import { createRoot } from 'react-dom/client';
import { getLang } from '../../shared/i18n/index.js';
import '../../shared/ui/pages.css';
import { WatchApp } from './WatchApp.js';

/** `/watch/:sessionId` */
const sessionId = decodeURIComponent(location.pathname.split('/').filter(Boolean)[1] ?? '');
/** `?invite=` — a viewer invite link to a private live. */
const inviteToken = new URLSearchParams(location.search).get('invite');
document.documentElement.lang = getLang();
const root = document.getElementById('root');
if (root) {
  // No StrictMode: its double-mounted effects would join the session and open the peer link twice.
  createRoot(root).render(<WatchApp sessionId={sessionId} inviteToken={inviteToken} />);
}
