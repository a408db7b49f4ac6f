import { BadInputError } from '../common/errors.js';
import { defineResource } from '../records/resource.js';
import { type TemplateProblem, validateTemplate } from './template-engine.js';
import { Template } from './template.entity.js';

/**
 * Templates are refused at save when their Liquid does not parse, names an unknown variable or
 * filter, or an e-mail lacks a subject . Content editors create and edit, never delete.
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
    subject: { kind: 'text' },
    body: { kind: 'text', required: true },
  },
  unique: [{ fields: ['key'] }],
  writeRoles: ['flow_admin', 'content_editor'],
  deleteRoles: ['flow_admin'],
  put: true,
  referencedAs: [{ field: 'key', kind: 'template' }],
  validate: (json) => {
    if (typeof json.key === 'string' && !/^[a-z0-9][a-z0-9._-]*$/i.test(json.key)) {
      throw new BadInputError('key: use letters, digits, dots, dashes and underscores only', { field: 'key' }, { code: 'template.key_format' });
    }
    const problems = validateTemplate({ channel: json.channel as 'email' | 'sms', subject: json.subject as string | null, body: json.body as string });
    if (problems.length > 0) {
      const first = problems[0]!;
      throw new BadInputError(problems.map((p: TemplateProblem) => `${p.field}: ${p.message}`).join('; '), { field: first.field, problems, issues: problems }, { code: 'template.invalid' });
    }
  },
});
