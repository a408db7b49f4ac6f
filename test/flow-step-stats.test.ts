// GET /api/flows/:id/step-stats: per step, who stands on it, who passed it and what its e-mails did,
// as the flow page's diagram shows them.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { flowHelpers, tokensIn } from './support/flow-helpers.js';
import { useTestApp } from './support/lifecycle.js';
import { SmtpSink } from './support/smtp-sink.js';

const smtp = new SmtpSink();
beforeAll(async () => {
  await smtp.start();
});
afterAll(async () => smtp.stop());
const context = useTestApp({ CLOCK: 'manual', get SMTP_URL() { return smtp.url; } } as Record<string, string>);
const { call, advance, mailsTo, person, runningFlow, enrol, hit } = flowHelpers(context, smtp);

beforeAll(async () => {
  expect((await call('POST', '/api/templates', { key: 'welkom', name: 'Welkom', channel: 'email', subject: 'Welkom', body: '<p>Hallo <a href="https://example.nl/aanbod">aanbod</a></p>' })).status).toBe(201);
});

describe('flow step figures', () => {
  it('counts participants on each step now, those that passed it, and unique opens and clicks of its e-mails', async () => {
    const flowId = await runningFlow('Stappen tellen', '  trigger manual\n  send email "welkom"\n  wait 2 days\n  complete\n');
    const people = await Promise.all(['a', 'b', 'c'].map((name) => person({ firstName: name, email: `${name}@stappen.example` })));
    await enrol(flowId, people);
    await advance('PT0S');
    expect(mailsTo('a@stappen.example')).toHaveLength(1);

    // a clicks twice (one unique click, which also proves an open); b only opens.
    const [link] = tokensIn(mailsTo('a@stappen.example')[0]!, 'l');
    expect((await hit('GET', `/l/${link}`)).status).toBe(302);
    expect((await hit('GET', `/l/${link}`)).status).toBe(302);
    const [pixel] = tokensIn(mailsTo('b@stappen.example')[0]!, 'o');
    expect((await hit('GET', `/o/${pixel}`)).status).toBe(200);

    const waiting = await call('GET', `/api/flows/${flowId}/step-stats`);
    expect(waiting.status).toBe(200);
    const byStep = (items: { stepId: string }[]) => Object.fromEntries(items.map(({ stepId, ...rest }) => [stepId, rest]));
    expect(byStep(waiting.body.items)).toEqual({
      s1: { now: 0, passed: 3, sent: 3, opened: 2, clicked: 1 },
      s2: { now: 3, passed: 0, sent: 0, opened: 0, clicked: 0 },
    });

    await advance('P2D');
    const done = byStep((await call('GET', `/api/flows/${flowId}/step-stats`)).body.items);
    expect(done['s2']).toMatchObject({ now: 0, passed: 3 });
    expect(done['s3']).toMatchObject({ now: 0, passed: 3 });
  });

  it('is 404 for a flow that does not exist', async () => {
    expect((await call('GET', '/api/flows/999999/step-stats')).status).toBe(404);
  });
});
