import type { ModuleContext } from '../core/module.js';
import { onEvent, type RelaySocket } from '../realtime/on-event.js';
import type { StageService } from './service.js';

/** Thin Socket.io adapter over StageService. */
export function registerStageEvents(socket: RelaySocket, ctx: ModuleContext): void {
  const stage = (): StageService => ctx.services.get('stage');
  onEvent(socket, 'stage:set', ctx.checkActor, async ({ sessionId, onAir, cueing }, { actor }) => ({
    stage: await stage().setStage(actor, sessionId, onAir, cueing),
  }));
  onEvent(socket, 'stage:get', ctx.checkActor, async ({ sessionId }, { actor }) => ({ stage: await stage().getStage(actor, sessionId) }));
  onEvent(socket, 'backstage:send', ctx.checkActor, async ({ sessionId, content, clientMessageId }, { actor }) => ({
    message: await stage().send(actor, sessionId, content, clientMessageId),
  }));
  onEvent(socket, 'backstage:history', ctx.checkActor, async ({ sessionId }, { actor }) => ({
    messages: await stage().history(actor, sessionId),
  }));
}
