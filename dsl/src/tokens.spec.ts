import { describe, expect, it } from '@jest/globals';
import { Lexer, type ILexingResult } from 'chevrotain';
import { random } from './testing/fuzz-inputs.js';
import { fixtures } from './testing/test-support.js';
import { allTokens, highlightClassOf, KEYWORDS, lexer } from './tokens.js';

const kinds = (source: string) => lexer.tokenize(source).tokens.map((token) => `${String(token.tokenType.name)}:${token.image}`);

describe('lexer', () => {
  it('reads the longest keyword, not a shorter one inside it', () => {
    expect(kinds('send sender send_window sms_sender senders')).toEqual([
      'send:send', 'sender:sender', 'send_window:send_window', 'sms_sender:sms_sender', 'Identifier:senders',
    ]);
  });

  it('accepts singular units as the same keyword', () => {
    expect(kinds('1 day 2 days 1 time 3 workday')).toEqual([
      'Number:1', 'days:day', 'Number:2', 'days:days', 'Number:1', 'times:time', 'Number:3', 'workdays:workday',
    ]);
  });

  it('reads times and day ranges of a send window', () => {
    expect(kinds('mon-sat 08:00-20:00')).toEqual([
      'Identifier:mon', 'Minus:-', 'Identifier:sat', 'Time:08:00', 'Minus:-', 'Time:20:00',
    ]);
  });

  it('reads strings with escapes, triple-quoted scripts and numbers', () => {
    expect(kinds('"a \\"b\\"" """x\n"y""" "" 3.5 1e3')).toEqual([
      'String:"a \\"b\\""', 'TripleString:"""x\n"y"""', 'String:""', 'Number:3.5', 'Number:1e3',
    ]);
  });

  it('keeps an unterminated string as a token so parsing can go on', () => {
    expect(kinds('"open\nnext')).toEqual(['UnterminatedString:"open', 'Identifier:next']);
    expect(kinds('"""never closed')).toEqual(['UnterminatedTripleString:"""never closed']);
  });

  it('puts comments in their own group and skips white space', () => {
    const result = lexer.tokenize('wait # a comment\n  2 days');
    expect(result.tokens.map((t) => t.image)).toEqual(['wait', '2', 'days']);
    expect(result.groups['comments']?.map((t) => t.image)).toEqual(['# a comment']);
  });

  it('reports characters outside the language', () => {
    const result = lexer.tokenize('wait § 2 days');
    expect(result.errors.map((e) => [e.offset, e.length, e.message])).toEqual([[5, 1, 'unexpected character "§"']]);
  });

  it('reads the same tokens as a Chevrotain lexer trying every keyword pattern', () => {
    // The lexer looks whole words up in the keyword table and reads every quoted form with one
    // pattern; the reference tries each keyword's pattern with Identifier as its longer
    // alternative, and each quoted form's own pattern, as the lexer did before.
    // Offsets only: the lexer no longer tracks lines and columns (they come from the offsets).
    const reference = new Lexer(allTokens, { positionTracking: 'full', ensureOptimizations: true });
    const shape = (result: ILexingResult) => ({
      tokens: [...result.tokens, ...(result.groups['comments'] ?? [])].map((t) => [
        t.tokenType.name, t.tokenTypeIdx, t.image, t.startOffset, t.endOffset,
      ]),
      errors: result.errors.map((e) => [e.offset, e.length]),
    });
    const next = random(20261123);
    const pieces = [
      ...KEYWORDS, 'day', 'minute', 'hour', 'week', 'workday', 'time', 'dayss', 'timeo', 'senders', 'send_', 'mb', 'on1',
      'x', '_', 'Sender', '{', '}', '.', ':', '-', '=', '!=', '<=', '"x"', '"""a\n"""', '# c\n', '"', '""', '"""', '""""', '\\', '"a\\"', '"a\\\\"', '"\\\n', '\n', '\r\n', '08:00', '3.5', '§', ' ',
    ];
    const salads = Array.from({ length: 1000 }, () => Array.from({ length: Math.floor(next() * 40) },
      () => `${pieces[Math.floor(next() * pieces.length)]!}${next() < 0.3 ? '' : ' '}`).join(''));
    // Quotes, backslashes and line ends only: every way a text or a script can end, or not.
    const quoteOnly = ['"', '\\', 'a', '\n', ' ', '#'];
    const quoteSalads = Array.from({ length: 2000 }, () => Array.from({ length: Math.floor(next() * 12) },
      () => quoteOnly[Math.floor(next() * quoteOnly.length)]!).join(''));
    for (const source of [...fixtures().map((f) => f.source), ...salads, ...quoteSalads]) {
      expect(shape(lexer.tokenize(source))).toEqual(shape(reference.tokenize(source)));
    }
  });

  it('classifies tokens for highlighting', () => {
    const classes = lexer.tokenize('welkom: send email "x" 3 08:00 = #c').tokens.map((t) => highlightClassOf(t.tokenType));
    expect(classes).toEqual(['name', 'punctuation', 'keyword', 'keyword', 'string', 'number', 'time', 'operator']);
  });
});
