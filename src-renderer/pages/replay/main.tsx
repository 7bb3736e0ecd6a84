import '../../shared/zod-jitless.js';
import { createRoot } from 'react-dom/client';
import { getLang } from '../../shared/i18n/index.js';
import '../../shared/ui/pages.css';
import { ReplayApp } from './ReplayApp.js';

/** `/replay/:sessionId` */
const sessionId = decodeURIComponent(location.pathname.split('/').filter(Boolean)[1] ?? '');
document.documentElement.lang = getLang();
const root = document.getElementById('root');
if (root) createRoot(root).render(<ReplayApp sessionId={sessionId} />);
