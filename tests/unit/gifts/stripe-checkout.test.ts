/**
 * Stripe cannot be reached from the test machines, so the Checkout Session request is checked as
 * built: the official client sends it through a fetch stand-in that records it and answers as
 * Stripe's API does.
 */
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { stripeProvider } from '../../../relay-server/src/gifts/payments/stripe.js';

interface Sent {
  url: string;
  method: string;
  headers: Headers;
  form: URLSearchParams;
}

function recordingStripe(): { client: Stripe; sent: Sent[] } {
  const sent: Sent[] = [];
  const fakeFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    sent.push({ url: String(input), method: init?.method ?? 'GET', headers: new Headers(init?.headers), form: new URLSearchParams(String(init?.body ?? '')) });
    const reply = { id: 'cs_test_a1', object: 'checkout.session', url: 'https://checkout.stripe.com/c/pay/cs_test_a1' };
    return new Response(JSON.stringify(reply), { status: 200, headers: { 'content-type': 'application/json', 'request-id': 'req_1' } });
  };
  const client = new Stripe('sk_test_unit', { httpClient: Stripe.createFetchHttpClient(fakeFetch as typeof fetch), maxNetworkRetries: 0 });
  return { client, sent };
}

describe('Stripe Checkout: the request the relay builds', () => {
  it('asks for one line item priced from the catalogue, carrying our ids back to the webhook', async () => {
    const { client, sent } = recordingStripe();
    const provider = stripeProvider({ secretKey: 'sk_test_unit', webhookSecret: 'whsec_x', client });
    const result = await provider.createCheckout({
      userId: 'user-42',
      pack: { id: 'coins-550', coins: 550, priceMinor: 499, currency: 'eur' },
      successUrl: 'https://live.example/?coins=bought',
      cancelUrl: 'https://live.example/?coins=cancelled',
    });
    expect(result).toEqual({ url: 'https://checkout.stripe.com/c/pay/cs_test_a1', reference: 'cs_test_a1' });
    expect(sent).toHaveLength(1);
    const [request] = sent;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('https://api.stripe.com/v1/checkout/sessions');
    expect(request?.headers.get('authorization')).toBe('Bearer sk_test_unit');
    expect(request?.headers.get('idempotency-key')).toBeTruthy();
    expect(Object.fromEntries(request?.form ?? [])).toEqual({
      mode: 'payment',
      client_reference_id: 'user-42',
      'line_items[0][quantity]': '1',
      'line_items[0][price_data][currency]': 'eur',
      'line_items[0][price_data][unit_amount]': '499',
      'line_items[0][price_data][product_data][name]': '550 Afritok coins',
      'metadata[userId]': 'user-42',
      'metadata[packId]': 'coins-550',
      'metadata[coins]': '550',
      'payment_intent_data[metadata][userId]': 'user-42',
      'payment_intent_data[metadata][packId]': 'coins-550',
      'payment_intent_data[metadata][coins]': '550',
      success_url: 'https://live.example/?coins=bought',
      cancel_url: 'https://live.example/?coins=cancelled',
    });
  });

  it('reads a signed completed checkout, and refuses one signed with another secret', () => {
    const { client } = recordingStripe();
    const provider = stripeProvider({ secretKey: 'sk_test_unit', webhookSecret: 'whsec_right', client });
    const payload = JSON.stringify({
      id: 'evt_1',
      object: 'event',
      type: 'checkout.session.completed',
      data: { object: { id: 'cs_1', payment_status: 'paid', amount_total: 499, currency: 'eur', metadata: { userId: 'u1', packId: 'coins-550', coins: '550' } } },
    });
    const good = Stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_right' });
    expect(provider.readWebhook(Buffer.from(payload), good)).toEqual({ reference: 'cs_1', userId: 'u1', packId: 'coins-550', coins: 550, amountMinor: 499, currency: 'eur' });
    const bad = Stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_wrong' });
    expect(() => provider.readWebhook(Buffer.from(payload), bad)).toThrow(/signature/i);
  });
});
