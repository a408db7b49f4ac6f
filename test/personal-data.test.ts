import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { flowHelpers, tokensIn } from './support/flow-helpers.js';
import { useTestApp } from './support/lifecycle.js';
import { SmtpSink } from './support/smtp-sink.js';

const smtp = new SmtpSink();
beforeAll(async () => {
  await smtp.start();
});
afterAll(async () => smtp.stop());
const context = useTestApp({ LOG_LEVEL: 'error', CLOCK: 'manual', get SMTP_URL() { return smtp.url; } } as Record<string, string>);
const { call, advance, mailsTo, person, runningFlow, enrol, participant, messages, hit } = flowHelpers(context, smtp);
const count = async (sql: string, params: unknown[] = []) => Number((await context.db.query(sql, params))[0].n);

beforeAll(async () => {
  const body = '<p>Hallo {{ person.first_name }}, <a href="https://loket.example/tips">tips</a> <a href="{{ unsubscribe_url }}">Afmelden</a></p>';
  for (const key of ['pd-welkom', 'pd-later']) expect((await call('POST', '/api/templates', { key, name: key, channel: 'email', subject: `${key} {{ person.first_name }}`, body })).status).toBe(201);
});

describe('personal data', () => {
  it('deleting a person removes its participations, messages (unsent ones are never sent), tracking tokens and change events', async () => {
    const flowId = await runningFlow('Privacy', '  trigger manual\n  send email "pd-welkom"\n  wait 2 days\n  send email "pd-later"\n');
    const eva = await person({ firstName: 'Eva', email: 'eva@privacy.example' });
    const jan = await person({ firstName: 'Jan', email: 'jan@privacy.example' });
    await enrol(flowId, [eva, jan]);
    await advance('PT0S');
    expect(mailsTo('eva@privacy.example')).toHaveLength(1);
    const [token] = tokensIn(mailsTo('eva@privacy.example')[0]!, 'l');
    expect((await hit('GET', `/l/${token}`)).status).toBe(302);
    // A message still in the outbox when the person goes (its first delivery failed): it must never leave.
    const now = await runningFlow('Privacy nu', '  trigger manual\n  send email "pd-later"\n');
    smtp.failNext = 1;
    await enrol(now, [eva]);
    await advance('PT0S');
    expect(await messages(`flow=${now}`)).toEqual([expect.objectContaining({ status: 'queued', to: 'eva@privacy.example' })]);
    expect(await count(`select count(*) as n from "job" where "kind" = 'message.deliver' and "status" = 'pending'`)).toBe(1);

    expect((await call('DELETE', `/api/persons/${eva}`)).status).toBeLessThan(300);
    expect(await count(`select count(*) as n from "participant" where "person_id" = $1`, [eva])).toBe(0);
    expect(await count(`select count(*) as n from "message" where "person_id" = $1`, [eva])).toBe(0);
    expect(await messages('to=eva@privacy.example')).toEqual([]);
    expect(await count(`select count(*) as n from "tracking_token" where "person_id" = $1`, [eva])).toBe(0);
    expect((await hit('GET', `/l/${token}`)).status).toBe(404);
    const events = await context.db.query(`select "kind", "changes" from "change_event" where "entity" = 'person' and "entity_id" = $1`, [eva]);
    expect(events).toEqual([{ kind: 'deleted', changes: {} }]);
    expect(await count(`select count(*) as n from "job" where "status" = 'pending' and "cancel_key" like $1`, [`flow:${flowId}:p:%`])).toBe(1);
    expect(await count(`select count(*) as n from "job" where "kind" = 'message.deliver' and "status" = 'pending'`)).toBe(0);

    // Jan is untouched and goes on; nothing more ever reaches Eva.
    await advance('P3D');
    expect(mailsTo('eva@privacy.example')).toHaveLength(1);
    expect(mailsTo('jan@privacy.example').map((m) => m.subject)).toEqual(['pd-welkom Jan', 'pd-later Jan']);
    expect(await participant(flowId, jan)).toMatchObject({ status: 'completed' });
    expect(await count(`select count(*) as n from "job" where "status" = 'failed'`)).toBe(0);
  });

  it('an unsubscribed person never gets a flow e-mail again: not from a flow it waits in, not by a new enrolment', async () => {
    const flowId = await runningFlow('Afgemeld', '  trigger manual\n  wait 1 days\n  send email "pd-welkom"\n');
    const later = await runningFlow('Later', '  trigger manual\n  send email "pd-later"\n');
    const piet = await person({ firstName: 'Piet', email: 'piet@privacy.example' });
    await enrol(flowId, [piet]);
    await advance('PT0S');
    expect((await call('PATCH', `/api/persons/${piet}`, { unsubscribed: true })).status).toBe(200);
    await advance('P2D');
    expect(await participant(flowId, piet)).toMatchObject({ status: 'dropout', reason: 'unsubscribed' });
    const again = await enrol(later, [piet]);
    expect(again.refused).toEqual([{ personId: piet, reason: 'unsubscribed' }]);
    await advance('P1D');
    expect(mailsTo('piet@privacy.example')).toEqual([]);
  });
});
