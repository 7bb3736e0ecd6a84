import { z } from 'zod';
import { test, expect } from '../support/fixtures.js';

const Ack = z.object({ ok: z.boolean(), error: z.object({ code: z.string() }).optional() });

test('a browser cannot signal into another session by forging `to` or `sessionId`', async ({ goLive }) => {
  const a = await goLive('video');
  const b = await goLive('video');

  // Host A, in room A, names host B (a member of another session) as the recipient.
  const forgedTo = Ack.parse(await a.page.evaluate(`window.testbench.rawSignal(${JSON.stringify(a.sessionId)}, ${JSON.stringify(b.host.user.id)})`));
  expect(forgedTo.ok).toBe(false);
  // Host A claims session B, whose room it never joined.
  const forgedSession = Ack.parse(await a.page.evaluate(`window.testbench.rawSignal(${JSON.stringify(b.sessionId)}, ${JSON.stringify(b.host.user.id)})`));
  expect(forgedSession.ok).toBe(false);
  expect([forgedTo.error?.code, forgedSession.error?.code]).toEqual([expect.stringMatching(/not_found|forbidden/), expect.stringMatching(/not_found|forbidden/)]);

  // A legitimate signal inside B still works, and nothing from A ever reached B.
  const received = z.array(z.object({ sessionId: z.string(), from: z.string() })).parse(await b.page.evaluate('window.testbench.received'));
  expect(received.filter((r) => r.from === a.host.user.id)).toEqual([]);
});
