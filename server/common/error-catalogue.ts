import { en, type ErrorCodeName } from './error-messages.en.js';
import { nl } from './error-messages.nl.js';
import type { Language } from './request-language.js';

export type { ErrorCodeName };

const MESSAGES: Record<Language, Record<string, string>> = { en, nl };

/** Every code the catalogue has a text for (in both languages: the compiler holds nl to en's keys). */
export const ERROR_CODES = Object.keys(en) as ErrorCodeName[];

/** The catalogue's text for a code, uninterpolated (for the documentation). */
export function catalogueText(code: string, language: Language): string | undefined {
  return Object.hasOwn(MESSAGES[language], code) ? MESSAGES[language][code] : undefined;
}

/** The message for `code` in `language` with its parameters filled in, or undefined when the catalogue lacks the code. */
export function localizedMessage(code: string, params: Record<string, unknown>, language: Language): string | undefined {
  const text = catalogueText(code, language);
  if (text === undefined) return undefined;
  return text.replace(/\{(\w+)(?:\|(\w+))?\}/g, (whole, name: string, format?: string) => {
    if (!(name in params)) return whole;
    const value = params[name];
    if (format === 'noun') return nounsOf(value, language);
    if (format === 'counts') return countsOf(value, language);
    return plain(value);
  });
}

function plain(value: unknown): string {
  if (Array.isArray(value)) return value.map(plain).join(', ');
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * Nouns the messages name (entities, flow statuses), by their English name; the English text is
 * the name itself with underscores as spaces.
 */
const DUTCH_NOUNS: Record<string, string> = {
  person: 'persoon', persons: 'personen', company: 'bedrijf', companies: 'bedrijven',
  employee: 'medewerker', employees: 'medewerkers', group: 'groep', groups: 'groepen',
  'quote request': 'kansactie', 'quote requests': 'kansacties', opportunity: 'kans', opportunities: 'kansen',
  'intake measure': 'intakemaatregel', 'intake measures': 'intakemaatregelen',
  task: 'taak', tasks: 'taken', 'task type': 'taaktype', 'task types': 'taaktypes',
  sale: 'verkoop', sales: 'verkopen', 'follow up': 'vervolgactie', 'follow-ups': 'vervolgacties',
  request: 'verzoek', requests: 'verzoeken', status: 'status', statuses: 'statussen',
  'quote request status': 'kansactiestatus', 'opportunity status': 'kansstatus', 'intake measure status': 'intakemaatregelstatus',
  selection: 'selectie', selections: 'selecties', project: 'project', projects: 'projecten',
  template: 'sjabloon', templates: 'sjablonen', form: 'formulier', forms: 'formulieren', file: 'bestand',
  workflow: 'workflow', flow: 'flow', message: 'bericht',
  'assignment rule': 'toewijzingsregel', 'assignment rules': 'toewijzingsregels',
  'not running': 'niet actief', running: 'actief', paused: 'gepauzeerd',
};

function noun(value: unknown, language: Language): string {
  const name = String(value).replace(/_/g, ' ');
  return language === 'nl' ? (DUTCH_NOUNS[name] ?? name) : name;
}

function nounsOf(value: unknown, language: Language): string {
  if (!Array.isArray(value)) return noun(value, language);
  return value.map((v) => noun(v, language)).join(language === 'nl' ? ' of ' : ' or ');
}

function countsOf(value: unknown, language: Language): string {
  if (value === null || typeof value !== 'object') return plain(value);
  return Object.entries(value as Record<string, unknown>).map(([name, n]) => `${plain(n)} ${noun(name, language)}`).join(', ');
}
