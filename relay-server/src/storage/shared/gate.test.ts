import { describe, expect, it } from 'vitest';
import { CHECKS_REENTRY, Gate } from './gate.js';

describe('Gate', () => {
  it('runs holders one at a time, in the order they came', async () => {
    const gate = new Gate();
    const order: string[] = [];
    const slow = gate.run(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      order.push('first');
    });
    const quick = gate.run(async () => void order.push('second'));
    await Promise.all([slow, quick]);
    expect(order).toEqual(['first', 'second']);
  });

  it('under test, refuses to be taken again from inside its own holder instead of waiting on itself forever', async () => {
    expect(CHECKS_REENTRY).toBe(true);
    const gate = new Gate();
    const inner = gate.run(() => gate.run(async () => 'never'));
    await expect(inner).rejects.toThrow(/outside its own transaction/);
    // And the gate is free afterwards.
    await expect(gate.run(async () => 'next')).resolves.toBe('next');
  });
});
