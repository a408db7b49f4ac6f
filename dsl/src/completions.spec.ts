import { describe, expect, it } from '@jest/globals';
import { completionsAt, highlight } from './completions.js';

const labels = (source: string, offset = source.length) => completionsAt(source, offset).map((c) => c.label);

describe('completions', () => {
  it('offers declarations at the top', () => {
    expect(labels('')).toEqual(['flow', 'workflow']);
  });

  it('offers what the grammar requires next', () => {
    expect(labels('workflow "w" {\n  on person ')).toEqual(['changed', 'completed', 'created', 'deleted', 'expired', 'updated']);
    expect(labels('flow "f" {\n  send ')).toEqual(['email', 'sms']);
  });

  it('offers the lines a block may hold, filtered by the word being typed', () => {
    expect(labels('workflow "w" {\n  ')).toEqual(['after', 'on', 'remind', 'send', 'when']);
    expect(labels('flow "f" {\n  split "s" {\n    ')).toEqual(['branch', 'others']);
    expect(labels('flow "f" {\n  se')).toEqual(['send', 'send_window', 'sender']);
  });

  it('offers the settings of the step on the line', () => {
    expect(labels('flow "f" {\n  create follow_up "t" ')).toContain('assign');
  });

  it('offers fields after a record and labels of steps where a step is named', () => {
    expect(labels('flow "f" {\n  filter person.first')).toEqual(['first_name']);
    expect(labels('flow "f" {\n  welkom: send email "w"\n  wait for link clicked in ')).toEqual(['welkom']);
  });

  it('gives highlight classes with positions, comments included', () => {
    expect(highlight('wait 2 days # x').map((t) => [t.column, t.class])).toEqual([[1, 'keyword'], [6, 'number'], [8, 'keyword'], [13, 'comment']]);
  });
});
