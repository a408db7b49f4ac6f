// Where the date fields of each record type live, and the indexed queries that find them by day.
import type { EntityManager } from '@mikro-orm/core';
import { STANDARD_FIELDS, type DateTrigger, type DateTriggerEntity, type YearlyTrigger } from '@stroom/dsl';
import { DateTime } from 'luxon';
import type { DateRange } from './date-trigger-days.js';

export interface DatedPerson {
  personId: string;
  /** The date value (YYYY-MM-DD, or an ISO date-time for a person's extra field). */
  value: string;
}

const TABLES: Record<DateTriggerEntity, { table: string; person: string }> = {
  person: { table: 'person', person: 'id' },
  sale: { table: 'sale', person: 'person_id' },
  quote_request: { table: 'quote_request', person: 'person_id' },
  opportunity: { table: 'opportunity', person: 'person_id' },
};
const NAME = /^[a-z_][a-z0-9_]*$/i;

/** A trigger's field as SQL: a person's extra field (text), or a timestamp column; undefined for anything else. */
function columnOf(trigger: DateTrigger | YearlyTrigger): { kind: 'extra'; name: string } | { kind: 'column'; name: string } | undefined {
  if (trigger.entity === 'person' && trigger.field.startsWith('extra.')) {
    const name = trigger.field.slice('extra.'.length);
    return NAME.test(name) ? { kind: 'extra', name } : undefined;
  }
  return STANDARD_FIELDS[trigger.entity][trigger.field] === 'date' && NAME.test(trigger.field) ? { kind: 'column', name: trigger.field } : undefined;
}

/** Index names are at most 63 characters. */
const indexName = (parts: string[]) => parts.join('_').slice(0, 55) + '_idx';

/**
 * Makes sure the scan reads an index: an expression index on a person's extra field (its date
 * part, or its month and day for a yearly trigger), a plain one on a timestamp column. Built once;
 * later calls find it there.
 */
export async function ensureIndex(em: EntityManager, trigger: DateTrigger | YearlyTrigger): Promise<void> {
  const column = columnOf(trigger);
  if (!column) return;
  const { table } = TABLES[trigger.entity];
  let name: string;
  let definition: string;
  if (column.kind === 'extra') {
    name = indexName([trigger.kind === 'yearly' ? 'person_extra_md' : 'person_extra_date', column.name]);
    definition = trigger.kind === 'yearly' ? `"person" ((substr("extra"->>'${column.name}', 6, 5)))` : `"person" ((("extra"->>'${column.name}') collate "C"))`;
  } else {
    if (trigger.kind === 'yearly') return; // month and day of a timestamp depend on the zone: read without an index
    name = indexName([table, column.name, 'date']);
    definition = `"${table}" ("${column.name}")`;
  }
  // A look in the catalogue first: creating, even `if not exists`, takes a lock on the table.
  const connection = em.getConnection();
  const found: unknown[] = await connection.execute(`select 1 from pg_indexes where indexname = ?`, [name], 'all', em.getTransactionContext());
  if (found.length === 0) await connection.execute(`create index if not exists "${name}" on ${definition}`, [], 'run', em.getTransactionContext());
}

/** The persons whose record has a date in `range` (a date trigger), in the calendar's zone. */
export async function personsDatedIn(em: EntityManager, trigger: DateTrigger, range: DateRange, zone: string): Promise<DatedPerson[]> {
  const column = columnOf(trigger);
  if (!column) return [];
  const { table, person } = TABLES[trigger.entity];
  const after = DateTime.fromISO(range.to, { zone: 'UTC' }).plus({ days: 1 }).toISODate()!;
  if (column.kind === 'extra') {
    const value = `("extra"->>'${column.name}') collate "C"`;
    return rows(em, `select "id" as "person_id", "extra"->>'${column.name}' as "value" from "person" where ${value} >= ? and ${value} < ?`, [range.from, after], zone);
  }
  const start = DateTime.fromISO(range.from, { zone }).startOf('day').toJSDate();
  const end = DateTime.fromISO(after, { zone }).startOf('day').toJSDate();
  return rows(em, `select "${person}" as "person_id", "${column.name}" as "value" from "${table}" where "${column.name}" >= ? and "${column.name}" < ? and "${person}" is not null`, [start, end], zone);
}

/** The persons whose date falls on one of `monthDays` (MM-DD) in any year (a yearly trigger). */
export async function personsWithAnniversary(em: EntityManager, trigger: YearlyTrigger, monthDays: string[], zone: string): Promise<DatedPerson[]> {
  const column = columnOf(trigger);
  if (!column) return [];
  const marks = monthDays.map(() => '?').join(', ');
  if (column.kind === 'extra') {
    return rows(em, `select "id" as "person_id", "extra"->>'${column.name}' as "value" from "person" where substr("extra"->>'${column.name}', 6, 5) in (${marks})`, monthDays, zone);
  }
  return rows(em, `select "id" as "person_id", "${column.name}" as "value" from "person" where to_char("${column.name}" at time zone ?, 'MM-DD') in (${marks})`, [zone, ...monthDays], zone);
}

async function rows(em: EntityManager, sql: string, params: unknown[], zone: string): Promise<DatedPerson[]> {
  const found: { person_id: string; value: string | Date }[] = await em.getConnection().execute(sql, params, 'all', em.getTransactionContext());
  return found.map((row) => ({
    personId: String(row.person_id),
    value: row.value instanceof Date ? DateTime.fromJSDate(row.value, { zone }).toISODate()! : String(row.value),
  }));
}

/** The date values a person's records hold for a trigger. */
export async function valuesOfPerson(em: EntityManager, trigger: DateTrigger | YearlyTrigger, personId: string, zone: string): Promise<DatedPerson[]> {
  const column = columnOf(trigger);
  if (!column) return [];
  const { table, person } = TABLES[trigger.entity];
  const value = column.kind === 'extra' ? `"extra"->>'${column.name}'` : `"${column.name}"`;
  return rows(em, `select "${person}" as "person_id", ${value} as "value" from "${table}" where "${person}" = ? and ${value} is not null`, [personId], zone);
}

/** The date value a record has now, for a trigger (after a change event). */
export async function currentValues(em: EntityManager, trigger: DateTrigger | YearlyTrigger, recordId: string, zone: string): Promise<DatedPerson[]> {
  const column = columnOf(trigger);
  if (!column) return [];
  const { table, person } = TABLES[trigger.entity];
  const value = column.kind === 'extra' ? `"extra"->>'${column.name}'` : `"${column.name}"`;
  return rows(em, `select "${person}" as "person_id", ${value} as "value" from "${table}" where "id" = ? and ${value} is not null and "${person}" is not null`, [recordId], zone);
}
