import { STANDARD_FIELDS, type DateTrigger, type DateTriggerEntity, type FlowTrigger } from '@stroom/dsl';

/** What the field select shows for a person's own field (`extra.<name>`), typed in a text field. */
export const EXTRA_FIELD = 'extra';

const EXTRA_NAME = /^[A-Za-z_]\w*$/;

/** The date fields of a record the designer knows (the same on every installation), as the checker accepts them. */
export function dateFieldsOf(entity: DateTriggerEntity): string[] {
  return Object.entries(STANDARD_FIELDS[entity]).filter(([, type]) => type === 'date').map(([field]) => field);
}

/** Whether `field` is a person's own field (`extra.<name>`): free, so any date it holds counts. */
export function isExtraField(entity: DateTriggerEntity, field: string): boolean {
  return entity === 'person' && field.startsWith('extra.');
}

/**
 * The field a typed name of a person's own field stands for: `contract_end` (or `extra.contract_end`,
 * `person.extra.contract_end`) → `extra.contract_end`; undefined when it is no field name.
 */
export function extraFieldOf(typed: string): string | undefined {
  const name = typed.trim().replace(/^(person\.)?extra\./, '');
  return EXTRA_NAME.test(name) ? `extra.${name}` : undefined;
}

/** The date trigger watching `entity`: its field kept when that record has it, else the record's first date field. */
export function withEntity(trigger: DateTrigger, entity: DateTriggerEntity): DateTrigger {
  const keep = dateFieldsOf(entity).includes(trigger.field) || (isExtraField(entity, trigger.field) && entity === trigger.entity);
  return { ...trigger, entity, field: keep ? trigger.field : dateFieldsOf(entity)[0]! };
}

/** A new date or yearly trigger: a month after the person was created, or every year on the person's birthday. */
export function freshDateTrigger(kind: 'date' | 'yearly'): FlowTrigger {
  return kind === 'date'
    ? { kind, amount: 30, unit: 'days', direction: 'after', entity: 'person', field: 'created_at' }
    : { kind, entity: 'person', field: 'extra.birthday' };
}
