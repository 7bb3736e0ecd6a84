import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { RouteDef } from '../../../protocol/http.js';
import { routes } from '../../../protocol/routes.js';
import type { Session, SessionType } from '../../../protocol/sessions.js';
import type { User } from '../../../protocol/users.js';
import { createApiClient, type ApiClient, type CallInput } from '../../../src-renderer/shared/api/client.js';

/** The password of every account `signUp` creates (for filling sign-in forms). */
export const TEST_PASSWORD = 'correct horse battery';

export interface SignedUp {
  user: User;
  token: string;
  api: ApiClient;
}

/** The relay's HTTP API from the test process (same typed client as the pages). */
export class RelayApi {
  constructor(readonly baseUrl: string) {}

  client(token: string | null = null): ApiClient {
    return createApiClient(this.baseUrl, () => token);
  }

  call<R extends RouteDef>(token: string | null, route: R, input?: CallInput<R>): Promise<z.output<R['reply']>> {
    return this.client(token).call(route, input);
  }

  /** Registers a fresh account with a unique username. */
  async signUp(prefix = 'user', displayName?: string): Promise<SignedUp> {
    const username = `${prefix}_${randomBytes(4).toString('hex')}`.slice(0, 32);
    const { user, token } = await this.client().call(routes.register, {
      body: { username, password: TEST_PASSWORD, displayName: displayName ?? username },
    });
    return { user, token, api: this.client(token) };
  }

  async guest(displayName: string): Promise<SignedUp> {
    const { user, token } = await this.client().call(routes.guest, { body: { displayName } });
    return { user, token, api: this.client(token) };
  }

  async createSession(host: SignedUp, type: SessionType = 'video', extra: { isPublic?: boolean; title?: string } = {}): Promise<Session> {
    const { session } = await host.api.call(routes.createSession, {
      body: { title: extra.title ?? `e2e ${type} ${randomBytes(2).toString('hex')}`, type, isPublic: extra.isPublic ?? true },
    });
    return session;
  }
}
