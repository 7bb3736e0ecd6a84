/** Why a renderer process went away (Electron's RenderProcessGoneDetails.reason). */
export type GoneReason =
  | 'clean-exit'
  | 'abnormal-exit'
  | 'killed'
  | 'crashed'
  | 'oom'
  | 'launch-failed'
  | 'integrity-failure'
  | 'memory-eviction';

/** A page that died for any reason but a normal exit leaves a blank window: offer to reload it. */
export function shouldOfferReload(reason: GoneReason | string): boolean {
  return reason !== 'clean-exit';
}

export interface CrashPrompt {
  /** Shows the question; resolves with the index of the chosen button. */
  ask(message: { message: string; detail: string; buttons: string[] }): Promise<number>;
  reload(): void;
  quit(): void;
}

/** Asks "Reload / Quit" after a crash; reloading is the default (Enter). */
export async function offerReload(reason: string, prompt: CrashPrompt, language: 'en' | 'fr'): Promise<void> {
  if (!shouldOfferReload(reason)) return;
  const words =
    language === 'fr'
      ? { message: 'Le studio s’est arrêté de façon inattendue.', detail: `Raison : ${reason}. Recharger le studio le relance ; un direct en cours reprend.`, buttons: ['Recharger', 'Quitter'] }
      : { message: 'The studio stopped unexpectedly.', detail: `Reason: ${reason}. Reloading starts it again; a running live picks up where it was.`, buttons: ['Reload', 'Quit'] };
  const choice = await prompt.ask(words);
  if (choice === 0) prompt.reload();
  else prompt.quit();
}
