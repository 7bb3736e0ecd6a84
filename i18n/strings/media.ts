/** The mixer, output formats and recording (studio/media/). */
export const media = {
  'studio.mixer.scope.global': { en: 'All scenes', fr: 'Toutes les scènes' },
  'studio.mixer.scope.scene': { en: 'This scene only', fr: 'Cette scène seulement' },
  'studio.mixer.scope.globalHint': {
    en: 'Heard on every scene, like OBS’s Mic/Aux. Click to hear it only while its scene is on air.',
    fr: 'Entendu sur toutes les scènes, comme Mic/Aux dans OBS. Cliquez pour ne l’entendre que lorsque sa scène est à l’antenne.',
  },
  'studio.mixer.scope.sceneHint': {
    en: 'Heard only while its scene is on air. Click to hear it on every scene.',
    fr: 'Entendu seulement lorsque sa scène est à l’antenne. Cliquez pour l’entendre sur toutes les scènes.',
  },
  'studio.output.hint': {
    en: 'The size of what viewers receive and what is recorded. Portrait fills a phone screen.',
    fr: 'La taille de ce que reçoivent les spectateurs et de ce qui est enregistré. Le format portrait remplit un écran de téléphone.',
  },
  'studio.output.landscape': { en: '(landscape)', fr: '(paysage)' },
  'studio.output.portrait': { en: '(portrait, phones)', fr: '(portrait, téléphones)' },
  'studio.output.fps': { en: 'Frame rate', fr: 'Images par seconde' },
  'studio.mixer.master': { en: 'Master', fr: 'Général' },
  'studio.mixer.empty': { en: 'No audio source on program.', fr: 'Aucune source audio au programme.' },
  'studio.mixer.enable': { en: 'Enable audio', fr: "Activer l'audio" },
  'studio.mixer.volume': { en: 'Volume', fr: 'Volume' },
  'studio.mixer.mute': { en: 'Mute', fr: 'Couper' },
  'studio.mixer.unmute': { en: 'Unmute', fr: 'Rétablir' },
  'studio.mixer.monitorOn': { en: 'Monitoring', fr: 'Écoute active' },
  'studio.mixer.monitorOff': { en: 'Monitor', fr: 'Écouter' },
  'studio.record.start': { en: 'Record', fr: 'Enregistrer' },
  'studio.record.stop': { en: 'Stop recording', fr: "Arrêter l'enregistrement" },
  'studio.record.recording': { en: 'Recording…', fr: 'Enregistrement…' },
  'studio.record.saving': { en: 'Saving…', fr: 'Sauvegarde…' },
  'studio.record.folder': { en: 'Recordings folder…', fr: 'Dossier des enregistrements…' },
  'studio.record.saved': { en: 'Saved: {name}', fr: 'Enregistré : {name}' },
} as const satisfies Record<string, { en: string; fr: string }>;
