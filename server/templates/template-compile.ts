import { BadInputError } from '../common/errors.js';
import { compileMjml } from './mjml-compiler.js';
import type { TemplateDiagnostic, TemplateFormat } from './template.entity.js';

export interface CompilableTemplate {
  channel: 'email' | 'sms';
  format: TemplateFormat;
  body: string;
}

/** The 400 for MJML that does not compile: each problem with its line, under `details.diagnostics`. */
export function mjmlInvalid(errors: TemplateDiagnostic[]): BadInputError {
  const problems = errors.map((e) => (e.line ? `line ${e.line}: ${e.message}` : e.message)).join('; ');
  return new BadInputError(`body: the MJML does not compile: ${problems}`, { field: 'body', diagnostics: errors }, { code: 'template.mjml_invalid', params: { problems } });
}

/**
 * What a template stores beside its source: for MJML the HTML it compiles to (Liquid still in it)
 * and the compiler's warnings; nothing for HTML bodies, which are sent as written.
 */
export async function compiledTemplate(template: CompilableTemplate): Promise<{ html: string | null; warnings: TemplateDiagnostic[] | null }> {
  if (template.format !== 'mjml' || template.channel !== 'email') return { html: null, warnings: null };
  const compiled = await compileMjml(template.body);
  if (!compiled.html) throw mjmlInvalid(compiled.errors);
  return { html: compiled.html, warnings: compiled.warnings };
}
