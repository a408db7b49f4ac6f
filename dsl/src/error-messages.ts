// Parse errors in plain words (as a code and its params) ("expected a number after 'every'"), not token dumps.
import { EOF, type IParserErrorMessageProvider, type IToken, type TokenType } from 'chevrotain';
import type { ParamValue, Params } from './messages.js';
import { closest } from './suggest.js';
import { isKeywordToken } from './tokens.js';

const tokenDescriptions: Record<string, string> = {
  String: 'a quoted text',
  UnterminatedString: 'a quoted text',
  TripleString: 'a script in triple quotes (""" … """)',
  Number: 'a number',
  Identifier: 'a name',
  Name: 'a name',
  Time: 'a time such as 08:00',
  AnyToken: 'more text',
};

/** What a whole alternation expects, where listing its first tokens would say it badly. */
const ruleDescriptions: Record<string, string> = {
  step: 'a step (send, update, add, remove, create, distribute, run, notify, wait, split, leave, complete or call)',
  value: 'a value (a quoted text, a number, true or false)',
  party: 'a recipient (person, contact, responsible, owner, our_contact, service_contact or a quoted address)',
  duration: 'a unit: minutes, hours, days, workdays or weeks',
  comparison: 'a comparison (=, !=, <, <=, >, >=, in, contains, is empty or changed)',
  workflowTrigger: 'created, updated, deleted, expired, completed or changed',
  notCondition: 'a condition, as in person.category = "Klant"',
  fieldPath: 'a field, as in person.first_name',
  flowTrigger: 'manual, form, selection, link, when, a number of days or yearly',
  successCriterion: 'a success criterion (sale created, form "…" submitted, link clicked, added to …, or a field change)',
  createSetting: 'a setting of the step',
  waitStep: "a duration, 'until' or 'for'",
  waitEvent: "link clicked, email opened or form \"…\" submitted",
};

/** Phrases for a token expected in a particular place, keyed `rule:token` or `rule:token:previous`. */
const placeDescriptions: Record<string, string> = {
  'duration:Number': 'a number of minutes, hours, days, workdays or weeks',
  'reminder:Number:every': 'a number of days',
  'reminder:Number:most': 'a number of times',
  'fieldPath:Name': 'a field name',
  'path:Name': 'a field name',
  'workflowDeclaration:String': 'the workflow\'s name in quotes',
  'flowDeclaration:String': 'the flow\'s name in quotes',
  'splitStep:String': 'the split\'s name in quotes',
  'branchClause:String': 'the branch\'s name in quotes',
  'sendAction:String': 'a template key in quotes',
  'stepReference:Identifier': 'the label of an e-mail step',
};

/** What may stand on a line inside each kind of block, for "expected … or '}'". */
const blockContents: Record<string, string> = {
  workflowDeclaration: 'a workflow line (on, when, after, send or remind)',
  flowDeclaration: 'a flow setting or a step',
  stepBlock: 'a step',
  splitStep: 'branch or others',
  leaveBlock: "'move to flow' or 'add to selection'",
  completeStep: "'on success' or 'on no_success'",
  updatePersonStep: 'set, clear, add, remove or increase',
};

function describeToken(type: TokenType): string {
  const name = String(type.name);
  if (tokenDescriptions[name]) return tokenDescriptions[name];
  if (type.LABEL) return type.LABEL;
  return `'${name}'`;
}

/** The keywords that may start a line inside each kind of block: what a misspelled first word may have meant. */
const STEP_KEYWORDS = ['send', 'update', 'add', 'remove', 'create', 'distribute', 'run', 'notify', 'wait', 'split', 'leave', 'complete', 'call'];
const blockKeywords: Record<string, readonly string[]> = {
  workflowDeclaration: ['on', 'when', 'after', 'send', 'remind'],
  flowDeclaration: ['sender', 'reply_to', 'sms_sender', 'send_window', 'timezone', 'trigger', 'filter', 'exclude', 'exit', 'once', 'restart', 'success', ...STEP_KEYWORDS],
  stepBlock: STEP_KEYWORDS,
  step: STEP_KEYWORDS,
  splitStep: ['branch', 'others'],
  leaveBlock: ['move', 'add'],
  completeStep: ['on'],
  updatePersonStep: ['set', 'clear', 'add', 'remove', 'increase'],
};

/** A token's text for a message: its first line, at most 30 characters. */
function shortImage(image: string): string {
  const line = image.split(/\r\n|\r|\n/)[0]!;
  return line.length > 30 || line.length < image.length ? `${line.slice(0, 30)}…` : line;
}

function isEnd(token: IToken | undefined): boolean {
  return !token || token.tokenType === EOF;
}

/** The nearest keyword to a misspelled word, among those that could stand where it does. */
function keywordMeant(found: IToken | undefined, keywords: readonly string[]): string | undefined {
  if (isEnd(found) || !/^[A-Za-z_]\w*$/.test(found!.image) || keywords.length === 0) return undefined;
  return closest(found!.image, keywords);
}

function keywordsOf(types: readonly TokenType[]): string[] {
  return types.filter(isKeywordToken).map((type) => String(type.name));
}

function firstTokens(paths: TokenType[][]): TokenType[] {
  return paths.filter((path) => path.length > 0).map((path) => path[0]!);
}

/**
 * A syntax error as Chevrotain carries it: its message is this JSON (code, params, suggestion),
 * which parse() turns into a diagnostic. It is only made for a syntax error, so costs nothing otherwise.
 */
export interface SyntaxErrorData {
  code: string;
  params: Params;
  suggestion?: string;
}

function encode(code: string, params: Record<string, ParamValue | undefined>, suggestion?: string): string {
  const defined: Record<string, ParamValue> = {};
  for (const [key, value] of Object.entries(params)) if (value !== undefined) defined[key] = value;
  const data: SyntaxErrorData = suggestion === undefined ? { code, params: defined } : { code, params: defined, suggestion };
  return JSON.stringify(data);
}

export function decodeSyntaxError(message: string): SyntaxErrorData {
  try {
    const data = JSON.parse(message) as SyntaxErrorData;
    if (typeof data.code === 'string') return data;
  } catch {
    // not one of ours: kept as Chevrotain wrote it
  }
  return { code: 'unexpected-token', params: { expected: [message] } };
}

function topLevel(found: IToken): string {
  if (found.image === '}') return encode('unexpected-close', {});
  return encode('expected-declaration', { found: isEnd(found) ? undefined : shortImage(found.image) },
    keywordMeant(found, ['workflow', 'flow']));
}

function expected(what: string[], actual: IToken | undefined, previous: IToken | undefined, suggestion: string | undefined): string {
  const after = isEnd(previous) || !previous!.image ? undefined : shortImage(previous!.image);
  const end = isEnd(actual);
  return encode(end ? 'unexpected-end' : 'unexpected-token', { expected: what, after, found: end ? undefined : shortImage(actual!.image) }, suggestion);
}

/**
 * While `collecting` is set, the token types the parser expected when it met the end of the input
 * are gathered here: completions use them to learn what may come next.
 */
export const expectedAtEnd: { collecting: boolean; tokens: TokenType[] } = { collecting: false, tokens: [] };

function noteAtEnd(actual: IToken | undefined, expected: TokenType[]): void {
  if (expectedAtEnd.collecting && (!actual || actual.tokenType === EOF)) expectedAtEnd.tokens.push(...expected);
}

export const errorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected: token, actual, previous, ruleName }) {
    noteAtEnd(actual, [token]);
    const name = String(token.name);
    if (token === EOF) return topLevel(actual);
    const block = blockContents[ruleName];
    if (name === 'RCurly' && block && actual.tokenType !== EOF) {
      return encode('unexpected-token', { expected: [block, "'}'"], found: shortImage(actual.image) }, keywordMeant(actual, blockKeywords[ruleName] ?? []));
    }
    const what =
      placeDescriptions[`${ruleName}:${name}:${previous?.image}`] ??
      placeDescriptions[`${ruleName}:${name}`] ??
      describeToken(token);
    return expected([what], actual, previous, keywordMeant(actual, keywordsOf([token])));
  },

  buildNotAllInputParsedMessage({ firstRedundant }) {
    return topLevel(firstRedundant);
  },

  buildNoViableAltMessage({ expectedPathsPerAlt, actual, previous, ruleName }) {
    const starts = firstTokens(expectedPathsPerAlt.flat());
    noteAtEnd(actual[0], starts);
    const rule = ruleDescriptions[ruleName];
    const what = rule ? [rule] : starts.map(describeToken);
    // Where a step should start, the token before it says nothing useful.
    const before = ruleName === 'step' ? undefined : previous;
    return expected(what, actual[0], before, keywordMeant(actual[0], [...keywordsOf(starts), ...(blockKeywords[ruleName] ?? [])]));
  },

  buildEarlyExitMessage({ expectedIterationPaths, actual, previous, ruleName }) {
    const starts = firstTokens(expectedIterationPaths);
    noteAtEnd(actual[0], starts);
    const rule = ruleDescriptions[ruleName];
    return expected(rule ? [rule] : starts.map(describeToken), actual[0], previous, keywordMeant(actual[0], keywordsOf(starts)));
  },
};
