import { createApiClient } from '../../../src-renderer/shared/api/client.js';
import { createStudioStore } from '../../../src-renderer/studio/store/index.js';

/** A fresh store per test; the API points at a closed port because scene editing never calls it. */
export function makeStore() {
  let n = 0;
  let saved: string | null = null;
  return createStudioStore({
    api: createApiClient('http://127.0.0.1:9', () => null),
    tokens: { load: async () => saved, save: async (t) => void (saved = t) },
    newId: () => `id${++n}`,
  });
}
