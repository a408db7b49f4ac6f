import type { EntityManager } from '@mikro-orm/core';

/**
 * Values read at most once per database transaction, by key: a batch of change events or jobs is
 * one transaction, and its items mostly ask for the same few rows (templates, employees). Outside
 * a transaction every call loads. A failed load is forgotten, so the next caller tries again.
 */
export class PerTransaction<V> {
  private readonly byTransaction = new WeakMap<object, Map<string, Promise<V>>>();

  get(em: EntityManager, key: string, load: () => Promise<V>): Promise<V> {
    const transaction = em.getTransactionContext<object>();
    if (!transaction) return load();
    let known = this.byTransaction.get(transaction);
    if (!known) this.byTransaction.set(transaction, (known = new Map()));
    let found = known.get(key);
    if (!found) {
      known.set(key, (found = load()));
      found.catch(() => known.delete(key));
    }
    return found;
  }
}

/**
 * One value per database transaction: the state of a batch (what its start read, what its items
 * decided), set where the batch starts and read by its items. Outside a transaction there is none,
 * and setting one does nothing.
 */
export class TransactionSlot<V> {
  private readonly byTransaction = new WeakMap<object, V>();

  get(em: EntityManager): V | undefined {
    const transaction = em.getTransactionContext<object>();
    return transaction ? this.byTransaction.get(transaction) : undefined;
  }

  has(em: EntityManager): boolean {
    const transaction = em.getTransactionContext<object>();
    return transaction !== undefined && this.byTransaction.has(transaction);
  }

  /** Answers false (and keeps nothing) outside a transaction. */
  set(em: EntityManager, value: V): boolean {
    const transaction = em.getTransactionContext<object>();
    if (!transaction) return false;
    this.byTransaction.set(transaction, value);
    return true;
  }

  forget(em: EntityManager): void {
    const transaction = em.getTransactionContext<object>();
    if (transaction) this.byTransaction.delete(transaction);
  }
}
