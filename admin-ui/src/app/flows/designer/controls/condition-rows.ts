import { EMPLOYEE_FIELDS, PARTICIPANT_FIELDS, STANDARD_FIELDS, standardFieldType, type Condition, type Entity, type FieldType, type Value } from '@stroom/dsl';

/** What a builder row says about its field. */
export type RowOperator = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'contains' | 'empty' | 'not_empty' | 'changed';

export const ROW_OPERATORS: readonly RowOperator[] = ['=', '!=', '<', '<=', '>', '>=', 'in', 'contains', 'empty', 'not_empty', 'changed'];

/** One row: field, operator, and its value (a list for `in`; the new value for `changed`, optional). */
export interface ConditionRow {
  field: string;
  operator: RowOperator;
  value?: Value | Value[];
}

/** A condition as the builder shows it: rows joined by one `and` or one `or`. */
export interface ConditionRows {
  join: 'and' | 'or';
  rows: ConditionRow[];
}

/**
 * The rows of a condition, or undefined when the builder cannot show it without losing something
 * (`not`, brackets that mix and/or, `changed from`): then it stays text.
 */
export function rowsOf(condition: Condition): ConditionRows | undefined {
  if (condition.kind === 'and' || condition.kind === 'or') {
    const rows = condition.operands.map(rowOf);
    return rows.every((row) => row !== undefined) ? { join: condition.kind, rows: rows as ConditionRow[] } : undefined;
  }
  const row = rowOf(condition);
  return row ? { join: 'and', rows: [row] } : undefined;
}

function rowOf(condition: Condition): ConditionRow | undefined {
  switch (condition.kind) {
    case 'compare': return { field: condition.field, operator: condition.operator, value: condition.value };
    case 'in': return { field: condition.field, operator: 'in', value: condition.values };
    case 'contains': return { field: condition.field, operator: 'contains', value: condition.value };
    case 'empty': return { field: condition.field, operator: condition.negated ? 'not_empty' : 'empty' };
    case 'changed': return condition.from === undefined ? { field: condition.field, operator: 'changed', ...(condition.to !== undefined ? { value: condition.to } : {}) } : undefined;
    default: return undefined;
  }
}

/** The condition the rows say; undefined when there are none. */
export function conditionOfRows(rows: ConditionRows): Condition | undefined {
  const operands = rows.rows.map(conditionOfRow);
  if (operands.length === 0) return undefined;
  return operands.length === 1 ? operands[0] : { kind: rows.join, operands };
}

function conditionOfRow(row: ConditionRow): Condition {
  const single = Array.isArray(row.value) ? row.value[0] ?? '' : row.value ?? '';
  switch (row.operator) {
    case 'in': return { kind: 'in', field: row.field, values: Array.isArray(row.value) ? row.value : row.value === undefined || row.value === '' ? [] : [row.value] };
    case 'contains': return { kind: 'contains', field: row.field, value: single };
    case 'empty': return { kind: 'empty', field: row.field, negated: false };
    case 'not_empty': return { kind: 'empty', field: row.field, negated: true };
    case 'changed': return { kind: 'changed', field: row.field, ...(single !== '' ? { to: single } : {}) };
    default: return { kind: 'compare', field: row.field, operator: row.operator, value: single };
  }
}

/** Whether an operator takes a value from the user (`changed` takes an optional one). */
export function takesValue(operator: RowOperator): boolean {
  return operator !== 'empty' && operator !== 'not_empty';
}

/** A value as a row shows it: a list as `a, b`. */
export function valueText(value: Value | Value[] | undefined): string {
  if (value === undefined) return '';
  return Array.isArray(value) ? value.map(String).join(', ') : String(value);
}

/**
 * What the user typed, as the field's type wants it: a number for a number field, true/false for a
 * yes/no field, text otherwise. A free field (`person.extra.*`) keeps the kind of value it had.
 */
export function typedValue(text: string, type: FieldType | undefined, before?: Value | Value[]): Value {
  const trimmed = text.trim();
  const was = Array.isArray(before) ? before[0] : before;
  const wantsNumber = type === 'number' || (type === 'any' && typeof was === 'number');
  const wantsBoolean = type === 'boolean' || (type === 'any' && typeof was === 'boolean');
  if (wantsNumber && trimmed !== '' && Number.isFinite(Number(trimmed))) return Number(trimmed);
  if (wantsBoolean && (trimmed === 'true' || trimmed === 'false')) return trimmed === 'true';
  return text;
}

/** A row's value from the typed text: a comma-separated list for `in`. */
export function rowValue(operator: RowOperator, text: string, type: FieldType | undefined, before?: Value | Value[]): Value | Value[] | undefined {
  if (operator === 'in') return text.split(',').map((part) => part.trim()).filter(Boolean).map((part) => typedValue(part, type, before));
  if (!takesValue(operator)) return undefined;
  if (operator === 'changed' && text.trim() === '') return undefined;
  return typedValue(text, type, before);
}

/** The records whose fields a builder offers: the person and company always; a split adds behaviour. */
export type FieldScope = 'person' | 'split';

export interface FieldOption {
  path: string;
  type: FieldType;
  group: 'person' | 'company' | 'participant' | 'our_contact';
}

/** The fields a builder lists (a free `person.extra.<name>` may still be typed). */
export function fieldOptions(scope: FieldScope): FieldOption[] {
  const of = (entity: Entity, group: FieldOption['group']) =>
    Object.entries(STANDARD_FIELDS[entity]).map(([field, type]) => ({ path: `${entity}.${field}`, type, group }));
  const contact = Object.entries(EMPLOYEE_FIELDS).map(([field, type]) => ({ path: `our_contact.${field}`, type, group: 'our_contact' as const }));
  const behaviour = Object.entries(PARTICIPANT_FIELDS).map(([field, type]) => ({ path: `participant.${field}`, type, group: 'participant' as const }));
  return [...(scope === 'split' ? behaviour : []), ...of('person', 'person'), ...of('company', 'company'), ...contact];
}

/** The type of a field path the builder knows, for typing values. */
export function fieldType(path: string): FieldType | undefined {
  const [head, ...rest] = path.split('.');
  const field = rest.join('.');
  if (head === 'participant') return PARTICIPANT_FIELDS[field];
  if (head === 'our_contact' || head === 'service_contact') return EMPLOYEE_FIELDS[field];
  if (head === 'person' || head === 'company') return standardFieldType(head, field);
  return undefined;
}
