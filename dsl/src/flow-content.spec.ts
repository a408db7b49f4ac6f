import { describe, expect, it } from '@jest/globals';
import type { Flow } from './ast.js';
import { checkSource } from './checker.js';
import { InMemoryCatalog } from './catalog.js';
import { contentOf, copyFlowProgram } from './flow-content.js';
import { parse } from './parse.js';
import { print } from './printer.js';
import { lines } from './testing/test-support.js';

const source = lines(
  'flow "Welkom" {',
  '  trigger form "contact" submitted',
  '  success when form "offerte" submitted',
  '',
  '  # de eerste mail',
  '  welkom: send email "welkom" attach "brochure.pdf"',
  '  wait for link clicked in welkom at most 7 days',
  '  send sms template "herinnering"',
  '  notify email to our_contact template "melding"',
  '  wait for form "enquete" submitted',
  '  send email "welkom"',
  '}',
  '',
);

describe('flow content', () => {
  it('lists the templates, forms and files a flow uses, each once', () => {
    expect(contentOf(parse(source).ast.declarations[0] as Flow)).toEqual({
      templates: [{ key: 'welkom', channel: 'email' }, { key: 'herinnering', channel: 'sms' }, { key: 'melding', channel: 'email' }],
      forms: ['contact', 'offerte', 'enquete'],
      files: ['brochure.pdf'],
    });
  });

  it('copies with a new name and new step ids; a step reference follows its step; comments stay', () => {
    const copy = print(copyFlowProgram(parse(source).ast, 'Welkom (kopie)'));
    expect(copy).toContain('flow "Welkom (kopie)" {');
    expect(copy).toContain('  # de eerste mail\n  s1: send email "welkom" attach "brochure.pdf"');
    expect(copy).toContain('  s2: wait for link clicked in s1 at most 7 days');
    expect(copy).not.toContain('welkom:');
  });

  it('makes content still to be written a warning when saving a flow, an error when starting it', () => {
    const catalog = new InMemoryCatalog({});
    const codes = (mode: 'save' | 'start') => checkSource(source, { catalog, mode }).diagnostics
      .filter((d) => d.code === 'unknown-template' || d.code === 'unknown-form').map((d) => d.severity);
    expect(new Set(codes('save'))).toEqual(new Set(['warning']));
    expect(new Set(codes('start'))).toEqual(new Set(['error']));
  });
});
