/**
 * Strings of recordings and replays: the studio's recording switch and past lives, the /replay page,
 * the directory's "Past lives" (relay replays/). Merged into i18n/strings.ts.
 */
export const replayStrings = {
  'recording.switch': { en: 'Record this live (replay for viewers who missed it)', fr: 'Enregistrer ce direct (rediffusion pour ceux qui l’ont manqué)' },
  'recording.defaultHint': {
    en: 'On by default for public lives. You can switch it while live.',
    fr: 'Activé par défaut pour les directs publics. Vous pouvez le changer pendant le direct.',
  },
  'recording.liveLabel': { en: 'Recording', fr: 'Enregistrement' },
  'recording.state.off': { en: 'Not recording', fr: 'Pas d’enregistrement' },
  'recording.state.waiting': { en: 'Recording starts with the first picture…', fr: 'L’enregistrement commence avec la première image…' },
  'recording.state.recording': { en: 'Recording · {duration}', fr: 'Enregistrement · {duration}' },
  'recording.state.processing': { en: 'Making the replay…', fr: 'Préparation de la rediffusion…' },
  'recording.state.waitingForRoom': {
    en: 'The relay’s disk is full: what was recorded is kept, the replay is made once there is room',
    fr: 'Le disque du relais est plein : l’enregistrement est gardé, la rediffusion sera préparée dès qu’il y aura de la place',
  },
  'recording.state.ready': { en: 'Replay ready', fr: 'Rediffusion prête' },
  'recording.state.failed': { en: 'No replay: {reason}', fr: 'Pas de rediffusion : {reason}' },
  'recording.turnOn': { en: 'Start recording', fr: 'Démarrer l’enregistrement' },
  'recording.turnOff': { en: 'Stop recording', fr: 'Arrêter l’enregistrement' },
  'recording.unavailable': { en: 'Recording is not available on this relay.', fr: 'L’enregistrement n’est pas disponible sur ce relais.' },

  'replay.title': { en: 'Replay', fr: 'Rediffusion' },
  'replay.notFound': { en: 'This replay does not exist or is not shared with you.', fr: 'Cette rediffusion n’existe pas ou ne vous est pas partagée.' },
  'replay.processing': { en: 'The replay is being made; come back in a minute.', fr: 'La rediffusion est en préparation ; revenez dans une minute.' },
  'replay.failed': { en: 'This live could not be turned into a replay.', fr: 'Ce direct n’a pas pu devenir une rediffusion.' },
  'replay.chat': { en: 'Chat replay', fr: 'Discussion rejouée' },
  'replay.chatEmpty': { en: 'No messages yet at this moment.', fr: 'Aucun message à ce moment.' },
  'replay.download': { en: 'Download (MP4)', fr: 'Télécharger (MP4)' },
  'replay.recordedOn': { en: 'Live of {date}', fr: 'Direct du {date}' },
  'replay.heatmap': { en: 'Chat activity', fr: 'Activité de la discussion' },
  'replay.chapters': { en: 'Chapters', fr: 'Chapitres' },
  'replay.expires': { en: 'Kept until {date}', fr: 'Conservée jusqu’au {date}' },
  'replay.backToLives': { en: 'All lives', fr: 'Tous les directs' },

  'pastLives.title': { en: 'Past lives', fr: 'Directs passés' },
  'pastLives.empty': { en: 'No replays yet.', fr: 'Pas encore de rediffusion.' },
  'pastLives.watch': { en: 'Watch the replay', fr: 'Voir la rediffusion' },
  'pastLives.mine': { en: 'Your past lives', fr: 'Vos directs passés' },
  'pastLives.delete': { en: 'Delete', fr: 'Supprimer' },
  'pastLives.confirmDelete': { en: 'Delete the replay of “{title}”? This cannot be undone.', fr: 'Supprimer la rediffusion de « {title} » ? C’est définitif.' },
  'pastLives.deleted': { en: 'Replay deleted.', fr: 'Rediffusion supprimée.' },
  'pastLives.size': { en: '{size} MB', fr: '{size} Mo' },
} as const satisfies Record<string, { en: string; fr: string }>;
