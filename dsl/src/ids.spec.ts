import { describe, expect, it } from '@jest/globals';
import type { Flow } from './ast.js';
import { assignStepIds, stepIdsOf } from './ids.js';
import { parse } from './parse.js';
import { print } from './printer.js';
import { lines } from './testing/test-support.js';

const source = lines(
  'flow "f" {',
  '  welkom: send email "w"',
  '  wait 1 day',
  '  split "s" {',
  '    branch "a" when person.category = "A" {',
  '      s1: wait 2 days',
  '      leave',
  '    }',
  '    others {',
  '      complete',
  '    }',
  '  }',
  '}',
);

describe('step ids', () => {
  it('keeps labels and gives every other step a new id, never one used before', () => {
    const assigned = assignStepIds(parse(source).ast, ['s2', 's4']);
    expect(stepIdsOf(assigned.declarations[0] as Flow)).toEqual(['welkom', 's3', 's5', 's1', 's6', 's7']);
  });

  it('does not change the program it is given', () => {
    const { ast } = parse(source);
    assignStepIds(ast, []);
    expect(stepIdsOf(ast.declarations[0] as Flow)).toEqual(['welkom', 's1']);
  });

  it('prints the ids as labels, so the source carries them and a second pass changes nothing', () => {
    const printed = print(assignStepIds(parse(source).ast, []));
    expect(printed).toContain('s2: wait 1 day');
    expect(printed).toContain('s3: split "s" {');
    const again = parse(printed).ast;
    expect(print(assignStepIds(again, ['s9']))).toBe(printed);
  });

  it('leaves workflows alone', () => {
    const program = parse('workflow "w" {\n  on person created\n  send email "k" to person\n}\n').ast;
    expect(assignStepIds(program, [])).toEqual(program);
  });
});
