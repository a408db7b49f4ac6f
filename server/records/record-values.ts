import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { raw } from '@mikro-orm/core';
import { toSnake } from '../common/naming.js';
import { BadInputError, ConflictError } from '../common/errors.js';
import { hashPassword } from '../common/passwords.js';
import type { BaseRecord } from './base-record.js';
import type { Field } from './fields.js';
import type { RecordRows } from './record-rows.js';
import type { Resource } from './resource.js';

function unknownReference(name: string, field: Field & { label: string }, id: unknown): BadInputError {
  return new BadInputError(`${name}: no ${field.label} with id ${id}`, { field: name }, { code: 'record.unknown_reference', params: { field: name, entity: field.label, id } });
}

/** A 400 naming the field whose looked-up name names no record. */
export function unknownName(name: string, field: Field & { label: string }, value: unknown): BadInputError {
  return new BadInputError(`${name}: unknown ${field.label} ${JSON.stringify(value)}`, { field: name }, { code: 'record.unknown_name', params: { field: name, entity: field.label, name: value } });
}

/**
 * The given fields' values as a record stores them, checked: references and looked-up names that
 * exist, unique values that no other record has. For the entity path and for plain rows alike.
 */
export class RecordValues<E extends BaseRecord> {
  constructor(
    private readonly resource: Resource<E>,
    private readonly singular: string,
  ) {}

  /** A given field's value as the entity takes it: a reference's entity, a looked-up record, a password's hash. */
  async forEntity(em: EntityManager, name: string, field: Field, value: unknown): Promise<unknown> {
    if (value === null) return null;
    switch (field.kind) {
      case 'password':
        return hashPassword(value as string);
      case 'ref': {
        const target = await em.findOne(field.target(), { id: value } as never);
        if (!target) throw unknownReference(name, field, value);
        return em.getReference(field.target(), value as never, { wrapped: true });
      }
      case 'refList': {
        const ids = value as string[];
        const found = new Set((await em.find(field.target(), { id: { $in: ids } } as never, { fields: ['id'] as never })).map((row) => String((row as { id: unknown }).id)));
        const missing = ids.find((id) => !found.has(id));
        if (missing !== undefined) throw unknownReference(name, field, missing);
        return ids;
      }
      case 'lookup': {
        const target = await em.findOne(field.target(), { name: value, ...(field.where ?? {}) } as never);
        if (!target) throw unknownName(name, field, value);
        return target;
      }
      default:
        return value;
    }
  }

  /** A given field's value as a plain row stores it, and as the record's JSON shows it. */
  async forRow(em: EntityManager, rows: RecordRows, name: string, field: Field, value: unknown): Promise<{ stored: unknown; shown: unknown }> {
    if (value === null) return { stored: null, shown: null };
    switch (field.kind) {
      case 'password':
        return { stored: await hashPassword(value as string), shown: undefined };
      case 'ref':
      case 'refList': {
        const ids = field.kind === 'ref' ? [String(value)] : (value as string[]);
        const missing = ids.length > 0 ? await rows.missingReference(em, name, ids) : undefined;
        if (missing !== undefined) throw unknownReference(name, field, missing);
        return { stored: value, shown: field.kind === 'ref' ? ids[0] : ids };
      }
      case 'lookup':
        // The name is resolved in the write's own statement, which refuses one that names no record.
        return { stored: value, shown: value };
      case 'datetime':
        return { stored: value, shown: (value as Date).toISOString() };
      default:
        return { stored: value, shown: value };
    }
  }

  /** Refuses (409) values of a unique field that another record has, `target` being the record's values by field. */
  async assertUnique(em: EntityManager, target: Record<string, unknown>, id: string | undefined): Promise<void> {
    for (const rule of this.resource.unique ?? []) {
      const values = rule.fields.map((name) => target[name]);
      if (values.some((value) => value === null || value === undefined)) continue;
      const conditions = rule.fields.map((name, i) =>
        rule.caseInsensitive
          ? { [raw((alias: string) => `lower(${alias}."${toSnake(name)}")`)]: String(values[i]).toLowerCase() }
          : { [name]: values[i] },
      );
      const clash = await em.findOne(this.resource.entity, { $and: conditions, ...(id ? { id: { $ne: id } } : {}) } as FilterQuery<E>);
      if (clash) {
        const described = rule.fields.map((name, i) => `${name} ${JSON.stringify(values[i])}`).join(' and ');
        throw new ConflictError(`A ${this.singular} with ${described} already exists (id ${clash.id})`, { fields: rule.fields, id: String(clash.id) }, { code: 'record.duplicate_value', params: { entity: this.singular, values: described, id: String(clash.id) } });
      }
    }
  }
}
