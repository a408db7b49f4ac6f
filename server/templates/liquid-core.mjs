// The Liquid engines and the render itself, as plain JavaScript: template-engine.ts uses it on the
// main thread and render-worker.mjs in the render threads (loaded as it is, from the sources and
// from dist/, which the build copies it to).
import { Liquid, Tag } from 'liquidjs';

export const LIMITS = { parseLimit: 200_000, renderLimit: 1_000, memoryLimit: 10_000_000 };

/** liquidjs cannot stop a render at an output size (its memory limit counts filter results, not text), so the size is checked after. */
export const MAX_OUTPUT_CHARS = 1_000_000;

/** Dates (`{{ task.due_at | date: "%d %B %H:%M" }}`) in the service's zone and in Dutch, not the host's. */
export const DEFAULT_ZONE = 'Europe/Amsterdam';

/** Refuses at parse time, wherever the tag stands (also inside `{% liquid %}`), so it never reaches a file lookup. */
class NoFilesTag extends Tag {
  constructor(token, remain, liquid) {
    super(token, remain, liquid);
    throw new Error(`${token.name} is not available in templates`);
  }
  *render() {}
}

function engine(zone, escape) {
  const liquid = new Liquid({
    strictFilters: true,
    ownPropertyOnly: true,
    templates: {}, // an empty in-memory file system: nothing is read from disk
    timezoneOffset: zone,
    locale: 'nl-NL',
    ...(escape ? { outputEscape: 'escape' } : {}),
    ...LIMITS,
  });
  for (const name of ['include', 'render', 'layout']) liquid.registerTag(name, NoFilesTag);
  return liquid;
}

const engines = new Map();

export function enginesFor(zone) {
  let pair = engines.get(zone);
  if (!pair) {
    pair = { plain: engine(zone, false), escaping: engine(zone, true) };
    engines.set(zone, pair);
  }
  return pair;
}

/** Parsed texts per engine, at most this many each: a campaign renders the same few texts for every participant. */
const PARSED_TEXTS = 500;
/** Longer texts are parsed for each render rather than kept. */
const MAX_KEPT_TEXT = 50_000;
const parsedTexts = new WeakMap();

/** Parses once, renders many times (the limits apply as with parseAndRender; `renderLimit` in ms). */
function renderWith(liquid, text, scope, renderLimit) {
  let known = parsedTexts.get(liquid);
  if (!known) parsedTexts.set(liquid, (known = new Map()));
  let templates = known.get(text);
  if (!templates) {
    templates = liquid.parse(text);
    if (text.length <= MAX_KEPT_TEXT) {
      if (known.size >= PARSED_TEXTS) known.delete(known.keys().next().value);
      known.set(text, templates);
    }
  }
  return liquid.renderSync(templates, scope, { renderLimit });
}

function limited(text) {
  if (text.length > MAX_OUTPUT_CHARS) throw new RangeError(`the rendered text is longer than ${MAX_OUTPUT_CHARS} characters`);
  return text;
}

function withFullName(context) {
  const person = context.person;
  if (!person || person.full_name) return context;
  const full = [person.first_name, person.last_name].filter((p) => typeof p === 'string' && p).join(' ');
  return { ...context, person: { ...person, full_name: full } };
}

/** Whether an error is liquidjs stopping a render at its time limit. */
export function isPastRenderLimit(error) {
  return /template render limit exceeded/i.test(String(error?.message ?? error));
}

/** A failed render as plain data: `field` is the part (subject or body), `problem` the reason. */
export class RenderFailure extends Error {
  constructor(field, problem, pastLimit, line, column) {
    super(`${field}: ${problem}`);
    this.field = field;
    this.problem = problem;
    this.pastLimit = pastLimit;
    if (line) {
      this.line = line;
      this.column = column;
    }
  }
}

function renderPart(field, render) {
  try {
    return limited(render());
  } catch (error) {
    const message = String(error?.message ?? error);
    const at = /, line:(\d+), col:(\d+)$/.exec(message);
    const position = error?.token?.getPosition?.() ?? (at ? [Number(at[1]), Number(at[2])] : undefined);
    throw new RenderFailure(field, message.replace(/, line:\d+, col:\d+$/, ''), isPastRenderLimit(error), position?.[0], position?.[1]);
  }
}

/** Renders subject and body; e-mail bodies escape every value as HTML, subjects and SMS texts do not. */
export function renderTemplateSync(source, context, { zone = DEFAULT_ZONE, renderLimit = LIMITS.renderLimit } = {}) {
  const { plain, escaping } = enginesFor(zone);
  const scope = withFullName(context);
  const bodyEngine = source.channel === 'email' ? escaping : plain;
  const subject = source.subject ? renderPart('subject', () => renderWith(plain, source.subject, scope, renderLimit)) : '';
  const body = renderPart('body', () => renderWith(bodyEngine, source.body, scope, renderLimit));
  return { subject: subject.replace(/\s+/g, ' ').trim(), body };
}

/** Renders one text (an SMS step's text, a subject) with the given escaping. */
export function renderTextSync(text, context, { zone = DEFAULT_ZONE, escapeHtml = false, renderLimit = LIMITS.renderLimit } = {}) {
  const { plain, escaping } = enginesFor(zone);
  return renderPart('body', () => renderWith(escapeHtml ? escaping : plain, text, withFullName(context), renderLimit));
}
