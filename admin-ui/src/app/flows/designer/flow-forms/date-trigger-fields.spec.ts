import { flowOf, parse, print, type DateTrigger } from '@stroom/dsl';
import { dateFieldsOf, extraFieldOf, freshDateTrigger, isExtraField, withEntity } from './date-trigger-fields';
import { putSettingAt } from './flow-setting-edits';

describe('date trigger fields', () => {
  it('lists only the date fields of a record, as the checker counts them', () => {
    expect(dateFieldsOf('person')).toEqual(['created_at', 'updated_at']);
    expect(dateFieldsOf('sale')).toEqual(['date', 'created_at', 'updated_at']);
    expect(dateFieldsOf('opportunity')).not.toContain('status');
  });

  it('reads a typed own field of a person in every way it may be written, and refuses what is no name', () => {
    expect(extraFieldOf('contract_end')).toBe('extra.contract_end');
    expect(extraFieldOf(' extra.contract_end ')).toBe('extra.contract_end');
    expect(extraFieldOf('person.extra.birthday')).toBe('extra.birthday');
    expect(extraFieldOf('')).toBeUndefined();
    expect(extraFieldOf('contract end')).toBeUndefined();
    expect(extraFieldOf('1st')).toBeUndefined();
    expect(isExtraField('person', 'extra.x')).toBe(true);
    expect(isExtraField('sale', 'extra.x')).toBe(false);
  });

  it('keeps the field when the new record has it, else takes the record\'s first date field', () => {
    const trigger: DateTrigger = { kind: 'date', amount: 3, unit: 'workdays', direction: 'before', entity: 'person', field: 'extra.contract_end' };
    expect(withEntity(trigger, 'sale')).toEqual({ ...trigger, entity: 'sale', field: 'date' });
    expect(withEntity({ ...trigger, field: 'created_at' }, 'opportunity')).toMatchObject({ entity: 'opportunity', field: 'created_at' });
    expect(withEntity(trigger, 'person')).toEqual(trigger);
  });

  it('prints the new triggers as the DSL writes them, and they read back the same', () => {
    const program = parse('flow "x" {\n  trigger manual\n}\n').ast;
    putSettingAt(flowOf(program), 'trigger', 1, { kind: 'trigger', trigger: freshDateTrigger('date') });
    putSettingAt(flowOf(program), 'trigger', 2, { kind: 'trigger', trigger: freshDateTrigger('yearly') });
    const text = print(program);
    expect(text).toContain('  trigger 30 days after person.created_at\n  trigger yearly on person.extra.birthday\n');
    expect(parse(text).diagnostics).toEqual([]);
  });
});
