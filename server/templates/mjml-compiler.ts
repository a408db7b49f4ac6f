import type { TemplateDiagnostic } from './template.entity.js';

/** Gmail cuts off an e-mail whose HTML is larger than this (the "[Message clipped]" link). */
export const GMAIL_CLIP_BYTES = 102 * 1024;

export interface CompiledMjml {
  /** The HTML to render Liquid into at send time; undefined when the MJML has errors. */
  html?: string;
  errors: TemplateDiagnostic[];
  warnings: TemplateDiagnostic[];
}

interface MjmlError {
  line?: number;
  message: string;
  tagName?: string;
}

/** The line (1-based) at a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** What compiles but a reader of the e-mail would miss: an image without alternative text, a message Gmail clips. */
function warningsOf(mjml: string, html: string): TemplateDiagnostic[] {
  const warnings: TemplateDiagnostic[] = [];
  for (const image of mjml.matchAll(/<mj-image\b[^>]*>/g)) {
    if (!/\balt\s*=\s*"[^"]+"/.test(image[0])) warnings.push({ line: lineAt(mjml, image.index), tagName: 'mj-image', message: 'the image has no alternative text (alt) for readers that do not load images' });
  }
  const bytes = Buffer.byteLength(html);
  if (bytes > GMAIL_CLIP_BYTES) warnings.push({ line: null, message: `the e-mail is ${Math.round(bytes / 1024)} KB; Gmail cuts off e-mails over 102 KB` });
  return warnings;
}

/**
 * Compiles MJML (with Liquid in it) to responsive HTML. Every problem the MJML validator finds is
 * an error at its line; `mj-include` is ignored, so a template never reads the server's files.
 */
export async function compileMjml(mjml: string): Promise<CompiledMjml> {
  // Loaded at the first compile: the package and its HTML tools hold about 100 MB, which a service
  // that never saves a designed e-mail (most of its life) does not need to keep.
  const { default: mjml2html } = await import('mjml');
  let result: { html: string; errors: MjmlError[] };
  try {
    result = await mjml2html(mjml, { validationLevel: 'soft', ignoreIncludes: true, keepComments: false, minify: false, beautify: false } as never);
  } catch (error) {
    return { errors: [{ line: 1, message: (error as Error).message || String(error) }], warnings: [] };
  }
  const errors = result.errors.map((e) => ({ line: e.line ?? null, message: e.message, ...(e.tagName ? { tagName: e.tagName } : {}) }));
  if (errors.length > 0) return { errors, warnings: [] };
  return { html: result.html, errors: [], warnings: warningsOf(mjml, result.html) };
}
