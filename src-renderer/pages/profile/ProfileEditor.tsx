import { useRef, useState, type FormEvent } from 'react';
import { AVATAR_MAX_BYTES, AVATAR_TYPES, BIO_MAX_LENGTH, avatarPaths, type PublicProfile } from '../../../protocol/follows.js';
import { ProfileReply } from '../../../protocol/follows.js';
import { ErrorBody } from '../../../protocol/common.js';
import { routes } from '../../../protocol/routes.js';
import type { ApiClient } from '../../shared/api/client.js';
import { t } from '../../shared/i18n/index.js';
import { describeApiError, describeFailure } from '../../shared/ui/error-text.js';

const MAX_MIB = AVATAR_MAX_BYTES / (1024 * 1024);
const isAvatarType = (type: string) => AVATAR_TYPES.some((a) => a === type);

/** What to tell the owner when the relay refuses an avatar, by the HTTP status it answered. */
function avatarRefusal(status: number, body: unknown): string {
  if (status === 413) return t('profile.avatar.tooBig', { max: MAX_MIB });
  if (status === 415) return t('profile.avatar.wrongType');
  if (status === 400) return t('profile.avatar.notImage');
  const parsed = ErrorBody.safeParse(body);
  return t('common.error', { message: parsed.success ? describeApiError(parsed.data.error) : `HTTP ${status}` });
}

/**
 * The owner's own profile: display name, bio and avatar. The image goes up as it is (raw body) and the
 * relay re-encodes it; what the browser can check first (type, size) is checked before sending.
 */
export function ProfileEditor({ api, user, onSaved }: { api: ApiClient; user: PublicProfile; onSaved: (u: PublicProfile) => void }) {
  const [displayName, setDisplayName] = useState(user.displayName);
  const [bio, setBio] = useState(user.bio);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const file = useRef<HTMLInputElement>(null);

  const run = async (work: () => Promise<PublicProfile>, done: string) => {
    setBusy(true);
    setStatus(null);
    try {
      onSaved(await work());
      setStatus({ ok: true, text: done });
    } catch (err) {
      setStatus({ ok: false, text: err instanceof Error && err.name === 'AvatarRefused' ? err.message : describeFailure(err) });
    } finally {
      setBusy(false);
    }
  };

  const save = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => (await api.call(routes.updateProfile, { body: { displayName, bio } })).user, t('profile.saved'));
  };

  const upload = async (chosen: File): Promise<PublicProfile> => {
    const refuse = (text: string) => Object.assign(new Error(text), { name: 'AvatarRefused' });
    if (!isAvatarType(chosen.type)) throw refuse(t('profile.avatar.wrongType'));
    if (chosen.size > AVATAR_MAX_BYTES) throw refuse(t('profile.avatar.tooBig', { max: MAX_MIB }));
    const res = await fetch(`${api.baseUrl}${avatarPaths.upload}`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': chosen.type },
      body: chosen,
    });
    const json: unknown = await res.json().catch(() => null);
    if (!res.ok) throw refuse(avatarRefusal(res.status, json));
    return ProfileReply.parse(json).user;
  };

  const onFile = () => {
    const chosen = file.current?.files?.[0];
    if (!chosen) return;
    void run(() => upload(chosen), t('profile.avatar.saved')).finally(() => {
      if (file.current) file.current.value = '';
    });
  };

  return (
    <section className="panel" data-testid="profile-editor">
      <h2>{t('profile.edit')}</h2>
      <form className="form" onSubmit={save}>
        <label>
          {t('profile.displayName')}
          <input data-testid="profile-display-name" value={displayName} maxLength={50} required onChange={(e) => setDisplayName(e.target.value)} />
        </label>
        <label>
          {t('profile.bio')}
          <textarea data-testid="profile-bio-input" value={bio} maxLength={BIO_MAX_LENGTH} rows={4} onChange={(e) => setBio(e.target.value)} />
          <span className="notice">{t('profile.bioCount', { count: bio.length, max: BIO_MAX_LENGTH })}</span>
        </label>
        <button type="submit" data-testid="profile-save" disabled={busy}>
          {t('profile.save')}
        </button>
      </form>
      <div className="form">
        <label>
          {t('profile.avatar.choose', { max: MAX_MIB })}
          <input ref={file} type="file" accept={AVATAR_TYPES.join(',')} data-testid="profile-avatar-input" disabled={busy} onChange={onFile} />
        </label>
        {user.avatarUrl && (
          <button
            type="button"
            className="secondary"
            data-testid="profile-avatar-remove"
            disabled={busy}
            onClick={() => void run(async () => (await api.call(routes.removeAvatar)).user, t('profile.avatar.removed'))}
          >
            {t('profile.avatar.remove')}
          </button>
        )}
      </div>
      {status && (
        <p className={status.ok ? 'notice' : 'error'} role={status.ok ? 'status' : 'alert'} data-testid="profile-status">
          {status.text}
        </p>
      )}
    </section>
  );
}
