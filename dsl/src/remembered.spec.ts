import { describe, expect, it } from '@jest/globals';
import { Remembered } from './remembered.js';

describe('remembered answers', () => {
  it('computes each key once, undefined answers included', () => {
    const memory = new Remembered<string, string | undefined>(10);
    let computed = 0;
    const answer = (key: string) => memory.get(key, (k) => (computed++, k === 'none' ? undefined : k.toUpperCase()));
    expect([answer('a'), answer('a'), answer('none'), answer('none')]).toEqual(['A', 'A', undefined, undefined]);
    expect(computed).toBe(2);
  });

  it('starts afresh past its limit, and answers the same', () => {
    const memory = new Remembered<number, number>(3);
    let computed = 0;
    const square = (n: number) => memory.get(n, (k) => (computed++, k * k));
    for (const n of [1, 2, 3, 4, 1]) expect(square(n)).toBe(n * n);
    // 1, 2, 3 filled it; 4 cleared it; 1 was computed again.
    expect(computed).toBe(5);
    expect(square(4)).toBe(16);
    expect(computed).toBe(5);
  });
});
