import { HlsHintReply } from './hls.js';
import { z } from 'zod';
import { route } from './http.js';
import * as U from './users.js';
import * as S from './sessions.js';
import * as I from './invitations.js';
import * as C from './chat.js';
import { RelayInfo } from './relay-info.js';
import * as M from './media.js';
import * as K from './ingest.js';
import * as O from './operator.js';
import * as A from './account-settings.js';
import * as G from './gifts.js';
import * as F from './follows.js';
import * as N from './notifications.js';
import * as D from './destinations.js';
import * as R from './replays.js';
import * as AN from './analytics.js';

const sessionPath = '/api/sessions/:id';
const id = S.SessionIdParams;
const idUser = S.SessionUserParams;

/** Every HTTP route of the relay, with its zod body, query and reply shapes: this file is the HTTP contract. Paths include the `/api` prefix. */
export const routes = {
  // the relay itself
  relayInfo: route({ method: 'GET', path: '/api/info', reply: RelayInfo }),

  // auth
  register: route({ method: 'POST', path: '/api/auth/register', body: U.RegisterBody, reply: U.AuthReply }),
  login: route({ method: 'POST', path: '/api/auth/login', body: U.LoginBody, reply: U.AuthReply, status: 200 }),
  guest: route({ method: 'POST', path: '/api/auth/guest', body: U.GuestBody, reply: U.AuthReply }),
  viewerIdentity: route({ method: 'POST', path: '/api/auth/viewer', body: U.GuestBody, reply: U.ViewerIdentityReply, status: 200 }),
  logout: route({ method: 'POST', path: '/api/auth/logout' }),
  /** Ends every sign-in of the caller on every device (this one included). */
  signOutEverywhere: route({ method: 'POST', path: '/api/auth/sign-out-everywhere' }),
  me: route({ method: 'GET', path: '/api/auth/me', reply: U.MeReply }),
  searchUsers: route({ method: 'GET', path: '/api/users', query: U.UserSearchQuery, reply: U.UsersReply }),

  // the signed-in person's studio settings (web studio; the desktop studio keeps its own file)
  getAccountSettings: route({ method: 'GET', path: '/api/me/settings', reply: A.AccountSettingsReply }),
  updateAccountSettings: route({
    method: 'PATCH',
    path: '/api/me/settings',
    body: A.UpdateAccountSettingsBody,
    reply: A.AccountSettingsReply,
    status: 200,
  }),

  // sessions
  createSession: route({ method: 'POST', path: '/api/sessions', body: S.CreateSessionBody, reply: S.SessionReply }),
  listSessions: route({ method: 'GET', path: '/api/sessions', query: S.SessionListQuery, reply: S.SessionsReply }),
  currentSession: route({ method: 'GET', path: '/api/sessions/current', reply: S.MaybeSessionReply }),
  getSession: route({ method: 'GET', path: sessionPath, params: id, reply: S.SessionReply }),
  startSession: route({ method: 'POST', path: `${sessionPath}/start`, params: id, reply: S.SessionReply, status: 200 }),
  endSession: route({ method: 'POST', path: `${sessionPath}/end`, params: id, reply: S.SessionReply, status: 200 }),
  joinSession: route({ method: 'POST', path: `${sessionPath}/join`, params: id, reply: S.JoinReply, status: 200 }),
  leaveSession: route({ method: 'POST', path: `${sessionPath}/leave`, params: id }),
  listParticipants: route({
    method: 'GET',
    path: `${sessionPath}/participants`,
    params: id,
    query: S.ParticipantsQuery,
    reply: S.ParticipantsReply,
  }),
  updateParticipant: route({
    method: 'PATCH',
    path: `${sessionPath}/participants/:userId`,
    params: idUser,
    body: S.UpdateParticipantBody,
    reply: S.ParticipantReply,
  }),
  removeParticipant: route({ method: 'DELETE', path: `${sessionPath}/participants/:userId`, params: idUser }),
  sessionStats: route({ method: 'GET', path: `${sessionPath}/stats`, params: id, reply: S.SessionStats }),
  /** Host only, while starting or live: the program picture for directory cards (kept in memory, newest wins). */
  putThumbnail: route({ method: 'POST', path: `${sessionPath}/thumbnail`, params: id, body: S.ThumbnailBody }),
  /** Whoever may see the session: 404 until the studio sent one. */
  getThumbnail: route({ method: 'GET', path: `${sessionPath}/thumbnail`, params: id, reply: S.ThumbnailReply }),
  iceServers: route({ method: 'GET', path: `${sessionPath}/ice-servers`, params: id, reply: S.IceServersReply }),

  // invitations
  invite: route({
    method: 'POST',
    path: `${sessionPath}/invitations`,
    params: id,
    body: I.CreateInvitationBody,
    reply: I.InvitationReply,
  }),
  createInviteLink: route({
    method: 'POST',
    path: `${sessionPath}/invite-links`,
    params: id,
    body: I.CreateInviteLinkBody.optional(),
    reply: I.InviteLinkReply,
  }),
  /** Anyone holding the token: 404 unknown, 409 `expired` when expired or the session is over. */
  inviteLinkInfo: route({ method: 'GET', path: '/api/invite-links/:token', params: I.InviteLinkParams, reply: I.InviteLinkInfoReply }),
  redeemInviteLink: route({
    method: 'POST',
    path: '/api/invite-links/:token/redeem',
    params: I.InviteLinkParams,
    reply: I.RedeemInviteLinkReply,
    status: 200,
  }),
  /** Host: every invitation of the session and its state (pending, accepted, rejected, expired, cancelled). */
  sessionInvitations: route({ method: 'GET', path: `${sessionPath}/invitations`, params: id, reply: I.InvitationsReply }),
  /** Host: withdraws a pending invitation (cancelled); both sides hear invitation:update. */
  revokeInvitation: route({
    method: 'POST',
    path: '/api/invitations/:id/revoke',
    params: I.InvitationIdParams,
    reply: I.InvitationReply,
    status: 200,
  }),
  pendingInvitations: route({ method: 'GET', path: '/api/invitations/pending', reply: I.InvitationsReply }),
  acceptInvitation: route({
    method: 'POST',
    path: '/api/invitations/:id/accept',
    params: I.InvitationIdParams,
    reply: I.AcceptInvitationReply,
    status: 200,
  }),
  rejectInvitation: route({
    method: 'POST',
    path: '/api/invitations/:id/reject',
    params: I.InvitationIdParams,
    reply: I.InvitationReply,
    status: 200,
  }),

  // chat
  sendMessage: route({
    method: 'POST',
    path: `${sessionPath}/messages`,
    params: id,
    body: C.SendMessageBody,
    reply: C.MessageReply,
  }),
  listMessages: route({
    method: 'GET',
    path: `${sessionPath}/messages`,
    params: id,
    query: C.MessagesQuery,
    reply: C.MessagesReply,
  }),
  deleteMessage: route({ method: 'DELETE', path: `${sessionPath}/messages/:messageId`, params: C.MessageParams }),
  react: route({ method: 'POST', path: `${sessionPath}/reactions`, params: id, body: C.ReactionBody, reply: z.object({}) }),
  reactionCounts: route({ method: 'GET', path: `${sessionPath}/reactions`, params: id, reply: C.ReactionCountsReply }),
  pinMessage: route({
    method: 'POST',
    path: `${sessionPath}/messages/:messageId/pin`,
    params: C.MessageParams,
    reply: C.MessageReply,
    status: 200,
  }),
  unpinMessage: route({
    method: 'DELETE',
    path: `${sessionPath}/messages/:messageId/pin`,
    params: C.MessageParams,
    reply: C.MessageReply,
    status: 200,
  }),
  listPins: route({ method: 'GET', path: `${sessionPath}/pins`, params: id, reply: C.MessagesReply }),
  mute: route({ method: 'POST', path: `${sessionPath}/mutes`, params: id, body: C.MuteBody, reply: C.MuteReply, status: 200 }),
  unmute: route({ method: 'DELETE', path: `${sessionPath}/mutes/:userId`, params: idUser }),
  ban: route({ method: 'POST', path: `${sessionPath}/bans`, params: id, body: C.BanBody, reply: C.BanReply, status: 200 }),
  unban: route({ method: 'DELETE', path: `${sessionPath}/bans/:userId`, params: idUser }),
  chatStats: route({ method: 'GET', path: `${sessionPath}/chat/stats`, params: id, reply: C.ChatStats }),
  chatSettings: route({ method: 'GET', path: `${sessionPath}/chat/settings`, params: id, reply: C.ChatSettingsReply }),
  updateChatSettings: route({
    method: 'PATCH',
    path: `${sessionPath}/chat/settings`,
    params: id,
    body: C.UpdateChatSettingsBody,
    reply: C.ChatSettingsReply,
  }),
  moderationPeople: route({ method: 'GET', path: `${sessionPath}/moderation/people`, params: id, reply: C.ModerationPeopleReply }),
  moderationLog: route({ method: 'GET', path: `${sessionPath}/moderation-log`, params: id, reply: C.ModerationLogReply }),

  // media: which transport carries the program, and where to publish / play it
  mediaHint: route({ method: 'GET', path: `${sessionPath}/media`, params: id, reply: M.MediaHintReply }),
  hlsHint: route({ method: 'GET', path: `${sessionPath}/hls`, params: id, reply: HlsHintReply }),

  // recordings and replays (media files: hand-mounted, see relay-server/src/replays/routes.ts)
  /** The host's recording switch and what was recorded. */
  getRecording: route({ method: 'GET', path: `${sessionPath}/recording`, params: id, reply: R.RecordingReply }),
  setRecording: route({ method: 'PATCH', path: `${sessionPath}/recording`, params: id, body: R.RecordingSettingBody, reply: R.RecordingReply, status: 200 }),
  /** A replay and its chat (private lives: host and participants only; 404 otherwise). */
  getReplay: route({ method: 'GET', path: `${sessionPath}/replay`, params: id, reply: R.ReplayReply }),
  deleteReplay: route({ method: 'DELETE', path: `${sessionPath}/replay`, params: id }),
  /** Replays of public lives, newest first (the directory's "Past lives"). */
  pastLives: route({ method: 'GET', path: '/api/replays', reply: R.PastLivesReply }),
  /** The caller's own past lives with their replays (the studio). */
  myPastLives: route({ method: 'GET', path: '/api/me/replays', reply: R.PastLivesReply }),

  // stream keys and encoder ingest (signed-in accounts only; a stream key itself may call none of these)
  listStreamKeys: route({ method: 'GET', path: '/api/stream-keys', reply: K.StreamKeysReply }),
  createStreamKey: route({ method: 'POST', path: '/api/stream-keys', body: K.CreateStreamKeyBody, reply: K.NewStreamKeyReply }),
  revokeStreamKey: route({ method: 'DELETE', path: '/api/stream-keys/:keyId', params: K.StreamKeyParams }),
  regenerateStreamKey: route({ method: 'POST', path: '/api/stream-keys/:keyId/regenerate', params: K.StreamKeyParams, reply: K.NewStreamKeyReply }),
  saveIngestDefaults: route({ method: 'PATCH', path: '/api/ingest/defaults', body: K.IngestDefaults, reply: K.IngestDefaultsReply, status: 200 }),

  // multistreaming out: the host's destinations (keys stored encrypted, never sent back in full) and their pushes while live
  listDestinations: route({ method: 'GET', path: '/api/destinations', reply: D.DestinationsReply }),
  createDestination: route({ method: 'POST', path: '/api/destinations', body: D.CreateDestinationBody, reply: D.DestinationReply }),
  updateDestination: route({ method: 'PATCH', path: '/api/destinations/:destinationId', params: D.DestinationParams, body: D.UpdateDestinationBody, reply: D.DestinationReply }),
  deleteDestination: route({ method: 'DELETE', path: '/api/destinations/:destinationId', params: D.DestinationParams }),
  /** Host only: where each destination's push stands in this live. */
  sessionDestinations: route({ method: 'GET', path: `${sessionPath}/destinations`, params: id, reply: D.DestinationPushesReply }),
  startDestination: route({ method: 'POST', path: `${sessionPath}/destinations/:destinationId/start`, params: D.SessionDestinationParams, reply: D.DestinationPushesReply, status: 200 }),
  stopDestination: route({ method: 'POST', path: `${sessionPath}/destinations/:destinationId/stop`, params: D.SessionDestinationParams, reply: D.DestinationPushesReply, status: 200 }),

  // gifts, wallets and payments (gifts/ in the relay)
  /** Anyone: the catalogue and the coin packs on sale. */
  listGifts: route({ method: 'GET', path: '/api/gifts', reply: G.GiftsReply }),
  /** Signed in: coins to spend and diamonds earned. */
  wallet: route({ method: 'GET', path: '/api/wallet', reply: G.WalletReply }),
  /** Signed in: what each of the caller's lives earned, newest first. */
  earnings: route({ method: 'GET', path: '/api/wallet/earnings', reply: G.EarningsReply }),
  /** Only when the relay runs with PAYMENTS=dev (never in production): free coins for local use. */
  devGrant: route({ method: 'POST', path: '/api/wallet/dev-grant', body: G.DevGrantBody, reply: G.WalletReply, status: 200 }),
  /** Signed in, PAYMENTS=stripe: a hosted checkout for one coin pack. */
  checkout: route({ method: 'POST', path: '/api/wallet/checkout', body: G.CheckoutBody, reply: G.CheckoutReply }),
  /** Stripe only: signed events (Stripe-Signature over the raw body); each payment is credited once. */
  stripeWebhook: route({ method: 'POST', path: '/api/payments/stripe/webhook', body: z.unknown(), reply: G.WebhookReply, status: 200 }),
  /** A signed-in, non-banned viewer, while the session is live: 201, or 200 replaying the same clientGiftId. */
  sendGift: route({ method: 'POST', path: `${sessionPath}/gifts`, params: id, body: G.SendGiftBody, reply: G.SendGiftReply }),
  /** Whoever may see the session: its biggest gifters. */
  topGifters: route({ method: 'GET', path: `${sessionPath}/gifts/top`, params: id, reply: G.TopGiftersReply }),
  /** Host only: what this live earned. */
  liveEarnings: route({ method: 'GET', path: `${sessionPath}/gifts/earnings`, params: id, reply: G.LiveEarningsReply }),
  // follows and profiles (avatar upload and image: hand-mounted binary routes, see relay-server/src/follows/routes.ts)
  getUser: route({ method: 'GET', path: '/api/users/:userId', params: F.UserIdParams, reply: F.ProfileReply }),
  profilePage: route({ method: 'GET', path: '/api/profiles/:username', params: F.UsernameParams, reply: F.ProfilePageReply }),
  follow: route({ method: 'POST', path: '/api/users/:userId/follow', params: F.UserIdParams, reply: F.FollowReply, status: 200 }),
  unfollow: route({ method: 'DELETE', path: '/api/users/:userId/follow', params: F.UserIdParams, reply: F.FollowReply, status: 200 }),
  /** The follower mutes or unmutes one creator's live notifications. */
  muteCreatorNotifications: route({
    method: 'PATCH',
    path: '/api/users/:userId/follow',
    params: F.UserIdParams,
    body: F.NotificationMuteBody,
    reply: F.ProfileReply,
  }),
  following: route({ method: 'GET', path: '/api/follows', query: F.FollowingQuery, reply: F.FollowingReply }),
  updateProfile: route({ method: 'PATCH', path: '/api/profile', body: F.UpdateProfileBody, reply: F.ProfileReply }),
  removeAvatar: route({ method: 'DELETE', path: '/api/profile/avatar', reply: F.ProfileReply, status: 200 }),
  /** Signed in: the newest notifications and how many are unread. */
  notifications: route({ method: 'GET', path: '/api/notifications', reply: N.NotificationsReply }),
  markNotificationsRead: route({ method: 'POST', path: '/api/notifications/read', body: N.MarkReadBody, reply: N.UnreadReply, status: 200 }),
  /** Signed in: announces a live (title, time); followers are reminded when it starts. */
  scheduleLive: route({ method: 'POST', path: '/api/schedules', body: N.CreateScheduledLiveBody, reply: N.ScheduledLiveReply }),
  /** Everyone's announced lives still to come, soonest first (the directory's "Scheduled"). */
  scheduledLives: route({ method: 'GET', path: '/api/schedules', reply: N.ScheduledLivesReply }),
  /** One creator's announced lives still to come (their profile, the studio). */
  creatorScheduledLives: route({ method: 'GET', path: '/api/users/:userId/schedules', params: N.CreatorParams, reply: N.ScheduledLivesReply }),
  /** The creator withdraws their own announcement. */
  cancelScheduledLive: route({ method: 'DELETE', path: '/api/schedules/:id', params: N.ScheduledLiveParams }),

  // analytics (analytics/ in the relay): host only
  /** Host only: the live's 10 s buckets and totals (404 unknown, 403 someone else's live). */
  sessionAnalytics: route({
    method: 'GET',
    path: `${sessionPath}/analytics`,
    params: id,
    query: AN.LiveAnalyticsQuery,
    reply: AN.LiveAnalyticsReply,
  }),
  /** Signed in: the caller's lives (on air and past) with their totals, newest first. */
  analyticsLives: route({ method: 'GET', path: '/api/analytics/lives', query: AN.AnalyticsLivesQuery, reply: AN.AnalyticsLivesReply }),

  // operator (OPERATOR_TOKEN in the x-operator-token header; 401 without it, 404 when the relay has none)
  operatorGuests: route({ method: 'POST', path: '/api/operator/guests', body: O.OperatorGuestsBody, reply: O.OperatorGuestsReply }),
} as const;

export type Routes = typeof routes;
export type RouteName = keyof Routes;
