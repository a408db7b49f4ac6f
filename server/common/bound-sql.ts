import type { EntityManager } from '@mikro-orm/core';
import type { AbstractSqlConnection } from '@mikro-orm/sql';
import { CompiledQuery, type Kysely } from 'kysely';
import { Remembered } from '@stroom/dsl';

/**
 * Runs a statement in the entity manager's transaction (or on the pool) with its parameters bound
 * by the database driver, not written into the text: MikroORM's `execute` formats every parameter
 * into the SQL as an escaped literal, character by character, which for a batch's JSON parameter
 * (hundreds of rendered e-mails) cost more CPU than the statement. `?` marks a parameter, as in
 * `execute`; quoted text and identifiers are left alone.
 */
export async function executeBound<R = Record<string, unknown>>(em: EntityManager, sql: string, params: readonly unknown[]): Promise<{ rows: R[]; affected: number }> {
  const executor = em.getTransactionContext<Kysely<unknown>>() ?? (em.getConnection() as AbstractSqlConnection).getClient();
  const result = await executor.executeQuery<R>(CompiledQuery.raw(numbered(sql, params.length), [...params]));
  return { rows: result.rows, affected: Number(result.numAffectedRows ?? 0) };
}

/** A statement with its positional parameters (`?`), in order. */
export interface SqlPart {
  sql: string;
  params: unknown[];
}

/**
 * Data-modifying statements (updates, inserts without a `returning` the caller needs) as the parts of
 * one statement, one round trip: each becomes a CTE of `with … select 1`. All parts see the database
 * as it was before the statement (none sees another's rows), so they must not depend on each other.
 */
export async function executeTogether(em: EntityManager, parts: readonly SqlPart[]): Promise<void> {
  if (parts.length === 0) return;
  const { sql, params } = asCtes(parts);
  await executeBound(em, `with ${sql} select 1`, params);
}

/** The parts as a list of CTEs (`"part1" as (…), "part2" as (…)`) to open a statement with, and their parameters. */
export function asCtes(parts: readonly SqlPart[]): SqlPart {
  return { sql: parts.map((part, i) => `"part${i + 1}" as (${part.sql})`).join(', '), params: parts.flatMap((part) => part.params) };
}

const numberedTexts = new Remembered<string, { text: string; count: number }>(1_000);

/** `?` placeholders as `$1`, `$2`, …, outside quoted text and identifiers. */
export function numbered(sql: string, count: number): string {
  const known = numberedTexts.get(sql, () => {
    let n = 0;
    const text = sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|\?/g, (part) => (part === '?' ? `$${++n}` : part));
    return { text, count: n };
  });
  if (known.count !== count) throw new Error(`the statement has ${known.count} parameter(s), ${count} given`);
  return known.text;
}
