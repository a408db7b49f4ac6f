import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { toSnake } from '../common/naming.js';
import { RECORD_ID } from '../common/validation.js';
import { PerTransaction, TransactionSlot } from '../common/per-transaction.js';
import { CRM_RESOURCES } from '../crm/crm.module.js';
import type { BaseRecord } from '../records/base-record.js';
import { toRecordJson } from '../records/record-json.js';
import type { Resource } from '../records/resource.js';
import type { RecordChange } from '../events/record-change.js';
import { RecordRows } from '../records/record-rows.js';

export type Facts = Record<string, unknown>;
type Json = Record<string, unknown>;

const BY_NAME = new Map(CRM_RESOURCES.map((r) => [r.name, r]));
const EMPLOYEES = BY_NAME.get('employee')!;
const BY_ENTITY = new Map<unknown, Resource<BaseRecord>>(CRM_RESOURCES.map((r) => [r.entity, r]));

function factsJson(resource: Resource<BaseRecord>, record: BaseRecord): Json {
  return factsOf(resource, toRecordJson(resource, record));
}

/** A record's facts: its JSON in the DSL's snake_case, and a person's full name. */
function factsOf(resource: Resource<BaseRecord>, json: Json): Json {
  const facts = Object.fromEntries(Object.entries(json).map(([k, v]) => [toSnake(k), v]));
  if (resource.name === 'person') facts.full_name = [facts.first_name, facts.last_name].filter(Boolean).join(' ');
  return facts;
}

function lookupsOf(resource: Resource<BaseRecord>): string[] {
  return Object.entries(resource.fields).filter(([, f]) => f.kind === 'lookup').map(([n]) => n);
}

/** The references whose records `load` puts beside a record: its person (a task's contact), company and employees. */
const RELATED_FIELDS = new Set(['personId', 'contactId', 'companyId', 'ownerId', 'responsibleId', 'ourContactId', 'serviceContactId']);

interface Related {
  /** The reference's JSON field (`personId`). */
  field: string;
  resource: Resource<BaseRecord>;
}

/** Per resource, its related references: what `load` puts beside the record, read with it in one statement. */
const RELATED = new Map(CRM_RESOURCES.map((resource) => {
  const related: Related[] = Object.entries(resource.fields).flatMap(([name, field]) => {
    const target = field.kind === 'ref' && RELATED_FIELDS.has(name) ? BY_ENTITY.get(field.target()) : undefined;
    return target ? [{ field: name, resource: target }] : [];
  });
  return [resource.name, related] as const;
}));

/** A record's facts with those of the records it refers to, keyed `entity:id`. */
interface Loaded {
  record: Json;
  related: Map<string, Json>;
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

  /** A record with the person, company and employees it refers to, in one statement. */
  private async withRelated(em: EntityManager, entity: string, id: string): Promise<Loaded | undefined> {
    if (!BY_NAME.has(entity) || !RECORD_ID.test(id)) return undefined;
    const batch = this.batches.get(em);
    const key = `${entity}:${id}`;
    if (batch?.has(key)) return batch.get(key) ?? undefined;
    return (await this.loadWithRelated(em, entity, [id])).get(id);
  }

  /** Records of one kind by id, each with the records it refers to (as `withRelated`), as plain rows in one statement. */
  private async loadWithRelated(em: EntityManager, entity: string, ids: readonly string[]): Promise<Map<string, Loaded>> {
    const resource = BY_NAME.get(entity)!;
    const related = RELATED.get(entity)!;
    const found = await this.rows(em, resource).withRelated(em, ids, related.map(({ field, resource: target }) => ({ field, rows: this.rows(em, target) })));
    return new Map(found.map(({ record, related: along }) => {
      const loaded: Loaded = { record: factsOf(resource, record), related: new Map() };
      for (const { field, resource: target } of related) {
        const json = along.get(field);
        if (json) loaded.related.set(`${target.name}:${json.id}`, factsOf(target, json));
      }
      return [record.id, loaded];
    }));
  }

  /** Per resource, how its rows are read (made once, from this database's mapping). */
  private readonly recordRows = new Map<Resource<BaseRecord>, RecordRows>();

  private rows(em: EntityManager, resource: Resource<BaseRecord>): RecordRows {
    let rows = this.recordRows.get(resource);
    if (!rows) this.recordRows.set(resource, (rows = RecordRows.of(em, resource)!));
    return rows;
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
      for (const id of ids) batch.set(`${entity}:${id}`, null);
      for (const [id, loaded] of await this.loadWithRelated(em, entity, [...ids])) batch.set(`${entity}:${id}`, loaded);
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
    const json = factsJson(resource, draft);
    json.id = null; // not stored: no id yet
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
    const wanted = [...new Set(ids.filter((id) => RECORD_ID.test(id)))];
    if (wanted.length === 0) return out;
    const people = await this.loadWithRelated(em, 'person', wanted);
    // A person's own contacts came along; one without has its company's, read together.
    const employees = new Map<string, Json>();
    for (const { related } of people.values()) {
      for (const [key, json] of related) if (key.startsWith('employee:')) employees.set(String(json.id), json);
    }
    const contacts = new Map<string, [ourContact: unknown, serviceContact: unknown]>();
    for (const [id, { record: person, related }] of people) {
      const company = related.get(`company:${person.company_id}`);
      contacts.set(id, [person.our_contact_id ?? company?.our_contact_id, person.service_contact_id ?? company?.service_contact_id]);
    }
    const missing = [...new Set([...contacts.values()].flat().filter((id): id is string => typeof id === 'string' && !employees.has(id)))];
    for (const json of await this.rows(em, EMPLOYEES).many(em, missing)) employees.set(json.id, factsOf(EMPLOYEES, json));
    for (const [id, { record: person, related }] of people) {
      const facts: Facts = { person };
      const company = related.get(`company:${person.company_id}`);
      if (company) facts.company = company;
      const [ourContact, serviceContact] = contacts.get(id)!;
      for (const [role, employeeId] of [['our_contact', ourContact], ['service_contact', serviceContact]] as const) {
        const employee = typeof employeeId === 'string' ? employees.get(employeeId) : undefined;
        if (employee) facts[role] = { id: employee.id, name: employee.name, email: employee.email, mobile: employee.mobile };
      }
      out.set(id, facts);
    }
    return out;
  }
}
