import { afterEach, describe, expect, it, vi } from 'vitest';
import { Emitter } from './emitter.js';

describe('Emitter (the one event emitter of the pages and the studio)', () => {
  afterEach(() => vi.restoreAllMocks());

  it('still reaches every listener when one of them throws', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const emitter = new Emitter<{ level: number }>();
    const heard: string[] = [];
    emitter.on('level', () => {
      throw new Error('broken meter');
    });
    emitter.on('level', (value) => heard.push(`second ${value}`));
    expect(() => emitter.emit('level', 3)).not.toThrow();
    expect(heard).toEqual(['second 3']);
    expect(logged).toHaveBeenCalledOnce();
  });

  it('stops calling a listener once it unsubscribed, even during an emit', () => {
    const emitter = new Emitter<{ tick: null }>();
    const calls: string[] = [];
    const offB = emitter.on('tick', () => calls.push('b'));
    emitter.on('tick', () => {
      calls.push('a');
      offB();
    });
    emitter.emit('tick', null);
    emitter.emit('tick', null);
    expect(calls).toEqual(['b', 'a', 'a']);
  });
});
