/**
 * Strings of gifts, wallets and the studio's alerts source (pages' gift bar shared/gifts/, studio gifts/ and
 * sources/alerts/). Merged into i18n/strings.ts.
 */
export const giftStrings = {
  'gifts.bar': { en: 'Send a gift', fr: 'Envoyer un cadeau' },
  'gifts.sent': { en: 'sent {gift}', fr: 'a envoyé {gift}' },
  'gifts.send': { en: 'Send {gift} ({coins})', fr: 'Envoyer {gift} ({coins})' },
  'gifts.coins': { en: '{count} coins', fr: '{count} pièces' },
  'gifts.oneCoin': { en: '1 coin', fr: '1 pièce' },
  'gifts.count': { en: 'How many', fr: 'Combien' },
  'gifts.buy': { en: 'Buy coins', fr: 'Acheter des pièces' },
  'gifts.devGrant': { en: 'Get {count} free coins (development)', fr: 'Obtenir {count} pièces gratuites (développement)' },
  'gifts.signIn': { en: 'Sign in to send gifts.', fr: 'Connectez-vous pour envoyer des cadeaux.' },
  'gifts.top': { en: 'Top gifters', fr: 'Meilleurs donateurs' },
  'gifts.dock.title': { en: 'Gifts', fr: 'Cadeaux' },
  'gifts.dock.earned': { en: 'This live: {diamonds} diamonds from {gifts} gifts', fr: 'Ce direct : {diamonds} diamants pour {gifts} cadeaux' },
  'gifts.dock.line': { en: '{name} sent {gift} ×{count}', fr: '{name} a envoyé {gift} ×{count}' },
  'gifts.dock.empty': { en: 'No gifts yet.', fr: 'Pas encore de cadeaux.' },
  'studio.kind.alerts': { en: 'Alerts', fr: 'Alertes' },
  'alerts.follow': { en: '{name} follows you!', fr: '{name} vous suit !' },
  'alerts.gift': { en: '{name} sent {gift} ×{count}!', fr: '{name} a envoyé {gift} ×{count} !' },
  'alerts.topGifter': { en: '{name} is your top gifter!', fr: '{name} est votre meilleur donateur !' },
  'alerts.props.duration': { en: 'Show each alert for (seconds)', fr: 'Durée de chaque alerte (secondes)' },
  'alerts.props.sound': { en: 'Play a sound (heard on the live)', fr: 'Jouer un son (entendu dans le direct)' },
  'alerts.props.follow': { en: 'New followers', fr: 'Nouveaux abonnés' },
  'alerts.props.gift': { en: 'Gifts', fr: 'Cadeaux' },
  'alerts.props.topGifter': { en: 'New top gifter', fr: 'Nouveau meilleur donateur' },
  'alerts.props.test': { en: 'Show a test alert', fr: 'Afficher une alerte de test' },
  'alerts.props.testName': { en: 'Test viewer', fr: 'Spectateur test' },
} as const satisfies Record<string, { en: string; fr: string }>;
