import { Injectable } from '@nestjs/common';
import { type EntityManager, Reference, wrap } from '@mikro-orm/core';
import { toSnake } from '../common/naming.js';
import { PerTransaction, TransactionSlot } from '../common/per-transaction.js';
import { CRM_RESOURCES } from '../crm/crm.module.js';
import type { BaseRecord } from '../records/base-record.js';
import { toRecordJson } from '../records/record-json.js';
import { propertyOf } from '../records/fields.js';
import type { Resource } from '../records/resource.js';
import type { RecordChange } from '../events/record-change.js';
import { persons } from '../crm/persons/persons.resource.js';
import { sqlArray } from '../common/sql-array.js';

export type Facts = Record<string, unknown>;
type Json = Record<string, unknown>;

const BY_NAME = new Map(CRM_RESOURCES.map((r) => [r.name, r]));
const BY_ENTITY = new Map<unknown, Resource<BaseRecord>>(CRM_RESOURCES.map((r) => [r.entity, r]));

function snakeJson(resource: Resource<BaseRecord>, record: BaseRecord): Json {
  return Object.fromEntries(Object.entries(toRecordJson(resource, record)).map(([k, v]) => [toSnake(k), v]));
}

/** Whether a resource's facts are its own columns (no lookup names, lists or computed fields), so a plain row gives them. */
function plainColumns(resource: Resource<BaseRecord>): boolean {
  return !resource.derived?.fields?.length && Object.values(resource.fields).every((field) => !['lookup', 'refList', 'password'].includes(field.kind));
}

/**
 * `snakeJson` of records read as plain rows, without entities: a batch of flow steps reads the facts
 * of hundreds of persons at once, and hydrating them as entities was most of the ORM's share of
 * the engine's time. Same keys, order and values as `snakeJson` (a test compares them): columns by
 * the ORM's own mapping, timestamps by its own parser.
 */
async function plainRows(em: EntityManager, resource: Resource<BaseRecord>, ids: readonly string[]): Promise<Map<string, Json>> {
  if (!plainColumns(resource)) throw new Error(`${resource.name}: its facts are not plain columns`);
  const unique = [...new Set(ids.filter((id) => RECORD_ID.test(id)))];
  if (unique.length === 0) return new Map();
  const meta = em.getMetadata().get(resource.entity);
  const properties = meta.properties as unknown as Record<string, { fieldNames?: string[] } | undefined>;
  const columnOf = (property: string) => properties[property]?.fieldNames?.[0] ?? toSnake(property);
  const fields = Object.entries(resource.fields).map(([name, field]) => ({ key: toSnake(name), column: columnOf(propertyOf(name, field)), kind: field.kind }));
  const platform = em.getPlatform();
  const time = (value: unknown) => (value === null || value === undefined ? null : toIso(value instanceof Date ? value : platform.parseDate(value as string)));
  const rows: Record<string, unknown>[] = await em.getConnection().execute(`select * from "${meta.tableName}" where "id" = any(?::bigint[])`, [sqlArray(unique)], 'all', em.getTransactionContext());
  return new Map(rows.map((row) => {
    const json: Json = { id: String(row.id) };
    for (const { key, column, kind } of fields) {
      const value = row[column];
      if (value === null || value === undefined) json[key] = null;
      else if (kind === 'ref') json[key] = String(value);
      else if (kind === 'datetime') json[key] = time(value);
      else json[key] = value;
    }
    json.created_at = time(row[columnOf('createdAt')]);
    json.updated_at = time(row[columnOf('updatedAt')]);
    return [String(row.id), json];
  }));
}

/** As the entity path writes a date: ISO 8601 in UTC; a value the parser could not read stays as it came. */
function toIso(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : value;
}

function factsJson(resource: Resource<BaseRecord>, record: BaseRecord): Json {
  const json = snakeJson(resource, record);
  if (resource.name === 'person') json.full_name = [json.first_name, json.last_name].filter(Boolean).join(' ');
  return json;
}

function lookupsOf(resource: Resource<BaseRecord>): string[] {
  return Object.entries(resource.fields).filter(([, f]) => f.kind === 'lookup').map(([n]) => n);
}

/** The references whose records `load` puts beside a record: its person (a task's contact), company and employees. */
const RELATED_FIELDS = new Set(['personId', 'contactId', 'companyId', 'ownerId', 'responsibleId', 'ourContactId', 'serviceContactId']);

interface Related {
  property: string;
  resource: Resource<BaseRecord>;
}

/** Per resource, its related references and what to populate to read them with the record in one statement. */
const RELATED = new Map(CRM_RESOURCES.map((resource) => {
  const related: Related[] = Object.entries(resource.fields).flatMap(([name, field]) => {
    const target = field.kind === 'ref' && RELATED_FIELDS.has(name) ? BY_ENTITY.get(field.target()) : undefined;
    return field.kind === 'ref' && target ? [{ property: field.property, resource: target }] : [];
  });
  const populate = [...lookupsOf(resource), ...related.flatMap(({ property, resource: target }) => [property, ...lookupsOf(target).map((lookup) => `${property}.${lookup}`)])];
  return [resource.name, { related, populate }] as const;
}));

/** A record's facts with those of the records it refers to, keyed `entity:id`. */
interface Loaded {
  record: Json;
  related: Map<string, Json>;
}

/** A record id as a change event or a rule names it (a bigint's digits). */
const RECORD_ID = /^\d{1,18}$/;

/** The facts of a record read with its related records populated. */
function loadedOf(resource: Resource<BaseRecord>, found: BaseRecord): Loaded {
  const loaded: Loaded = { record: factsJson(resource, found), related: new Map() };
  for (const { property, resource: target } of RELATED.get(resource.name)!.related) {
    const value = (found as unknown as Record<string, unknown>)[property];
    if (!value) continue;
    const record = Reference.unwrapReference(value as object) as BaseRecord;
    if (wrap(record).isInitialized()) loaded.related.set(`${target.name}:${record.id}`, factsJson(target, record));
  }
  return loaded;
}

/**
 * The facts a rule is evaluated on, in the DSL's snake_case: the record itself under its entity
 * name, its person (a task's contact), company, and the employees around it (owner, responsible,
 * our_contact, service_contact), each loaded fresh from the database.
 */
@Injectable()
export class RecordFacts {
  async record(em: EntityManager, entity: string, id: string): Promise<Json | undefined> {
    const resource = BY_NAME.get(entity);
    if (!resource || !RECORD_ID.test(id)) return undefined;
    const found = await em.findOne(resource.entity, { id } as never, { populate: lookupsOf(resource) as never });
    return found ? factsJson(resource, found) : undefined;
  }

  /** A record with the person, company and employees it refers to, in one statement (joined). */
  private async withRelated(em: EntityManager, entity: string, id: string): Promise<Loaded | undefined> {
    const resource = BY_NAME.get(entity);
    if (!resource || !RECORD_ID.test(id)) return undefined;
    const batch = this.batches.get(em);
    const key = `${entity}:${id}`;
    if (batch?.has(key)) return batch.get(key) ?? undefined;
    const { populate } = RELATED.get(entity)!;
    const found = await em.findOne(resource.entity, { id } as never, { populate: populate as never, strategy: 'joined' });
    return found ? loadedOf(resource, found) : undefined;
  }

  /** Read together by `prefetchEvents`, per transaction: `entity:id` to the record, null when it does not exist. */
  private readonly batches = new TransactionSlot<Map<string, Loaded | null>>();

  /**
   * Reads the records a batch of change events is about, one statement per kind of record, for
   * `forEvent` and `load` to use for the rest of the transaction. They are read at the start of the
   * batch rather than at each event: what a handler writes to a record meanwhile must `forgetBatch`.
   */
  async prefetchEvents(em: EntityManager, events: readonly RecordChange[]): Promise<void> {
    if (!em.getTransactionContext() || this.batches.has(em)) return;
    const wanted = new Map<string, Set<string>>();
    for (const event of events) {
      if (event.kind === 'deleted' || !BY_NAME.has(event.entity) || !RECORD_ID.test(event.entityId)) continue;
      let ids = wanted.get(event.entity);
      if (!ids) wanted.set(event.entity, (ids = new Set()));
      ids.add(event.entityId);
    }
    const batch = new Map<string, Loaded | null>();
    for (const [entity, ids] of wanted) {
      const resource = BY_NAME.get(entity)!;
      for (const id of ids) batch.set(`${entity}:${id}`, null);
      const found = await em.find(resource.entity, { id: { $in: [...ids] } } as never, { populate: RELATED.get(entity)!.populate as never, strategy: 'joined' });
      for (const record of found) batch.set(`${entity}:${record.id}`, loadedOf(resource, record));
    }
    this.batches.set(em, batch);
  }

  /** A handler changed a record in this transaction: read records afresh from here on. */
  forgetBatch(em: EntityManager): void {
    this.batches.forget(em);
  }

  /** Facts for a record that is not stored (a simulation's made-up person): its own values, and the records it looks up. */
  async loadDraft(em: EntityManager, entity: string, draft: BaseRecord): Promise<Facts> {
    const resource = BY_NAME.get(entity);
    if (!resource) return {};
    const json = snakeJson(resource, draft);
    json.id = null; // not stored: no id yet
    if (entity === 'person') json.full_name = [json.first_name, json.last_name].filter(Boolean).join(' ');
    return this.load(em, entity, 'draft', json);
  }

  /** The events of a batch mostly name the same few owners and contacts: each is read once per batch. */
  private readonly employees = new PerTransaction<Json | undefined>();

  private employee(em: EntityManager, id: string): Promise<Json | undefined> {
    return this.employees.get(em, id, () => this.record(em, 'employee', id));
  }

  /** Facts for a record; `fallback` stands in for a record that no longer exists (a deleted event's last values). */
  async load(em: EntityManager, entity: string, id: string, fallback?: Json): Promise<Facts> {
    const loaded = await this.withRelated(em, entity, id);
    const record = loaded?.record ?? fallback;
    const facts: Facts = {};
    if (!record) return facts;
    facts[entity] = record;
    // What the record's own statement brought along, else a read of its own.
    const related = (kind: string, relatedId: string): Promise<Json | undefined> =>
      Promise.resolve(loaded?.related.get(`${kind}:${relatedId}`) ?? (kind === 'employee' ? this.employee(em, relatedId) : this.record(em, kind, relatedId)));
    const personId = entity === 'person' ? id : ((record.person_id ?? record.contact_id) as string | null | undefined);
    const person = entity === 'person' ? record : personId ? await related('person', personId) : undefined;
    if (person) facts.person = person;
    if (entity === 'task' && person) facts.contact = person;
    const companyId = (entity === 'company' ? id : (record.company_id ?? person?.company_id)) as string | null | undefined;
    const company = entity === 'company' ? record : companyId ? await related('company', companyId) : undefined;
    if (company) facts.company = company;
    const employees: [string, unknown][] = [
      ['owner', record.owner_id],
      ['responsible', record.responsible_id],
      ['our_contact', person?.our_contact_id ?? company?.our_contact_id],
      ['service_contact', person?.service_contact_id ?? company?.service_contact_id],
    ];
    for (const [role, employeeId] of employees) {
      if (typeof employeeId !== 'string') continue;
      const employee = await related('employee', employeeId);
      if (employee) facts[role] = { id: employee.id, name: employee.name, email: employee.email, mobile: employee.mobile };
    }
    return facts;
  }

  /**
   * The facts a rule about a change event is evaluated on: the changed record (for a deletion, its
   * last values from the event) and the `event` fact that `changed from/to` conditions read.
   */
  async forEvent(em: EntityManager, event: RecordChange): Promise<Facts> {
    // The consumer hands one event to every handler (flows, workflows) in one transaction: load once.
    const loaded = this.eventFacts.get(event);
    if (loaded?.em === em) return loaded.facts;
    const facts = this.loadForEvent(em, event);
    this.eventFacts.set(event, { em, facts });
    facts.catch(() => this.eventFacts.delete(event));
    return facts;
  }

  private readonly eventFacts = new WeakMap<RecordChange, { em: EntityManager; facts: Promise<Facts> }>();

  private async loadForEvent(em: EntityManager, event: RecordChange): Promise<Facts> {
    const fallback = event.kind === 'deleted' ? Object.fromEntries(Object.entries(event.changes).map(([k, v]) => [k, v.from])) : undefined;
    return { ...(await this.load(em, event.entity, event.entityId, fallback)), event: { entity: event.entity, id: event.entityId, kind: event.kind, changes: event.changes } };
  }

  /**
   * `load('person', id)` for many persons at once, in four queries whatever their number: the
   * persons, their companies and the employees around them.
   */
  async loadPeople(em: EntityManager, ids: readonly string[]): Promise<Map<string, Facts>> {
    const out = new Map<string, Facts>();
    if (ids.length === 0) return out;
    const rows = async (entity: string, wanted: unknown[]): Promise<Map<string, Json>> => {
      const resource = BY_NAME.get(entity)!;
      const unique = [...new Set(wanted.filter((id): id is string => typeof id === 'string' && id !== ''))];
      if (unique.length === 0) return new Map();
      const lookups = Object.entries(resource.fields).filter(([, f]) => f.kind === 'lookup').map(([n]) => n);
      const found = await em.find(resource.entity, { id: { $in: unique } } as never, { populate: lookups as never });
      return new Map(found.map((record) => [String(record.id), snakeJson(resource, record)]));
    };
    const people = await plainRows(em, persons, ids);
    const companies = await rows('company', [...people.values()].map((p) => p.company_id));
    const employees = await rows('employee', [...people.values()].flatMap((p) => {
      const company = companies.get(String(p.company_id));
      return [p.our_contact_id ?? company?.our_contact_id, p.service_contact_id ?? company?.service_contact_id];
    }));
    for (const [id, person] of people) {
      person.full_name = [person.first_name, person.last_name].filter(Boolean).join(' ');
      const facts: Facts = { person };
      const company = typeof person.company_id === 'string' ? companies.get(person.company_id) : undefined;
      if (company) facts.company = company;
      const roles: [string, unknown][] = [
        ['our_contact', person.our_contact_id ?? company?.our_contact_id],
        ['service_contact', person.service_contact_id ?? company?.service_contact_id],
      ];
      for (const [role, employeeId] of roles) {
        const employee = typeof employeeId === 'string' ? employees.get(employeeId) : undefined;
        if (employee) facts[role] = { id: employee.id, name: employee.name, email: employee.email, mobile: employee.mobile };
      }
      out.set(id, facts);
    }
    return out;
  }
}
