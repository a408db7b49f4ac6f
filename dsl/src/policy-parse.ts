// Reading a contact policy document. The document is a handful of one-line rules, so it is read
// line by line over the language's own tokens: a line that does not fit is reported and skipped,
// and the lines after it are still read.
import type { IToken, TokenType } from 'chevrotain';
import type { Loc } from './ast.js';
import { byPosition, diagnosticAt, LineIndex, type Diagnostic } from './diagnostics.js';
import type { Params } from './messages.js';
import {
  POLICY_UNITS, type ContactPolicyDocument, type PolicyChannel, type PolicyRule, type PolicySpan, type PolicyUnit,
} from './policy-ast.js';
import { policyRuleRank } from './policy-printer.js';
import { closest } from './suggest.js';
import { Comment, Identifier, K, lexer, LCurly, Minus, NumberLiteral, RCurly, Time } from './tokens.js';

export interface PolicyParseResult {
  ast: ContactPolicyDocument;
  diagnostics: Diagnostic[];
}

/** The first words of the rule lines, for "did you mean". */
const RULE_WORDS = ['email', 'sms', 'gap', 'quiet', 'when'];
const UNIT_TYPES: ReadonlyMap<TokenType, PolicyUnit> = new Map(POLICY_UNITS.map((unit) => [K[unit], unit]));

class LineReader {
  private at = 0;

  constructor(private readonly tokens: IToken[], private readonly locOf: (token: IToken) => Loc, readonly end: Loc) {}

  peek(): IToken | undefined {
    return this.tokens[this.at];
  }

  /** The next token when it is of `type` (and, for a plain word, spelt `word`); else a syntax error. */
  take(expected: string, type: TokenType, word?: string): IToken {
    const token = this.tokens[this.at];
    if (!token || token.tokenType !== type || (word !== undefined && token.image !== word)) throw this.unexpected([expected]);
    this.at++;
    return token;
  }

  takeIf(type: TokenType, word?: string): IToken | undefined {
    const token = this.tokens[this.at];
    if (!token || token.tokenType !== type || (word !== undefined && token.image !== word)) return undefined;
    this.at++;
    return token;
  }

  unexpected(expected: string[]): Diagnostic {
    const token = this.tokens[this.at];
    const after = this.tokens[this.at - 1]?.image;
    const params: Params = { expected, ...(after !== undefined ? { after } : {}), ...(token ? { found: token.image } : {}) };
    return diagnosticAt(token ? this.locOf(token) : this.end, 'error', 'unexpected-token', params);
  }

  /** The whole line read: anything left on it is an error. */
  done(): void {
    if (this.at < this.tokens.length) throw this.unexpected(['the end of the line']);
  }

  loc(token: IToken): Loc {
    return this.locOf(token);
  }
}

export function parsePolicy(source: string): PolicyParseResult {
  const text = String(source);
  const lines = new LineIndex(text);
  const locOf = (token: IToken): Loc => lines.loc(token.startOffset, token.image.length);
  const diagnostics: Diagnostic[] = [];
  const lexed = lexer.tokenize(text);
  for (const error of lexed.errors) {
    const found = text.slice(error.offset, error.offset + Math.min(error.length, 20));
    diagnostics.push(diagnosticAt(lines.loc(error.offset, error.length), 'error', 'unexpected-character', { found, count: error.length }));
  }
  const byLine = new Map<number, IToken[]>();
  const all = [...lexed.tokens, ...(lexed.groups['comments'] ?? [])].sort((a, b) => a.startOffset - b.startOffset);
  for (const token of all) {
    const line = lines.loc(token.startOffset, 0).line;
    (byLine.get(line) ?? byLine.set(line, []).get(line)!).push(token);
  }
  const ast: ContactPolicyDocument = { kind: 'policy', rules: [] };
  let comments: string[] = [];
  let state: 'before' | 'inside' | 'after' = 'before';
  for (const [, lineTokens] of [...byLine].sort(([a], [b]) => a - b)) {
    const words = lineTokens.filter((token) => token.tokenType !== Comment);
    if (words.length === 0) {
      comments.push(...lineTokens.map((token) => token.image.slice(1)));
      continue;
    }
    const reader = new LineReader(words, locOf, lines.loc(words.at(-1)!.endOffset! + 1, 0));
    try {
      if (state === 'before') {
        const first = reader.take("'policy'", Identifier, 'policy');
        reader.take("'{'", LCurly);
        reader.done();
        ast.loc = reader.loc(first);
        if (comments.length) ast.comments = comments;
        state = 'inside';
      } else if (state === 'inside' && words[0]!.tokenType === RCurly) {
        reader.take("'}'", RCurly);
        reader.done();
        if (comments.length) ast.endComments = comments;
        state = 'after';
      } else if (state === 'inside') {
        const rule = readRule(reader);
        reader.done();
        if (comments.length) rule.comments = comments;
        ast.rules.push(rule);
      } else {
        throw reader.unexpected(['the end of the text']);
      }
    } catch (error) {
      if (!isDiagnostic(error)) throw error;
      diagnostics.push(error);
      if (state === 'before') state = 'inside';
    }
    comments = [];
  }
  if (state !== 'after') {
    const code = state === 'before' ? 'expected-policy' : 'unclosed-block';
    diagnostics.push(diagnosticAt(state === 'before' ? lines.end() : ast.loc ?? lines.end(), 'error', code));
  }
  // Canonical order, so that parse(print(ast)) gives the same list whatever order the source used.
  ast.rules.sort((a, b) => policyRuleRank(a) - policyRuleRank(b));
  return { ast, diagnostics: diagnostics.sort(byPosition) };
}

function isDiagnostic(value: unknown): value is Diagnostic {
  return typeof value === 'object' && value !== null && 'code' in value && 'line' in value;
}

function readRule(reader: LineReader): PolicyRule {
  const first = reader.peek()!;
  const loc = reader.loc(first);
  const channel = channelOf(reader);
  if (channel && reader.takeIf(K.at)) {
    reader.take("'most'", K.most);
    const count = wholeNumber(reader, reader.take('a number', NumberLiteral), 'messages', 1);
    reader.take("'per'", K.per);
    return { kind: 'limit', channel, count, per: span(reader), loc };
  }
  if (reader.takeIf(Identifier, 'quiet')) return quietHours(reader, channel, loc);
  if (channel) throw reader.unexpected(["'at most'", "'quiet hours'"]);
  if (reader.takeIf(Identifier, 'gap')) {
    reader.take("'at'", K.at);
    reader.take("'least'", Identifier, 'least');
    return { kind: 'gap', span: span(reader), loc };
  }
  if (reader.takeIf(K.when)) {
    reader.take("'limited'", Identifier, 'limited');
    if (reader.takeIf(K.skip)) return { kind: 'when_limited', action: 'skip', loc };
    reader.take("'defer' or 'skip'", Identifier, 'defer');
    return { kind: 'when_limited', action: 'defer', loc };
  }
  const unexpected = reader.unexpected(["'email'", "'sms'", "'gap'", "'quiet hours'", "'when limited'"]);
  const suggestion = closest(first.image, RULE_WORDS);
  throw suggestion ? { ...unexpected, suggestion } : unexpected;
}

function channelOf(reader: LineReader): PolicyChannel | undefined {
  if (reader.takeIf(K.email)) return 'email';
  if (reader.takeIf(K.sms)) return 'sms';
  return undefined;
}

function quietHours(reader: LineReader, channel: PolicyChannel | undefined, loc: Loc): PolicyRule {
  reader.take("'hours'", K.hours);
  const start = timeOf(reader, reader.take('a time such as 21:00', Time));
  reader.take("'-'", Minus);
  const end = timeOf(reader, reader.take('a time such as 08:00', Time));
  if (start === end) throw diagnosticAt(loc, 'error', 'quiet-hours-empty');
  return channel ? { kind: 'quiet_hours', channel, start, end, loc } : { kind: 'quiet_hours', start, end, loc };
}

function span(reader: LineReader): PolicySpan {
  const amount = wholeNumber(reader, reader.take('a number', NumberLiteral), 'the period', 1);
  const unitToken = reader.peek();
  const unit = unitToken && UNIT_TYPES.get(unitToken.tokenType);
  if (!unit) throw reader.unexpected(["'minutes'", "'hours'", "'days'", "'weeks'"]);
  reader.take(unit, unitToken.tokenType);
  return { amount, unit };
}

function wholeNumber(reader: LineReader, token: IToken, what: string, min: number): number {
  const value = Number(token.image);
  if (!Number.isInteger(value) || value < min) throw diagnosticAt(reader.loc(token), 'error', 'not-whole-number', { what, found: token.image });
  if (value > 1_000_000) throw diagnosticAt(reader.loc(token), 'error', 'number-too-large', { number: token.image });
  return value;
}

/** `8:00` → `08:00`; 00:00–24:00. */
function timeOf(reader: LineReader, token: IToken): string {
  const [hours = '0', minutes = '0'] = token.image.split(':');
  if (Number(hours) > 24 || Number(minutes) > 59 || (Number(hours) === 24 && Number(minutes) > 0)) {
    throw diagnosticAt(reader.loc(token), 'error', 'bad-time', { time: token.image });
  }
  return `${hours.padStart(2, '0')}:${minutes}`;
}
