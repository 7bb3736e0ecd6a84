import { useEffect, useState } from 'react';
import type { PublicProfile } from '../../../protocol/follows.js';
import { routes } from '../../../protocol/routes.js';
import type { ApiClient } from '../api/client.js';
import type { StoredAuth } from '../auth/auth-store.js';
import { t } from '../i18n/index.js';
import { describeFailure } from '../ui/error-text.js';
import { isSignedIn } from './use-me.js';
import './follows.css';

/** "1 follower" / "12 followers" in the reader's language. */
export const followersText = (count: number): string => (count === 1 ? t('follow.oneFollower') : t('follow.followers', { count }));

/** Where a signed-out visitor signs in (the studio's sign-in), coming back to this page afterwards is manual. */
export const SIGN_IN_URL = '/studio';

interface Props {
  api: ApiClient;
  /** The creator. */
  userId: string;
  /** Who is looking (undefined while the page asks). */
  me: StoredAuth | null | undefined;
  /** The profile when the page has it already (the profile page); otherwise the button loads it. */
  initial?: PublicProfile;
  /** Shows a link to the creator's profile page beside the count (watch page, directory cards). */
  linkProfile?: boolean;
  /** Shown until the profile arrives (or if it cannot be loaded), so the creator is always named. */
  fallbackName?: string;
  onChange?: (profile: PublicProfile) => void;
}

/**
 * A creator's follower count with Follow / Unfollow for the person looking. Signed out, it asks them to
 * sign in; on their own profile there is no button. Refusals (too many changes in a row) are said in words
 * and change nothing on screen.
 */
export function FollowButton({ api, userId, me, initial, linkProfile = false, fallbackName, onChange }: Props) {
  const [profile, setProfile] = useState<PublicProfile | null>(initial ?? null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const signedIn = isSignedIn(me);
  const myId = signedIn ? me.user.id : null;

  useEffect(() => {
    if (initial) {
      setProfile(initial);
      return;
    }
    let alive = true;
    // Asked again when the viewer signs in: isFollowing is the caller's own.
    api.call(routes.getUser, { params: { userId } }).then(
      (r) => alive && setProfile(r.user),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [api, userId, initial, myId]);

  if (!profile) return fallbackName ? <span className="notice">{t('watch.hostedBy', { name: fallbackName })}</span> : null;

  const toggle = async () => {
    setBusy(true);
    setError(null);
    try {
      const route = profile.isFollowing ? routes.unfollow : routes.follow;
      const reply = await api.call(route, { params: { userId } });
      const next = { ...profile, ...reply, followingSince: reply.isFollowing ? (profile.followingSince ?? new Date().toISOString()) : null };
      setProfile(next);
      onChange?.(next);
    } catch (err) {
      setError(describeFailure(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className="follow" data-testid="follow" data-user-id={userId}>
      {linkProfile && (
        <a href={`/u/${encodeURIComponent(profile.username)}`} className="follow-name" data-testid="profile-link">
          {profile.avatarUrl && <img src={profile.avatarUrl} alt="" className="avatar avatar-small" />}
          {profile.displayName}
        </a>
      )}
      <span className="follow-count" data-testid="follower-count" data-count={profile.followerCount}>
        {followersText(profile.followerCount)}
      </span>
      {myId === userId ? null : signedIn ? (
        <button
          type="button"
          className={profile.isFollowing ? 'secondary' : ''}
          data-testid="follow-button"
          data-following={profile.isFollowing}
          aria-pressed={profile.isFollowing}
          disabled={busy}
          onClick={() => void toggle()}
        >
          {profile.isFollowing ? `✓ ${t('follow.following')} · ${t('follow.unfollow')}` : `+ ${t('follow.follow')}`}
        </button>
      ) : me === undefined ? null : (
        <a href={SIGN_IN_URL} className="follow-sign-in" data-testid="follow-sign-in">
          {t('follow.signInToFollow')}
        </a>
      )}
      {error && (
        <span className="error" role="alert" data-testid="follow-error">
          {error}
        </span>
      )}
    </span>
  );
}
