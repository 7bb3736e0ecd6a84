import '../../shared/zod-jitless.js';
import { createRoot } from 'react-dom/client';
import { getLang } from '../../shared/i18n/index.js';
import '../../shared/ui/pages.css';
import { DirectoryApp } from './DirectoryApp.js';

document.documentElement.lang = getLang();
const root = document.getElementById('root');
if (root) createRoot(root).render(<DirectoryApp />);
