import type { AccountSettings } from '../../../../protocol/account-settings.js';
import { routes } from '../../../../protocol/routes.js';
import type { ApiClient } from '../../../shared/api/client.js';
import type { StudioStore } from '../../store/index.js';
import type { SettingsController } from './settings-controller.js';

export interface AccountSyncDeps {
  api: Pick<ApiClient, 'call'>;
  store: StudioStore;
  settings: SettingsController;
  onError(err: unknown): void;
}

/** What this page shows now, in the account's shape. */
function current(deps: AccountSyncDeps): AccountSettings {
  const language = deps.settings.getSnapshot().preferences?.language;
  return { output: deps.store.getState().output, ...(language ? { language } : {}) };
}

/** The settings in `now` that differ from what the account holds. */
function changes(now: AccountSettings, held: AccountSettings): AccountSettings {
  const patch: AccountSettings = {};
  if (now.language && now.language !== held.language) patch.language = now.language;
  if (now.output && (now.output.preset !== held.output?.preset || now.output.fps !== held.output?.fps)) patch.output = now.output;
  return patch;
}

/**
 * The web studio's settings live in the signed-in person's account (GET/PATCH /api/me/settings): on sign-in
 * the account's language and output format are applied (a setting the account does not hold yet is saved
 * from this page), and every later change is saved there, one request after the other. Signed out, the
 * browser's own copies apply (i18n's language, media/output/persist-output.ts). Returns the unsubscriber.
 */
export function syncAccountSettings(deps: AccountSyncDeps): () => void {
  const { api, store, settings } = deps;
  /** What the account holds for the signed-in person; null while signed out or loading. */
  let held: AccountSettings | null = null;
  let userId: string | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  const push = () => {
    if (!held) return;
    const patch = changes(current(deps), held);
    if (Object.keys(patch).length === 0) return;
    held = { ...held, ...patch };
    queue = queue.then(() => api.call(routes.updateAccountSettings, { body: patch })).catch(deps.onError);
  };

  const load = async (forUser: string) => {
    const reply = await api.call(routes.getAccountSettings);
    if (userId !== forUser) return;
    held = reply.settings;
    if (reply.settings.output) store.getState().setOutput(reply.settings.output);
    if (reply.settings.language && reply.settings.language !== settings.getSnapshot().preferences?.language) {
      await settings.update({ language: reply.settings.language });
    }
    push();
  };

  const follow = () => {
    const { user, authStatus } = store.getState();
    const next = authStatus === 'signed-in' ? (user?.id ?? null) : null;
    if (next === userId) return;
    userId = next;
    held = null;
    if (next) void load(next).catch(deps.onError);
  };

  const offStore = store.subscribe((state, prev) => {
    if (state.user !== prev.user || state.authStatus !== prev.authStatus) follow();
    if (state.output !== prev.output) push();
  });
  const offSettings = settings.subscribe(push);
  follow();
  return () => {
    offStore();
    offSettings();
  };
}
