// Helpers shared by the specs (not exported from the package).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostics.js';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures');

export function fixtures(): { name: string; source: string }[] {
  return readdirSync(FIXTURES)
    .filter((name) => name.endsWith('.stroom'))
    .sort()
    .map((name) => ({ name, source: readFileSync(join(FIXTURES, name), 'utf8') }));
}

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** `line:column+length severity: message`, compact enough to compare exactly in a test. */
export function show(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.line}:${d.column}+${d.length} ${d.severity}: ${d.message}`);
}

/** Lines joined with \n, for sources written as arrays in tests. */
export const lines = (...parts: string[]): string => parts.join('\n');
