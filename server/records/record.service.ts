import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { LockMode } from '@mikro-orm/core';
import type { Principal } from '../auth/principal.js';
import { actorOf } from '../auth/principal.js';
import type { Clock } from '../clock/clock.js';
import { BadInputError, ConflictError, NotFoundError } from '../common/errors.js';
import { withoutReadOnly } from '../common/read-only-fields.js';
import { parseInput, RECORD_ID } from '../common/validation.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { ChangeEventInput, ChangeRecorder } from '../events/change-recorder.js';
import { diffSnapshots } from '../events/changes.js';
import type { BaseRecord } from './base-record.js';
import { createSchema, type Field, propertyOf, updateSchema } from './fields.js';
import { parseListQuery } from './list-query.js';
import { containsPattern } from '../common/like.js';
import { redactFor, type RecordJson, toRecordJson } from './record-json.js';
import type { Resource } from './resource.js';
import { RecordRows, type RowInsert } from './record-rows.js';
import { RecordValues, unknownName } from './record-values.js';
import type { DeletionListeners } from './deletion-listeners.js';
import type { UpdateListeners } from './update-listeners.js';
import { type Rename, type RenameListeners, ruleLabel } from './rename-listeners.js';

/**
 * `q` split into words; every word must occur (case-insensitive, anywhere) in one of the paths, so
 * "jan jans" finds Jan Jansen although first and last name are two columns. A dotted path goes
 * through a relation (`person.lastName`).
 */
export function textSearch(paths: readonly string[], q: string): Record<string, unknown>[] {
  const words = q.split(/\s+/).filter(Boolean).slice(0, 8);
  return words.map((word) => ({
    $or: paths.map((path) => path.split('.').reduceRight<unknown>((inner, segment) => ({ [segment]: inner }), { $ilike: containsPattern(word) })),
  }));
}

export interface Page<T> {
  items: T[];
  total: number;
}

/** A record's fields as given (checked to be an object); the resource's schema checks each field. */
export type RecordBody = Record<string, unknown>;

/**
 * Create, read, update and delete for one CRM resource, with its change event written in the
 * same transaction as every write.
 */
export class RecordService<E extends BaseRecord> {
  private readonly createBody;
  private readonly updateBody;
  private readonly lookups: string[];
  private readonly values: RecordValues<E>;
  /** What `q` searches: the fields marked `search` and the resource's `searchAlso` paths. */
  private readonly searchPaths: string[];

  constructor(
    readonly resource: Resource<E>,
    private readonly em: EntityManager,
    private readonly recorder: ChangeRecorder,
    private readonly clock: Clock,
    private readonly renames?: RenameListeners,
    private readonly audit?: AuditLog,
    private readonly deletions?: DeletionListeners,
    private readonly updates?: UpdateListeners,
  ) {
    this.createBody = createSchema(resource.fields);
    this.updateBody = updateSchema(resource.fields);
    this.values = new RecordValues(resource, this.singular);
    this.lookups = Object.entries(resource.fields).filter(([, f]) => f.kind === 'lookup').map(([name]) => name);
    this.searchPaths = [
      ...Object.entries(resource.fields).filter(([, f]) => 'search' in f && f.search).map(([name]) => name),
      ...(resource.searchAlso ?? []),
    ];
  }

  get schemas() {
    return { create: this.createBody, update: this.updateBody };
  }

  async list(query: Record<string, unknown>, viewer?: Principal): Promise<Page<RecordJson>> {
    const { limit, offset, q, where } = parseListQuery(query, this.resource.fields);
    const filter: Record<string, unknown> = { ...where };
    if (q) {
      if (this.searchPaths.length === 0) throw new BadInputError(`q: ${this.resource.plural} cannot be searched by text`, undefined, { code: 'query.not_searchable', params: { entities: this.resource.plural } });
      filter.$and = textSearch(this.searchPaths, q);
    }
    const em = this.em.fork();
    const [items, total] = await em.findAndCount(this.resource.entity, filter as FilterQuery<E>, {
      limit,
      offset,
      orderBy: { id: 'asc' } as never,
      populate: this.lookups as never,
    });
    return { items: items.map((item) => redactFor(this.resource, toRecordJson(this.resource, item), viewer)), total };
  }

  async get(id: string, viewer?: Principal): Promise<RecordJson> {
    const record = await this.find(this.em.fork(), id);
    return redactFor(this.resource, toRecordJson(this.resource, record), viewer);
  }

  async create(body: RecordBody, principal?: Principal): Promise<RecordJson> {
    const input = parseInput(this.createBody, body);
    await this.resource.precheck?.(input);
    const json = await this.em.fork().transactional(async (em) => this.createValid(em, input, principal));
    return redactFor(this.resource, json, principal);
  }

  /** Validates a complete body as a create or update would (fields, the resource's own rules and prechecks), writing nothing. */
  /**
   * Validates a partial update of a record whose current values are `current` (the API's field
   * names) as an update would, writing nothing: the patch's fields, then the resource's own rules on
   * the record as it would be.
   */
  checkPatch(current: Record<string, unknown>, patch: RecordBody): void {
    const input = parseInput(this.updateBody, patch);
    this.resource.validate?.({ ...current, ...input } as RecordJson);
  }

  async check(body: RecordBody, mode: 'create' | 'update'): Promise<void> {
    const input = parseInput(mode === 'create' ? this.createBody : this.updateBody, body);
    this.resource.validate?.(input as RecordJson);
    await this.resource.precheck?.(input);
  }

  /** Creates a record inside the caller's transaction (with its change event); answers it unredacted. */
  async createIn(em: EntityManager, body: RecordBody, principal?: Principal): Promise<RecordJson> {
    return this.createValid(em, parseInput(this.createBody, body), principal);
  }

  /**
   * Validates a create body and builds the record as a create would (defaults, lookups, the
   * resource's rules), without storing it or announcing it: a simulation's made-up record.
   */
  async draftIn(em: EntityManager, body: RecordBody): Promise<E> {
    const input = parseInput(this.createBody, body);
    await this.resource.precheck?.(input);
    const record = em.create(this.resource.entity, {} as never, { persist: false }) as E;
    this.applyDefaults(record);
    await this.assign(em, record, input, undefined);
    await this.validated(record);
    return record;
  }

  private async createValid(em: EntityManager, input: Record<string, unknown>, principal?: Principal): Promise<RecordJson> {
    const record = em.create(this.resource.entity, {} as never, { persist: false }) as E;
    this.applyDefaults(record);
    await this.assign(em, record, input, undefined);
    await this.validated(record);
    const now = this.clock.now();
    record.createdAt = now;
    record.updatedAt = now;
    em.persist(record);
    await em.flush();
    const after = toRecordJson(this.resource, record);
    this.recorder.record(em, { entity: this.resource.name, entityId: after.id, kind: 'created', changes: diffSnapshots(null, after), actor: actorOf(principal) });
    this.audited(em, after.id, null, after, principal);
    return after;
  }

  async update(id: string, body: RecordBody, principal?: Principal): Promise<RecordJson> {
    // What GET answers beyond the resource's fields (id, timestamps, names of linked records) may
    // come back unchanged; only a body that carries such a field needs the record read first.
    const given = this.withoutDerived(body);
    const input = parseInput(this.updateBody, this.carriesReadOnly(given) ? await this.withoutReadOnly(id, given, principal) : given);
    if (this.resource.precheck) {
      const current = await this.get(id, principal);
      await this.resource.precheck({ ...current, ...Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) });
    }
    const plain = this.plain;
    const json = await this.em.fork().transactional(async (em) => (plain ? this.updateRow(em, plain, id, input, principal) : this.updateValid(em, id, input, principal)));
    return redactFor(this.resource, json, principal);
  }

  /** The resource's records as plain rows; none for a resource with derived fields. Made on first use. */
  private plainRows: RecordRows | null | undefined;
  private get plain(): RecordRows | undefined {
    if (this.plainRows === undefined) this.plainRows = RecordRows.of(this.em, this.resource) ?? null;
    return this.plainRows ?? undefined;
  }

  private carriesReadOnly(body: RecordBody): boolean {
    return Object.keys(body).some((field) => !(field in this.resource.fields));
  }

  private async withoutReadOnly(id: string, body: RecordBody, principal?: Principal): Promise<unknown> {
    const current = await this.get(id, principal);
    return withoutReadOnly(body, current, Object.keys(current).filter((field) => !(field in this.resource.fields)));
  }

  /** Updates a record inside the caller's transaction (with its change event); answers it unredacted. */
  async updateIn(em: EntityManager, id: string, body: RecordBody, principal?: Principal): Promise<RecordJson> {
    return this.updateValid(em, id, parseInput(this.updateBody, body), principal);
  }

  private async updateValid(em: EntityManager, id: string, input: Record<string, unknown>, principal?: Principal): Promise<RecordJson> {
    const record = await this.find(em, id, true);
    const before = toRecordJson(this.resource, record);
    await this.assign(em, record, input, id);
    const after = await this.validated(record);
    await this.updated(em, id, before, after, input, principal, (now, event) => {
      record.updatedAt = now;
      if (event) this.recorder.record(em, event);
    });
    return toRecordJson(this.resource, record);
  }

  /**
   * An update in a transaction of its own, without entities (the API's PATCH of a record with no
   * derived fields): the record read locked as a plain row, the given fields checked and resolved
   * (references, looked-up names), then one statement writing them. The same checks, events and
   * answer as `updateValid`, which a caller's transaction uses (its entities must stay current).
   */
  private async updateRow(em: EntityManager, rows: RecordRows, id: string, input: Record<string, unknown>, principal?: Principal): Promise<RecordJson> {
    const before = RECORD_ID.test(id) ? await rows.locked(em, id) : undefined;
    if (!before) throw this.notFound(id);
    const { after, stored: data } = await this.appliedToRow(em, rows, before, input);
    await this.values.assertUnique(em, after, id);
    this.resource.validate?.(after);
    const written = await this.updated(em, id, before, after, input, principal, async (now, event) => {
      const { unknownName: refused } = await rows.update(em, id, data, now, event && this.recorder.row(event));
      if (refused) throw unknownName(refused, this.resource.fields[refused] as Field & { label: string }, input[refused]);
    });
    return written ? { ...after, updatedAt: written.toISOString() } : after;
  }

  /**
   * Updates many records inside the caller's transaction, each with its own body, as `updateIn`
   * would one at a time (the same checks, change events, audit and listeners), with the rows read,
   * locked and written in one statement each: a flow's step updating every participant's person.
   * Checks come first, so a refused body writes nothing. A record named twice, a looked-up name or
   * a resource without plain rows goes one record at a time.
   */
  async updateManyIn(em: EntityManager, items: readonly { id: string; body: RecordBody }[], principal?: Principal): Promise<void> {
    const plain = this.plain;
    const inputs = items.map(({ id, body }) => ({ id, input: parseInput(this.updateBody, body) }));
    const named = inputs.some(({ input }) => this.lookups.some((name) => input[name] !== undefined));
    if (!plain || named || new Set(items.map(({ id }) => id)).size < items.length) {
      for (const { id, input } of inputs) await (plain ? this.updateRow(em, plain, id, input, principal) : this.updateValid(em, id, input, principal));
      return;
    }
    const current = await plain.lockedMany(em, inputs.filter(({ id }) => RECORD_ID.test(id)).map(({ id }) => id));
    const groups = new Map<string, { names: string[]; records: { id: string; values: Record<string, unknown> }[]; events: RowInsert[] }>();
    const now = this.clock.now();
    for (const { id, input } of inputs) {
      const before = current.get(id);
      if (!before) throw this.notFound(id);
      const { after, stored: values } = await this.appliedToRow(em, plain, before, input);
      // Only a unique field the body sets can clash; two bodies of the batch setting one value meet the table's unique index.
      if (this.resource.unique?.some((rule) => rule.fields.some((name) => input[name] !== undefined))) await this.values.assertUnique(em, after, id);
      this.resource.validate?.(after);
      await this.updated(em, id, before, after, input, principal, (_, event) => {
        const names = Object.keys(values);
        const key = names.join(',');
        const group = groups.get(key) ?? groups.set(key, { names, records: [], events: [] }).get(key)!;
        group.records.push({ id, values });
        if (event) group.events.push(this.recorder.row(event));
      }, now);
    }
    for (const { names, records, events } of groups.values()) await plain.updateMany(em, names, records, now, events);
  }

  /** The given fields checked and resolved against a plain row: the record as it will read, and the values to store. */
  private async appliedToRow(em: EntityManager, rows: RecordRows, before: RecordJson, input: Record<string, unknown>): Promise<{ after: RecordJson; stored: Record<string, unknown> }> {
    const after: RecordJson = { ...before };
    const stored: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(input)) {
      if (value === undefined) continue;
      const field = this.resource.fields[name]!;
      const resolved = await this.values.forRow(em, rows, name, field, value);
      stored[name] = resolved.stored;
      if (field.kind !== 'password') after[name] = resolved.shown;
    }
    return { after, stored };
  }

  /**
   * What follows from an update whose values are applied (`after`): renamed names announced, and
   * when anything changed (or a password was set) the write with its new time and change event
   * (`write` stores both), the audit entry and the update's listeners. Answers the time written, if any.
   */
  private async updated(em: EntityManager, id: string, before: RecordJson, after: RecordJson, input: Record<string, unknown>, principal: Principal | undefined, write: (now: Date, event: ChangeEventInput | undefined) => Promise<void> | void, at?: Date): Promise<Date | undefined> {
    const changes = diffSnapshots(before, after);
    await this.announceRenames(em, before, after);
    const passwordChanged = 'password' in input && input.password !== undefined;
    const changed = Object.keys(changes).length > 0;
    if (!changed && !passwordChanged) return undefined;
    const now = at ?? this.clock.now();
    await write(now, changed ? { entity: this.resource.name, entityId: id, kind: 'updated', changes, actor: actorOf(principal) } : undefined);
    if (changed) this.audited(em, id, before, after, principal);
    await this.updates?.announce(em, this.resource.name, { id, before, after, passwordChanged, principal });
    return now;
  }

  /** Checks the record as it would be stored and computes its derived properties; answers its JSON. */
  private async validated(record: E): Promise<RecordJson> {
    const json = toRecordJson(this.resource, record);
    this.resource.validate?.(json);
    if (!this.resource.derived) return json;
    Object.assign(record, await this.resource.derived.derive(json));
    return toRecordJson(this.resource, record);
  }

  /** Derived properties follow from the rest: what a body says of them is not kept. */
  private withoutDerived(body: RecordBody): RecordBody {
    const derived = this.resource.derived?.fields;
    if (!derived) return body;
    const rest = { ...body };
    for (const field of derived) delete rest[field];
    return rest;
  }

  private async announceRenames(em: EntityManager, before: RecordJson, after: RecordJson): Promise<void> {
    for (const ref of this.resource.referencedAs ?? []) {
      const from = before[ref.field];
      const to = after[ref.field];
      if (typeof from !== 'string' || typeof to !== 'string' || from === to) continue;
      const statusKind = ref.statusKindFrom ? (after[ref.statusKindFrom] as Rename['statusKind']) : undefined;
      await this.renames?.announce(em, { kind: ref.kind, from, to, ...(statusKind ? { statusKind } : {}) });
    }
  }

  private async assertUnusedByRules(em: EntityManager, json: RecordJson): Promise<void> {
    for (const ref of this.resource.referencedAs ?? []) {
      const name = json[ref.field];
      if (typeof name !== 'string' || !this.renames) continue;
      const statusKind = ref.statusKindFrom ? (json[ref.statusKindFrom] as Rename['statusKind']) : undefined;
      const rules = (await this.renames.usages(em, { kind: ref.kind, from: name, ...(statusKind ? { statusKind } : {}) })).map(ruleLabel);
      if (rules.length > 0) {
        throw new ConflictError(`Cannot delete ${this.singular} ${JSON.stringify(name)}: it is used by ${rules.join(', ')}`, { rules }, { code: 'record.used_by_rules', params: { entity: this.singular, name, rules } });
      }
    }
  }

  async remove(id: string, principal?: Principal): Promise<void> {
    await this.em.fork().transactional(async (em) => {
      const record = await this.find(em, id, true);
      await this.assertUnreferenced(em, id);
      const before = toRecordJson(this.resource, record);
      await this.assertUnusedByRules(em, before);
      await this.deletions?.announce(em, this.resource.name, id);
      em.remove(record);
      // A person's values do not outlive it: its deletion event names only the id.
      const changes = this.resource.personalData ? {} : diffSnapshots(before, null);
      this.recorder.record(em, { entity: this.resource.name, entityId: id, kind: 'deleted', changes, actor: actorOf(principal) });
      this.audited(em, id, before, null, principal);
    });
  }

  private audited(em: EntityManager, id: string, before: RecordJson | null, after: RecordJson | null, principal: Principal | undefined): void {
    const audit = this.resource.audit;
    if (!audit || !this.audit) return;
    const pick = audit.pick ?? ((json: RecordJson) => json);
    const named = (after ?? before)!;
    this.audit.record(em, {
      subject: audit.subject,
      subjectId: id,
      subjectName: String(named[audit.nameField] ?? id),
      before: before && pick(before),
      after: after && pick(after),
      principal,
    });
  }

  /**
   * Stored rows as they are (entities, with only `fields` when given), for another module that needs
   * the resource's rows wholesale (an export, an import's plan) without reaching into its entity.
   */
  rows(em: EntityManager, where: Record<string, unknown> = {}, options: { fields?: readonly string[]; orderBy?: Record<string, 'asc' | 'desc'> } = {}): Promise<E[]> {
    return em.find(this.resource.entity, where as never, { ...(options.fields ? { fields: [...options.fields] as never } : {}), ...(options.orderBy ? { orderBy: options.orderBy as never } : {}) }) as Promise<E[]>;
  }

  async find(em: EntityManager, id: string, lock = false): Promise<E> {
    if (!RECORD_ID.test(id)) throw this.notFound(id);
    // Locking: the looked-up names (a status) come in the same statement, joined; only the record's
    // row is locked (`for update of` the main alias, which MikroORM names after the class: q0).
    const record = lock && this.lookups.length > 0
      ? await em.findOne(this.resource.entity, { id } as FilterQuery<E>, { lockMode: LockMode.PESSIMISTIC_WRITE, lockTableAliases: [this.mainAlias(em)], populate: this.lookups as never, strategy: 'joined' })
      : await em.findOne(this.resource.entity, { id } as FilterQuery<E>, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
    if (record && this.lookups.length > 0 && !lock) await em.populate(record, this.lookups as never);
    if (!record) throw this.notFound(id);
    return record;
  }

  private notFound(id: string): NotFoundError {
    return new NotFoundError(`No ${this.singular} with id ${RECORD_ID.test(id) ? id : JSON.stringify(id)}`, { code: 'record.not_found', params: { entity: this.singular, id } });
  }

  private mainAlias(em: EntityManager): string {
    return `${em.getMetadata(this.resource.entity).className.charAt(0).toLowerCase()}0`;
  }

  private get singular(): string {
    return this.resource.name.replace(/_/g, ' ');
  }

  private applyDefaults(record: E): void {
    const target = record as unknown as Record<string, unknown>;
    for (const [name, field] of Object.entries(this.resource.fields)) {
      if ('default' in field && field.default !== undefined && target[name] === undefined) target[name] = field.default;
    }
  }

  private async assign(em: EntityManager, record: E, input: Record<string, unknown>, id: string | undefined): Promise<void> {
    const target = record as unknown as Record<string, unknown>;
    for (const [name, value] of Object.entries(input)) {
      if (value === undefined) continue;
      const field = this.resource.fields[name]!;
      target[propertyOf(name, field)] = await this.values.forEntity(em, name, field, value);
    }
    await this.values.assertUnique(em, target, id);
  }

  private async assertUnreferenced(em: EntityManager, id: string): Promise<void> {
    const found: Record<string, number> = {};
    for (const ref of this.resource.referencedBy ?? []) {
      const count = await em.count(ref.entity(), { [ref.property]: id } as never);
      if (count > 0) found[ref.plural] = (found[ref.plural] ?? 0) + count;
    }
    if (Object.keys(found).length > 0) {
      const list = Object.entries(found).map(([plural, n]) => `${n} ${plural}`).join(', ');
      throw new ConflictError(`Cannot delete ${this.singular} ${id}: it is used by ${list}`, { references: found }, { code: 'record.in_use', params: { entity: this.singular, id, references: found } });
    }
  }
}
