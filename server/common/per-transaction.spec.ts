import { describe, expect, it } from '@jest/globals';
import type { EntityManager } from '@mikro-orm/core';
import { TransactionSlot } from './per-transaction.js';

const inTransaction = (transaction: object | undefined) => ({ getTransactionContext: () => transaction }) as unknown as EntityManager;

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
