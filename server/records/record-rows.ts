import type { EntityManager } from '@mikro-orm/core';
import { Remembered } from '@stroom/dsl';
import { executeBound } from '../common/bound-sql.js';
import { toSnake } from '../common/naming.js';
import { sqlArray } from '../common/sql-array.js';
import type { BaseRecord } from './base-record.js';
import { type Field, propertyOf } from './fields.js';
import type { RecordJson } from './record-json.js';
import type { Resource } from './resource.js';

/** A row to insert beside an update, in the same statement: its table, columns (with their SQL types) and values. */
export interface RowInsert {
  table: string;
  columns: readonly { name: string; type: string }[];
  params: readonly unknown[];
}

interface Column {
  name: string;
  field: Field;
  /** The row's key holding the field: its column, or a looked-up name's alias. */
  key: string;
}

/** How a lookup field's name is resolved: a statement on the target's table, with the field's `where` as parameters. */
interface Lookup {
  sql: string;
  params: unknown[];
}

type Properties = Record<string, { fieldNames?: string[]; columnTypes?: string[] } | undefined>;

/**
 * A resource's records as plain rows, answered in the API's JSON shape (what `toRecordJson` gives
 * of an entity: same keys, order and values; a test compares them on both databases), and the
 * reads an update needs (its references and looked-up names), all without entities or the unit of
 * work: a status change through the API spent most of its time hydrating and diffing entities for
 * two rows. Columns come from the ORM's own mapping, timestamps go through its own parser.
 * Resources with derived fields (computed at save) have no rows: `of` answers undefined.
 */
export class RecordRows {
  private readonly columns: Column[];
  private readonly lookups = new Map<string, Lookup>();
  private readonly refTables = new Map<string, string>();
  private readonly lockedSelect: string;
  private readonly lockedManySelect: string;
  /** What a select of rows takes (`t.*` and the looked-up names), and from where (the table as `t`, the lookups joined). */
  private readonly selected: string;
  private readonly joined: string;
  /**
   * The row as one JSON object, for another resource's select to bring it along; only for a
   * resource without looked-up names (the records others refer to: persons, companies, employees).
   */
  private readonly asRelated: ((on: string) => string) | undefined;
  private readonly table: string;
  /** Per field, the column an update writes (a reference's and a lookup's: the id) and its SQL type. */
  private readonly written = new Map<string, { column: string; field: Field; type: string }>();
  /** The update statements by the fields they write. */
  private readonly updates = new Remembered<string, string>(1_000);
  private readonly createdAt: string;
  private readonly updatedAt: string;
  private readonly platform: ReturnType<EntityManager['getPlatform']>;

  static of(em: EntityManager, resource: Resource<BaseRecord>): RecordRows | undefined {
    return resource.derived?.fields.length ? undefined : new RecordRows(em, resource);
  }

  private constructor(em: EntityManager, resource: Resource<BaseRecord>) {
    this.platform = em.getPlatform();
    const metadata = em.getMetadata();
    const meta = metadata.get(resource.entity);
    const columnOf = (properties: Properties, property: string) => properties[property]?.fieldNames?.[0] ?? toSnake(property);
    const own = meta.properties as unknown as Properties;
    this.table = meta.tableName;
    for (const [name, field] of Object.entries(resource.fields)) {
      const property = propertyOf(name, field);
      this.written.set(name, { column: columnOf(own, property), field, type: own[property]?.columnTypes?.[0] ?? 'text' });
    }
    /** Per lookup field: the looked-up table, its name column, and the row's column holding the id. */
    const named: { name: string; table: string; nameColumn: string; idColumn: string }[] = [];
    this.columns = Object.entries(resource.fields).filter(([, field]) => field.kind !== 'password').map(([name, field]) => {
      const column = this.written.get(name)!.column;
      if (field.kind === 'ref' || field.kind === 'refList') this.refTables.set(name, metadata.get(field.target()).tableName);
      if (field.kind !== 'lookup') return { name, field, key: column };
      const target = metadata.get(field.target());
      const targetColumns = target.properties as unknown as Properties;
      const nameColumn = columnOf(targetColumns, 'name');
      named.push({ name, table: target.tableName, nameColumn, idColumn: column });
      const where = Object.entries(field.where ?? {});
      this.lookups.set(name, {
        sql: `select "id" from "${target.tableName}" where "${nameColumn}" = ?${where.map(([property]) => ` and "${columnOf(targetColumns, property)}" = ?`).join('')} limit 1`,
        params: where.map(([, value]) => value),
      });
      return { name, field, key: `lookup:${name}` };
    });
    this.createdAt = columnOf(own, 'createdAt');
    this.updatedAt = columnOf(own, 'updatedAt');
    this.selected = `t.*${named.map(({ name, nameColumn }, i) => `, l${i}."${nameColumn}" as "lookup:${name}"`).join('')}`;
    this.joined = `"${this.table}" t${named.map(({ table, idColumn }, i) => ` left join "${table}" l${i} on l${i}."id" = t."${idColumn}"`).join('')}`;
    this.lockedSelect = `select ${this.selected} from ${this.joined} where t."id" = ? for update of t`;
    this.lockedManySelect = `select ${this.selected} from ${this.joined} where t."id" = any(?::bigint[]) order by t."id" for update of t`;
    this.asRelated = named.length ? undefined : (on) => `(select to_jsonb(r) from "${this.table}" r where r."id" = ${on})`;
  }

  /** Records by id (any number, in one statement), in the API's JSON shape; ids with no record are left out. */
  async many(em: EntityManager, ids: readonly string[]): Promise<RecordJson[]> {
    return (await this.withRelated(em, ids, [])).map(({ record }) => record);
  }

  /**
   * Records by id, each with the records its references name among `related` (a quote request's
   * person and owner), all in one statement: the related rows come along as JSON objects.
   */
  async withRelated(em: EntityManager, ids: readonly string[], related: readonly { field: string; rows: RecordRows }[]): Promise<{ record: RecordJson; related: Map<string, RecordJson> }[]> {
    if (ids.length === 0) return [];
    // Each related row as one JSON object (its columns; ids as JSON numbers), joined laterally.
    const along = related.map(({ field, rows }, i) => {
      if (!rows.asRelated) throw new Error(`${rows.table}: a record with looked-up names is not read along with another`);
      return ` left join lateral ${rows.asRelated(`t."${this.written.get(field)!.column}"`)} r${i}("related") on true`;
    });
    const sql = `select ${this.selected}${related.map((_, i) => `, r${i}."related" as "related:${i}"`).join('')} from ${this.joined}${along.join('')} where t."id" = any(?::bigint[])`;
    const rows = await em.getConnection().execute<Record<string, unknown>[]>(sql, [sqlArray(ids)], 'all', em.getTransactionContext());
    return rows.map((row: Record<string, unknown>) => ({
      record: this.json(row),
      related: new Map(related.flatMap(({ field, rows: target }, i) => {
        const value = row[`related:${i}`];
        return value ? [[field, target.json(value as Record<string, unknown>)] as const] : [];
      })),
    }));
  }

  /** The record, its row locked for the rest of the transaction; undefined when there is none. */
  async locked(em: EntityManager, id: string): Promise<RecordJson | undefined> {
    const rows = await em.getConnection().execute<Record<string, unknown>[]>(this.lockedSelect, [id], 'all', em.getTransactionContext());
    return rows[0] && this.json(rows[0]);
  }

  /** Records by id, their rows locked (in id order) for the rest of the transaction; ids with no record are left out. */
  async lockedMany(em: EntityManager, ids: readonly string[]): Promise<Map<string, RecordJson>> {
    const rows = await em.getConnection().execute<Record<string, unknown>[]>(this.lockedManySelect, [sqlArray(ids)], 'all', em.getTransactionContext());
    return new Map(rows.map((row: Record<string, unknown>) => [String(row.id), this.json(row)]));
  }

  json(row: Record<string, unknown>): RecordJson {
    const json: RecordJson = { id: String(row.id) };
    for (const { name, field, key } of this.columns) {
      const value = row[key];
      if (value === null || value === undefined) json[name] = null;
      else if (field.kind === 'ref') json[name] = String(value);
      else if (field.kind === 'datetime') json[name] = this.time(value);
      else json[name] = value;
    }
    json.createdAt = this.time(row[this.createdAt]);
    json.updatedAt = this.time(row[this.updatedAt]);
    return json;
  }

  /**
   * Writes the given fields' stored values (a reference's id, a looked-up record's name, a
   * password's hash) and the update time, and `also` a row of another table that depends on it (the
   * change event), in one statement with bound parameters: a looked-up name is resolved in it, and
   * when one names no record nothing is written and its field is answered.
   */
  async update(em: EntityManager, id: string, values: Record<string, unknown>, updatedAt: Date, also?: RowInsert): Promise<{ unknownName?: string }> {
    const names = Object.keys(values);
    const named = names.filter((name) => this.lookups.has(name) && values[name] !== null);
    const key = `${names.map((name) => (named.includes(name) ? `${name}=` : name)).join(',')}|${also ? `${also.table}(${also.columns.map(({ name }) => name).join(',')})` : ''}`;
    const sql = this.updates.get(key, () => this.updateSql(names, named, also));
    const params = [
      ...named.flatMap((name) => [values[name], ...this.lookups.get(name)!.params]),
      ...names.filter((name) => !named.includes(name)).map((name) => stored(this.written.get(name)!.field, values[name])),
      updatedAt.toISOString(), id, ...(also?.params ?? []),
    ];
    const { rows } = await executeBound<Record<string, boolean>>(em, sql, params);
    return { unknownName: named.find((name) => rows[0]?.[name] === false) };
  }

  /**
   * Writes the same fields (none of them a looked-up name) of many records, each its own values,
   * with one update time, and `also` rows of another table of one shape (their change events), in
   * one statement: the records and the rows travel as two JSON parameters. Answers how many records
   * were written. An id given twice is written once: the caller gives each record once.
   */
  async updateMany(em: EntityManager, names: readonly string[], records: readonly { id: string; values: Record<string, unknown> }[], updatedAt: Date, also: readonly RowInsert[]): Promise<number> {
    const lookedUp = names.find((name) => this.lookups.has(name));
    if (lookedUp) throw new Error(`${this.table}.${lookedUp}: a looked-up name is written one record at a time`);
    const shape = also[0];
    const sql = this.updates.get(`many:${names.join(',')}|${shape ? `${shape.table}(${shape.columns.map(({ name }) => name).join(',')})` : ''}`, () => this.updateManySql(names, shape));
    const rows = records.map(({ id, values }) => [id, ...names.map((name) => stored(this.written.get(name)!.field, values[name]))]);
    const params = [JSON.stringify(rows), updatedAt.toISOString(), ...(shape ? [JSON.stringify(also.map(({ params: row }) => row))] : [])];
    const { rows: [result] } = await executeBound<{ n: number }>(em, sql, params);
    return Number(result?.n ?? 0);
  }

  private updateManySql(names: readonly string[], also: RowInsert | undefined): string {
    // Each value is the JSON text of its column's stored value, cast to the column's type (JSON columns parse it).
    const sets = names.map((name, i) => { const { column, type } = this.written.get(name)!; return `"${column}" = (r.v->>${i + 1})::${type}`; });
    return [
      `with r as (select value as v from jsonb_array_elements(?::jsonb)), `,
      `w as (update "${this.table}" t set ${[...sets, `"${this.updatedAt}" = ?::timestamptz`].join(', ')} from r where t."id" = (r.v->>0)::bigint returning 1)`,
      also ? `, e as (insert into "${also.table}" (${also.columns.map(({ name }) => `"${name}"`).join(', ')}) select ${also.columns.map(({ type }, i) => `(a.value->>${i})::${type}`).join(', ')} from jsonb_array_elements(?::jsonb) a)` : '',
      ` select count(*)::int as "n" from w`,
    ].join('');
  }

  private updateSql(names: string[], named: string[], also: RowInsert | undefined): string {
    const value = (name: string) => (named.includes(name) ? `(select "id" from n${named.indexOf(name)})` : '?');
    const sets = [...names.map((name) => `"${this.written.get(name)!.column}" = ${value(name)}`), `"${this.updatedAt}" = ?`];
    const update = `update "${this.table}" set ${sets.join(', ')} where "id" = ?${named.map((_, i) => ` and exists (select 1 from n${i})`).join('')}`;
    return named.length === 0 && !also ? update : [
      'with ',
      ...named.map((name, i) => `n${i} as (${this.lookups.get(name)!.sql}), `),
      `w as (${update} returning 1)`,
      // Selected values take no type from the columns they go into: each is cast to its column's.
      also ? `, e as (insert into "${also.table}" (${also.columns.map(({ name }) => `"${name}"`).join(', ')}) select ${also.columns.map(({ type }) => `?::${type}`).join(', ')} from w)` : '',
      ` select ${named.map((name, i) => `exists (select 1 from n${i}) as "${name}"`).join(', ') || '1'}`,
    ].join('');
  }

  /** Of the ids a reference field names, the first that has no record. */
  async missingReference(em: EntityManager, field: string, ids: readonly string[]): Promise<string | undefined> {
    const rows = await em.getConnection().execute<{ id: unknown }[]>(`select "id" from "${this.refTables.get(field)}" where "id" = any(?::bigint[])`, [sqlArray(ids)], 'all', em.getTransactionContext());
    const found = new Set(rows.map((row: { id: unknown }) => String(row.id)));
    return ids.find((id) => !found.has(id));
  }

  /** As the entity path writes a date: ISO 8601 in UTC; a value the parser could not read stays as it came. */
  private time(value: unknown): string | null {
    if (value === null || value === undefined) return null;
    const date = value instanceof Date ? value : this.platform.parseDate(value as string);
    return date instanceof Date ? date.toISOString() : (date as string);
  }
}

/** A value as its column takes it as a bound parameter: lists and objects are JSON columns, times ISO 8601. */
function stored(field: Field, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (['stringList', 'roles', 'refList', 'object'].includes(field.kind)) return JSON.stringify(value);
  return value instanceof Date ? value.toISOString() : value;
}
