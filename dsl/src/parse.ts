// Source text → AST and diagnostics. Nothing thrown escapes: every problem becomes a diagnostic.
import { EOF, type IToken } from 'chevrotain';
import type { Declaration, Program } from './ast.js';
import { BuildContext, MAX_NESTING } from './build-context.js';
import { attachComments } from './comments.js';
import { byPosition, diagnosticAt, LineIndex, MAX_DIAGNOSTICS, type Diagnostic } from './diagnostics.js';
import { decodeSyntaxError } from './error-messages.js';
import { parser } from './parser.js';
import {
  K, LBracket, LCurly, lexer, LParen, RBracket, RCurly, RParen, UnterminatedString, UnterminatedTripleString,
} from './tokens.js';

type SyntaxError = Diagnostic & { atEnd?: boolean };

export interface ParseResult {
  ast: Program;
  diagnostics: Diagnostic[];
}

export function parse(source: string): ParseResult {
  // Chevrotain signals each syntax error with an exception; their stack traces are never read and
  // would make error recovery several times slower.
  // (V8 only; the package also runs in browsers, whose Error may lack the property.)
  const errors = Error as { stackTraceLimit?: number };
  const stackTraceLimit = errors.stackTraceLimit;
  errors.stackTraceLimit = 0;
  try {
    return parseUnguarded(String(source));
  } catch (error) {
    // A bug of ours must not become the caller's crash; report it where the text starts.
    const detail = error instanceof Error ? error.message : String(error);
    const start = { offset: 0, length: 1, line: 1, column: 1 };
    return { ast: { kind: 'program', declarations: [] }, diagnostics: [diagnosticAt(start, 'error', 'internal-error', { detail })] };
  } finally {
    errors.stackTraceLimit = stackTraceLimit;
  }
}

function parseUnguarded(source: string): ParseResult {
  const lines = new LineIndex(source);
  const ctx = new BuildContext(lines);
  const diagnostics: Diagnostic[] = [];
  const lexed = lexer.tokenize(source);
  for (const error of lexed.errors) {
    const found = source.slice(error.offset, error.offset + Math.min(error.length, 20));
    diagnostics.push(diagnosticAt(lines.loc(error.offset, error.length), 'error', 'unexpected-character', { found, count: error.length }));
  }
  const { unterminated, tooDeep, unclosed } = scanTokens(lexed.tokens);
  for (const token of unterminated) {
    diagnostics.push(diagnosticAt(ctx.token(token)!, 'error', token.tokenType === UnterminatedString ? 'unclosed-text' : 'unclosed-script'));
  }
  const hasUnterminated = unterminated.length > 0;
  if (tooDeep) {
    diagnostics.push(diagnosticAt(ctx.token(tooDeep)!, 'error', 'too-deep', { max: MAX_NESTING }));
    return finish({ kind: 'program', declarations: [] }, diagnostics);
  }
  const syntaxErrors: SyntaxError[] = [];
  const program: Program = { kind: 'program', declarations: parseDeclarations(lexed.tokens, ctx, syntaxErrors, lines) };
  // A `{` without its `}` is reported where it opened; the parser only meets the end too early.
  if (!hasUnterminated) for (const open of unclosed) diagnostics.push(diagnosticAt(ctx.token(open)!, 'error', 'unclosed-block'));
  for (const { atEnd, ...error } of syntaxErrors) {
    // After an unterminated text or an unclosed block the parser only sees the end coming too early: say nothing more.
    if (!((hasUnterminated || unclosed.length > 0) && atEnd)) diagnostics.push(error);
  }
  for (const finding of ctx.diagnostics) diagnostics.push(finding);
  if (syntaxErrors.length === 0) for (const finding of ctx.missing) diagnostics.push(finding);
  const comments = lexed.groups['comments'];
  if (comments !== undefined && comments.length > 0) {
    ctx.scopes.push({ open: -1, close: Infinity, items: program.declarations, owner: program });
    attachComments(ctx.scopes, comments);
  }
  return finish(program, diagnostics);
}

/**
 * Parses the tokens as declarations. Text the top level cannot read (outside any workflow or flow)
 * is reported once and skipped to the next line starting with `workflow` or `flow`.
 */
function parseDeclarations(tokens: IToken[], ctx: BuildContext, diagnostics: SyntaxError[], lines: LineIndex): Declaration[] {
  const declarations: Declaration[] = [];
  let start = 0;
  while (start < tokens.length) {
    for (const declaration of parser.read(start === 0 ? tokens : tokens.slice(start), ctx)) declarations.push(declaration);
    let resumeAt = -1;
    for (const error of parser.errors) {
      const atEnd = error.token.tokenType === EOF || !Number.isFinite(error.token.startOffset);
      const { code, params, suggestion } = decodeSyntaxError(error.message);
      diagnostics.push({ ...diagnosticAt(tokenLoc(error.token, lines), 'error', code, params, { suggestion }), ...(atEnd ? { atEnd } : {}) });
      if (error.name === 'NotAllInputParsedException') resumeAt = tokens.indexOf(error.token, start);
    }
    if (resumeAt < 0) break;
    start = nextDeclarationStart(tokens, resumeAt + 1, lines);
  }
  return declarations;
}

function nextDeclarationStart(tokens: IToken[], from: number, lines: LineIndex): number {
  // The lexer tracks offsets only (lines and columns would cost every token); lines come from the index.
  for (let i = from; i < tokens.length; i++) {
    const token = tokens[i]!;
    const startsLine = i === 0 || lines.loc(tokens[i - 1]!.endOffset!, 0).line !== lines.loc(token.startOffset, 0).line;
    if (startsLine && (token.tokenType === K.workflow || token.tokenType === K.flow)) return i;
  }
  return tokens.length;
}

function tokenLoc(token: IToken, lines: LineIndex) {
  if (token.tokenType === EOF || !Number.isFinite(token.startOffset)) return lines.end();
  return lines.loc(token.startOffset, token.image.length);
}

/**
 * One pass over the tokens for what the parser cannot report well: unterminated texts and scripts,
 * and the first token that opens a block or parenthesis deeper than the grammar will follow.
 */
function scanTokens(tokens: IToken[]): { unterminated: IToken[]; tooDeep?: IToken; unclosed: IToken[] } {
  const unterminated: IToken[] = [];
  let tooDeep: IToken | undefined;
  let depth = 0;
  // The `{` not closed yet: those left at the end have no `}`.
  const open: IToken[] = [];
  for (const token of tokens) {
    const type = token.tokenType;
    if (type === LCurly || type === LParen || type === LBracket) {
      if (++depth > MAX_NESTING) tooDeep ??= token;
      if (type === LCurly) open.push(token);
    } else if (type === RCurly || type === RParen || type === RBracket) {
      depth = Math.max(0, depth - 1);
      if (type === RCurly) open.pop();
    } else if (type === UnterminatedString || type === UnterminatedTripleString) {
      unterminated.push(token);
    }
  }
  return tooDeep ? { unterminated, tooDeep, unclosed: open } : { unterminated, unclosed: open };
}

function finish(ast: Program, diagnostics: Diagnostic[]): ParseResult {
  if (diagnostics.length === 0) return { ast, diagnostics };
  const seen = new Set<string>();
  const unique = diagnostics.filter((d) => {
    // One report per place: recovery can see the same bad token from two rules.
    const key = `${d.line}:${d.column}:${d.severity}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  unique.sort(byPosition);
  if (unique.length > MAX_DIAGNOSTICS) {
    const last = unique[MAX_DIAGNOSTICS - 1]!;
    const tooMany = diagnosticAt({ offset: 0, line: last.line, column: last.column, length: last.length }, 'error', 'too-many-problems', { count: MAX_DIAGNOSTICS - 1 });
    unique.splice(MAX_DIAGNOSTICS - 1, Infinity, tooMany);
  }
  return { ast, diagnostics: unique };
}
