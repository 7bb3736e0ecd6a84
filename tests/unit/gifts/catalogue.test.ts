import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../relay-server/src/config.js';
import { DEFAULT_CATALOGUE_PATH, loadCatalogue } from '../../../relay-server/src/gifts/config.js';

const write = (json: unknown) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gifts-')), 'gifts.json');
  fs.writeFileSync(file, typeof json === 'string' ? json : JSON.stringify(json));
  return file;
};
const rose = { id: 'rose', names: { fr: 'Rose', en: 'Rose' }, emoji: '🌹', coins: 1, animation: 'float', tier: 'common' };

describe('gift catalogue and payment settings', () => {
  it('the repository catalogue is valid', () => {
    expect(loadCatalogue(DEFAULT_CATALOGUE_PATH).gifts.length).toBeGreaterThan(3);
  });

  it('a bad catalogue stops start-up naming GIFT_CATALOGUE and what is wrong', () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ gifts: [rose, rose], coinPacks: [] }, /gift ids must be unique/],
      [{ gifts: [{ ...rose, coins: -1 }], coinPacks: [] }, /gifts\.0\.coins/],
      [{ gifts: [{ ...rose, names: { en: 'Rose' } }], coinPacks: [] }, /names\.fr/],
      [{ gifts: [{ ...rose, animation: 'explode' }], coinPacks: [] }, /animation/],
      ['{ not json', /cannot read/],
    ];
    for (const [json, message] of cases) {
      expect(() => loadConfig({ GIFT_CATALOGUE: write(json) })).toThrow(/GIFT_CATALOGUE/);
      expect(() => loadConfig({ GIFT_CATALOGUE: write(json) })).toThrow(message);
    }
  });

  it('refuses PAYMENTS=dev in production, and Stripe without its keys', () => {
    expect(() => loadConfig({ PAYMENTS: 'dev' })).toThrow(/PAYMENTS: dev .*NODE_ENV=production/);
    expect(() => loadConfig({ PAYMENTS: 'dev', NODE_ENV: 'production' })).toThrow(/PAYMENTS/);
    expect(loadConfig({ PAYMENTS: 'dev', NODE_ENV: 'development' }).gifts?.payments).toEqual({ kind: 'dev' });
    expect(() => loadConfig({ PAYMENTS: 'stripe' })).toThrow(/STRIPE_SECRET_KEY: required[\s\S]*STRIPE_WEBHOOK_SECRET: required/);
    expect(() => loadConfig({ CREATOR_SHARE: '1.5' })).toThrow(/CREATOR_SHARE/);
    expect(loadConfig({}).gifts?.creatorShare).toBe(0.5);
  });
});
