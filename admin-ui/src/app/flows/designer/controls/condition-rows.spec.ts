import { conditionText, parse, type Condition } from '@stroom/dsl';
import { parseCondition } from '../condition-text';
import { conditionOfRows, rowsOf, rowValue, typedValue } from './condition-rows';

const condition = (text: string): Condition => parseCondition(text)!;

describe('condition rows', () => {
  it('shows a single test or a flat and/or as rows, and gives the same condition back', () => {
    for (const text of [
      'person.category = "lead"',
      'person.category in ["lead", "prospect"] and person.email is not empty',
      'participant.clicked = true or participant.opens >= 2 or person.interests contains "zon"',
      'person.category changed to "Klant"',
      'person.category changed',
      'person.email is empty',
    ]) {
      const rows = rowsOf(condition(text));
      expect(rows).toBeDefined();
      expect(conditionText(conditionOfRows(rows!)!)).toBe(text);
    }
  });

  it('leaves to text what rows cannot show without losing it', () => {
    for (const text of ['not person.category = "klant"', 'person.category = "a" and (person.email is empty or person.mobile is empty)', 'person.category changed from "Lead" to "Klant"']) {
      expect(rowsOf(condition(text))).toBeUndefined();
    }
  });

  it('types a value by its field: numbers, yes/no, text; a free field keeps the kind it had', () => {
    expect(typedValue('3', 'number')).toBe(3);
    expect(typedValue('drie', 'number')).toBe('drie');
    expect(typedValue('true', 'boolean')).toBe(true);
    expect(typedValue('12', 'string')).toBe('12');
    expect(typedValue('7', 'any', 5)).toBe(7);
    expect(typedValue('7', 'any', 'x')).toBe('7');
    expect(rowValue('in', 'lead, prospect,', 'string')).toEqual(['lead', 'prospect']);
    expect(rowValue('changed', ' ', 'string')).toBeUndefined();
    expect(rowValue('empty', 'x', 'string')).toBeUndefined();
  });

  it('gives no condition for no rows', () => {
    expect(conditionOfRows({ join: 'and', rows: [] })).toBeUndefined();
    expect(parse('flow "x" {\n}\n').diagnostics).toEqual([]);
  });
});
