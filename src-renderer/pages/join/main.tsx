import '../../shared/zod-jitless.js';
import { createRoot } from 'react-dom/client';
import { getLang } from '../../shared/i18n/index.js';
import '../../shared/ui/pages.css';
import { JoinApp } from './JoinApp.js';

/** `/join/:token` */
const token = decodeURIComponent(location.pathname.split('/').filter(Boolean)[1] ?? '');
document.documentElement.lang = getLang();
const root = document.getElementById('root');
/** Set by the invitations inbox after accepting: `/join/accepted?session=<id>`. */
const acceptedSessionId = new URLSearchParams(location.search).get('session');
if (root) createRoot(root).render(<JoinApp token={token} acceptedSessionId={acceptedSessionId} />);
