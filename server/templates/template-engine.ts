import { Liquid, Tag, type TagToken, type Template as LiquidTemplate, type TopLevelToken } from 'liquidjs';
import { isKnownVariable } from './merge-variables.js';

export type Channel = 'email' | 'sms';

export interface TemplateSource {
  channel: Channel;
  subject?: string | null;
  body: string;
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

const LIMITS = { parseLimit: 200_000, renderLimit: 1_000, memoryLimit: 10_000_000 };

/** liquidjs cannot stop a render at an output size (its memory limit counts filter results, not text), so the size is checked after. */
export const MAX_OUTPUT_CHARS = 1_000_000;

/** Dates (`{{ task.due_at | date: "%d %B %H:%M" }}`) in the service's zone and in Dutch, not the host's. */
const DEFAULT_ZONE = 'Europe/Amsterdam';

/** Refuses at parse time, wherever the tag stands (also inside `{% liquid %}`), so it never reaches a file lookup. */
class NoFilesTag extends Tag {
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    throw new Error(`${token.name} is not available in templates`);
  }
  *render(): Generator<unknown, void, unknown> {}
}

function engine(zone: string, escape: boolean): Liquid {
  const liquid = new Liquid({
    strictFilters: true,
    ownPropertyOnly: true,
    templates: {}, // an empty in-memory file system: nothing is read from disk
    timezoneOffset: zone,
    locale: 'nl-NL',
    ...(escape ? { outputEscape: 'escape' as const } : {}),
    ...LIMITS,
  });
  for (const name of ['include', 'render', 'layout']) liquid.registerTag(name, NoFilesTag);
  return liquid;
}

const engines = new Map<string, { plain: Liquid; escaping: Liquid }>();

function enginesFor(zone: string): { plain: Liquid; escaping: Liquid } {
  let pair = engines.get(zone);
  if (!pair) {
    pair = { plain: engine(zone, false), escaping: engine(zone, true) };
    engines.set(zone, pair);
  }
  return pair;
}

const plain = enginesFor(DEFAULT_ZONE).plain;

function limited(text: string): string {
  if (text.length > MAX_OUTPUT_CHARS) throw new RangeError(`the rendered text is longer than ${MAX_OUTPUT_CHARS} characters`);
  return text;
}

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

function withFullName(context: MergeContext): MergeContext {
  const person = context.person as Record<string, unknown> | undefined;
  if (!person || person.full_name) return context;
  const full = [person.first_name, person.last_name].filter((p) => typeof p === 'string' && p).join(' ');
  return { ...context, person: { ...person, full_name: full } };
}

export interface RenderOptions {
  /** The zone dates are shown in (APP_TIMEZONE); Europe/Amsterdam when omitted. */
  zone?: string;
}

/** Parsed texts per engine, at most this many each: a campaign renders the same few texts for every participant. */
const PARSED_TEXTS = 500;
/** Longer texts are parsed for each render rather than kept. */
const MAX_KEPT_TEXT = 50_000;
const parsedTexts = new WeakMap<Liquid, Map<string, LiquidTemplate[]>>();

/** Parses once, renders many times (the limits apply as with parseAndRender). */
function renderWith(engine: Liquid, text: string, scope: MergeContext): string {
  let known = parsedTexts.get(engine);
  if (!known) parsedTexts.set(engine, (known = new Map()));
  let templates = known.get(text);
  if (!templates) {
    templates = engine.parse(text);
    if (text.length <= MAX_KEPT_TEXT) {
      if (known.size >= PARSED_TEXTS) known.delete(known.keys().next().value!);
      known.set(text, templates);
    }
  }
  return engine.renderSync(templates, scope) as string;
}

/** A render that failed (past the time or size cap, or an error of the text itself), naming the part. */
export class TemplateRenderError extends Error {
  constructor(
    readonly field: TemplateProblem['field'],
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
  }
}

function renderPart(field: TemplateProblem['field'], render: () => string): string {
  try {
    return limited(render());
  } catch (error) {
    throw new TemplateRenderError(field, ((error as Error).message ?? String(error)).replace(/, line:\d+, col:\d+$/, ''));
  }
}

/** Renders subject and body; e-mail bodies escape every value as HTML, subjects and SMS texts do not. */
export function renderTemplate(source: TemplateSource, context: MergeContext, options: RenderOptions = {}): { subject: string; body: string } {
  const { plain, escaping } = enginesFor(options.zone ?? DEFAULT_ZONE);
  const scope = withFullName(context);
  const bodyEngine = source.channel === 'email' ? escaping : plain;
  const subject = source.subject ? renderPart('subject', () => renderWith(plain, source.subject!, scope)) : '';
  const body = renderPart('body', () => renderWith(bodyEngine, source.body, scope));
  return { subject: subject.replace(/\s+/g, ' ').trim(), body };
}

/** Renders one text (an SMS step's text, a subject) with the given escaping. */
export function renderText(text: string, context: MergeContext, options: RenderOptions & { escapeHtml?: boolean } = {}): string {
  const { plain, escaping } = enginesFor(options.zone ?? DEFAULT_ZONE);
  return limited(renderWith(options.escapeHtml ? escaping : plain, text, withFullName(context)));
}

const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const GSM_EXTENDED = new Set('^{}\\[~]|€\f');

/** How many SMS segments a text takes: GSM-7 (160, or 153 per part) or UCS-2 (70, or 67 per part). */
export function smsSegments(text: string): number {
  let units = 0;
  let gsm = true;
  for (const char of text) {
    if (GSM_BASIC.has(char)) units += 1;
    else if (GSM_EXTENDED.has(char)) units += 2;
    else {
      gsm = false;
      break;
    }
  }
  if (!gsm) {
    const length = text.length; // UTF-16 code units, as UCS-2 counts them
    return length <= 70 ? 1 : Math.ceil(length / 67);
  }
  return units <= 160 ? 1 : Math.ceil(units / 153);
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
