import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { checkSource } from '@stroom/dsl';

/**
 * Every ```stroom block in the documentation is parsed and checked as the offline command line
 * checks a file, so an example cannot go stale: a syntax or check error fails this test.
 */
const DOCS = ['README.md', 'bench/README.md', ...readdirSync('docs').filter((f) => f.endsWith('.md')).map((f) => join('docs', f))];

function examples(file: string): { line: number; source: string }[] {
  const found: { line: number; source: string }[] = [];
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim() !== '```stroom') continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && lines[end]!.trim() !== '```') end++;
    found.push({ line: start + 1, source: lines.slice(start, end).join('\n') });
    i = end;
  }
  return found;
}

const cases = DOCS.flatMap((file) => examples(file).map((example) => ({ file, ...example })));

describe('examples in the documentation', () => {
  it('has examples to check', () => {
    expect(cases.filter((c) => c.file === 'docs/dsl-reference.md').length).toBeGreaterThan(5);
  });

  it.each(cases.map((c) => [`${c.file}:${c.line}`, c] as const))('%s parses and checks without errors', (_where, example) => {
    const errors = checkSource(example.source).diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([]);
  });
});
