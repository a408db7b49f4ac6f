import { describe, expect, it } from '@jest/globals';
import type { EntityManager } from '@mikro-orm/core';
import { PerTransaction, TransactionSlot } from './per-transaction.js';

const inTransaction = (transaction: object | undefined) => ({ getTransactionContext: () => transaction }) as unknown as EntityManager;

describe('PerTransaction', () => {
  it('loads a key once per transaction, and again in another one or outside any', async () => {
    const cache = new PerTransaction<number>();
    let loads = 0;
    const load = async () => ++loads;
    const batch = inTransaction({});
    expect(await Promise.all([cache.get(batch, 'a', load), cache.get(batch, 'a', load)])).toEqual([1, 1]);
    expect(await cache.get(batch, 'b', load)).toBe(2);
    expect(await cache.get(inTransaction({}), 'a', load)).toBe(3);
    expect(await cache.get(inTransaction(undefined), 'a', load)).toBe(4);
    expect(await cache.get(inTransaction(undefined), 'a', load)).toBe(5);
  });

  it('forgets a failed load, so the next caller tries again', async () => {
    const cache = new PerTransaction<string>();
    const batch = inTransaction({});
    await expect(cache.get(batch, 'a', async () => { throw new Error('down'); })).rejects.toThrow('down');
    expect(await cache.get(batch, 'a', async () => 'up')).toBe('up');
  });
});

describe('TransactionSlot', () => {
  it('keeps one value per transaction, forgets it on request, and keeps nothing outside a transaction', () => {
    const slot = new TransactionSlot<string>();
    const first = inTransaction({});
    const second = inTransaction({});
    const none = inTransaction(undefined);
    expect(slot.set(first, 'a')).toBe(true);
    expect(slot.get(first)).toBe('a');
    expect(slot.has(second)).toBe(false);
    expect(slot.get(second)).toBeUndefined();
    expect(slot.set(none, 'b')).toBe(false);
    expect(slot.has(none)).toBe(false);
    expect(slot.get(none)).toBeUndefined();
    slot.forget(first);
    expect(slot.has(first)).toBe(false);
  });
});
