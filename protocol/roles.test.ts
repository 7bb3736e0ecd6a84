import { describe, expect, it } from 'vitest';
import { Role, isStage, isStageGuest } from './sessions.js';

describe('stage roles (one rule for the relay and the pages)', () => {
  it('puts the host, moderators and guests on stage, never viewers', () => {
    expect(Role.options.filter((r) => isStage(r))).toEqual(['host', 'moderator', 'guest']);
    expect(Role.options.filter((r) => isStageGuest(r))).toEqual(['moderator', 'guest']);
    expect(isStage(null)).toBe(false);
    expect(isStage('admin')).toBe(false);
  });
});
