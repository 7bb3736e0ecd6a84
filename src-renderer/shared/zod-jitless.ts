/**
 * Imported FIRST by every page entry (and the preload): zod's fast path probes `new Function` on its first
 * object parse, and our pages' Content-Security-Policy (script-src 'self', no 'unsafe-eval') reports that
 * probe as a violation at start-up even though zod swallows the error. Jitless zod never probes.
 */
import { z } from 'zod';

z.config({ jitless: true });
