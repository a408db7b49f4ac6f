import type { EntityManager } from '@mikro-orm/core';
import { BadInputError } from '../common/errors.js';
import { fieldIssue } from '../common/validation.js';
import { renderOffLoop } from './off-loop-render.js';
import { Template } from './template.entity.js';
import { samplePerson, TemplateRenderError, type TemplateSource, validateTemplate } from './template-engine.js';

/**
 * Renders a template once on the sample person (within the render cap, off the main thread when
 * slow). A template that cannot render there (past the time or size cap, an error in its Liquid)
 * would leave every message of it unsendable, so saving it is refused: a 400
 * `template.render_failed` at the part, with the line where liquidjs stopped when it tells.
 */
export async function assertRendersOnSample(template: TemplateSource, label?: string): Promise<void> {
  // A text that does not parse is refused by the validation with its own problems.
  if (validateTemplate(template).some((problem) => problem.code === 'template.syntax')) return;
  try {
    await renderOffLoop(template, samplePerson());
  } catch (error) {
    if (!(error instanceof TemplateRenderError)) throw error;
    const field = label ? `${label}.${error.field}` : error.field;
    const issue = { ...fieldIssue(field, 'template.render_failed', { field, problem: error.problem }), ...(error.line ? { line: error.line, column: error.column } : {}) };
    throw new BadInputError(`${field}: ${error.problem}${error.line ? ` (line ${error.line})` : ''}`, { field, issues: [issue] }, { code: 'template.render_failed', params: issue.params });
  }
}

/** The templates a rule sends, each rendered once on the sample person (a 400 naming the template). */
export async function assertTemplatesRenderOnSample(em: EntityManager, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  for (const template of await em.find(Template, { key: { $in: [...keys] } }, { orderBy: { key: 'asc' } })) {
    await assertRendersOnSample(template, `template "${template.key}"`);
  }
}
