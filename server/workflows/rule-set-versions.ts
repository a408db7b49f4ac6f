import type { EntityManager } from '@mikro-orm/core';

/**
 * Rows of "rule_set_version": counters that every change to a set of rules bumps in its own
 * transaction, so that every instance rebuilds its index of them on its next batch.
 */
export const RULE_SETS = { workflows: 1, flows: 2 } as const;
export type RuleSet = keyof typeof RULE_SETS;

/**
 * Versions read per transaction: a batch of change events, handled in one transaction, checks each
 * counter once rather than once per event. Any bump in this process forgets them all (bumps are rare).
 */
let readIn = new WeakMap<object, Map<RuleSet, string>>();

export async function bumpRuleSetVersion(em: EntityManager, set: RuleSet): Promise<void> {
  await em.flush();
  await em.getConnection().execute(
    `insert into "rule_set_version" ("id", "version") values (?, 1) on conflict ("id") do update set "version" = "rule_set_version"."version" + 1`,
    [RULE_SETS[set]], 'run', em.getTransactionContext());
  readIn = new WeakMap();
}

export async function ruleSetVersion(em: EntityManager, set: RuleSet): Promise<string> {
  const transaction = em.getTransactionContext<object>();
  const known = transaction ? readIn.get(transaction)?.get(set) : undefined;
  if (known !== undefined) return known;
  const rows = await em.getConnection().execute<{ version: string }[]>(`select "version" from "rule_set_version" where "id" = ?`, [RULE_SETS[set]], 'all', transaction);
  const version = String(rows[0]?.version ?? '0');
  if (transaction) {
    if (!readIn.has(transaction)) readIn.set(transaction, new Map());
    readIn.get(transaction)!.set(set, version);
  }
  return version;
}
