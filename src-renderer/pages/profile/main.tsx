import '../../shared/zod-jitless.js';
import { createRoot } from 'react-dom/client';
import { getLang } from '../../shared/i18n/index.js';
import '../../shared/ui/pages.css';
import { ProfileApp } from './ProfileApp.js';

/** `/u/:username` */
const username = decodeURIComponent(location.pathname.split('/').filter(Boolean)[1] ?? '');
document.documentElement.lang = getLang();
const root = document.getElementById('root');
if (root) createRoot(root).render(<ProfileApp username={username} />);
