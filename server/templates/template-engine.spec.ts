import { describe, expect, it } from '@jest/globals';
import { renderTemplate, samplePerson, TemplateRenderError, templateRoots, validateTemplate, variablesOf } from './template-engine.js';

const email = (body: string, subject = 'Hallo') => ({ channel: 'email' as const, subject, body });

describe('validateTemplate', () => {
  it('accepts the merge variables with filters and tags', () => {
    expect(validateTemplate(email('{{ person.first_name | upcase }} {{ person.full_name }} {{ company.name }} {{ our_contact.email }} {{ task.due_at | date: "%d-%m-%Y" }} {{ person.extra.huisnummer }} {{ unsubscribe_url }}'))).toEqual([]);
    expect(validateTemplate(email('{% assign naam = person.first_name %}{{ naam }}{% for i in person.interests %}{{ i }} {{ forloop.index }}{% endfor %}'))).toEqual([]);
  });

  it('accepts the properties Liquid gives strings and arrays', () => {
    expect(validateTemplate(email('{{ person.first_name.size }} {{ person.interests.first }} {{ task.title.last }}'))).toEqual([]);
    expect(validateTemplate(email('{{ person.shoe_size.size }}'))).toEqual([{ field: 'body', code: 'template.unknown_variable', params: { variable: 'person.shoe_size.size' }, message: 'unknown variable "person.shoe_size.size"' }]);
  });

  it('names an unknown variable', () => {
    expect(validateTemplate(email('{{ person.shoe_size }}'))).toEqual([{ field: 'body', code: 'template.unknown_variable', params: { variable: 'person.shoe_size' }, message: 'unknown variable "person.shoe_size"' }]);
    expect(validateTemplate(email('x', 'Hoi {{ klant.naam }}'))).toEqual([{ field: 'subject', code: 'template.unknown_variable', params: { variable: 'klant.naam' }, message: 'unknown variable "klant.naam"' }]);
  });

  it('names an unknown filter and a syntax error with its position', () => {
    expect(validateTemplate(email('{{ person.first_name | shout }}'))[0]).toMatchObject({ field: 'body', message: 'undefined filter: shout' });
    expect(validateTemplate(email('a\n{% if person.first_name %}'))[0]).toMatchObject({ field: 'body', line: 2, column: 1 });
  });

  it('refuses include and render, and needs a subject for e-mail only', () => {
    expect(validateTemplate(email('{% include "x" %}'))[0]).toMatchObject({ field: 'body', message: 'include is not available in templates', line: 1, column: 1 });
    expect(validateTemplate(email('a\n{% liquid\n  echo 1\n  render "x" %}'))[0]).toMatchObject({ message: 'render is not available in templates', line: 4 });
    expect(validateTemplate(email('{%- layout "x" -%}'))[0]!.message).toBe('layout is not available in templates');
    expect(validateTemplate(email('x', ''))).toEqual([{ field: 'subject', code: 'template.subject_required', params: {}, message: 'an e-mail template needs a subject' }]);
    expect(validateTemplate({ channel: 'sms', body: 'Hoi {{ person.first_name }}' })).toEqual([]);
  });
});

describe('renderTemplate', () => {
  const context = { person: { first_name: '<script>x</script>', last_name: 'Jong' }, company: { name: 'Zon & Co' } };

  it('escapes values in e-mail bodies but not in subjects or SMS', () => {
    const out = renderTemplate(email('<p>{{ person.full_name }} - {{ company.name }}</p>', 'Hoi {{ person.first_name }}'), context);
    expect(out.body).toBe('<p>&lt;script&gt;x&lt;/script&gt; Jong - Zon &amp; Co</p>');
    expect(out.subject).toBe('Hoi <script>x</script>');
    expect(renderTemplate({ channel: 'sms', body: '{{ company.name }}' }, context).body).toBe('Zon & Co');
  });

  it('renders one text many times, each with its own values and limits (the parse is reused)', () => {
    const template = email('<p>{{ person.first_name }}</p>{% for i in (1..n) %}x{% endfor %}', 'Voor {{ person.first_name }}');
    expect(renderTemplate(template, { person: { first_name: 'Anna' }, n: 2 })).toEqual({ subject: 'Voor Anna', body: '<p>Anna</p>xx' });
    expect(renderTemplate(template, { person: { first_name: 'Bo' }, n: 3 })).toEqual({ subject: 'Voor Bo', body: '<p>Bo</p>xxx' });
    expect(() => renderTemplate(template, { person: {}, n: 100_000_000 })).toThrow();
  });

  it('renders missing values as empty', () => {
    expect(renderTemplate(email('[{{ task.title }}]'), context).body).toBe('[]');
  });

  it('stops runaway templates', () => {
    expect(() => renderTemplate(email('{% for i in (1..100000000) %}{{ i }}{% endfor %}'), context)).toThrow();
    expect(() => renderTemplate(email('{% assign s = "xxxxxxxxxx" %}{% for i in (1..30) %}{% assign s = s | append: s %}{% endfor %}'), context)).toThrow(/memory/);
  });

  it('caps the output at a megabyte', () => {
    const loop = (n: number) => email(`{% for i in (1..${n}) %}${'x'.repeat(100)}{% endfor %}`);
    expect(renderTemplate(loop(10_000), context).body).toHaveLength(1_000_000);
    expect(() => renderTemplate(loop(10_001), context)).toThrow(TemplateRenderError);
  });

  it('shows dates in the given zone, in Dutch', () => {
    const due = { task: { due_at: '2026-03-29T07:00:00.000Z' } };
    const format = email('{{ task.due_at | date: "%A %-d %B %H:%M" }}');
    expect(renderTemplate(format, due).body).toBe('zondag 29 maart 09:00');
    expect(renderTemplate(format, due, { zone: 'America/New_York' }).body).toBe('zondag 29 maart 03:00');
  });

  it('renders the sample person', () => {
    expect(renderTemplate(email('{{ person.full_name }}'), samplePerson()).body).toBe('Anna de Vries');
  });
});

describe('variables and roots', () => {
  it('lists variables and the records a template needs', () => {
    expect(variablesOf('{{ person.first_name }} {{ task.title }} {{ person.interests[0] }}')).toEqual(['person.first_name', 'person.interests', 'task.title']);
    expect(templateRoots(email('{{ task.title }}', '{{ person.first_name }}')).sort()).toEqual(['person', 'task']);
  });
});
