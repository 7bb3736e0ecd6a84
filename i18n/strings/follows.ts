/**
 * Strings of follows, profiles, notifications, scheduled lives and analytics (relay follows/,
 * notifications/, analytics/; pages profile/ and the bell; studio analytics/). Merged into i18n/strings.ts.
 */
export const followStrings = {
  'error.followersOnly': { en: 'this chat is for followers of the host', fr: 'cette discussion est réservée aux abonnés de l’hôte' },
  'error.followersOnlyMinutes': {
    en: 'this chat is for people who have followed the host for {minutes} minutes',
    fr: 'cette discussion est réservée aux personnes abonnées à l’hôte depuis {minutes} minutes',
  },
  'follow.follow': { en: 'Follow', fr: 'Suivre' },
  'follow.following': { en: 'Following', fr: 'Abonné' },
  'follow.unfollow': { en: 'Unfollow', fr: 'Se désabonner' },
  'follow.signInToFollow': { en: 'Sign in to follow', fr: 'Connectez-vous pour suivre' },
  'follow.followers': { en: '{count} followers', fr: '{count} abonnés' },
  'follow.oneFollower': { en: '1 follower', fr: '1 abonné' },
  'follow.muteNotifications': { en: 'Mute live notifications', fr: 'Couper les notifications de direct' },
  'follow.unmuteNotifications': { en: 'Turn live notifications on', fr: 'Activer les notifications de direct' },
} as const satisfies Record<string, { en: string; fr: string }>;
