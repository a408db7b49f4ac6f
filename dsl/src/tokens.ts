// The vocabulary of the language: token types, the keyword table and the one lexer instance.
import { createToken, Lexer, type ILexerErrorMessageProvider, type IToken, type TokenType } from 'chevrotain';

/** Any word: identifiers and every keyword (keywords may be field names, e.g. `quote_request.status`). */
export const Name = createToken({ name: 'Name', pattern: Lexer.NA });
/** Every token except `}`: lets a block skip a line it does not understand. */
export const AnyToken = createToken({ name: 'AnyToken', pattern: Lexer.NA });

export const Identifier = createToken({
  name: 'Identifier',
  pattern: /[A-Za-z_][A-Za-z0-9_]*/,
  categories: [Name, AnyToken],
});

/**
 * Keywords by their canonical spelling. A pattern is given where a singular form is also accepted
 * (`1 day`, `1 time`); the printer picks the form.
 */
const keywordPatterns: Record<string, RegExp | undefined> = {
  minutes: /minutes?/, hours: /hours?/, days: /days?/, workdays: /workdays?/, weeks: /weeks?/,
  times: /times?/,
};

export const KEYWORDS = [
  'workflow', 'inactive', 'flow', 'on', 'created', 'updated', 'deleted', 'expired', 'completed',
  'changed', 'from', 'to', 'when', 'and', 'or', 'not', 'in', 'contains', 'is', 'empty', 'true',
  'false', 'after', 'minutes', 'hours', 'days', 'workdays', 'weeks', 'send', 'email', 'sms',
  'template', 'remind', 'every', 'at', 'most', 'times', 'person', 'contact', 'responsible', 'owner',
  'our_contact', 'service_contact', 'sender', 'reply_to', 'sms_sender', 'send_window', 'timezone',
  'trigger', 'manual', 'form', 'submitted', 'selection', 'added', 'link', 'clicked', 'filter',
  'exclude', 'once', 'per', 'success', 'no_success', 'then', 'stop', 'continue', 'subject', 'attach',
  'if', 'no', 'mobile', 'skip', 'leave', 'update', 'set', 'clear', 'add', 'remove', 'increase', 'by',
  'project', 'create', 'follow_up', 'request', 'sale', 'type', 'first_available', 'task_date',
  'assign', 'agenda', 'status', 'category', 'priority', 'auto', 'unassigned', 'message', 'stage',
  'open', 'sold', 'lost', 'amount', 'description', 'date', 'by_type', 'distribute', 'among', 'group',
  'fallback', 'run', 'script', 'timeout', 'ms', 'memory', 'MB', 'notify', 'wait', 'until', 'for',
  'opened', 'else', 'split', 'branch', 'others', 'move', 'complete',
  'transactional', 'random', 'holdout', 'pick', 'winner',
  // date triggers, exit rules and re-entry, webhooks
  'before', 'yearly', 'exit', 'restart', 'may', 'call', 'webhook', 'header', 'secret', 'body', 'GET', 'POST',
  'PUT',
] as const;
export type Keyword = (typeof KEYWORDS)[number];

/** Keyword token types by their word: `K.send`, `K.reply_to`. */
export const K = Object.fromEntries(
  KEYWORDS.map((word) => [
    word,
    createToken({
      name: word,
      pattern: keywordPatterns[word] ?? word,
      longer_alt: Identifier,
      categories: [Name, AnyToken],
    }),
  ]),
) as Record<Keyword, TokenType>;

function punctuation(name: string, pattern: string | RegExp, label: string): TokenType {
  return createToken({ name, pattern, label, categories: [AnyToken] });
}

export const TripleString = createToken({
  name: 'TripleString', pattern: /"""[\s\S]*?"""/, line_breaks: true, categories: [AnyToken],
});
/** Unterminated forms lex as their terminated kind so parsing goes on; the parse step reports them. */
export const UnterminatedTripleString = createToken({
  name: 'UnterminatedTripleString', pattern: /"""[\s\S]*/, line_breaks: true,
  categories: [TripleString, AnyToken],
});
export const StringLiteral = createToken({
  name: 'String', pattern: /"(?:[^"\\\r\n]|\\[^\r\n])*"/, categories: [AnyToken],
});
export const UnterminatedString = createToken({
  name: 'UnterminatedString', pattern: /"(?:[^"\\\r\n]|\\[^\r\n])*\\?/,
  categories: [StringLiteral, AnyToken],
});
export const Time = punctuation('Time', /\d{1,2}:\d{2}(?!\d)/, 'a time such as 08:00');
export const NumberLiteral = punctuation('Number', /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/, 'a number');

export const LessOrEqual = punctuation('LessOrEqual', '<=', "'<='");
export const GreaterOrEqual = punctuation('GreaterOrEqual', '>=', "'>='");
export const NotEqual = punctuation('NotEqual', '!=', "'!='");
export const Equals = punctuation('Equals', '=', "'='");
export const Less = punctuation('Less', '<', "'<'");
export const Greater = punctuation('Greater', '>', "'>'");
export const LParen = punctuation('LParen', '(', "'('");
export const RParen = punctuation('RParen', ')', "')'");
export const LBracket = punctuation('LBracket', '[', "'['");
export const RBracket = punctuation('RBracket', ']', "']'");
export const LCurly = punctuation('LCurly', '{', "'{'");
export const RCurly = createToken({ name: 'RCurly', pattern: '}', label: "'}'" });
export const Comma = punctuation('Comma', ',', "','");
export const Dot = punctuation('Dot', '.', "'.'");
export const Colon = punctuation('Colon', ':', "':'");
export const Minus = punctuation('Minus', '-', "'-'");
export const Percent = punctuation('Percent', '%', "'%'");

export const Comment = createToken({ name: 'Comment', pattern: /#[^\r\n]*/, group: 'comments' });
export const WhiteSpace = createToken({
  name: 'WhiteSpace', pattern: /[ \t\r\n\f\v\u00a0\ufeff]+/, group: Lexer.SKIPPED, line_breaks: true,
});

// Longest keywords first, so that a lexer trying them in order reads `sender`, not `send` + `er`
// (`lexer` below looks whole words up instead; the order is kept for `allTokens`).
const keywordTokens = Object.values(K).sort(
  (a, b) => String(b.name).length - String(a.name).length,
);

/** Every token type: the parser's vocabulary, in the order a plain Chevrotain lexer would try them. */
export const allTokens: TokenType[] = [
  WhiteSpace, Comment, TripleString, UnterminatedTripleString, StringLiteral, UnterminatedString,
  Time, NumberLiteral, LessOrEqual, GreaterOrEqual, NotEqual, Equals, Less, Greater,
  LParen, RParen, LBracket, RBracket, LCurly, RCurly, Comma, Dot, Colon, Minus, Percent,
  ...keywordTokens, Identifier, Name, AnyToken,
];

const lexerMessages: ILexerErrorMessageProvider = {
  buildUnexpectedCharactersMessage(text, offset, length) {
    const found = text.slice(offset, offset + Math.min(length, 20));
    return length === 1
      ? `unexpected character ${JSON.stringify(found)}`
      : `unexpected characters ${JSON.stringify(found)}`;
  },
  buildUnableToPopLexerModeMessage: () => 'unexpected end of a lexer mode',
};

/**
 * Each keyword's token type by every spelling it accepts (`day` and `days` are both `K.days`),
 * bucketed by length and first letter: a word is compared with the one to three keywords of its
 * bucket, which is cheaper than hashing every word the lexer reads for a Map lookup.
 */
const LONGEST_KEYWORD = Math.max(...KEYWORDS.map((word) => word.length));
// Filled with `undefined` up front: an array grown by writes at scattered indices would be a slow
// dictionary.
const keywordBuckets: ({ word: string; type: TokenType }[] | undefined)[] = new Array((LONGEST_KEYWORD + 1) * 128).fill(undefined);
const bucketOf = (length: number, firstChar: number): number => (length > LONGEST_KEYWORD ? 0 : length * 128 + (firstChar & 127));
for (const word of KEYWORDS) {
  const spellings = keywordPatterns[word] ? [word, word.slice(0, -1)] : [word];
  for (const spelling of spellings) {
    (keywordBuckets[bucketOf(spelling.length, spelling.charCodeAt(0))] ??= []).push({ word: spelling, type: K[word] });
  }
}

function keywordOf(word: string): TokenType | undefined {
  const bucket = keywordBuckets[bucketOf(word.length, word.charCodeAt(0))];
  if (bucket === undefined) return undefined;
  for (let i = 0; i < bucket.length; i++) if (bucket[i]!.word === word) return bucket[i]!.type;
  return undefined;
}

/**
 * Every quoted form in one pattern: a script in triple quotes, a text, and both unterminated (to
 * the end of the input, or of the line), which `KeywordLexer` tells apart. One pattern is tried
 * once at a `"` where four would be tried one after another.
 */
const Quoted = createToken({
  name: 'Quoted',
  // Written as unrolled loops (a run of plain characters, then an escape or lone quote and the next
  // run), which a regular expression engine reads much faster than one alternation per character.
  pattern: /"""[^"]*(?:"(?!"")[^"]*)*(?:""")?|"[^"\\\r\n]*(?:\\[^\r\n][^"\\\r\n]*)*(?:"|\\?)/,
  line_breaks: true,
});

/** The token type of a `Quoted` image. */
function quotedType(image: string): TokenType {
  if (image.startsWith('"""')) {
    // The pattern stops at the first `"""` after the opening one: ending in one means closed.
    return image.length >= 6 && image.endsWith('"""') ? TripleString : UnterminatedTripleString;
  }
  if (image.length < 2 || image.charCodeAt(image.length - 1) !== 34 /* " */) return UnterminatedString;
  // A final `"` after an odd number of backslashes is an escaped quote inside an unclosed text.
  let backslashes = 0;
  for (let i = image.length - 2; image.charCodeAt(i) === 92 /* \ */; i--) backslashes++;
  return backslashes % 2 === 0 ? StringLiteral : UnterminatedString;
}

/**
 * The lexer reads every word as an Identifier and then looks the whole word up in the keyword
 * table, instead of trying each keyword's pattern (with `Identifier` as its longer alternative)
 * at every word: the same tokens (the longest word, a keyword only when the whole word is one), at
 * a fraction of the cost. Quoted texts are read by one pattern and typed here as well. The keyword
 * and text token types stay in `allTokens`, the parser's vocabulary.
 */
class KeywordLexer extends Lexer {
  /**
   * Chevrotain's token for `positionTracking: 'onlyOffset'`, with its final type (a keyword, or
   * the kind of quoted text) and `endOffset` (Chevrotain leaves it out there; the parser's node
   * locations and the builder read it). Chevrotain's constructor picks this method by name for
   * that setting, and calls it for every token it reads.
   */
  createOffsetOnlyToken(image: string, startOffset: number, tokenTypeIdx: number, tokenType: TokenType): IToken {
    let type = tokenType;
    if (tokenType === Identifier) type = keywordOf(image) ?? Identifier;
    else if (tokenType === Quoted) type = quotedType(image);
    const endOffset = startOffset + image.length - 1;
    return { image, startOffset, endOffset, tokenTypeIdx: type === tokenType ? tokenTypeIdx : type.tokenTypeIdx!, tokenType: type };
  }
}

/** What the lexer itself tries: no keywords and one pattern for every quoted form (see `KeywordLexer`). */
const lexedTokens: TokenType[] = [
  WhiteSpace, Comment, Quoted, Time, NumberLiteral, LessOrEqual, GreaterOrEqual, NotEqual, Equals, Less, Greater,
  LParen, RParen, LBracket, RBracket, LCurly, RCurly, Comma, Dot, Colon, Minus, Percent, Identifier,
];

// Offsets only: lines and columns are computed from offsets (diagnostics.ts's LineIndex) for the
// few tokens that need them, instead of for every token.
export const lexer: Lexer = new KeywordLexer(lexedTokens, {
  positionTracking: 'onlyOffset',
  ensureOptimizations: true,
  errorMessageProvider: lexerMessages,
});

/** The classes an editor colours tokens by. */
export type HighlightClass =
  | 'keyword' | 'string' | 'number' | 'comment' | 'name' | 'operator' | 'punctuation' | 'time';

export function highlightClassOf(type: TokenType): HighlightClass {
  if (type === Comment) return 'comment';
  if (type === Identifier) return 'name';
  if ([StringLiteral, UnterminatedString, TripleString, UnterminatedTripleString].includes(type)) {
    return 'string';
  }
  if (type === NumberLiteral) return 'number';
  if (type === Time) return 'time';
  if ([LessOrEqual, GreaterOrEqual, NotEqual, Equals, Less, Greater, Minus].includes(type)) {
    return 'operator';
  }
  if (keywordTokens.includes(type)) return 'keyword';
  return 'punctuation';
}

export function isKeywordToken(type: TokenType): boolean {
  return keywordTokens.includes(type);
}
