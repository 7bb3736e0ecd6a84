import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../../protocol/routes.js';
import { runLedgerCheck } from '../../support/ledger.js';
import { startTestRelay, testDialects, type TestRelay } from '../../support/relay.js';
import { call, member, walletOf, type Member } from './world.js';

const SECRET = 'whsec_test_afritok_webhook_secret';
const WEBHOOK = routes.stripeWebhook.path;
let eventCounter = 0;

/** A Checkout Session event as Stripe sends it (the fields we read, plus some we do not). */
function checkoutEvent(type: string, session: { id: string; userId: string; paid: boolean; coins?: number }) {
  eventCounter += 1;
  return {
    id: `evt_test_${eventCounter}`,
    object: 'event',
    type,
    api_version: '2025-01-01',
    created: Math.floor(Date.now() / 1000),
    data: {
      object: {
        id: session.id,
        object: 'checkout.session',
        mode: 'payment',
        amount_total: 499,
        currency: 'eur',
        client_reference_id: session.userId,
        payment_status: session.paid ? 'paid' : 'unpaid',
        status: 'complete',
        metadata: { userId: session.userId, packId: 'coins-550', coins: String(session.coins ?? 550) },
      },
    },
  };
}

/** Posts `payload` as Stripe would: the exact bytes, signed with `secret` at `timestamp`. */
async function deliver(t: TestRelay, payload: unknown, options: { secret?: string; timestamp?: number; signature?: string | null; body?: string } = {}) {
  const body = options.body ?? JSON.stringify(payload, null, 2);
  const signature =
    options.signature === undefined
      ? Stripe.webhooks.generateTestHeaderString({ payload: body, secret: options.secret ?? SECRET, timestamp: options.timestamp })
      : options.signature;
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
  if (signature !== null) headers['stripe-signature'] = signature;
  return t.api('POST', WEBHOOK, { body, headers });
}

describe.each(testDialects)('Stripe webhook [%s]', (dialect) => {
  let t: TestRelay;
  let buyer: Member;

  beforeAll(async () => {
    t = await startTestRelay({ dialect, env: { PAYMENTS: 'stripe', STRIPE_SECRET_KEY: 'sk_test_not_reachable', STRIPE_WEBHOOK_SECRET: SECRET } });
    buyer = await member(t);
  });
  afterAll(() => t?.close());

  it('credits a paid checkout once, however often Stripe delivers it', async () => {
    const event = checkoutEvent('checkout.session.completed', { id: 'cs_test_once', userId: buyer.userId, paid: true });
    const first = await deliver(t, event);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toEqual({ received: true });
    expect((await walletOf(t, buyer)).coins).toBe(550);
    for (let i = 0; i < 3; i += 1) expect((await deliver(t, event)).status).toBe(200);
    const together = await Promise.all(Array.from({ length: 5 }, () => deliver(t, event)));
    expect(together.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect((await walletOf(t, buyer)).coins).toBe(550);
  });

  it('credits an asynchronous payment once, whichever of its events arrives first', async () => {
    const other = await member(t);
    const session = { id: 'cs_test_async', userId: other.userId };
    const succeeded = checkoutEvent('checkout.session.async_payment_succeeded', { ...session, paid: true });
    const completedUnpaid = checkoutEvent('checkout.session.completed', { ...session, paid: false });
    const completedPaid = checkoutEvent('checkout.session.completed', { ...session, paid: true });
    // Stripe does not promise order: the success first, the "completed, unpaid" after, then a late paid copy.
    expect((await deliver(t, succeeded)).status).toBe(200);
    expect((await deliver(t, completedUnpaid)).status).toBe(200);
    expect((await deliver(t, completedPaid)).status).toBe(200);
    expect((await walletOf(t, other)).coins).toBe(550);
  });

  it('credits nothing for unpaid, expired or foreign events, and answers them 200 so Stripe stops retrying', async () => {
    const other = await member(t);
    expect((await deliver(t, checkoutEvent('checkout.session.completed', { id: 'cs_unpaid', userId: other.userId, paid: false }))).status).toBe(200);
    expect((await deliver(t, checkoutEvent('checkout.session.expired', { id: 'cs_expired', userId: other.userId, paid: false }))).status).toBe(200);
    expect((await deliver(t, checkoutEvent('checkout.session.completed', { id: 'cs_nobody', userId: 'no-such-user', paid: true }))).status).toBe(200);
    expect((await deliver(t, { id: 'evt_x', object: 'event', type: 'customer.created', data: { object: { id: 'cus_1' } } })).status).toBe(200);
    expect((await walletOf(t, other)).coins).toBe(0);
  });

  it('refuses forged, tampered, stale and unsigned deliveries without crediting anything', async () => {
    const victim = await member(t);
    const event = checkoutEvent('checkout.session.completed', { id: 'cs_forged', userId: victim.userId, paid: true, coins: 1_000_000 });
    const body = JSON.stringify(event);
    const forged = await deliver(t, event, { secret: 'whsec_attacker_guess' });
    expect(forged.status).toBe(400);
    expect(forged.body).toMatchObject({ error: { code: 'invalid_input' } });
    const signedOther = Stripe.webhooks.generateTestHeaderString({ payload: body.replace('1000000', '550'), secret: SECRET });
    expect((await deliver(t, event, { body, signature: signedOther })).status).toBe(400);
    const stale = Math.floor(Date.now() / 1000) - 3600;
    expect((await deliver(t, event, { timestamp: stale })).status).toBe(400);
    expect((await deliver(t, event, { signature: null })).status).toBe(400);
    expect((await deliver(t, event, { signature: 't=1,v1=deadbeef' })).status).toBe(400);
    // Re-serialising the signed JSON (as a parsed-body handler would) breaks the signature: the raw bytes are what count.
    const pretty = JSON.stringify(event, null, 2);
    const signedPretty = Stripe.webhooks.generateTestHeaderString({ payload: pretty, secret: SECRET });
    expect((await deliver(t, event, { body: JSON.stringify(JSON.parse(pretty)), signature: signedPretty })).status).toBe(400);
    expect((await walletOf(t, victim)).coins).toBe(0);
  });

  it('refuses checkouts for unknown packs, anonymous buyers and return paths off this site (before asking Stripe)', async () => {
    expect((await call(t, routes.checkout, {}, buyer, { packId: 'coins-999999' })).status).toBe(404);
    expect((await call(t, routes.checkout, {}, undefined, { packId: 'coins-550' })).status).toBe(401);
    for (const returnPath of ['//evil.example/x', 'https://evil.example', '/watch?x=1', 'watch/1', '/a\\b']) {
      const res = await call(t, routes.checkout, {}, buyer, { packId: 'coins-550', returnPath });
      expect(res.status, returnPath).toBe(400);
    }
  });

  it('refuses dev grants on a relay that sells coins', async () => {
    const res = await call(t, routes.devGrant, {}, buyer, { coins: 100 });
    expect(res.status).toBe(403);
    expect((await walletOf(t, buyer)).coins).toBe(550);
  });

  it('npm run ledger:check passes after the webhooks', async () => {
    const run = await runLedgerCheck(t.config.database);
    expect(run.output).toMatch(/ledger check ok: \d+ transfers, \d+ entries, 1100 coins minted, 1100 held/);
    expect(run.code).toBe(0);
  }, 120_000);
});
