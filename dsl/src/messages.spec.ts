import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InMemoryCatalog } from './catalog.js';
import { checkSource } from './checker.js';
import type { Diagnostic } from './diagnostics.js';
import { catalogueFor, DIAGNOSTIC_CODES, diagnosticMessage, languageOfLocale, localizeDiagnostics, suggestionMessage } from './messages.js';
import { parse } from './parse.js';
import { closest, editDistance } from './suggest.js';
import { lines } from './testing/test-support.js';

const catalog = new InMemoryCatalog({
  templates: [{ key: 'offerte-aangevraagd', channel: 'email', variables: [] }, { key: 'welkom', channel: 'email', variables: [] }],
  selections: ['Afmeldingen', 'Geen reactie'],
  projects: ['Zon op dak'],
  forms: ['contact-me'],
  flows: ['Upsell', 'Reactivatie'],
  taskTypes: ['Bellen'],
  employees: ['adviseur@energieloket.example'],
  statuses: { quote_request: ['Offertezoek - Offerte aangevraagd', 'Offertezoek - Offerte verstuurd'] },
});

const diagnosticsOf = (source: string) => checkSource(source, { catalog }).diagnostics;
/** The one problem of a text: an error, or a warning (content a flow names that is not there yet is a warning on save). */
const only = (source: string): Diagnostic => {
  const found = diagnosticsOf(source).filter((d) => d.severity === 'error' || d.severity === 'warning');
  expect(found).toHaveLength(1);
  return found[0]!;
};
const workflow = (...body: string[]) => lines('workflow "w" {', ...body.map((l) => `  ${l}`), '}');
const flow = (...body: string[]) => lines('flow "f" {', '  sender "s@example.nl"', '  reply_to "r@example.nl"', '  trigger manual', ...body.map((l) => `  ${l}`), '}');

describe('diagnostic codes, languages and suggestions', () => {
  it('gives a misspelled keyword a code and the keyword meant, in Dutch and English', () => {
    const d = only(workflow('on person created', 'sned email "welkom" to person'));
    expect([d.line, d.column, d.code, d.suggestion]).toEqual([3, 3, 'unexpected-token', 'send']);
    expect(d.message).toBe("expected a workflow line (on, when, after, send or remind) or '}', found 'sned'");
    expect(diagnosticMessage(d, 'en')).toBe(d.message);
    expect(diagnosticMessage(d)).toBe("een workflowregel (on, when, after, send of remind) of '}' verwacht, maar 'sned' gevonden");
    expect(suggestionMessage('send', 'nl')).toBe("bedoelde u 'send'?");
    expect(suggestionMessage('send', 'en')).toBe("did you mean 'send'?");
  });

  it('suggests the keyword meant inside a step', () => {
    const d = only(workflow('on person created', 'send emial "welkom" to person'));
    expect([d.code, d.suggestion]).toEqual(['unexpected-token', 'email']);
  });

  it.each([
    ['field', workflow('on person created', 'when person.catgory = "Klant"', 'send email "welkom" to person'), 'unknown-field', 'category',
      "onbekend veld 'catgory' van person"],
    ['status', workflow('on quote_request.status changed to "Offertezoek - Offerte verstuur"', 'send email "welkom" to person'), 'unknown-status',
      'Offertezoek - Offerte verstuurd', 'onbekende quote_request-status "Offertezoek - Offerte verstuur"'],
    ['template', workflow('on person created', 'send email "offerte-aangevraag" to person'), 'unknown-template', 'offerte-aangevraagd',
      'onbekend sjabloon "offerte-aangevraag"'],
    ['selection', flow('exclude selection "Afmelding"', 'send email "welkom"'), 'unknown-selection', 'Afmeldingen', 'onbekende selectie "Afmelding"'],
    ['flow', flow('send email "welkom"', 'complete { on success move to flow "Upsel" }'), 'unknown-flow', 'Upsell', 'onbekende flow "Upsel"'],
    ['form', flow('wait for form "contact-mee" submitted', 'send email "welkom"'), 'unknown-form', 'contact-me', 'onbekend formulier "contact-mee"'],
    ['project', flow('add to project "Zon op dek"'), 'unknown-project', 'Zon op dak', 'onbekend project "Zon op dek"'],
    ['employee', flow('distribute to owner among "adviseur@energieloket.exampel"'), 'unknown-employee', 'adviseur@energieloket.example',
      'geen medewerker heeft het e-mailadres "adviseur@energieloket.exampel"'],
    ['record', workflow('on person created', 'when persn.category = "Klant"', 'send email "welkom" to person'), 'unknown-record', 'person',
      "onbekend record 'persn' in persn.category"],
  ])('suggests the %s meant', (_kind, source, code, suggestion, dutch) => {
    const d = only(source);
    expect([d.code, d.suggestion]).toEqual([code, suggestion]);
    expect(diagnosticMessage(d, 'nl')).toBe(dutch);
  });

  it('gives no suggestion when nothing is near', () => {
    const d = only(workflow('on person created', 'send email "iets-heel-anders" to person'));
    expect(d.code).toBe('unknown-template');
    expect(d.suggestion).toBeUndefined();
  });

  it('reports a missing } where the block opened', () => {
    const source = lines('workflow "a" {', '  on person created', '  send email "welkom" to person', '', 'workflow "b" {', '  on person deleted', '}');
    const errors = parse(source).diagnostics;
    const unclosed = errors.find((d) => d.code === 'unclosed-block');
    expect(unclosed).toMatchObject({ line: 1, column: 14, length: 1 });
    expect(diagnosticMessage(unclosed!, 'nl')).toBe('dit blok, hier geopend, wordt niet gesloten: er ontbreekt een }');
    expect(diagnosticMessage(unclosed!, 'en')).toBe('this block opened here is not closed: a } is missing');
  });

  it('reports the innermost unclosed block of a nested one at its {', () => {
    const source = lines('flow "f" {', '  trigger manual', '  split "s" {', '    others continue', '');
    const unclosed = parse(source).diagnostics.filter((d) => d.code === 'unclosed-block');
    expect(unclosed.map((d) => `${d.line}:${d.column}`)).toEqual(['1:10', '3:13']);
  });

  it('gives every diagnostic of the fixtures of malformed text a code in the catalogue, rendered in both languages', () => {
    const sources = [
      'workflow', 'workflow "x" { on person created send email "a" to person remind every 0 days at most 0 times }',
      'flow "f" { send_window mon-xyz 25:00-08:00 }', 'workflow "x" { on person.status created }', '§', 'workflow "x" { on person created "open',
      flow('send sms "hoi" to person', 'create sale "s" type "t" after 3 days', 'wait until "gisteren"'),
    ];
    for (const source of sources) {
      for (const d of diagnosticsOf(source)) {
        expect(DIAGNOSTIC_CODES).toContain(d.code);
        expect(diagnosticMessage(d, 'en')).toBe(d.message);
        expect(diagnosticMessage(d, 'nl')).not.toBe('');
      }
    }
  });

  it('has a Dutch text for every code', () => {
    expect(Object.keys(catalogueFor('nl')).sort()).toEqual([...DIAGNOSTIC_CODES].sort());
    const d = { code: '', message: 'x', params: { path: 'p', what: 'the text', about: 'a flow', record: 'r', expected: ['a number'] } };
    for (const code of DIAGNOSTIC_CODES) expect(diagnosticMessage({ ...d, code }, 'nl')).not.toBe('x');
  });

  it('localises a list of diagnostics, keeping everything else', () => {
    const [d] = localizeDiagnostics(diagnosticsOf(workflow('on person created', 'send email "welkom-x" to person')), 'nl');
    expect(d).toMatchObject({ code: 'unknown-template', line: 3, message: 'onbekend sjabloon "welkom-x"', suggestion: 'welkom' });
  });

  it('takes the language of a POSIX locale', () => {
    expect(languageOfLocale('nl_NL.UTF-8')).toBe('nl');
    expect(languageOfLocale('nl')).toBe('nl');
    expect(languageOfLocale('en_US.UTF-8')).toBe('en');
    expect(languageOfLocale('C')).toBe('en');
    expect(languageOfLocale(undefined)).toBe('en');
  });
});

describe('edit distance', () => {
  it('counts a swap of neighbours as one edit and ignores case', () => {
    expect(editDistance('sned', 'send')).toBe(1);
    expect(editDistance('Klant', 'klant')).toBe(0);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('suggests only what is near enough, never the word itself', () => {
    expect(closest('sned', ['send', 'sender'])).toBe('send');
    expect(closest('send', ['send', 'sender'])).toBeUndefined();
    expect(closest('xyz', ['send'])).toBeUndefined();
  });
});

describe('docs/dsl-editor.md', () => {
  const doc = readFileSync(fileURLToPath(new URL('../../docs/dsl-editor.md', import.meta.url)), 'utf8');

  it('lists every diagnostic code with its English and Dutch message', () => {
    const rows = [...doc.matchAll(/^\| `([a-z-]+)` \| `(.*)` \| `(.*)` \|$/gm)];
    expect(rows.map((row) => row[1]).sort()).toEqual([...DIAGNOSTIC_CODES].sort());
    for (const [, code, english, dutch] of rows) {
      expect([code, english, dutch].every((text) => text!.length > 0)).toBe(true);
    }
  });

  it('holds only valid DSL in its stroom blocks', () => {
    const blocks = [...doc.matchAll(/```stroom\n([\s\S]*?)```/g)].map((match) => match[1]!);
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) expect(checkSource(block).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
