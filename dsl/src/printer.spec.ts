import { describe, expect, it } from '@jest/globals';
import { sameAst, type Flow, type Program } from './ast.js';
import { parse } from './parse.js';
import { format, print } from './printer.js';
import { lines } from './testing/test-support.js';

const formatted = (source: string) => format(source).source;

describe('printer', () => {
  it('writes one item per line with two-space indents, settings before steps', () => {
    expect(formatted('flow "f" { wait 2 days sender "a" reply_to "b" trigger manual }')).toBe(lines(
      'flow "f" {', '  sender "a"', '  reply_to "b"', '  trigger manual', '', '  wait 2 days', '}', '',
    ));
  });

  it('writes step settings in the canonical order of the DSL reference, whatever order the source used', () => {
    expect(formatted('flow "f" {\n  create follow_up "t" agenda "a" assign our_contact at first_available type "x" project "p"\n}')).toBe(
      'flow "f" {\n  create follow_up "t" type "x" project "p" at first_available assign our_contact agenda "a"\n}\n');
  });

  it('says 1 day and 1 time, and keeps negative numbers and escapes', () => {
    expect(formatted(lines('workflow "w" {', '  on person.category changed to "a\\"b"', '  after 1 days send email "k" to person',
      '  remind every 1 days at most 1 times', '  when person.extra.score > -0.5', '}'))).toBe(lines('workflow "w" {',
      '  on person.category changed to "a\\"b"', '  when person.extra.score > -0.5', '  after 1 day send email "k" to person',
      '  remind every 1 day at most 1 time', '}', ''));
  });

  it('adds the parentheses the structure needs and no others', () => {
    expect(formatted('workflow "w" { on person updated when ((person.a = 1)) and not (person.b = 2 or person.c = 3) send email "k" to person }'))
      .toContain('when person.a = 1 and not (person.b = 2 or person.c = 3)');
  });

  it('falls back to a quoted string for a script that triple quotes cannot hold', () => {
    const program = parse('flow "f" {\n  run script """x"""\n}').ast;
    const flow = program.declarations[0] as Flow;
    const script = flow.steps[0]!;
    if (script.kind !== 'run_script') throw new Error('expected a script');
    script.source = 'say("""hi""")\nend"';
    const printed = print(program);
    expect(printed).toContain('run script "say(\\"\\"\\"hi\\"\\"\\")\\nend\\""');
    expect(sameAst(parse(printed).ast, program)).toBe(true);
  });

  it('keeps full-line comments where they were, end-of-line comments above the next line', () => {
    const source = lines(
      '# kop', 'flow "f" {', '  trigger manual # handmatig', '  # eerste stap', '  wait 1 day', '  split "s" {',
      '    branch "b" when person.a = 1 {', '      # leeg', '    }', '  }', '  # slot', '}', '# einde',
    );
    expect(formatted(source)).toBe(lines(
      '# kop', 'flow "f" {', '  trigger manual', '', '  # handmatig', '  # eerste stap', '  wait 1 day', '  split "s" {',
      '    branch "b" when person.a = 1 {', '      # leeg', '    }', '  }', '  # slot', '}', '', '# einde', '',
    ));
  });

  it('is idempotent on its own output', () => {
    const once = formatted('workflow "w" {on task expired when task.type="Bellen" send email "t" to responsible}')!;
    expect(formatted(once)).toBe(once);
  });

  it('prints an empty program as nothing', () => {
    const empty: Program = { kind: 'program', declarations: [] };
    expect(print(empty)).toBe('');
  });

  it('does not format a text with syntax errors', () => {
    expect(format('workflow "w" {')).toEqual({ diagnostics: [expect.objectContaining({ severity: 'error' })] });
  });
});
