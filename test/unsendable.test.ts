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
const { call, advance, person, runningFlow, enrol, participant } = flowHelpers(context, smtp);

/** About a second of Liquid: past the render cap. */
const PAST_THE_CAP = '{% for a in (1..3000) %}{% for b in (1..3000) %}{% endfor %}{% endfor %}';

describe('a template that cannot render', () => {
  it('is refused at save: rendered once on the sample person within the cap, the failure a 400 at its part', async () => {
    const created = await call('POST', '/api/templates', { key: 'te-traag', name: 'Traag', channel: 'email', subject: 'Hoi', body: `<p>Hoi</p>\n${PAST_THE_CAP}` });
    expect(created).toMatchObject({ status: 400, body: { code: 'template.render_failed', details: { field: 'body', issues: [expect.objectContaining({ field: 'body', code: 'template.render_failed' })] } } });
    expect(created.body.message).toMatch(/render limit/);

    const fine = await call('POST', '/api/templates', { key: 'te-goed', name: 'Goed', channel: 'sms', body: 'Hoi {{ person.first_name }}' });
    expect(fine.status).toBe(201);
    const patched = await call('PATCH', `/api/templates/${fine.body.id}`, { body: `Hoi\n{{ "x" | append: 1 }}\n${PAST_THE_CAP}` });
    expect(patched).toMatchObject({ status: 400, body: { code: 'template.render_failed' } });
    expect((await call('GET', `/api/templates/${fine.body.id}`)).body.body).toBe('Hoi {{ person.first_name }}');
  }, 60_000);

  it('refuses a flow that sends a template which cannot render on the sample person, naming the template', async () => {
    // A template stored before templates were rendered at save (written behind the API's back).
    await context.db.query(`insert into "template" ("key", "name", "channel", "subject", "body", "created_at", "updated_at") values ('te-oud', 'Oud', 'email', 'Hoi', $1, now(), now())`, [PAST_THE_CAP]);
    const refused = await call('POST', '/api/flows', { source: `flow "Oud sjabloon" {\n  trigger manual\n  send email "te-oud"\n}\n` });
    expect(refused).toMatchObject({ status: 400, body: { code: 'template.render_failed', details: { field: 'template "te-oud".body' } } });
    expect((await call('GET', '/api/flows?name=Oud%20sjabloon')).body.total).toBe(0);
  }, 60_000);

  it('ends a participant it can never reach as dropout (failed delivery), with the reason on the participant and the message', async () => {
    // Fast on the sample person (so it saves), past the cap for a person of category "Traag".
    const body = `<p>Hoi {{ person.first_name }}</p>{% if person.category == "Traag" %}${PAST_THE_CAP}{% endif %}`;
    expect((await call('POST', '/api/templates', { key: 'te-soms-traag', name: 'Soms traag', channel: 'email', subject: 'Hoi', body })).status).toBe(201);
    const flowId = await runningFlow('Onbezorgbaar', '  trigger manual\n  send email "te-soms-traag"\n  wait 1 days\n');
    const slow = await person({ firstName: 'Trage', email: 'traag@example.nl', category: 'Traag' });
    const quick = await person({ firstName: 'Snelle', email: 'snel@example.nl', category: 'Klant' });
    await enrol(flowId, [slow, quick]);
    await advance('PT0S');

    expect(await participant(flowId, slow)).toMatchObject({ status: 'dropout', reason: 'failed delivery' });
    expect(await participant(flowId, quick)).toMatchObject({ status: 'active', stepId: 's2' });
    const rows = (await call('GET', `/api/flows/${flowId}/participants?limit=10`)).body.items as { personId: string; notes: { stepId: string; message: string }[] }[];
    expect(rows.find((p) => p.personId === slow)!.notes).toEqual([expect.objectContaining({ stepId: 's1', message: expect.stringMatching(/could not be rendered: body: .*render limit/) })]);
    const messages = (await call('GET', '/api/messages?to=traag@example.nl')).body.items;
    expect(messages).toEqual([expect.objectContaining({ status: 'failed', error: expect.stringMatching(/could not be rendered: body: .*render limit/) })]);
    // Nothing left to retry: no job of the participant is pending or failed.
    const jobs = await context.db.query(`select "kind", "status" from "job" where "payload"->>'participantId' is not null and "status" in ('pending', 'failed') and "payload"->>'participantId' in (select "id"::text from "participant" where "person_id" = $1)`, [slow]);
    expect(jobs).toEqual([]);
  }, 60_000);

  it('records a workflow\'s send that cannot render as failed with the reason, without retrying it', async () => {
    const body = `<p>Hoi {{ person.first_name }}</p>{% if person.category == "Traag" %}${PAST_THE_CAP}{% endif %}`;
    expect((await call('POST', '/api/templates', { key: 'te-wf-traag', name: 'Workflow soms traag', channel: 'email', subject: 'Hoi', body })).status).toBe(201);
    const workflow = await call('POST', '/api/workflows', { source: 'workflow "Welkom traag" {\n  on person created\n  send email "te-wf-traag" to person\n}\n' });
    expect(workflow.status).toBe(201);
    await person({ firstName: 'Trage', email: 'wf-traag@example.nl', category: 'Traag' });
    await person({ firstName: 'Snelle', email: 'wf-snel@example.nl', category: 'Klant' });
    await advance('PT0S');

    expect((await call('GET', '/api/messages?to=wf-traag@example.nl')).body.items).toEqual([
      expect.objectContaining({ status: 'failed', error: expect.stringMatching(/could not be rendered: body: .*render limit/) }),
    ]);
    expect((await call('GET', '/api/messages?to=wf-snel@example.nl')).body.items).toEqual([expect.objectContaining({ status: 'sent' })]);
    const stuck = await context.db.query(`select "kind", "status", "attempts" from "job" where "kind" = 'workflow.send' and "status" in ('pending', 'failed')`);
    expect(stuck).toEqual([]);
  }, 60_000);
});
