import { describe, expect, it } from '@jest/globals';
import { compileFlow, parse, type Flow as FlowAst } from '@stroom/dsl';
import fc from 'fast-check';
import { appCalendar } from '../../scheduling/calendar.js';
import { FlowForecaster, type Forecast } from './forecast.js';
import { FlowWalker } from './walk.js';

/**
 * Properties of the forecast over generated flows, people and assumed behaviour: every member who
 * enters ends in exactly one way or is still in the flow; arrivals per step and per day agree;
 * no step sends more messages than arrivals at it; the same input gives the same forecast. And of
 * one participant's walk under any assumed behaviour: one step at a time, forward in time, and no
 * message twice.
 */

const calendar = appCalendar({ appTimezone: 'Europe/Amsterdam', holidays: [] });
const START = new Date('2026-03-02T08:00:00Z');

type Step = string;

/** Steps as DSL lines (labels unique through a counter), nested splits up to `depth`. */
function stepsArbitrary(depth: number): fc.Arbitrary<(next: () => number) => Step[]> {
  const email = fc.constant((n: () => number) => [`e${n()}: send email "t"`]);
  const wait = fc.integer({ min: 1, max: 40 }).map((days) => () => [`wait ${days} days`]);
  const workdays = fc.integer({ min: 1, max: 10 }).map((days) => () => [`wait ${days} workdays`]);
  const waitForClick = fc.tuple(fc.integer({ min: 1, max: 10 }), fc.boolean()).map(([days, leave]) => (n: () => number) => {
    const label = `c${n()}`;
    return [`${label}: send email "t"`, `wait for link clicked in ${label} at most ${days} days else ${leave ? 'leave' : 'continue'}`];
  });
  const update = fc.constantFrom('Klant', 'Lead').map((value) => () => ['update person {', `  set category = "${value}"`, '}']);
  const leaf = fc.oneof(email, wait, workdays, waitForClick, update);
  const one: fc.Arbitrary<(n: () => number) => Step[]> = depth <= 0 ? leaf : fc.oneof(
    { weight: 4, arbitrary: leaf },
    { weight: 1, arbitrary: fc.tuple(stepsArbitrary(depth - 1), stepsArbitrary(depth - 1), fc.boolean()).map(([a, b, leave]) => (n: () => number) => [
      `s${n()}: split "Soort" {`, '  branch "Klant" when person.category = "Klant" {', ...a(n).map((l) => `    ${l}`), '  }',
      '  branch "Klikker" when participant.clicked = true {', ...b(n).map((l) => `    ${l}`), '  }', leave ? '  others leave' : '  others continue', '}',
    ]) },
    { weight: 1, arbitrary: fc.tuple(stepsArbitrary(depth - 1), stepsArbitrary(depth - 1), fc.integer({ min: 0, max: 30 })).map(([a, b, holdout]) => (n: () => number) => {
      const half = Math.floor((100 - holdout) / 2);
      return [
        `r${n()}: split random "Proef" {`, `  branch "A" ${half}% {`, ...a(n).map((l) => `    ${l}`), '  }',
        `  branch "B" ${100 - holdout - half}% {`, ...b(n).map((l) => `    ${l}`), '  }', ...(holdout ? [`  holdout ${holdout}%`] : []), '}',
      ];
    }) },
  );
  return fc.array(one, { minLength: 1, maxLength: 5 }).map((parts) => (n: () => number) => parts.flatMap((part) => part(n)));
}

const flowArbitrary = stepsArbitrary(2).map((steps) => {
  let counter = 0;
  const lines = steps(() => ++counter);
  return `flow "Eigenschap" {\n  trigger manual\n  success when link clicked then continue\n\n${lines.map((l) => `  ${l}`).join('\n')}\n}\n`;
});

const peopleArbitrary = fc.array(fc.record({ category: fc.constantFrom('Klant', 'Lead', 'Prospect'), email: fc.boolean() }), { minLength: 1, maxLength: 40 });

async function forecast(source: string, people: { category: string; email: boolean }[], opens: number, clicks: number, days: number): Promise<Forecast> {
  const { ast, diagnostics } = parse(source);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const forecaster = new FlowForecaster({
    flowId: '42', graph: compileFlow(ast.declarations[0] as FlowAst), start: START, days, calendar,
    opening: () => undefined, refusal: () => undefined, webhookStatus: 200, behaviour: { opens, clicks },
  });
  for (const [i, p] of people.entries()) {
    await forecaster.add({ id: String(i + 1), facts: { person: { id: String(i + 1), category: p.category, email: p.email ? `p${i}@example.nl` : null } } });
  }
  return forecaster.result();
}

describe('forecast properties', () => {
  it('accounts for every member once, agrees per step and per day, and repeats', async () => {
    await fc.assert(
      fc.asyncProperty(flowArbitrary, peopleArbitrary, fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 120 }),
        async (source, people, opens, clicks, days) => {
          const result = await forecast(source, people, opens, clicks, days);
          const { success, completed, dropout, active } = result.outcomes;
          expect(result.admitted).toBe(people.length);
          expect(success + completed + dropout + active).toBe(result.admitted);
          const sum = (what: 'arrivals' | 'messages' | 'finished') => result.perDay.reduce((n, day) => n + day[what], 0);
          expect(sum('arrivals')).toBe(Object.values(result.perStep).reduce((n, v) => n + v, 0));
          expect(sum('finished')).toBe(success + completed + dropout);
          const sendArrivals = Object.entries(result.perStep).filter(([id]) => /^[ec]\d+$/.test(id)).reduce((n, [, v]) => n + v, 0);
          expect(sum('messages')).toBeLessThanOrEqual(sendArrivals);
          for (const split of result.splits) {
            expect(split.branches.reduce((n, b) => n + b.participants, 0)).toBe(result.perStep[split.stepId] ?? 0);
            expect(split.branches.reduce((n, b) => n + b.planned, 0)).toBeCloseTo(1, 6);
          }
          expect(await forecast(source, people, opens, clicks, days)).toEqual(result);
        }),
      { numRuns: 150 },
    );
  });

  it('walks a participant through one step at a time, never back in time, and sends no message twice', async () => {
    await fc.assert(
      fc.asyncProperty(flowArbitrary, fc.constantFrom('Klant', 'Lead', 'Prospect'), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 400 }),
        async (source, category, opens, clicks, person) => {
          const walker = new FlowWalker({
            flowId: '42', graph: compileFlow(parse(source).ast.declarations[0] as FlowAst), calendar,
            opening: () => undefined, webhookStatus: 200, behaviour: { opens, clicks },
          });
          const arrivals: { step: string; at: number }[] = [];
          const messages: string[] = [];
          const result = await walker.walk(String(person), { person: { id: String(person), category, email: 'p@example.nl' } }, START, new Date(START.getTime() + 120 * 86_400_000), {
            arrive: (node, at) => {
              arrivals.push({ step: node.id, at: at.getTime() });
            },
            message: (node) => {
              messages.push(node.id);
              return true;
            },
          });
          // One path: each step entered once, in time order (a participant is never in two steps).
          for (let i = 1; i < arrivals.length; i++) expect(arrivals[i]!.at).toBeGreaterThanOrEqual(arrivals[i - 1]!.at);
          expect(new Set(arrivals.map((a) => a.step)).size).toBe(arrivals.length);
          expect(new Set(messages).size).toBe(messages.length);
          for (const step of messages) expect(arrivals.some((a) => a.step === step)).toBe(true);
          expect(['success', 'completed', 'dropout', 'active']).toContain(result.kind);
        }),
      { numRuns: 200 },
    );
  });
});
