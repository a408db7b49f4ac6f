import { type Entity, RECORDS_OF } from '@stroom/dsl';
import type { Language } from '../common/request-language.js';
import { LIQUID_PROPERTIES, SCALAR_VARIABLES } from './merge-variables.js';
import type { MergeContext } from './template-engine.js';

/** Why a merge variable stays empty in a preview. */
export type EmptyCode = 'preview.empty_field' | 'preview.no_related' | 'preview.not_available' | 'preview.not_used_with';

export interface EmptyVariable {
  /** The variable (`person.mobile`), or `<record>.*` when a whole record is missing. */
  variable: string;
  code: EmptyCode;
  params: Record<string, string>;
  /** The reason in the request's language. */
  reason: string;
}

/** What a preview was rendered on: a chosen record, or sample data of that kind. */
export interface PreviewSubject {
  kind: Entity;
  sample: boolean;
}

interface Words {
  /** "this person" — the record a field is read from. */
  holder: string;
  /** "a person" */
  one: string;
  /** "person" (as in "a person workflow", "has no person") */
  noun: string;
}

const WORDS: Record<Language, Record<string, Words>> = {
  nl: {
    person: { holder: 'deze persoon', one: 'een persoon', noun: 'persoon' },
    contact: { holder: 'de contactpersoon', one: 'een contactpersoon', noun: 'contactpersoon' },
    company: { holder: 'dit bedrijf', one: 'een bedrijf', noun: 'bedrijf' },
    task: { holder: 'deze taak', one: 'een taak', noun: 'taak' },
    quote_request: { holder: 'deze kansactie', one: 'een kansactie', noun: 'kansactie' },
    opportunity: { holder: 'deze kans', one: 'een kans', noun: 'kans' },
    intake_measure: { holder: 'deze intakemaatregel', one: 'een intakemaatregel', noun: 'intakemaatregel' },
    sale: { holder: 'deze verkoop', one: 'een verkoop', noun: 'verkoop' },
    request: { holder: 'dit verzoek', one: 'een verzoek', noun: 'verzoek' },
    follow_up: { holder: 'deze vervolgactiviteit', one: 'een vervolgactiviteit', noun: 'vervolgactiviteit' },
    owner: { holder: 'de eigenaar', one: 'een eigenaar', noun: 'eigenaar' },
    responsible: { holder: 'de verantwoordelijke', one: 'een verantwoordelijke', noun: 'verantwoordelijke' },
    our_contact: { holder: 'onze contactpersoon', one: 'een contactpersoon van ons', noun: 'contactpersoon van ons' },
    service_contact: { holder: 'onze servicecontactpersoon', one: 'een servicecontactpersoon', noun: 'servicecontactpersoon' },
  },
  en: {
    person: { holder: 'this person', one: 'a person', noun: 'person' },
    contact: { holder: 'the contact person', one: 'a contact person', noun: 'contact person' },
    company: { holder: 'this company', one: 'a company', noun: 'company' },
    task: { holder: 'this task', one: 'a task', noun: 'task' },
    quote_request: { holder: 'this quote request', one: 'a quote request', noun: 'quote request' },
    opportunity: { holder: 'this opportunity', one: 'an opportunity', noun: 'opportunity' },
    intake_measure: { holder: 'this intake measure', one: 'an intake measure', noun: 'intake measure' },
    sale: { holder: 'this sale', one: 'a sale', noun: 'sale' },
    request: { holder: 'this request', one: 'a request', noun: 'request' },
    follow_up: { holder: 'this follow-up', one: 'a follow-up', noun: 'follow-up' },
    owner: { holder: 'the owner', one: 'an owner', noun: 'owner' },
    responsible: { holder: 'the responsible employee', one: 'a responsible employee', noun: 'responsible employee' },
    our_contact: { holder: 'our contact', one: 'a contact of ours', noun: 'contact of ours' },
    service_contact: { holder: 'our service contact', one: 'a service contact', noun: 'service contact' },
  },
};

const REASONS: Record<Language, Record<EmptyCode, (p: Record<string, string>, w: (name: string) => Words) => string>> = {
  nl: {
    'preview.empty_field': (p, w) => `${p.variable} is leeg bij ${w(p.record!).holder}`,
    'preview.no_related': (p, w) => `${p.record}.* is leeg: ${w(p.kind!).holder} heeft geen ${w(p.record!).noun}`,
    'preview.not_available': (p, w) => `${p.record}.* is niet beschikbaar bij ${w(p.kind!).one}`,
    'preview.not_used_with': (p, w) => `${p.record}.* is niet beschikbaar: deze sjabloon wordt niet gebruikt in een ${w(p.record!).noun}-workflow`,
  },
  en: {
    'preview.empty_field': (p, w) => `${p.variable} is empty for ${w(p.record!).holder}`,
    'preview.no_related': (p, w) => `${p.record}.* is empty: ${w(p.kind!).holder} has no ${w(p.record!).noun}`,
    'preview.not_available': (p, w) => `${p.record}.* is not available for ${w(p.kind!).one}`,
    'preview.not_used_with': (p, w) => `${p.record}.* is not available: this template is not used in a ${w(p.record!).noun} workflow`,
  },
};

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

function valueAt(context: MergeContext, path: string[]): unknown {
  let value: unknown = context;
  for (const segment of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, segment)) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

/**
 * The variables of a template that render empty in a preview, each with why: the field is empty
 * on the record, the record has no such related record (no owner), or the record kind cannot
 * reach it at all (`task.*` for a quote request). One entry per missing record, not per field.
 */
export function emptyVariables(variables: readonly string[], context: MergeContext, subject: PreviewSubject, language: Language): EmptyVariable[] {
  const words = (name: string): Words => WORDS[language][name] ?? { holder: name, one: name, noun: name };
  const reachable = RECORDS_OF[subject.kind];
  const out: EmptyVariable[] = [];
  const missingRecords = new Set<string>();
  const seen = new Set<string>();
  for (const used of variables) {
    // `{{ person.first_name.size }}` is empty when person.first_name is.
    const path = used.split('.');
    if (path.length > 2 && LIQUID_PROPERTIES.includes(path.at(-1)!)) path.pop();
    const variable = path.join('.');
    if (seen.has(variable)) continue;
    seen.add(variable);
    const record = path[0]!;
    if (SCALAR_VARIABLES.includes(record) || !isEmpty(valueAt(context, path))) continue;
    let code: EmptyCode;
    let params: Record<string, string>;
    if (context[record] === undefined || context[record] === null) {
      if (missingRecords.has(record)) continue;
      missingRecords.add(record);
      code = !reachable.includes(record) ? (subject.sample ? 'preview.not_used_with' : 'preview.not_available') : 'preview.no_related';
      params = { record, kind: subject.kind };
    } else {
      code = 'preview.empty_field';
      params = { variable, record };
    }
    out.push({ variable: code === 'preview.empty_field' ? variable : `${record}.*`, code, params, reason: REASONS[language][code](params, words) });
  }
  return out;
}
