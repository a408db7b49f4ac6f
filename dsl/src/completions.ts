// Editor support: highlighting classes and what may come next at a cursor position.
import { ENTITIES, type Entity } from './ast.js';
import { EMPLOYEE_FIELDS, STANDARD_FIELDS } from './catalog.js';
import { EMPLOYEE_ROLES } from './checker-common.js';
import { BuildContext } from './build-context.js';
import { LineIndex } from './diagnostics.js';
import { parser } from './parser.js';
import type { IToken, TokenType } from 'chevrotain';
import { expectedAtEnd } from './error-messages.js';
import { highlightClassOf, Identifier, isKeywordToken, LCurly, lexer, Name, RCurly, type HighlightClass } from './tokens.js';

export { KEYWORDS } from './tokens.js';
export type { HighlightClass } from './tokens.js';

export interface HighlightToken {
  offset: number;
  length: number;
  line: number;
  column: number;
  class: HighlightClass;
}

/** Every token of the text with its colour class, comments included, in source order. */
export function highlight(source: string): HighlightToken[] {
  const lines = new LineIndex(source);
  const lexed = lexer.tokenize(source);
  return [...lexed.tokens, ...(lexed.groups['comments'] ?? [])]
    .sort((a, b) => a.startOffset - b.startOffset)
    .map((token) => {
      const { line, column } = lines.loc(token.startOffset, 0);
      return { offset: token.startOffset, length: token.image.length, line, column, class: highlightClassOf(token.tokenType) };
    });
}

export interface Completion {
  label: string;
  kind: 'keyword' | 'label' | 'record' | 'field';
}

/** Plausible next words at `offset`: keywords the grammar allows there, labels, records, fields. */
export function completionsAt(source: string, offset: number): Completion[] {
  try {
    const before = source.slice(0, Math.max(0, Math.min(offset, source.length)));
    const prefix = /[A-Za-z_][A-Za-z0-9_]*$/.exec(before)?.[0] ?? '';
    const start = before.length - prefix.length;
    const dotted = /([A-Za-z_][A-Za-z0-9_]*)\.$/.exec(before.slice(0, start));
    const found = dotted ? fieldsOf(dotted[1]!) : nextWords(source, before.slice(0, start));
    const unique = new Map(found.filter((c) => c.label.startsWith(prefix)).map((c) => [`${c.kind}:${c.label}`, c]));
    return [...unique.values()].sort((a, b) => a.label.localeCompare(b.label));
  } catch {
    return [];
  }
}

function fieldsOf(record: string): Completion[] {
  const fields = (ENTITIES as readonly string[]).includes(record) ? STANDARD_FIELDS[record as Entity]
    : (EMPLOYEE_ROLES as readonly string[]).includes(record) ? EMPLOYEE_FIELDS : {};
  return Object.keys(fields).map((label) => ({ label, kind: 'field' }));
}

function labelsIn(source: string): Completion[] {
  return [...source.matchAll(/^[ \t]*([A-Za-z_][A-Za-z0-9_]*)[ \t]*:/gm)].map((m) => ({ label: m[1]!, kind: 'label' }));
}

const RECORDS: Completion[] = [...ENTITIES, ...EMPLOYEE_ROLES].map((label) => ({ label, kind: 'record' }));

const STEP_STARTS = ['send', 'update', 'add', 'remove', 'create', 'distribute', 'run', 'call', 'notify', 'wait', 'split', 'leave', 'complete'];
/** What may start a line, by the keyword that opened the enclosing block. */
const LINE_STARTS: Record<string, string[]> = {
  top: ['workflow', 'flow'],
  workflow: ['on', 'when', 'after', 'send', 'remind'],
  flow: ['sender', 'reply_to', 'sms_sender', 'send_window', 'timezone', 'when', 'trigger', 'filter', 'exclude', 'exit', 'once', 'restart', 'may', 'success', ...STEP_STARTS],
  branch: STEP_STARTS,
  others: STEP_STARTS,
  split: ['branch', 'others'],
  update: ['set', 'clear', 'add', 'remove', 'increase'],
  leave: ['move', 'add'],
  complete: ['on'],
};
const BLOCK_OPENERS = Object.keys(LINE_STARTS);
/** The optional settings that may follow a step's required words on its line. */
const LINE_OPTIONS: Record<string, string[]> = {
  send: ['subject', 'attach', 'to', 'from', 'if'],
  create: ['type', 'project', 'at', 'after', 'on', 'assign', 'agenda', 'status', 'category', 'priority', 'owner', 'message', 'stage', 'amount', 'description', 'date'],
  distribute: ['among', 'group', 'fallback', 'if'],
  run: ['timeout', 'memory'],
  notify: ['to', 'template', 'subject', 'from'],
  wait: ['at', 'else'],
  success: ['or', 'then'],
  when: ['and', 'or'],
  filter: ['and', 'or'],
};

function keywordsOf(words: readonly string[]): Completion[] {
  return words.map((label) => ({ label, kind: 'keyword' }));
}

function nextWords(source: string, before: string): Completion[] {
  const tokens = lexer.tokenize(before).tokens;
  // The lexer tracks offsets only; lines come from the text.
  const lines = new LineIndex(before);
  const lineOf = (offset: number) => lines.loc(offset, 0).line;
  const completions: Completion[] = [];
  // A block's closing brace is always possible at the end; anything else is required right here.
  const required = expectedAfter(tokens).filter((type) => type !== RCurly);
  for (const type of required) {
    if (isKeywordToken(type)) completions.push({ label: String(type.name), kind: 'keyword' });
    else if (type === Identifier) completions.push(...labelsIn(source));
    else if (type === Name) completions.push(...RECORDS);
  }
  if (required.length > 0) return completions;
  const last = tokens.at(-1);
  if (!last || /[\r\n][ \t]*$/.test(before)) {
    completions.push(...keywordsOf(LINE_STARTS[enclosingBlock(tokens, lineOf)] ?? []));
  } else {
    const lastLine = lineOf(last.endOffset!);
    const line = tokens.filter((token) => lineOf(token.startOffset) === lastLine);
    const first = line[1]?.image === ':' ? line[2] : line[0];
    completions.push(...keywordsOf(LINE_OPTIONS[first?.image ?? ''] ?? []));
  }
  return completions;
}

/** The token types the grammar requires after `tokens`, learnt from the errors at their end. */
function expectedAfter(tokens: IToken[]): TokenType[] {
  expectedAtEnd.collecting = true;
  expectedAtEnd.tokens = [];
  try {
    // A throwaway context: only the parser's expectations are wanted, not what it builds.
    parser.read(tokens, new BuildContext(new LineIndex('')));
    return [...new Set(expectedAtEnd.tokens)];
  } finally {
    expectedAtEnd.collecting = false;
  }
}

/** The keyword that opened the innermost unclosed `{` (nearest block keyword on its line). */
function enclosingBlock(tokens: IToken[], lineOf: (offset: number) => number): string {
  const openers: string[] = [];
  tokens.forEach((token, index) => {
    if (token.tokenType === LCurly) {
      let opener = 'top';
      const line = lineOf(token.startOffset);
      for (let i = index - 1; i >= 0 && lineOf(tokens[i]!.endOffset!) === line; i--) {
        if (BLOCK_OPENERS.includes(tokens[i]!.image)) {
          opener = tokens[i]!.image;
          break;
        }
      }
      openers.push(opener);
    } else if (token.tokenType === RCurly) {
      openers.pop();
    }
  });
  return openers.at(-1) ?? 'top';
}
