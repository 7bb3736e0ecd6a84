/**
 * Every UI string of every page, in English and French. One table: a key missing a language
 * fails the typecheck. Add entries here; never write user-visible text in a component.
 * `{name}` placeholders are filled by `t(key, { name })`.
 */
export const strings = {
  'app.name': { en: 'Afritok Live', fr: 'Afritok Live' },
  'common.loading': { en: 'Loading…', fr: 'Chargement…' },
  'common.cancel': { en: 'Cancel', fr: 'Annuler' },
  'common.save': { en: 'Save', fr: 'Enregistrer' },
  'common.close': { en: 'Close', fr: 'Fermer' },
  'common.language': { en: 'Language', fr: 'Langue' },
  'common.error': { en: 'Something went wrong: {message}', fr: 'Une erreur est survenue : {message}' },
  'connection.connected': { en: 'Connected', fr: 'Connecté' },
  'connection.connecting': { en: 'Connecting…', fr: 'Connexion…' },
  'connection.reconnecting': { en: 'Reconnecting…', fr: 'Reconnexion…' },
  'connection.offline': { en: 'Offline', fr: 'Hors ligne' },
  'session.state.pending': { en: 'Not started', fr: 'Pas encore commencé' },
  'session.state.starting': { en: 'Starting…', fr: 'Démarrage…' },
  'session.state.live': { en: 'Live', fr: 'En direct' },
  'session.state.ending': { en: 'Ending…', fr: 'Fin en cours…' },
  'session.state.ended': { en: 'Ended', fr: 'Terminé' },
} as const satisfies Record<string, { en: string; fr: string }>;
