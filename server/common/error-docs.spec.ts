import { describe, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogueText, ERROR_CODES } from './error-catalogue.js';

const DOC = join(process.cwd(), 'docs/errors.md');
const BEGIN = '<!-- codes:begin (written from server/common/error-messages.*.ts by error-docs.spec.ts) -->';
const END = '<!-- codes:end -->';

/** A text as the table shows it: placeholders without their format, pipes escaped. */
const cell = (text: string) => text.replace(/\{(\w+)\|\w+\}/g, '{$1}').replace(/\|/g, '\\|');

function codeTable(): string {
  const rows = ERROR_CODES.map((code) => {
    const en = catalogueText(code, 'en')!;
    const params = [...new Set([...en.matchAll(/\{(\w+)(?:\|\w+)?\}/g)].map((m) => m[1]))].map((p) => `\`${p}\``).join(', ');
    return `| \`${code}\` | ${params} | ${cell(catalogueText(code, 'nl')!)} | ${cell(en)} |`;
  });
  return ['| code | params | Nederlands | English |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

describe('docs/errors.md', () => {
  it('lists every code with its params and both texts, as the catalogue has them (UPDATE_DOCS=1 rewrites the table)', () => {
    const doc = readFileSync(DOC, 'utf8');
    const start = doc.indexOf(BEGIN);
    const end = doc.indexOf(END);
    expect([start >= 0, end > start]).toEqual([true, true]);
    const written = `${doc.slice(0, start + BEGIN.length)}\n${codeTable()}\n${doc.slice(end)}`;
    if (process.env.UPDATE_DOCS === '1') writeFileSync(DOC, written);
    else expect(doc).toBe(written);
  });
});
