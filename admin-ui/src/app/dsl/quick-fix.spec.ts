import { Text } from '@codemirror/state';
import { indentationAt, messageIn } from './dsl-language';
import { quickFixOf } from './quick-fix';

describe('quick fixes', () => {
  const source = 'workflow "w" {\n  on person created\n  send email "welkon" to person\n}\n';
  const from = source.indexOf('"welkon"');

  it('puts the name meant in place of the misspelled one inside the diagnostic', () => {
    const fix = quickFixOf(source, { from, to: from + 8 }, { suggestion: 'welkom', params: { name: 'welkon' } });
    expect(fix).toEqual({ from: from + 1, to: from + 7, insert: 'welkom' });
  });

  it('offers nothing without a suggestion, or when the text no longer holds the word', () => {
    expect(quickFixOf(source, { from, to: from + 8 }, { params: { name: 'welkon' } })).toBeUndefined();
    expect(quickFixOf(source, { from: 0, to: 8 }, { suggestion: 'welkom', params: { name: 'welkon' } })).toBeUndefined();
  });
});

describe('indentation and messages', () => {
  it('indents two spaces per open block, and a closing brace back', () => {
    const doc = Text.of(['flow "f" {', '  split "s" {', 'others continue', '}', '}']);
    expect(indentationAt(doc, doc.line(2).from)).toBe(2);
    expect(indentationAt(doc, doc.line(3).from)).toBe(4);
    expect(indentationAt(doc, doc.line(4).from)).toBe(2);
    expect(indentationAt(doc, doc.line(5).from)).toBe(0);
  });

  it('indents the line a break after an opening brace starts', () => {
    const doc = Text.of(['workflow "w" {']);
    expect(indentationAt(doc, doc.length, '')).toBe(2);
  });

  it('ignores braces inside quoted texts', () => {
    const doc = Text.of(['flow "f {" {', 'wait 1 day']);
    expect(indentationAt(doc, doc.line(2).from)).toBe(2);
  });

  it('renders a diagnostic from its code in the language asked for, with the name meant', () => {
    const d = { line: 3, column: 14, length: 8, severity: 'error' as const, message: 'unknown template "welkon"', code: 'unknown-template', params: { name: 'welkon' }, suggestion: 'welkom' };
    expect(messageIn(d, 'nl')).toBe('onbekend sjabloon "welkon" (bedoelde u \'welkom\'?)');
    expect(messageIn(d, 'en')).toBe('unknown template "welkon" (did you mean \'welkom\'?)');
  });
});
