// Fields and values: does `entity.field` exist, may this rule read it, and does the value fit its type.
import { ENTITIES, type Condition, type Entity, type Loc, type Value } from './ast.js';
import { EMPLOYEE_FIELDS, PARTICIPANT_FIELDS, standardFieldType, type FieldType, type StatusKind } from './catalog.js';
import { EMPLOYEE_ROLES, type CheckContext, type RecordScope } from './checker-common.js';

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
  } else {
    ctx.report(loc, 'error', 'unknown-record', `unknown record '${head}' in ${path}`, stepId);
    return undefined;
  }
  if (!type) {
    ctx.report(loc, 'error', 'unknown-field', `unknown field '${field}' of ${head}`, stepId);
    return undefined;
  }
  if (scope && !scope.records.includes(head) && head === 'participant') {
    ctx.report(loc, 'error', 'missing-record', `${path} is behaviour in this flow: only a split's branches can use it`, stepId);
  } else if (scope && !scope.records.includes(head)) {
    ctx.report(loc, 'error', 'missing-record', `${path} is not available: ${scope.about} has no ${head}`, stepId);
  }
  return type;
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
    ctx.report(loc, 'error', 'type-mismatch', `${path} is ${TYPE_WORDS[type]}, but ${describe(value)} is ${TYPE_WORDS[valueType(value)]}`, stepId);
    return;
  }
  if (type === 'date' && typeof value === 'string' && Number.isNaN(Date.parse(value))) {
    ctx.report(loc, 'error', 'type-mismatch', `${path} is a date, but "${value}" is not a date such as "2026-12-01"`, stepId);
  }
  if (typeof value === 'string' && ctx.catalog && path.includes('.status')) {
    // The first two parts of the path (`quote_request.status`).
    const dot = path.indexOf('.');
    const head = dot < 0 ? path : path.slice(0, dot);
    const next = dot < 0 ? -1 : path.indexOf('.', dot + 1);
    const field = dot < 0 ? undefined : path.slice(dot + 1, next < 0 ? undefined : next);
    if (field === 'status' && STATUS_KINDS.includes(head) && !ctx.catalog.statuses(head as StatusKind).includes(value)) {
      ctx.report(loc, 'error', 'unknown-status', `unknown ${head} status "${value}"`, stepId);
    }
  }
  if (path === 'task.type' && typeof value === 'string') {
    ctx.unknownName(loc, (catalog) => catalog.hasTaskType(value), 'unknown-task-type', `unknown task type "${value}"`, stepId);
  }
  if (path === 'sale.stage' && !SALE_STAGES.includes(value)) {
    ctx.report(loc, 'error', 'type-mismatch', `a sale's stage is open, sold or lost, not ${describe(value)}`, stepId);
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
        ctx.report(at, 'error', 'type-mismatch', `${condition.operator} compares numbers and dates, but ${condition.field} is ${TYPE_WORDS[type]}`, stepId);
      } else if (type === 'list') {
        ctx.report(at, 'error', 'type-mismatch', `${condition.field} is a list: test it with contains`, stepId);
      } else {
        checkValue(ctx, condition.field, type, condition.value, at, stepId);
      }
      return;
    case 'in':
      for (const value of condition.values) checkValue(ctx, condition.field, type, value, at, stepId);
      return;
    case 'contains':
      if (!CONTAINER_TYPES.includes(type)) {
        ctx.report(at, 'error', 'type-mismatch', `contains looks inside a text or a list, but ${condition.field} is ${TYPE_WORDS[type]}`, stepId);
      } else if (typeof condition.value !== 'string' && type === 'string') {
        ctx.report(at, 'error', 'type-mismatch', `contains looks for a text in ${condition.field}, not ${describe(condition.value)}`, stepId);
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
