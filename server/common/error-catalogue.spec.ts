import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogueText, ERROR_CODES, localizedMessage } from './error-catalogue.js';
import { LANGUAGES } from './request-language.js';

/** Every error code literal in the server's sources: `code: 'area.what'`, and the values of code tables. */
function codesInSources(): Set<string> {
  const codes = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      // empty-variables.ts: the reasons a preview gives for an empty variable are not errors; they have
      // their own Dutch and English texts there, checked by its spec.
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.startsWith('error-messages.') && entry.name !== 'empty-variables.ts') {
        const text = readFileSync(path, 'utf8');
        for (const match of text.matchAll(/\bcode: '([a-z_]+\.[a-z_]+)'/g)) codes.add(match[1]!);
        for (const match of text.matchAll(/(?:CODES[^=]*=|\bcodes[^=]*=)\s*\{([^}]*)\}/g)) {
          for (const value of match[1]!.matchAll(/:\s*\[?'([a-z_]+(?:\.[a-z_]+)?)'/g)) codes.add(value[1]!);
        }
        for (const match of text.matchAll(/\?\s*'([a-z_]+\.[a-z_]+)'\s*:\s*'([a-z_]+\.[a-z_]+)'/g)) codes.add(match[1]!).add(match[2]!);
        // validation.ts: `return ['validation.min', …]` and `fieldIssue(field, 'validation.unknown_field', …)`.
        for (const match of text.matchAll(/(?:return \[|fieldIssue\([^,]+, )'([a-z_]+\.[a-z_]+)'/g)) codes.add(match[1]!);
      }
    }
  };
  walk(join(process.cwd(), 'server'));
  return codes;
}

/** Codes put together at run time (validation.ts): every combination they can take. */
const COMPOSED = [
  ...['min', 'max'].flatMap((side) => ['', '_length', '_items'].map((unit) => `validation.${side}${unit}`)),
  'validation.email', 'validation.datetime',
];

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)(?:\|\w+)?\}/g)].map((m) => m[1]).sort();

describe('the error catalogue', () => {
  it('has a Dutch and an English text for every code the server throws', () => {
    const thrown = [...codesInSources(), ...COMPOSED];
    expect(thrown.length).toBeGreaterThan(80);
    for (const language of LANGUAGES) {
      expect(thrown.filter((code) => catalogueText(code, language) === undefined)).toEqual([]);
    }
    expect(thrown).toEqual(expect.arrayContaining(['record.not_found', 'auth.login_failed', 'validation.unknown_field', 'request.invalid_json']));
  });

  it('uses the same parameters in both languages', () => {
    for (const code of ERROR_CODES) {
      expect([code, placeholders(catalogueText(code, 'nl')!)]).toEqual([code, placeholders(catalogueText(code, 'en')!)]);
    }
  });

  it('fills in parameters: plain values, lists, nouns and counts per noun', () => {
    expect(localizedMessage('record.not_found', { entity: 'quote request', id: '7' }, 'nl')).toBe('Geen kansactie met id 7');
    expect(localizedMessage('record.not_found', { entity: 'quote_request', id: '7' }, 'en')).toBe('No quote request with id 7');
    expect(localizedMessage('record.in_use', { entity: 'company', id: '3', references: { persons: 2, sales: 1 } }, 'nl'))
      .toBe('Kan bedrijf 3 niet verwijderen: in gebruik bij 2 personen, 1 verkopen');
    expect(localizedMessage('record.in_use', { entity: 'company', id: '3', references: { persons: 1 } }, 'en')).toBe('Cannot delete company 3: it is used by 1 persons');
    expect(localizedMessage('flow.status_change', { status: 'running', to: 'running', from: ['not_running', 'paused'] }, 'en'))
      .toBe('The flow is running; it can only go to running from not running or paused');
    expect(localizedMessage('flow.status_change', { status: 'running', to: 'running', from: ['not_running', 'paused'] }, 'nl'))
      .toBe('De flow is actief; hij kan alleen naar actief vanuit niet actief of gepauzeerd');
    expect(localizedMessage('person.unknown_ids', { field: 'personIds', ids: ['1', '2'] }, 'en')).toBe('personIds: no person with id 1, 2');
    expect(localizedMessage('validation.min', { min: 1 }, 'nl')).toBe('minimaal 1');
    expect(localizedMessage('workflow.customized', { parts: ['when', 'if'] }, 'nl')).toBe(
      'Deze workflow is in de DSL-editor aangepast; dit formulier zou weglaten: when, if. Bewerk hem in de DSL-editor.',
    );
  });

  it('leaves a missing parameter visible and knows no unknown code', () => {
    expect(localizedMessage('validation.min', {}, 'en')).toBe('must be at least {min}');
    expect(localizedMessage('no.such_code', {}, 'nl')).toBeUndefined();
    expect(localizedMessage('toString', {}, 'nl')).toBeUndefined();
  });
});
