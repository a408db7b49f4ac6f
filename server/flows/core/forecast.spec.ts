import { describe, expect, it } from '@jest/globals';
import { compileFlow, parse, type Flow as FlowAst, type FlowNode } from '@stroom/dsl';
import { appCalendar } from '../../scheduling/calendar.js';
import { FlowForecaster, type ForecastSetup } from './forecast.js';

const calendar = appCalendar({ appTimezone: 'Europe/Amsterdam', holidays: [] });
const MONDAY_9 = new Date('2026-03-02T08:00:00Z');

function forecaster(source: string, options: Partial<ForecastSetup> = {}): FlowForecaster {
  const { ast, diagnostics } = parse(source);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const graph = compileFlow(ast.declarations[0] as FlowAst);
  return new FlowForecaster({
    flowId: '7', graph, start: MONDAY_9, days: 30, calendar,
    opening: () => undefined, refusal: () => undefined, webhookStatus: 200, ...options,
  });
}

function person(id: string, fields: Record<string, unknown> = {}) {
  return { id, facts: { person: { id, email: `p${id}@example.nl`, mobile: null, ...fields } } };
}

describe('flow forecast (pure core)', () => {
  it('counts arrivals per step and per day, messages when they go out, and endings', async () => {
    const f = forecaster(`flow "Welkom" {
      welkom: send email "Welkom"
      wait 3 days
      tips: send email "Tips"
    }`);
    for (let i = 1; i <= 10; i++) await f.add(person(String(i)));
    await f.add(person('11', { email: null }));
    const result = f.result();
    expect(result).toMatchObject({ persons: 11, admitted: 11, refused: {} });
    expect(result.perStep).toMatchObject({ welkom: 11, tips: 10 });
    expect(result.perDay[0]).toEqual({ date: '2026-03-02', arrivals: 21, messages: 10, finished: 1 });
    expect(result.perDay[3]).toEqual({ date: '2026-03-05', arrivals: 10, messages: 10, finished: 10 });
    expect(result.outcomes).toEqual({ success: 0, completed: 10, dropout: 1, active: 0 });
    expect(result.perDay).toHaveLength(30);
  });

  it('keeps people who are still waiting at the end of the period as active', async () => {
    const f = forecaster(`flow "Lang" {
      send email "Welkom"
      wait 60 days
      send email "Na twee maanden"
    }`);
    await f.add(person('1'));
    const result = f.result();
    expect(result.outcomes).toEqual({ success: 0, completed: 0, dropout: 0, active: 1 });
    expect(result.perDay.reduce((n, day) => n + day.messages, 0)).toBe(1);
  });

  it('takes the condition branch on the facts and refuses by the filter and the given verdicts', async () => {
    const f = forecaster(`flow "Segment" {
      filter person.city = "Utrecht" or person.city = "Delft"

      split "Stad" {
        branch "Utrecht" when person.city = "Utrecht" {
          utrecht: send email "Utrecht"
        }
        others {
          elders: send email "Elders"
        }
      }
    }`, { refusal: (id) => (id === '4' ? 'already_participating' : undefined) });
    await f.add(person('1', { city: 'Utrecht' }));
    await f.add(person('2', { city: 'Delft' }));
    await f.add(person('3', { city: 'Zwolle' }));
    await f.add(person('4', { city: 'Utrecht' }));
    const result = f.result();
    expect(result.refused).toEqual({ filter: 1, already_participating: 1 });
    expect(result.perStep).toMatchObject({ utrecht: 1, elders: 1 });
  });

  it('splits at random by the stable hash, close to the shares, and a holdout completes at once', async () => {
    const f = forecaster(`flow "Test" {
      split random "Onderwerp" {
        branch "A" 45% {
          a: send email "A"
        }
        branch "B" 45% {
          b: send email "B"
        }
        holdout 10%
      }
    }`);
    for (let i = 1; i <= 2000; i++) await f.add(person(String(i)));
    const result = f.result();
    const [split] = result.splits;
    expect(split!.branches.map((b) => [b.name, b.planned])).toEqual([['A', 0.45], ['B', 0.45], ['holdout', 0.1]]);
    expect(split!.branches.reduce((n, b) => n + b.participants, 0)).toBe(2000);
    for (const branch of split!.branches) expect(Math.abs(branch.share - (branch.name === 'holdout' ? 0.1 : 0.45))).toBeLessThan(0.04);
    expect(result.perStep['a']).toBe(split!.branches[0]!.participants);
    expect(result.outcomes.completed).toBe(2000);
    // The same person always falls in the same branch.
    const again = forecaster(`flow "Test" {
      split random "Onderwerp" {
        branch "A" 45% {
          a: send email "A"
        }
        branch "B" 45% {
          b: send email "B"
        }
        holdout 10%
      }
    }`);
    for (let i = 1; i <= 2000; i++) await again.add(person(String(i)));
    expect(again.result().splits).toEqual(result.splits);
  });

  it('runs a wait for a click to its time-out (nobody is taken to click) and follows the time-out', async () => {
    const f = forecaster(`flow "Klik" {
      aanbod: send email "Aanbod"
      wait for link clicked in aanbod at most 2 days else leave
      bedankt: send email "Bedankt"
    }`);
    await f.add(person('1'));
    const result = f.result();
    expect(result.perStep['bedankt']).toBeUndefined();
    expect(result.outcomes.dropout).toBe(1);
    expect(result.perDay[2]!.finished).toBe(1);
  });

  it('takes the assumed share of opens and clicks, stable per person and e-mail: a wait for a click ends at once, a split on behaviour follows it', async () => {
    const source = `flow "Klikken" {
      success when link clicked then continue

      aanbod: send email "Aanbod"
      wait for link clicked in aanbod at most 3 days else continue
      reactie: split "Reactie" {
        branch "Klikkers" when participant.clicked = true {
          klikker: send email "Bedankt"
        }
        branch "Lezers" when participant.opened = true {
          lezer: send email "Nog eens"
        }
      }
    }`;
    const f = forecaster(source, { behaviour: { opens: 40, clicks: 10 } });
    for (let i = 1; i <= 3000; i++) await f.add(person(String(i)));
    const result = f.result();
    const clickers = result.perStep['klikker']!;
    const readers = result.perStep['lezer']!;
    expect(Math.abs(clickers / 3000 - 0.1)).toBeLessThan(0.02);
    // Opened but not clicked: 40% of the 90% who did not click.
    expect(Math.abs(readers / 3000 - 0.36)).toBeLessThan(0.03);
    // Success: a click in any e-mail of the flow (the clickers, and a tenth of the readers' second e-mail).
    expect(result.outcomes.success - clickers).toBeGreaterThan(readers * 0.05);
    expect(result.outcomes.success - clickers).toBeLessThan(readers * 0.15);
    // The clickers went on at once; the others waited the 3 days.
    expect(result.perDay[0]!.arrivals).toBe(3000 + 3000 + 2 * clickers);
    const again = forecaster(source, { behaviour: { opens: 40, clicks: 10 } });
    for (let i = 1; i <= 3000; i++) await again.add(person(String(i)));
    expect(again.result()).toEqual(result);
  });

  it('sends at the next opening of the send window', async () => {
    const opening = (node: FlowNode, at: Date) => (node.kind === 'send_email' ? new Date(at.getTime() + 2 * 86_400_000) : undefined);
    const f = forecaster(`flow "Venster" {
      send email "Welkom"
    }`, { opening });
    await f.add(person('1'));
    const result = f.result();
    expect(result.perDay[0]).toMatchObject({ arrivals: 1, messages: 0 });
    expect(result.perDay[2]).toMatchObject({ messages: 1, finished: 1 });
  });

  it('counts success when a step meets the success criterion', async () => {
    const f = forecaster(`flow "Verkoop" {
      success when sale created

      kans: create sale "Kans" type "Particulier" stage open
      na: send email "Na de kans"
    }`);
    await f.add(person('1'));
    expect(f.result().outcomes).toMatchObject({ success: 1 });
  });
});
