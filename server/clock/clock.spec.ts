import { describe, expect, it } from '@jest/globals';
import { ManualClock } from './clock.js';

describe('ManualClock', () => {
  it('stands still until moved, and never moves backwards', () => {
    const clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
    expect(clock.now().toISOString()).toBe('2026-01-01T00:00:00.000Z');
    clock.set(new Date('2026-01-02T00:00:00Z'));
    expect(clock.now().toISOString()).toBe('2026-01-02T00:00:00.000Z');
    clock.set(new Date('2025-12-31T00:00:00Z'));
    expect(clock.now().toISOString()).toBe('2026-01-02T00:00:00.000Z');
  });

  it('hands out copies, so callers cannot move it', () => {
    const clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
    clock.now().setFullYear(2030);
    expect(clock.now().getUTCFullYear()).toBe(2026);
  });
});
