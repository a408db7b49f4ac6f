import type { Template as LiquidTemplate } from 'liquidjs';
import { DEFAULT_ZONE, enginesFor, MAX_OUTPUT_CHARS, RenderFailure, renderTemplateSync, renderTextSync } from './liquid-core.mjs';
import { isKnownVariable } from './merge-variables.js';

export type Channel = 'email' | 'sms';

export interface TemplateSource {
  channel: Channel;
  subject?: string | null;
  body: string;
  /** `mjml`: the body is MJML and `html` the HTML it compiled to at save, which is what is rendered. */
  format?: 'html' | 'mjml';
  html?: string | null;
}

/** The text Liquid renders for a template's body: the compiled HTML of an MJML e-mail, else the body as written. */
export function renderedBody(source: TemplateSource): string {
  return source.format === 'mjml' && source.channel === 'email' && source.html ? source.html : source.body;
}

export interface TemplateProblem {
  field: 'subject' | 'body';
  /** The problem's error code and parameters, for the message in the caller's language. */
  code: string;
  params: Record<string, unknown>;
  message: string;
  line?: number;
  column?: number;
}

export type MergeContext = Record<string, unknown>;

const plain = enginesFor(DEFAULT_ZONE).plain;

function problemOf(field: TemplateProblem['field'], error: unknown): TemplateProblem {
  const e = error as { message?: string; token?: { getPosition?: () => [number, number] } };
  const position = e.token?.getPosition?.();
  const message = (e.message ?? String(error)).replace(/, line:\d+, col:\d+$/, '');
  return { field, code: 'template.syntax', params: { problem: message }, message, ...(position ? { line: position[0], column: position[1] } : {}) };
}

function parse(field: TemplateProblem['field'], text: string): { templates?: LiquidTemplate[]; problems: TemplateProblem[] } {
  try {
    return { templates: plain.parse(text), problems: [] };
  } catch (error) {
    return { problems: [problemOf(field, error)] };
  }
}

/** The merge variables a text uses, as dotted paths (`person.first_name`); variables it assigns itself are left out. */
export function variablesOf(text: string): string[] {
  const { templates } = parse('body', text);
  if (!templates) return [];
  return [...new Set(plain.globalVariableSegmentsSync(templates).map((segments) => leadingNames(segments).join('.')))];
}

function leadingNames(segments: unknown[]): string[] {
  const names: string[] = [];
  for (const segment of segments) {
    if (typeof segment !== 'string') break;
    names.push(segment);
  }
  return names;
}

/** Which records a template needs (`person`, `task`, …), for the checker's "template needs a record the trigger lacks". */
export function templateRoots(source: TemplateSource): string[] {
  const roots = new Set<string>();
  for (const text of [source.subject ?? '', source.body]) for (const variable of variablesOf(text)) roots.add(variable.split('.')[0]!);
  return [...roots];
}

/** Everything wrong with a template, for a 400 at save time . */
export function validateTemplate(source: TemplateSource): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  if (source.channel === 'email' && !source.subject?.trim()) problems.push({ field: 'subject', code: 'template.subject_required', params: {}, message: 'an e-mail template needs a subject' });
  if (source.channel === 'sms' && source.subject) problems.push({ field: 'subject', code: 'template.sms_subject', params: {}, message: 'an SMS template has no subject' });
  const texts: [TemplateProblem['field'], string][] = [['body', source.body]];
  if (source.subject) texts.unshift(['subject', source.subject]);
  for (const [field, text] of texts) {
    const parsed = parse(field, text);
    problems.push(...parsed.problems);
    if (!parsed.templates) continue;
    for (const segments of plain.globalVariableSegmentsSync(parsed.templates)) {
      const path = leadingNames(segments);
      if (!isKnownVariable(path)) problems.push({ field, code: 'template.unknown_variable', params: { variable: path.join('.') }, message: `unknown variable "${path.join('.')}"` });
    }
  }
  return problems;
}

export interface RenderOptions {
  /** The zone dates are shown in (APP_TIMEZONE); Europe/Amsterdam when omitted. */
  zone?: string;
}

export { MAX_OUTPUT_CHARS };

/** A render that failed (past the time or size cap, or an error of the text itself), naming the part. */
export const TemplateRenderError = RenderFailure;
export type TemplateRenderError = RenderFailure;

/**
 * Renders subject and body on this thread with the full cap; e-mail bodies escape every value as
 * HTML, subjects and SMS texts do not. Request and job paths use `renderOffLoop` instead.
 */
export function renderTemplate(source: TemplateSource, context: MergeContext, options: RenderOptions = {}): { subject: string; body: string } {
  return renderTemplateSync({ channel: source.channel, subject: source.subject, body: renderedBody(source) }, context, options);
}

/** Renders one text (an SMS step's text, a subject) with the given escaping, on this thread. */
export function renderText(text: string, context: MergeContext, options: RenderOptions & { escapeHtml?: boolean } = {}): string {
  return renderTextSync(text, context, options);
}

/** A sample person for previews when none is chosen. */
export function samplePerson(): MergeContext {
  return {
    person: { id: '0', first_name: 'Anna', last_name: 'de Vries', full_name: 'Anna de Vries', email: 'anna.devries@example.nl', mobile: '+31612345678', category: 'Prospect', interests: ['zonnepanelen'], unsubscribed: false, extra: {} },
    company: { id: '0', name: 'Woningcorporatie Zuid', category: 'Klant' },
    our_contact: { name: 'Sanne Jansen', email: 'sanne@energieloket.example', mobile: '+31687654321' },
    service_contact: { name: 'Ahmed Bakker', email: 'ahmed@energieloket.example', mobile: null },
    unsubscribe_url: 'https://stroom.example/u/voorbeeld',
  };
}
