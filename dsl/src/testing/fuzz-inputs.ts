// The fuzz test's machinery: deterministic random inputs (noise, word salad, mutated programs) and
// the properties every input must have. Split over two spec files so Jest runs them in parallel.
import { sameAst } from '../ast.js';
import { check } from '../checker.js';
import { compileWorkflow } from '../compiler.js';
import { hasErrors, type Diagnostic } from '../diagnostics.js';
import { compileFlow } from '../flow-graph.js';
import { parse } from '../parse.js';
import { print } from '../printer.js';
import { fixtures } from './test-support.js';
import { KEYWORDS } from '../tokens.js';

/** mulberry32: small, fast and deterministic. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [...KEYWORDS, '{', '}', '(', ')', '[', ']', ',', '.', ':', '-', '=', '!=', '<=', '>', '"', '"""', '\\', '#', '\n', ' ',
  '"x"', '42', '-1.5', '08:00', 'person.category', 'welkom:', '𝄞', '\u0000', '\r\n', 'é'];

export type InputMaker = (next: () => number) => string;

const picker = (next: () => number) => <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;

/** Random characters (any code unit), or random sequences of the language's own words and signs. */
export const noiseOrSalad: InputMaker = (next) => {
  const pick = picker(next);
  if (next() < 0.4) {
    return Array.from({ length: Math.floor(next() * 40) }, () => String.fromCharCode(Math.floor(next() * 0x10000))).join('');
  }
  return Array.from({ length: Math.floor(next() * 60) }, () => `${pick(PIECES)}${next() < 0.7 ? ' ' : ''}`).join('');
};

// Single declarations keep inputs short, so many of them fit in the time.
const declarations = fixtures().flatMap((f) => f.source.split(/\n(?=workflow |flow )/));

/** A fixture declaration with whole lines dropped, doubled or commented, or characters edited. */
export const mutatedProgram: InputMaker = (next) => {
  const pick = picker(next);
  let sourceLines = pick(declarations).split('\n');
  if (sourceLines.length > 10) {
    // A long declaration: its first line, a window of its body and its closing brace.
    const start = 1 + Math.floor(next() * (sourceLines.length - 8));
    sourceLines = [sourceLines[0]!, ...sourceLines.slice(start, start + 6), '}'];
  }
  const edits = 1 + Math.floor(next() * 3);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(next() * sourceLines.length);
    const kind = next();
    if (kind < 0.2) sourceLines.splice(at, 1);
    else if (kind < 0.35) sourceLines.splice(at, 0, sourceLines[Math.floor(next() * sourceLines.length)]!);
    else if (kind < 0.45) sourceLines.splice(at, 0, `# ${pick(PIECES)}`);
    else {
      const line = sourceLines[at] ?? '';
      const column = Math.floor(next() * (line.length + 1));
      const length = Math.floor(next() * 8);
      sourceLines[at] = kind < 0.7 ? line.slice(0, column) + line.slice(column + length)
        : kind < 0.95 ? `${line.slice(0, column)}${pick(PIECES)} ${line.slice(column)}`
        : line.slice(0, column);
    }
  }
  return sourceLines.join('\n');
};

function wellFormed(diagnostic: Diagnostic): boolean {
  return Number.isInteger(diagnostic.line) && diagnostic.line >= 1
    && Number.isInteger(diagnostic.column) && diagnostic.column >= 1
    && Number.isInteger(diagnostic.length) && diagnostic.length >= 1
    && ['error', 'warning', 'info'].includes(diagnostic.severity)
    && diagnostic.message.length > 0 && !diagnostic.message.startsWith('internal error');
}

/**
 * Feeds `count` inputs to the package; throws with the input on the first broken property.
 * Returns how many inputs were valid programs (those also go through print, check and compile).
 */
export function fuzz(seed: number, count: number, makeInput: InputMaker): number {
  const next = random(seed);
  let valid = 0;
  for (let i = 0; i < count; i++) {
    const input = makeInput(next);
    const parsed = parse(input);
    const bad = parsed.diagnostics.find((d) => !wellFormed(d));
    if (bad) throw new Error(`input #${i} ${JSON.stringify(input)} gave ${JSON.stringify(bad)}`);
    if (hasErrors(parsed.diagnostics)) continue;
    valid++;
    const printed = print(parsed.ast);
    const reparsed = parse(printed);
    if (hasErrors(reparsed.diagnostics) || !sameAst(reparsed.ast, parsed.ast) || print(reparsed.ast) !== printed) {
      throw new Error(`input #${i} ${JSON.stringify(input)} does not survive printing as ${JSON.stringify(printed)}`);
    }
    check(parsed.ast);
    for (const declaration of parsed.ast.declarations) {
      if (declaration.kind === 'workflow') compileWorkflow(declaration);
      else compileFlow(declaration);
    }
  }
  return valid;
}

