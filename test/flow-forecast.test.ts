import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { flowHelpers } from './support/flow-helpers.js';
import { useTestApp } from './support/lifecycle.js';
import { SmtpSink } from './support/smtp-sink.js';

const smtp = new SmtpSink();
beforeAll(async () => {
  await smtp.start();
});
afterAll(async () => smtp.stop());
const context = useTestApp({ CLOCK: 'manual', get SMTP_URL() { return smtp.url; } } as Record<string, string>);
const { call, advance, person, runningFlow } = flowHelpers(context, smtp);

type StepFigures = { stepId: string; now: number; passed: number; sent: number };

describe('a forecast for a selection (POST /api/flows/:id/simulate {selectionId, days})', () => {
  let flowId: string;
  let selectionId: string;

  beforeAll(async () => {
    for (const key of ['fc-welkom', 'fc-a', 'fc-b', 'fc-utrecht']) {
      expect((await call('POST', '/api/templates', { key, name: key, channel: 'email', subject: key, body: `<p>${key}</p>` })).status).toBe(201);
    }
    flowId = await runningFlow('Voorspelling', `  trigger manual
  filter person.category = "Lead"

  welkom: send email "fc-welkom"
  wait 2 days
  plaats: split "Plaats" {
    branch "Utrecht" when person.last_name = "Utrecht" {
      utrecht: send email "fc-utrecht"
    }
  }
  proef: split random "Proef" {
    branch "A" 45% {
      a: send email "fc-a"
    }
    branch "B" 45% {
      b: send email "fc-b"
    }
    holdout 10%
  }
  wait 20 days
  klaar: complete
`);
    selectionId = (await call('POST', '/api/selections', { name: 'Voorspelling' })).body.id;
    const ids: string[] = [];
    for (let i = 0; i < 120; i++) {
      ids.push(await person({
        firstName: `V${i}`, email: i % 10 === 9 ? null : `v${i}@example.nl`, category: i % 6 === 5 ? 'Klant' : 'Lead', lastName: i % 3 === 0 ? 'Utrecht' : 'Delft',
      }));
    }
    expect((await call('POST', `/api/selections/${selectionId}/members`, { personIds: ids })).status).toBeLessThan(300);
  });

  it('answers per step and per day, and matches what the engine then does with the same people', async () => {
    const res = await call('POST', `/api/flows/${flowId}/simulate`, { selectionId, days: 30 });
    expect(res.status).toBe(200);
    const forecast = res.body;
    expect(forecast).toMatchObject({ persons: 120, days: 30, admitted: 100, refused: { filter: 20 } });
    expect(forecast.perDay).toHaveLength(30);
    expect(Object.keys(forecast.perDay[0])).toEqual(['date', 'arrivals', 'messages', 'finished']);
    const [proef] = forecast.splits;
    expect(proef.stepId).toBe('proef');
    expect(proef.branches.map((b: { name: string; planned: number }) => [b.name, b.planned])).toEqual([['A', 0.45], ['B', 0.45], ['holdout', 0.1]]);
    expect(proef.branches.reduce((n: number, b: { participants: number }) => n + b.participants, 0)).toBe(forecast.perStep.proef);
    // Nothing was stored or sent.
    expect((await call('GET', `/api/flows/${flowId}/participants?limit=1000`)).body.total).toBe(0);

    // The real engine, the same people, the same 30 days.
    expect((await call('POST', `/api/flows/${flowId}/participants`, { selectionId })).status).toBe(200);
    for (let day = 0; day < 30; day++) await advance('P1D');
    const figures = (await call('GET', `/api/flows/${flowId}/step-stats`)).body.items as StepFigures[];
    const reached = Object.fromEntries(figures.map((f) => [f.stepId, f.now + f.passed]));
    for (const [stepId, n] of Object.entries(forecast.perStep)) expect([stepId, reached[stepId] ?? 0]).toEqual([stepId, n]);
    const sent = figures.reduce((n, f) => n + f.sent, 0);
    const messages = forecast.perDay.reduce((n: number, d: { messages: number }) => n + d.messages, 0);
    expect(sent).toBe(messages);
    const participants = (await call('GET', `/api/flows/${flowId}/participants?limit=1000`)).body.items as { status: string }[];
    const finished = participants.filter((p) => p.status !== 'active').length;
    expect(forecast.outcomes.success + forecast.outcomes.completed + forecast.outcomes.dropout).toBe(finished);
  }, 120_000);

  it('says which field is wrong', async () => {
    const unknown = await call('POST', `/api/flows/${flowId}/simulate`, { selectionId: '99999999' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain('selectionId');
    expect((await call('POST', `/api/flows/${flowId}/simulate`, { selectionId, days: 0 })).status).toBe(400);
    const opens = await call('POST', `/api/flows/${flowId}/simulate`, { selectionId, opens: 101 });
    expect(opens.status).toBe(400);
    expect(opens.body.message).toContain('opens');
  });
});
