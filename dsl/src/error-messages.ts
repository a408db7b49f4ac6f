// Parse errors in plain words ("expected a number after 'every'"), not token dumps.
import { EOF, type IParserErrorMessageProvider, type IToken, type TokenType } from 'chevrotain';

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
  step: 'a step (send, update, add, remove, create, distribute, run, notify, wait, split, leave or complete)',
  value: 'a value (a quoted text, a number, true or false)',
  party: 'a recipient (person, contact, responsible, owner, our_contact, service_contact or a quoted address)',
  duration: 'a unit: minutes, hours, days, workdays or weeks',
  comparison: 'a comparison (=, !=, <, <=, >, >=, in, contains, is empty or changed)',
  workflowTrigger: 'created, updated, deleted, expired, completed or changed',
  notCondition: 'a condition, as in person.category = "Klant"',
  fieldPath: 'a field, as in person.first_name',
  flowTrigger: 'manual, form, selection, link or when',
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

function topLevelMessage(found: IToken): string {
  if (found.image === '}') return "unexpected '}': there is no block to close";
  return `unexpected ${describeFound(found)}; expected a workflow or a flow`;
}

/** A token's text for a message: its first line, at most 30 characters. */
function shortImage(image: string): string {
  const line = image.split(/\r\n|\r|\n/)[0]!;
  return line.length > 30 || line.length < image.length ? `${line.slice(0, 30)}…` : line;
}

function describeFound(token: IToken | undefined): string {
  if (!token || token.tokenType === EOF) return 'the end of the text';
  return `'${shortImage(token.image)}'`;
}

function afterPrevious(previous: IToken | undefined): string {
  if (!previous || previous.tokenType === EOF || !previous.image) return '';
  return ` after '${shortImage(previous.image)}'`;
}

function listOf(words: string[]): string {
  const unique = [...new Set(words)];
  const shown = unique.length > 8 ? [...unique.slice(0, 8), '…'] : unique;
  if (shown.length === 1) return shown[0]!;
  return `${shown.slice(0, -1).join(', ')} or ${shown.at(-1)}`;
}

function firstTokens(paths: TokenType[][]): string[] {
  return paths.filter((path) => path.length > 0).map((path) => describeToken(path[0]!));
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
  buildMismatchTokenMessage({ expected, actual, previous, ruleName }) {
    noteAtEnd(actual, [expected]);
    const name = String(expected.name);
    if (expected === EOF) return topLevelMessage(actual);
    const block = blockContents[ruleName];
    if (name === 'RCurly' && block && actual.tokenType !== EOF) {
      return `expected ${block} or '}', found ${describeFound(actual)}`;
    }
    const what =
      placeDescriptions[`${ruleName}:${name}:${previous?.image}`] ??
      placeDescriptions[`${ruleName}:${name}`] ??
      describeToken(expected);
    return `expected ${what}${afterPrevious(previous)}, found ${describeFound(actual)}`;
  },

  buildNotAllInputParsedMessage({ firstRedundant }) {
    return topLevelMessage(firstRedundant);
  },

  buildNoViableAltMessage({ expectedPathsPerAlt, actual, previous, ruleName }) {
    noteAtEnd(actual[0], expectedPathsPerAlt.flat().map((path) => path[0]!).filter(Boolean));
    const what = ruleDescriptions[ruleName] ?? listOf(expectedPathsPerAlt.flatMap(firstTokens));
    // Where a step should start, the token before it says nothing useful.
    const after = ruleName === 'step' ? '' : afterPrevious(previous);
    return `expected ${what}${after}, found ${describeFound(actual[0])}`;
  },

  buildEarlyExitMessage({ expectedIterationPaths, actual, previous, ruleName }) {
    noteAtEnd(actual[0], expectedIterationPaths.map((path) => path[0]!).filter(Boolean));
    const what = ruleDescriptions[ruleName] ?? listOf(firstTokens(expectedIterationPaths));
    return `expected ${what}${afterPrevious(previous)}, found ${describeFound(actual[0])}`;
  },
};
