import type { EntityManager } from '@mikro-orm/core';
import { PerTransaction } from '../common/per-transaction.js';

/**
 * Rows of "rule_set_version": counters that every change to a set of rules bumps in its own
 * transaction, so that every instance rebuilds its index of them on its next batch.
 */
export const RULE_SETS = { workflows: 1, flows: 2 } as const;
export type RuleSet = keyof typeof RULE_SETS;

/**
 * Versions read per transaction: a batch of change events, handled in one transaction, reads every
 * counter in one statement, once, rather than each counter once per event. Any bump in this
 * process forgets them all (bumps are rare).
 */
let versions = new PerTransaction<Map<number, string>>();

export async function bumpRuleSetVersion(em: EntityManager, set: RuleSet): Promise<void> {
  await em.flush();
  await em.getConnection().execute(
    `insert into "rule_set_version" ("id", "version") values (?, 1) on conflict ("id") do update set "version" = "rule_set_version"."version" + 1`,
    [RULE_SETS[set]], 'run', em.getTransactionContext());
  versions = new PerTransaction();
}

export async function ruleSetVersion(em: EntityManager, set: RuleSet): Promise<string> {
  const all = await versions.get(em, 'all', async () => {
    const rows = await em.getConnection().execute<{ id: number; version: string }[]>(`select "id", "version" from "rule_set_version"`, [], 'all', em.getTransactionContext());
    return new Map(rows.map((row: { id: number; version: string }) => [Number(row.id), String(row.version)]));
  });
  return all.get(RULE_SETS[set]) ?? '0';
}
