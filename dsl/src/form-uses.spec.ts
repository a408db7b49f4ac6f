import { describe, expect, it } from '@jest/globals';
import type { Flow } from './ast.js';
import { formUsesOf } from './form-uses.js';
import { parse } from './parse.js';

const flowOf = (source: string) => parse(source).ast.declarations[0] as Flow;

describe('formUsesOf', () => {
  it('names each form with its uses: trigger, wait (also inside a split), success', () => {
    const flow = flowOf(`flow "Leads" {
  trigger form "contact-me" submitted
  trigger manual
  success when form "offerte" submitted or sale created then stop

  split "Soort" {
    branch "Leads" when person.category = "Lead" {
      wait for form "offerte" submitted at most 14 days else leave
    }
  }
  wait for form "contact-me" submitted at most 3 days else continue
}`);
    expect(Object.fromEntries(formUsesOf(flow))).toEqual({ 'contact-me': ['trigger', 'wait'], offerte: ['wait', 'success'] });
  });

  it('is empty for a flow that names no form', () => {
    expect(formUsesOf(flowOf(`flow "Handmatig" {\n  trigger manual\n\n  wait 1 day\n}`)).size).toBe(0);
  });
});
