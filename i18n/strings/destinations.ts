/** Multistreaming out: the settings dialog's Destinations section and the destinations' states while live (studio/destinations/; relay destinations/). */
export const destinationStrings = {
  'settings.section.destinations': { en: 'Destinations', fr: 'Destinations' },
  'destinations.intro': {
    en: 'Send your live to other platforms at the same time. Paste the server address and the stream key each platform gives you (YouTube Studio → Go live → Stream; Twitch → Creator Dashboard → Settings → Stream).',
    fr: 'Envoyez votre direct sur d’autres plateformes en même temps. Collez l’adresse du serveur et la clé de diffusion que chaque plateforme vous donne (YouTube Studio → Passer au direct → Diffusion ; Twitch → Tableau de bord des créateurs → Paramètres → Stream).',
  },
  'destinations.loading': { en: 'Loading your destinations…', fr: 'Chargement de vos destinations…' },
  'destinations.cannotStore': {
    en: 'This relay cannot keep destination keys: its operator has not set DESTINATION_KEY_SECRET. Ask them to set it.',
    fr: 'Ce relais ne peut pas conserver les clés des destinations : son administrateur n’a pas défini DESTINATION_KEY_SECRET. Demandez-lui de le faire.',
  },
  'destinations.cannotPush': {
    en: 'This relay has no ffmpeg: your destinations are kept, but nothing is sent to them until its operator installs it.',
    fr: 'Ce relais n’a pas ffmpeg : vos destinations sont conservées, mais rien ne leur est envoyé tant que son administrateur ne l’a pas installé.',
  },
  'destinations.none': { en: 'No destinations yet.', fr: 'Aucune destination pour l’instant.' },
  'destinations.name': { en: 'Name', fr: 'Nom' },
  'destinations.service': { en: 'Platform', fr: 'Plateforme' },
  'destinations.url': { en: 'Server address (rtmp:// or rtmps://)', fr: 'Adresse du serveur (rtmp:// ou rtmps://)' },
  'destinations.key': { en: 'Stream key', fr: 'Clé de diffusion' },
  'destinations.keyHint': {
    en: 'Kept encrypted on the relay; only its last 4 characters are shown again.',
    fr: 'Conservée chiffrée sur le relais ; seuls ses 4 derniers caractères sont affichés ensuite.',
  },
  'destinations.urlFromPlatform': {
    en: '{service} gives each streamer their own server address: copy it from its streaming page.',
    fr: '{service} donne à chaque streamer sa propre adresse de serveur : copiez-la depuis sa page de diffusion.',
  },
  'destinations.badUrl': {
    en: 'The server address must start with rtmp:// or rtmps:// and hold no spaces, user name, password, ? or # (the key has its own field).',
    fr: 'L’adresse du serveur doit commencer par rtmp:// ou rtmps:// et ne contenir ni espace, ni nom d’utilisateur, ni mot de passe, ni ? ou # (la clé a son propre champ).',
  },
  'destinations.badKey': {
    en: 'The stream key is up to 512 printable characters, without spaces.',
    fr: 'La clé de diffusion compte au plus 512 caractères imprimables, sans espace.',
  },
  'destinations.add': { en: 'Add destination', fr: 'Ajouter la destination' },
  'destinations.added': { en: 'Destination added', fr: 'Destination ajoutée' },
  'destinations.enabled': { en: 'Send when I go live', fr: 'Envoyer quand je passe en direct' },
  'destinations.delete': { en: 'Delete', fr: 'Supprimer' },
  'destinations.confirmDelete': { en: 'Delete the destination “{name}”?', fr: 'Supprimer la destination « {name} » ?' },
  'destinations.newKey': { en: 'Replace key', fr: 'Remplacer la clé' },
  'destinations.saveKey': { en: 'Save key', fr: 'Enregistrer la clé' },
  'destinations.keyUnreadable': {
    en: 'The relay can no longer read this key (its secret changed): enter the key again.',
    fr: 'Le relais ne peut plus lire cette clé (son secret a changé) : saisissez de nouveau la clé.',
  },
  'destinations.service.youtube': { en: 'YouTube', fr: 'YouTube' },
  'destinations.service.twitch': { en: 'Twitch', fr: 'Twitch' },
  'destinations.service.tiktok': { en: 'TikTok', fr: 'TikTok' },
  'destinations.service.kick': { en: 'Kick', fr: 'Kick' },
  'destinations.service.custom': { en: 'Other (custom RTMP)', fr: 'Autre (RTMP personnalisé)' },
  // While live (go-live panel)
  'destinations.live.title': { en: 'Other platforms', fr: 'Autres plateformes' },
  'destinations.live.none': { en: 'No destinations: add some in Settings → Destinations.', fr: 'Aucune destination : ajoutez-en dans Paramètres → Destinations.' },
  'destinations.state.off': { en: 'Off', fr: 'Arrêtée' },
  'destinations.state.connecting': { en: 'Connecting…', fr: 'Connexion…' },
  'destinations.state.live': { en: 'Live', fr: 'En direct' },
  'destinations.state.retrying': { en: 'Retrying', fr: 'Nouvelle tentative' },
  'destinations.state.failed': { en: 'Failed', fr: 'Échec' },
  'destinations.retryIn': { en: 'next try in {seconds} s', fr: 'prochain essai dans {seconds} s' },
  'destinations.start': { en: 'Start', fr: 'Démarrer' },
  'destinations.stop': { en: 'Stop', fr: 'Arrêter' },
  'destinations.failure.refused': {
    en: 'The server refused the connection: check the server address, or the platform may be down.',
    fr: 'Le serveur a refusé la connexion : vérifiez l’adresse du serveur, ou la plateforme est peut-être indisponible.',
  },
  'destinations.failure.unknown_host': { en: 'The server’s name could not be found: check the server address.', fr: 'Le nom du serveur est introuvable : vérifiez l’adresse du serveur.' },
  'destinations.failure.timeout': { en: 'The server did not answer in time.', fr: 'Le serveur n’a pas répondu à temps.' },
  'destinations.failure.closed': {
    en: 'The platform closed the connection (it may have ended the stream, or the network dropped).',
    fr: 'La plateforme a fermé la connexion (elle a peut-être arrêté le direct, ou le réseau a coupé).',
  },
  'destinations.failure.rejected': {
    en: 'The platform closed the connection before the stream started: check the stream key.',
    fr: 'La plateforme a fermé la connexion avant le début du direct : vérifiez la clé de diffusion.',
  },
  'destinations.failure.no_tls': {
    en: 'The relay’s ffmpeg cannot make RTMPS connections: use an rtmp:// address, or ask the operator for an ffmpeg with TLS.',
    fr: 'Le ffmpeg du relais ne sait pas faire de connexions RTMPS : utilisez une adresse rtmp://, ou demandez à l’administrateur un ffmpeg avec TLS.',
  },
  'destinations.failure.no_picture': { en: 'No picture from the studio yet.', fr: 'Pas encore d’image du studio.' },
  'destinations.failure.no_ffmpeg': {
    en: 'The relay has no ffmpeg, which streaming to other platforms needs.',
    fr: 'Le relais n’a pas ffmpeg, nécessaire pour diffuser sur d’autres plateformes.',
  },
  'destinations.failure.key_unreadable': {
    en: 'The relay can no longer read this key: enter it again in Settings → Destinations.',
    fr: 'Le relais ne peut plus lire cette clé : saisissez-la de nouveau dans Paramètres → Destinations.',
  },
  'destinations.failure.other': { en: 'The push stopped: {detail}', fr: 'L’envoi s’est arrêté : {detail}' },
} as const;
