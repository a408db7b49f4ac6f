// Diagnostics are data: every problem the package finds is one of these, never a thrown error.
import type { Loc } from './ast.js';
import { englishMessage, type Params } from './messages.js';

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
  /** In UTF-16 code units; at least 1 so an editor can underline it. */
  length: number;
  severity: Severity;
  /** In English as made; `diagnosticMessage` renders it from `code` and `params` in another language. */
  message: string;
  /** A stable identifier of the problem, e.g. `unknown-template`, `unexpected-token`. */
  code: string;
  /** What the message is made of (names, what was found, …). */
  params?: Params;
  /** The name probably meant, where a near one exists (`send` for `sned`). */
  suggestion?: string;
  /** The flow step the diagnostic is about, when it is about one. */
  stepId?: string;
}

/** Reports past this many are dropped: random input must not produce megabytes of messages. */
export const MAX_DIAGNOSTICS = 100;

/** Maps offsets to 1-based lines and columns; `\r\n`, `\n` and `\r` all end a line. */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(private readonly source: string) {
    if (!source.includes('\r')) {
      // Only `\n` ends lines: let indexOf find them.
      for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
      return;
    }
    for (let i = 0; i < source.length; i++) {
      const char = source.charCodeAt(i);
      if (char === 13 && source.charCodeAt(i + 1) === 10) continue;
      if (char === 10 || char === 13) this.lineStarts.push(i + 1);
    }
  }

  /** The line of the previous lookup: the builder asks in source order, mostly on the same line. */
  private lastLine = 0;

  loc(offset: number, length: number): Loc {
    const clamped = Math.max(0, Math.min(offset, this.source.length));
    const starts = this.lineStarts;
    const last = this.lastLine;
    if (starts[last]! <= clamped && (last + 1 === starts.length || clamped < starts[last + 1]!)) {
      return { offset: clamped, length: Math.max(0, length), line: last + 1, column: clamped - starts[last]! + 1 };
    }
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle]! <= clamped) low = middle;
      else high = middle - 1;
    }
    this.lastLine = low;
    return { offset: clamped, length: Math.max(0, length), line: low + 1, column: clamped - this.lineStarts[low]! + 1 };
  }

  /** The position just after the last character. */
  end(): Loc {
    return this.loc(this.source.length, 0);
  }
}

/** A diagnostic with its English message; `suggestion` is left out when there is none. */
export function diagnosticAt(
  loc: Loc, severity: Severity, code: string, params: Params = {}, extra: { stepId?: string; suggestion?: string | undefined } = {},
): Diagnostic {
  const diagnostic: Diagnostic = {
    line: loc.line, column: loc.column, length: Math.max(1, loc.length), severity, code, params, message: englishMessage(code, params),
  };
  if (extra.suggestion !== undefined) diagnostic.suggestion = extra.suggestion;
  if (extra.stepId !== undefined) diagnostic.stepId = extra.stepId;
  return diagnostic;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

export function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.line - b.line || a.column - b.column;
}
