import { BadInputError } from '../common/errors.js';
import { defineResource } from '../records/resource.js';
import { compiledTemplate } from './template-compile.js';
import { type TemplateProblem, validateTemplate } from './template-engine.js';
import { assertRendersOnSample } from './sample-render.js';
import { Template, type TemplateFormat } from './template.entity.js';
import { TEMPLATE_DIAGNOSTIC_REF } from './templates-openapi.js';

/**
 * Templates are refused at save when their Liquid does not parse, names an unknown variable or
 * filter, an e-mail lacks a subject, or MJML does not compile (a 400 with each problem at its line).
 * Content editors create and edit, never delete.
 */
export const templates = defineResource({
  name: 'template',
  audit: { subject: 'template', nameField: 'key' },
  plural: 'templates',
  path: 'templates',
  entity: Template,
  fields: {
    key: { kind: 'string', required: true, max: 100, search: true },
    name: { kind: 'string', required: true, search: true },
    channel: { kind: 'enum', values: ['email', 'sms'], required: true },
    format: { kind: 'enum', values: ['html', 'mjml'], default: 'html' },
    subject: { kind: 'text', search: true },
    body: { kind: 'text', required: true },
  },
  derived: {
    fields: ['html', 'warnings'],
    derive: (json) => compiledTemplate({ channel: json.channel as 'email' | 'sms', format: json.format as TemplateFormat, body: json.body as string }),
    schemas: {
      html: { type: 'string', nullable: true, description: 'The HTML an MJML e-mail compiles to (null for other templates)' },
      warnings: { type: 'array', nullable: true, items: TEMPLATE_DIAGNOSTIC_REF, description: 'What MJML warned of when compiling' },
    },
  },
  unique: [{ fields: ['key'] }],
  writeRoles: ['flow_admin', 'content_editor'],
  deleteRoles: ['flow_admin'],
  put: true,
  referencedAs: [{ field: 'key', kind: 'template' }],
  precheck: (json) => assertRendersOnSample({ channel: json.channel as 'email' | 'sms', subject: json.subject as string | null, body: json.body as string }),
  validate: (json) => {
    if (typeof json.key === 'string' && !/^[a-z0-9][a-z0-9._-]*$/i.test(json.key)) {
      throw new BadInputError('key: use letters, digits, dots, dashes and underscores only', { field: 'key' }, { code: 'template.key_format' });
    }
    if (json.channel === 'sms' && json.format === 'mjml') {
      throw new BadInputError('format: an SMS text is plain text, not MJML', { field: 'format' }, { code: 'template.sms_mjml' });
    }
    const problems = validateTemplate({ channel: json.channel as 'email' | 'sms', subject: json.subject as string | null, body: json.body as string });
    if (problems.length > 0) {
      const first = problems[0]!;
      throw new BadInputError(problems.map((p: TemplateProblem) => `${p.field}: ${p.message}`).join('; '), { field: first.field, problems, issues: problems }, { code: 'template.invalid' });
    }
  },
});
