import { describe, expect, it } from '@jest/globals';
import { renderTemplate, samplePerson } from './template-engine.js';

// Templates are written by content editors: rendering one must never reach the process, its
// environment, files or the network, whatever the template says (issue #10).
const render = (body: string) => renderTemplate({ channel: 'sms', subject: null, body }, samplePerson()).body;

describe('template sandbox', () => {
  it('has no globals: no process, environment, require or constructors', () => {
    process.env.STROOM_SECRET_FOR_TEST = 'geheim';
    for (const body of [
      '{{ process.env.STROOM_SECRET_FOR_TEST }}',
      '{{ global.process }}{{ globalThis }}{{ require }}{{ module }}{{ this }}',
      '{{ person.constructor }}{{ person.constructor.constructor }}{{ person.__proto__ }}{{ person.first_name.constructor }}',
      '{{ person.interests.constructor.constructor }}{{ "x".constructor }}{{ person["constructor"]["constructor"] }}',
      '{% assign f = person.constructor.constructor %}{{ f }}',
    ]) {
      expect(render(body)).toBe('');
    }
  });

  it('reads no files: include, render and layout are refused even when a stored template was never validated', () => {
    for (const body of ["{% include '/etc/passwd' %}", "{% render '../../package.json' %}", "{% layout '/etc/hostname' %}"]) {
      expect(() => render(body)).toThrow(/file|include|render|layout|not/i);
    }
  });

  it('has no filter that reaches out: unknown filters are errors, not lookups', () => {
    expect(() => render('{{ "https://example.com" | fetch }}')).toThrow(/filter/i);
    expect(() => render('{{ "ls" | exec }}')).toThrow(/filter/i);
  });

  it('cannot pollute prototypes of the service', () => {
    render('{% assign __proto__ = "x" %}{% assign constructor = "y" %}{{ __proto__ }}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.toString.call({})).toBe('[object Object]');
    expect(render('{{ person.first_name }}')).toBe('Anna');
  });

  it('stops loops and output bombs instead of hanging the service', () => {
    const started = Date.now();
    expect(() => render('{% for i in (1..1000000000) %}{% for j in (1..1000000000) %}x{% endfor %}{% endfor %}')).toThrow();
    expect(() => render('{% assign s = "x" %}{% for i in (1..64) %}{% assign s = s | append: s %}{% endfor %}{{ s }}')).toThrow();
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
