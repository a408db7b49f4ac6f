import type { EntityClass } from '@mikro-orm/core';
import type { ReferenceKind } from '@stroom/dsl';
import type { Role } from '../auth/roles.js';
import type { BaseRecord } from './base-record.js';
import type { Fields } from './fields.js';
import type { AuditSubject } from '../audit/audit-subjects.js';

/** Everything the generic record service and controller need to serve one CRM resource. */
export interface Resource<E extends BaseRecord = BaseRecord> {
  /** snake_case entity name used in change events and the DSL: `quote_request`. */
  name: string;
  /** Plural words for messages: `quote requests`. */
  plural: string;
  /** URL segment under /api: `quote-requests`. */
  path: string;
  entity: EntityClass<E>;
  fields: Fields;
  /** Unique JSON fields (409 on conflict); case-insensitive ones compare lower-cased; null is never a conflict. */
  unique?: { fields: string[]; caseInsensitive?: boolean }[];
  /** Rows elsewhere that make a delete a 409 naming them. */
  referencedBy?: { entity: () => EntityClass<object>; property: string; plural: string }[];
  /** Roles that may create and update (reading needs either role). */
  writeRoles: readonly Role[];
  /** Roles that may delete; the writers when not given. */
  deleteRoles?: readonly Role[];
  /**
   * Entity property paths `q` also searches besides the fields marked `search`, through relations
   * (`person.lastName`, `status.name`): a quote request is found by its person's name.
   */
  searchAlso?: readonly string[];
  /** Accept PUT as well as PATCH for updates (templates, workflows, flows). */
  put?: boolean;
  /** Checks the whole record after a create or update is applied; throws a BadInputError (400) to refuse it. */
  validate?: (json: Record<string, unknown>) => void;
  /**
   * Entity properties computed at save from the record's JSON (a template's compiled HTML): answered
   * by GET, ignored in a request body; `derive` throws a BadInputError (400) to refuse the record.
   */
  derived?: {
    fields: readonly string[];
    derive: (json: Record<string, unknown>) => Promise<Record<string, unknown>>;
    /** Each derived field's answer as an OpenAPI schema (untyped in the document when not given). */
    schemas?: Record<string, Record<string, unknown>>;
  };
  /**
   * Slow checks of a whole record (a template rendered once on sample data), run before the
   * write's transaction so that they never hold the database; a refusal is thrown as a 400.
   */
  precheck?: (json: Record<string, unknown>) => Promise<void>;
  /** Fields whose value DSL rules refer to by name: renaming one rewrites those rules. */
  referencedAs?: { field: string; kind: ReferenceKind; statusKindFrom?: string }[];
  /** JSON fields only these roles may read (e.g. employees' roles). */
  restrictedFields?: { field: string; roles: readonly Role[] }[];
  /** Changes go to the audit log: under this subject, named by a field, only the picked part (all of it by default). */
  /** Personal data (persons): its deletion event keeps no values, and other modules erase what they hold of it. */
  personalData?: boolean;
  audit?: { subject: AuditSubject; nameField: string; pick?: (json: Record<string, unknown>) => Record<string, unknown> };
}

export function defineResource<E extends BaseRecord>(resource: Resource<E>): Resource<E> {
  return resource;
}
