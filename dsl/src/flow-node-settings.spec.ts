import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { forEachStep, type Flow, type Step } from './ast.js';
import { nodeSettingsOf } from './flow-node-settings.js';
import { parse } from './parse.js';
import { steps } from './testing/ast-arbitraries.js';
import { fixtures } from './testing/test-support.js';

const SEED = 20_261_202;

/** The definition `nodeSettingsOf` writes out per kind: the step as data, minus what is not a setting. */
function genericSettings(step: Step): unknown {
  if (step.kind === 'split') return { name: step.name };
  return plain(step, true);
}

const NEVER = new Set(['loc', 'locs', 'comments', 'endComments']);
const NOT_AT_TOP = new Set(['kind', 'id']);

function plain(value: unknown, top = false): unknown {
  if (Array.isArray(value)) return value.map((item) => plain(item));
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined || NEVER.has(key) || (top && NOT_AT_TOP.has(key))) continue;
    copy[key] = plain(item);
  }
  return copy;
}

describe('node settings', () => {
  it('hold every part of every step in the fixtures, without positions, comments or absent parts', () => {
    let seen = 0;
    for (const { source } of fixtures()) {
      for (const declaration of parse(source).ast.declarations) {
        if (declaration.kind !== 'flow') continue;
        forEachStep((declaration as Flow).steps, (step) => {
          seen++;
          expect(nodeSettingsOf(step)).toStrictEqual(genericSettings(step));
        });
      }
    }
    expect(seen).toBeGreaterThan(20);
  });

  it(`equal the generic copy for generated steps of every kind (seed ${SEED})`, () => {
    fc.assert(fc.property(steps, (generated) => {
      forEachStep(generated, (step) => expect(nodeSettingsOf(step)).toStrictEqual(genericSettings(step)));
    }), { seed: SEED, numRuns: 500 });
  });

  it('share nothing with the tree they come from', () => {
    const flow = parse('flow "F" {\n  send email template "a" to person\n  wait 2 days\n}\n').ast.declarations[0] as Flow;
    const [send, wait] = flow.steps;
    const settings = nodeSettingsOf(wait!) as { duration: { amount: number } };
    settings.duration.amount = 9;
    expect(wait).toMatchObject({ duration: { amount: 2 } });
    expect(nodeSettingsOf(send!)['attachments']).not.toBe((send as { attachments: string[] }).attachments);
  });
});
