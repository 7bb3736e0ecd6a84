/** Scenes, transitions and one-click guest layouts (studio/scenes/). */
export const scenes = {
  'studio.scene.addedToPreview': {
    en: '“{name}” is in preview: nothing changed on air. Press Transition (Enter) when it is ready.',
    fr: '« {name} » est en aperçu : rien n’a changé à l’antenne. Appuyez sur Transition (Entrée) quand elle est prête.',
  },
  'layout.title': { en: 'Layout', fr: 'Disposition' },
  'layout.solo': { en: 'Solo', fr: 'Seul' },
  'layout.sideBySide': { en: 'Side by side', fr: 'Côte à côte' },
  'layout.grid': { en: 'Grid', fr: 'Grille' },
  'layout.pip': { en: 'Picture-in-picture', fr: 'Incrustation' },
  'layout.screenSpeakers': { en: 'Screen + speakers', fr: 'Écran + intervenants' },
  'layout.free': { en: 'Free placement', fr: 'Placement libre' },
  'studio.scenes': { en: 'Scenes', fr: 'Scènes' },
  'studio.scene.add': { en: 'Add scene', fr: 'Ajouter une scène' },
  'studio.scene.defaultName': { en: 'Scene', fr: 'Scène' },
  'studio.scene.rename': { en: 'Scene name', fr: 'Nom de la scène' },
  'studio.scene.program': { en: 'Program', fr: 'Programme' },
  'studio.scene.preview': { en: 'Preview', fr: 'Aperçu' },
  'studio.transition.cut': { en: 'Cut', fr: 'Coupe' },
  'studio.transition.fade': { en: 'Fade', fr: 'Fondu' },
  'studio.transition.duration': { en: 'Duration (ms)', fr: 'Durée (ms)' },
  'studio.transition.take': { en: 'Transition', fr: 'Transition' },
} as const satisfies Record<string, { en: string; fr: string }>;
