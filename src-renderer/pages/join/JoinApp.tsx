import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import { t } from '../../shared/i18n/index.js';
import { LangSwitch } from '../../shared/ui/LangSwitch.js';
import { createPageApi } from '../../shared/auth/auth-store.js';
import { PageBell } from '../../shared/notifications/PageBell.js';
import { useLang } from '../../shared/ui/use-lang.js';
import { AuthStep } from './AuthStep.js';
import { DeviceStep } from './DeviceStep.js';
import { createJoinController } from './join-store.js';
import { StageView } from './StageView.js';

const bellApi = createPageApi();

/** `/join/:token`: a guest's way on stage. */
export function JoinApp({ token, acceptedSessionId = null }: { token: string; acceptedSessionId?: string | null }) {
  useLang();
  const controller = useMemo(() => createJoinController(token, acceptedSessionId), [token, acceptedSessionId]);
  useEffect(() => {
    void controller.start();
    return () => controller.dispose();
  }, [controller]);
  const step = useStore(controller.store, (s) => s.step);
  const error = useStore(controller.store, (s) => s.error);
  const local = useStore(controller.store, (s) => s.local);
  const invite = useStore(controller.store, (s) => s.invite);
  const invalidReason = useStore(controller.store, (s) => s.invalidReason);

  return (
    <>
      <header className="page-header">
        <h1>{t('join.title')}</h1>
        {/* On stage, a notification's link opens beside the stage, never instead of it. */}
        <PageBell api={bellApi} newTab />
        <LangSwitch />
      </header>
      <main className="page-main" data-testid="join-step" data-step={step}>
        {error && (
          <p className="notice error" role="alert">
            {error}
          </p>
        )}
        {invite && (step === 'auth' || step === 'devices' || step === 'joining') && (
          <p className="notice" data-testid="join-invite">
            {t('join.invitedTo', { host: invite.hostDisplayName, title: invite.sessionTitle })}
          </p>
        )}
        {step === 'checking' && <p className="notice">{t('join.checkingLink')}</p>}
        {step === 'joining' && <p className="notice">{t('common.loading')}</p>}
        {step === 'auth' && <AuthStep controller={controller} />}
        {step === 'devices' && <DeviceStep controller={controller} local={local} />}
        {step === 'stage' && <StageView controller={controller} />}
        {step === 'left' && <p role="status">{t('join.left')}</p>}
        {step === 'ended' && (
          <p role="status" className="panel" data-testid="join-ended">
            {t('join.ended')}
          </p>
        )}
        {step === 'invalid' && (
          <p role="alert" className="panel" data-testid="join-invalid" data-reason={invalidReason ?? 'unknown'}>
            {t(invalidReason === 'expired' ? 'join.linkExpired' : 'join.linkUnknown')}
          </p>
        )}
      </main>
    </>
  );
}
