// The state one parse builds the AST with: diagnostics, comment scopes and source positions.
// After error recovery any part may be missing, and tokens inserted by recovery have no position.
import type { IToken } from 'chevrotain';
import type { Loc } from './ast.js';
import { diagnosticAt, type Diagnostic, type LineIndex } from './diagnostics.js';
import type { Params } from './messages.js';
import { unquote } from './strings.js';
import { UnterminatedString } from './tokens.js';

/** Conditions and blocks nest at most this deep; deeper input gets a diagnostic, not a stack overflow. */
export const MAX_NESTING = 64;

/** A `{ … }` whose items can take the comments written inside it. */
export interface CommentScope {
  open: number;
  close: number;
  items: { loc?: Loc; comments?: string[] }[];
  owner: { endComments?: string[] };
}

export class BuildContext {
  readonly diagnostics: Diagnostic[] = [];
  /** "Something is missing" findings: noise when the parser already failed, so kept apart. */
  readonly missing: Diagnostic[] = [];
  readonly scopes: CommentScope[] = [];
  /** While above 0, findings and blocks are dropped: inside text that is read only to be skipped. */
  muted = 0;

  constructor(private readonly lines: LineIndex) {}

  /** What has been reported so far, for `rollback`. */
  mark(): { diagnostics: number; missing: number; scopes: number; muted: number } {
    return { diagnostics: this.diagnostics.length, missing: this.missing.length, scopes: this.scopes.length, muted: this.muted };
  }

  /** Forgets what was reported after `mark`: the text is about to be read again. */
  rollback(mark: ReturnType<BuildContext['mark']>): void {
    this.diagnostics.length = mark.diagnostics;
    this.missing.length = mark.missing;
    this.scopes.length = mark.scopes;
    this.muted = mark.muted;
  }

  error(loc: Loc | undefined, code: string, params?: Params): void {
    if (this.muted === 0) this.diagnostics.push(diagnosticAt(loc ?? this.end(), 'error', code, params));
  }

  missingPart(loc: Loc | undefined, code: string, params?: Params): void {
    if (this.muted === 0) this.missing.push(diagnosticAt(loc ?? this.end(), 'error', code, params));
  }

  /** Registers a block for comment attachment; `items` is read after the whole parse. */
  scope(open: IToken | undefined, close: IToken | undefined, owner: CommentScope['owner'], items: CommentScope['items']): void {
    if (!isReal(open) || this.muted > 0) return;
    this.scopes.push({ open: open.startOffset, close: isReal(close) ? close.startOffset : Infinity, items, owner });
  }

  token(token: IToken | undefined): Loc | undefined {
    if (!isReal(token)) return undefined;
    return this.lines.loc(token.startOffset, token.endOffset! - token.startOffset + 1);
  }

  /**
   * The span from `first` to `last`, tokens of the input (never inserted by recovery); undefined
   * when `last` comes before `first`: a rule that consumed nothing.
   */
  between(first: IToken, last: IToken): Loc | undefined {
    if (!(last.startOffset >= first.startOffset)) return undefined;
    return this.lines.loc(first.startOffset, last.endOffset! - first.startOffset + 1);
  }

  span(from: Loc | undefined, to: Loc | undefined): Loc | undefined {
    if (!from || !to) return from ?? to;
    return this.lines.loc(from.offset, to.offset + to.length - from.offset);
  }

  end(): Loc {
    return this.lines.end();
  }
}

/** A token that really is in the source (not one invented by error recovery). */
export function isReal(token: IToken | undefined): token is IToken {
  return token !== undefined && !token.isInsertedInRecovery && Number.isFinite(token.startOffset);
}

export function text(token: IToken | undefined): string {
  if (!isReal(token)) return '';
  return unquote(token.image, token.tokenType !== UnterminatedString);
}

/** Sets `locs[name]` when the part has a position. */
export function withPart<const T extends object>(node: T, name: string, loc: Loc | undefined): T {
  const positioned = node as { locs?: Partial<Record<string, Loc>> };
  // The builder's nodes each have their own `locs`: adding to it in place is safe.
  if (loc) (positioned.locs ??= {})[name] = loc;
  return node;
}

/** Reports every occurrence after the first: `what` is given twice. */
export function duplicates(ctx: BuildContext, locs: readonly (Loc | undefined)[], what: string): void {
  for (let i = 1; i < locs.length; i++) ctx.error(locs[i], 'given-twice', { what });
}
