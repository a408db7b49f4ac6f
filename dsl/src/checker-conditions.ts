// Fields and values: does `entity.field` exist, may this rule read it, and does the value fit its type.
import { ENTITIES, type Condition, type Entity, type Loc, type Value } from './ast.js';
import { EMPLOYEE_FIELDS, PARTICIPANT_FIELDS, STANDARD_FIELDS, standardFieldType, webhookFieldType, type FieldType, type StatusKind } from './catalog.js';
import { EMPLOYEE_ROLES, type CheckContext, type RecordScope } from './checker-common.js';
import { closest } from './suggest.js';

const TYPE_WORDS: Record<FieldType, string> = {
  string: 'a text', number: 'a number', boolean: 'true or false', date: 'a date', list: 'a list', id: 'an id', any: 'anything',
};
const STATUS_KINDS: readonly string[] = ['quote_request', 'opportunity', 'intake_measure'];
const SALE_STAGES: readonly Value[] = ['open', 'sold', 'lost'];
const ORDERING_OPERATORS: readonly string[] = ['<', '<=', '>', '>='];
const ORDERED_TYPES: readonly FieldType[] = ['number', 'date', 'any'];
const CONTAINER_TYPES: readonly FieldType[] = ['string', 'list', 'any'];

const ENTITY_NAMES: ReadonlySet<string> = new Set(ENTITIES);
const EMPLOYEE_ROLE_NAMES: ReadonlySet<string> = new Set(EMPLOYEE_ROLES);

/** The type of a dotted field, or undefined after reporting why it is not a field. */
export function fieldTypeOf(ctx: CheckContext, path: string, scope: RecordScope | undefined, loc: Loc | undefined, stepId?: string): FieldType | undefined {
  const dot = path.indexOf('.');
  const head = dot < 0 ? path : path.slice(0, dot);
  const field = dot < 0 ? '' : path.slice(dot + 1);
  let type: FieldType | undefined;
  if (ENTITY_NAMES.has(head)) {
    const entity = head as Entity;
    type = ctx.catalog ? ctx.catalog.fieldType(entity, field) : standardFieldType(entity, field);
  } else if (EMPLOYEE_ROLE_NAMES.has(head)) {
    type = EMPLOYEE_FIELDS[field];
  } else if (head === 'participant') {
    type = PARTICIPANT_FIELDS[field];
  } else if (head === 'webhook') {
    type = webhookFieldType(field);
  } else {
    const records = [...ENTITIES, ...EMPLOYEE_ROLES, 'participant', 'webhook'];
    ctx.report(loc, 'error', 'unknown-record', { record: head, path }, stepId, closest(head, scope?.records ?? records) ?? closest(head, records));
    return undefined;
  }
  if (!type) {
    ctx.report(loc, 'error', 'unknown-field', { field, record: head }, stepId, closest(field, fieldsOf(ctx, head)));
    return undefined;
  }
  if (scope && !scope.records.includes(head) && (head === 'participant' || head === 'webhook')) {
    ctx.report(loc, 'error', 'missing-record', { variant: 'behaviour', path }, stepId);
  } else if (scope && !scope.records.includes(head)) {
    ctx.report(loc, 'error', 'missing-record', { variant: 'field', path, about: scope.about, record: head }, stepId);
  }
  return type;
}

/** The field names of a record, for suggestions. */
function fieldsOf(ctx: CheckContext, head: string): string[] {
  if (ENTITY_NAMES.has(head)) {
    const entity = head as Entity;
    return [...Object.keys(STANDARD_FIELDS[entity]), ...(ctx.catalog?.extraFields(entity) ?? [])];
  }
  if (head === 'webhook') return [];
  return Object.keys(EMPLOYEE_ROLE_NAMES.has(head) ? EMPLOYEE_FIELDS : PARTICIPANT_FIELDS);
}

function describe(value: Value): string {
  return typeof value === 'string' ? `"${value}"` : String(value);
}

function valueType(value: Value): FieldType {
  return typeof value === 'string' ? 'string' : typeof value === 'number' ? 'number' : 'boolean';
}

/** Checks one value against the field's type and, where the catalog knows them, its allowed values. */
export function checkValue(ctx: CheckContext, path: string, type: FieldType, value: Value, loc: Loc | undefined, stepId?: string): void {
  const fits = type === 'any' || type === 'list' || valueType(value) === (type === 'id' || type === 'date' ? 'string' : type);
  if (!fits) {
    ctx.report(loc, 'error', 'type-mismatch', { path, type: TYPE_WORDS[type], value: describe(value), valueType: TYPE_WORDS[valueType(value)] }, stepId);
    return;
  }
  if (type === 'date' && typeof value === 'string' && Number.isNaN(Date.parse(value))) {
    ctx.report(loc, 'error', 'type-mismatch', { variant: 'date', path, value }, stepId);
  }
  if (typeof value === 'string' && ctx.catalog && path.includes('.status')) {
    // The first two parts of the path (`quote_request.status`).
    const dot = path.indexOf('.');
    const head = dot < 0 ? path : path.slice(0, dot);
    const next = dot < 0 ? -1 : path.indexOf('.', dot + 1);
    const field = dot < 0 ? undefined : path.slice(dot + 1, next < 0 ? undefined : next);
    const statuses = field === 'status' && STATUS_KINDS.includes(head) ? ctx.catalog.statuses(head as StatusKind) : undefined;
    if (statuses && !statuses.includes(value)) {
      ctx.report(loc, 'error', 'unknown-status', { kind: head, name: value }, stepId, closest(value, statuses));
    }
  }
  if (path === 'task.type' && typeof value === 'string') ctx.unknownName(loc, 'taskTypes', value, 'unknown-task-type', stepId);
  if (path === 'sale.stage' && !SALE_STAGES.includes(value)) {
    ctx.report(loc, 'error', 'type-mismatch', { variant: 'stage', path, value: describe(value) }, stepId, closest(String(value), ['open', 'sold', 'lost']));
  }
}

export function checkCondition(ctx: CheckContext, condition: Condition, scope: RecordScope | undefined, stepId?: string): void {
  switch (condition.kind) {
    case 'and':
    case 'or':
      for (const operand of condition.operands) checkCondition(ctx, operand, scope, stepId);
      return;
    case 'not':
      checkCondition(ctx, condition.operand, scope, stepId);
      return;
  }
  const loc = condition.locs?.field ?? condition.loc;
  const type = fieldTypeOf(ctx, condition.field, scope, loc, stepId);
  if (!type) return;
  const at = condition.loc;
  switch (condition.kind) {
    case 'compare':
      if (ORDERING_OPERATORS.includes(condition.operator) && !ORDERED_TYPES.includes(type)) {
        ctx.report(at, 'error', 'type-mismatch', { variant: 'ordering', operator: condition.operator, path: condition.field, type: TYPE_WORDS[type] }, stepId);
      } else if (type === 'list') {
        ctx.report(at, 'error', 'type-mismatch', { variant: 'list', path: condition.field }, stepId);
      } else {
        checkValue(ctx, condition.field, type, condition.value, at, stepId);
      }
      return;
    case 'in':
      for (const value of condition.values) checkValue(ctx, condition.field, type, value, at, stepId);
      return;
    case 'contains':
      if (!CONTAINER_TYPES.includes(type)) {
        ctx.report(at, 'error', 'type-mismatch', { variant: 'contains', path: condition.field, type: TYPE_WORDS[type] }, stepId);
      } else if (typeof condition.value !== 'string' && type === 'string') {
        ctx.report(at, 'error', 'type-mismatch', { variant: 'contains-value', path: condition.field, value: describe(condition.value) }, stepId);
      }
      return;
    case 'empty':
      return;
    case 'changed':
      checkChange(ctx, condition.field, type, condition, at, stepId);
  }
}

export function checkChange(ctx: CheckContext, path: string, type: FieldType, change: { from?: Value; to?: Value }, loc: Loc | undefined, stepId?: string): void {
  if (change.from !== undefined) checkValue(ctx, path, type, change.from, loc, stepId);
  if (change.to !== undefined) checkValue(ctx, path, type, change.to, loc, stepId);
}
