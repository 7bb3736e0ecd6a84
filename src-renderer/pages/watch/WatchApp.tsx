import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import { t } from '../../shared/i18n/index.js';
import type { SessionChannel, SessionChannelState } from '../../shared/realtime/index.js';
import { ConnectionBadge } from '../../shared/ui/ConnectionBadge.js';
import { createPageApi } from '../../shared/auth/auth-store.js';
import { PageInbox } from '../../shared/invitations/PageInbox.js';
import { LangSwitch } from '../../shared/ui/LangSwitch.js';
import { FollowButton } from '../../shared/follows/FollowButton.js';
import { PageBell } from '../../shared/notifications/PageBell.js';

/** For the invitations inbox of the header (the controller has its own client). */
const inboxApi = createPageApi();
import { FloatingReactions, ReactionBar } from '../../shared/ui/ReactionBar.js';
import { useLang } from '../../shared/ui/use-lang.js';
import { ChatPanel } from './ChatPanel.js';
import { GiftBar } from '../../shared/gifts/GiftBar.js';
import { GiftOverlay } from '../../shared/gifts/GiftOverlay.js';
import { TopGifters } from '../../shared/gifts/TopGifters.js';
import { useGifts } from '../../shared/gifts/use-gifts.js';
import { OtherLives } from './OtherLives.js';
import { Player } from './Player.js';
import type { WatchController } from './watch-store.js';

/** The page for one live; `controller` was started by main.tsx before this first rendered. */
export function WatchApp({ controller }: { controller: WatchController }) {
  useLang();
  const phase = useStore(controller.store, (s) => s.phase);
  const error = useStore(controller.store, (s) => s.error);
  const channel = useStore(controller.store, (s) => s.channel);

  if (phase === 'notFound') return <Message text={t('watch.notFound')} />;
  if (phase === 'error') return <Message text={error ?? ''} />;
  if (!channel) return <Message text={t('common.loading')} />;
  return <WatchView controller={controller} channel={channel} />;
}

function WatchView({ controller, channel }: { controller: WatchController; channel: SessionChannel }) {
  const chat: SessionChannelState = useSyncExternalStore(channel.subscribe, channel.getSnapshot);
  const connection = useStore(controller.store, (s) => s.connection);
  const stream = useStore(controller.store, (s) => s.stream);
  const playerState = useStore(controller.store, (s) => s.playerState);
  const transport = useStore(controller.store, (s) => s.transport);
  const hlsUrl = useStore(controller.store, (s) => s.hlsUrl);
  const identity = useStore(controller.store, (s) => s.identity);
  const initial = useStore(controller.store, (s) => s.session);
  const session = chat.session ?? initial;
  const subscribeReactions = useMemo(() => (l: (r: Array<{ emoji: string }>) => void) => channel.on('reactions', l), [channel]);
  const state = session?.state ?? null;
  // The roster's host entry follows the host's connection live; before the first roster, the session says.
  const host = chat.participants.find((p) => p.role === 'host');
  const hostAway = state === 'live' && (host ? !host.connected : session?.hostConnected === false);
  const [portrait, setPortrait] = useState(false);
  // Past MAX_ANONYMOUS_VIEWERS_PER_ADDRESS the relay refuses an anonymous join with `unauthorized`: a
  // crowd behind one address (a school) is asked for a name, which makes a guest account and admits them.
  const crowded = chat.status === 'error' && chat.error?.code === 'unauthorized' && (!identity || identity.auto);
  const gifts = useGifts(inboxApi, controller.sessionId, controller.onGift, controller.onWallet, identity !== null);

  useEffect(() => {
    if (session) document.title = `${session.title} — ${t('app.name')}`;
  }, [session]);

  return (
    <div className={`watch-page${portrait ? ' portrait' : ''}`}>
      <header className="page-header">
        <a href="/" className="home-link" data-testid="to-directory-header" title={t('watch.allLives')}>
          {t('app.name')}
        </a>
        <h1>{session?.title ?? t('app.name')}</h1>
        <span className={`badge${state === 'live' ? ' badge-live' : ''}`} data-testid="session-state" data-state={state ?? 'unknown'}>
          {state ? t(`session.state.${state}`) : t('common.loading')}
        </span>
        {/* Nobody is watching an ended broadcast: the last count would be a stale claim. */}
        {state !== 'ended' && (
          <span className="badge" data-testid="viewer-count" data-count={chat.viewerCount}>
            {t('watch.viewers', { count: chat.viewerCount })}
          </span>
        )}
        <ConnectionBadge state={connection} />
        {identity && !identity.auto && <PageInbox api={inboxApi} />}
        <PageBell api={inboxApi} />
        <LangSwitch />
      </header>
      <main className="page-main watch-layout">
        <div>
          {chat.banned ? (
            // A banned viewer gets no video: say so instead of "Connecting…" forever.
            <div className="stage" data-testid="player-banned" role="status">
              <div className="stage-overlay">
                <p>{t('watch.bannedPage')}</p>
              </div>
            </div>
          ) : crowded ? (
            <div className="stage" data-testid="player-crowded" role="status">
              <div className="stage-overlay">
                <p>{t('watch.crowded')}</p>
                <p>
                  <a href="/studio" data-testid="crowded-sign-in">
                    {t('watch.signIn')}
                  </a>
                </p>
              </div>
            </div>
          ) : (
            <Player
              stream={stream}
              playerState={playerState}
              sessionState={state}
              sessionType={session?.type ?? null}
              transport={transport}
              hlsUrl={hlsUrl}
              hostAway={hostAway}
              onPortrait={setPortrait}
              endedExtra={<OtherLives exceptId={controller.sessionId} />}
            >
              <FloatingReactions subscribe={subscribeReactions} />
              <GiftOverlay subscribe={controller.onGift} catalogue={gifts.byId} />
            </Player>
          )}
          {session && (
            <div className="watch-extras">
              <p className="notice hosted-by" data-testid="hosted-by">
                {t('watch.hostedByPrefix')}{' '}
                <a href={`/?host=${encodeURIComponent(session.hostId)}`} data-testid="host-link">
                  {session.host.displayName}
                </a>
              </p>
              <FollowButton api={inboxApi} userId={session.hostId} me={identity} linkProfile />
              {session.description && (
                <p className="watch-description" data-testid="watch-description">
                  {session.description}
                </p>
              )}
            </div>
          )}
          <ReactionBar counts={chat.reactions} onReact={identity ? (e) => void channel.react(e) : undefined} />
          {gifts.catalogue && state === 'live' && !chat.banned && (
            <GiftBar
              client={gifts.client}
              catalogue={gifts.catalogue}
              sessionId={controller.sessionId}
              wallet={gifts.wallet}
              onWallet={gifts.setWallet}
              enabled={identity !== null}
            />
          )}
          <TopGifters gifters={gifts.top} />
        </div>
        <ChatPanel channel={channel} state={chat} onChooseName={!identity || identity.auto ? controller.chooseName : null} />
      </main>
    </div>
  );
}

function Message({ text }: { text: string }) {
  return (
    <>
      <header className="page-header">
        <h1>{t('app.name')}</h1>
        <LangSwitch />
      </header>
      <main className="page-main">
        <p role="status" data-testid="page-message">
          {text}
        </p>
      </main>
    </>
  );
}
