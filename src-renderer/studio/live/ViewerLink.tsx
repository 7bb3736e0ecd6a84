import { useState } from 'react';
import { routes } from '../../../protocol/routes.js';
import { t } from '../../shared/i18n/index.js';
import { errorText, errorCodeOf } from '../../shared/ui/error-text.js';
import { useServices } from '../context.js';
import { CopyButton } from './CopyButton.js';

/**
 * A private live's share line: not the plain watch address (which opens for nobody else), but viewer invite
 * links made on request. Whoever opens one may watch and chat; they never join the stage (that is a guest link).
 */
export function ViewerLink({ sessionId }: { sessionId: string }) {
  const { api } = useServices();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      const reply = await api.call(routes.createInviteLink, { params: { id: sessionId }, body: { role: 'viewer' } });
      setUrl(reply.url.startsWith('http') ? reply.url : `${api.baseUrl}${reply.url}`);
    } catch (err) {
      setError(errorCodeOf(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="viewer-link">
      <p className="notice-line private-link" data-testid="private-link-note">
        🔒 {t('studio.live.privateLinkNote')}
      </p>
      <div className="share">
        {url ? (
          <>
            <input readOnly data-testid="viewer-link-url" value={url} aria-label={t('studio.live.viewerLink')} onFocus={(e) => e.target.select()} />
            <CopyButton text={url} testId="viewer-link-copy" />
          </>
        ) : null}
        <button className="secondary" data-testid="viewer-link-create" disabled={busy} onClick={() => void create()}>
          {url ? t('studio.live.viewerLinkAnother') : t('studio.live.viewerLinkCreate')}
        </button>
      </div>
      {error && <p className="error">{errorText(error)}</p>}
    </div>
  );
}
