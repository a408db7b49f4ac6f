import { describe, expect, it } from '@jest/globals';
import { parsePolicy } from './policy-parse.js';
import { printPolicy } from './policy-printer.js';
import { readPolicy } from './policy-check.js';
import { stripLocations } from './ast.js';

const FULL = `# Ons contactbeleid
policy {
  email at most 2 per 7 days
  sms at most 1 per 7 days
  gap at least 12 hours
  quiet hours 21:00-08:00
  sms quiet hours 20:00-09:00
  when limited defer
}
`;

describe('the contact policy document', () => {
  it('reads every rule and prints the canonical form back', () => {
    const { ast, diagnostics } = parsePolicy(FULL);
    expect(diagnostics).toEqual([]);
    expect(stripLocations(ast)).toEqual({
      kind: 'policy',
      comments: [' Ons contactbeleid'],
      rules: [
        { kind: 'limit', channel: 'email', count: 2, per: { amount: 7, unit: 'days' } },
        { kind: 'limit', channel: 'sms', count: 1, per: { amount: 7, unit: 'days' } },
        { kind: 'gap', span: { amount: 12, unit: 'hours' } },
        { kind: 'quiet_hours', start: '21:00', end: '08:00' },
        { kind: 'quiet_hours', channel: 'sms', start: '20:00', end: '09:00' },
        { kind: 'when_limited', action: 'defer' },
      ],
    });
    expect(printPolicy(ast)).toBe(FULL);
  });

  it('round-trips any order, singular units and comments into one canonical text', () => {
    const source = 'policy {\n  when limited skip\n  # avond\n  quiet hours 8:00-9:30\n  sms at most 1 per 1 week\n}\n';
    const printed = printPolicy(parsePolicy(source).ast);
    expect(printed).toBe('policy {\n  sms at most 1 per 1 week\n  # avond\n  quiet hours 08:00-09:30\n  when limited skip\n}\n');
    expect(stripLocations(parsePolicy(printed).ast)).toEqual(stripLocations(parsePolicy(source).ast));
  });

  it('reports each bad line with its place and reads the lines after it', () => {
    const { ast, diagnostics } = parsePolicy('policy {\n  emial at most 2 per 7 days\n  sms at most two per 7 days\n  gap at least 0 hours\n  quiet hours 21:00-21:00\n  email at most 3 per 2 days\n}\n');
    expect(diagnostics.map((d) => [d.line, d.column, d.code, d.suggestion])).toEqual([
      [2, 3, 'unexpected-token', 'email'],
      [3, 15, 'unexpected-token', undefined],
      [4, 16, 'not-whole-number', undefined],
      [5, 3, 'quiet-hours-empty', undefined],
    ]);
    expect(ast.rules).toEqual([expect.objectContaining({ kind: 'limit', channel: 'email', count: 3 })]);
  });

  it('refuses a text that is not a policy, an unclosed one and a rule given twice', () => {
    expect(readPolicy('flow "x" {\n}\n').diagnostics[0]).toMatchObject({ line: 1, code: 'unexpected-token' });
    expect(readPolicy('').diagnostics.map((d) => d.code)).toEqual(['expected-policy']);
    expect(readPolicy('policy {\n  gap at least 1 hour\n').diagnostics.map((d) => d.code)).toEqual(['unclosed-block']);
    const twice = readPolicy('policy {\n  email at most 1 per 1 day\n  email at most 2 per 1 day\n}\n');
    expect(twice.policy).toBeUndefined();
    expect(twice.diagnostics).toEqual([expect.objectContaining({ line: 3, code: 'policy-given-twice', message: "'email at most' is given twice; the policy keeps one" })]);
  });

  it('compiles to limits per channel, the gap, quiet hours per channel and the action', () => {
    expect(readPolicy(FULL).policy).toEqual({
      limits: { email: { count: 2, per: { amount: 7, unit: 'days' } }, sms: { count: 1, per: { amount: 7, unit: 'days' } } },
      gap: { amount: 12, unit: 'hours' },
      quietHours: { email: { start: '21:00', end: '08:00' }, sms: { start: '20:00', end: '09:00' } },
      whenLimited: 'defer',
    });
    expect(readPolicy('policy {\n}\n').policy).toEqual({ limits: {}, quietHours: {}, whenLimited: 'defer' });
  });
});

describe('a transactional flow message', () => {
  it('marks an e-mail or SMS step exempt, prints it back and reaches the step graph', async () => {
    const { parse } = await import('./parse.js');
    const { print } = await import('./printer.js');
    const source = 'flow "F" {\n  trigger manual\n\n  send email "bevestiging" subject "Uw afspraak" transactional\n  send sms "Tot morgen" transactional if no mobile skip\n  send email "nieuws"\n}\n';
    const { ast, diagnostics } = parse(source);
    expect(diagnostics).toEqual([]);
    expect(print(ast)).toBe(source);
    const steps = (ast.declarations[0] as { steps: { transactional?: true }[] }).steps;
    expect(steps.map((step) => step.transactional)).toEqual([true, true, undefined]);
  });

  it('is refused in a workflow, whose messages are transactional already, and given twice', async () => {
    const { parse } = await import('./parse.js');
    expect(parse('workflow "W" {\n  on person created\n  send email "x" to person transactional\n}\n').diagnostics)
      .toEqual([expect.objectContaining({ line: 3, code: 'flows-only', params: { what: 'transactional' } })]);
    expect(parse('flow "F" {\n  send email "x" transactional transactional\n}\n').diagnostics)
      .toEqual([expect.objectContaining({ line: 2, code: 'given-twice' })]);
  });
});
