import { onEvent, type ActorCheck, type RelaySocket } from '../realtime/on-event.js';
import type { StageService } from './service.js';

/** Thin Socket.io adapter over StageService. */
export function registerStageEvents(socket: RelaySocket, checkActor: ActorCheck, stage: () => StageService): void {
  onEvent(socket, 'stage:set', checkActor, async ({ sessionId, onAir, cueing }, { actor }) => ({
    stage: await stage().setStage(actor, sessionId, onAir, cueing),
  }));
  onEvent(socket, 'stage:get', checkActor, async ({ sessionId }, { actor }) => ({ stage: await stage().getStage(actor, sessionId) }));
  onEvent(socket, 'backstage:send', checkActor, async ({ sessionId, content, clientMessageId }, { actor }) => ({
    message: await stage().send(actor, sessionId, content, clientMessageId),
  }));
  onEvent(socket, 'backstage:history', checkActor, async ({ sessionId }, { actor }) => ({
    messages: await stage().history(actor, sessionId),
  }));
}
