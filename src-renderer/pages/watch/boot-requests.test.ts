import { describe, expect, it } from 'vitest';
import { buildPath } from '../../../protocol/http.js';
import { routes } from '../../../protocol/routes.js';
import { watchBootRequests, watchTarget } from './boot-requests.js';

describe('watch page boot requests', () => {
  const origin = 'https://live.example';
  const id = 'a b/é';
  const requests = watchBootRequests(origin, id, 'Viewer');
  const expected = (route: { method: string; path: string }) => ({ method: route.method, url: `${origin}${buildPath(route.path, { id })}` });

  it('are the very requests the API client makes from the route table (else the page asks twice)', () => {
    expect(requests.identity).toEqual({ ...expected(routes.viewerIdentity), body: { displayName: 'Viewer' } });
    expect(requests.media).toEqual(expected(routes.mediaHint));
    expect(requests.hls).toEqual(expected(routes.hlsHint));
    expect(requests.session).toEqual(expected(routes.getSession));
    expect(requests.join).toEqual(expected(routes.joinSession));
    expect(routes.viewerIdentity.body.safeParse(requests.identity.body).success).toBe(true);
  });

  it('reads the session and the invite link from the address', () => {
    expect(watchTarget({ pathname: '/watch/abc%20d', search: '?invite=tok' })).toEqual({ sessionId: 'abc d', inviteToken: 'tok' });
    expect(watchTarget({ pathname: '/watch', search: '' })).toEqual({ sessionId: '', inviteToken: null });
  });
});
