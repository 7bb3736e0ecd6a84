/**
 * Evaluated before the rest of the watch page (main.tsx imports it first): asks the relay for the
 * identity, the seat and the media hints while React, zod and the player are still being evaluated.
 * Keep its imports tiny: everything it imports is evaluated before it runs.
 */
import { t } from '../../shared/i18n/index.js';
import { prefetchWatch, watchTarget } from './boot-requests.js';

export const target = watchTarget(location);
prefetchWatch(location.origin, target, t('watch.autoName'));
