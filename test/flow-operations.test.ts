import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { flowHelpers } from './support/flow-helpers.js';
import { useTestApp } from './support/lifecycle.js';
import { SmtpSink } from './support/smtp-sink.js';

const smtp = new SmtpSink();
beforeAll(async () => {
  await smtp.start();
});
afterAll(async () => smtp.stop());
const context = useTestApp({ CLOCK: 'manual', get SMTP_URL() { return smtp.url; } } as Record<string, string>);
const { call, advance, mailsTo, person, runningFlow, enrol, participant } = flowHelpers(context, smtp);
const advanceTo = async (to: DateTime) => expect((await call('POST', '/api/clock/advance', { to: to.toUTC().toISO() })).status).toBe(200);
const clock = async () => DateTime.fromISO((await call('GET', '/api/clock')).body.now, { zone: 'Europe/Amsterdam' });

beforeAll(async () => {
  expect((await call('POST', '/api/templates', { key: 'nieuws', name: 'Nieuws', channel: 'email', subject: 'Nieuws voor {{ person.first_name }}', body: '<p>Nieuws</p>' })).status).toBe(201);
  expect((await call('POST', '/api/companies', { name: 'Bakkerij Jansen' })).status).toBe(201);
});

describe('send window', () => {
  it('holds a send due outside the window until its next opening on a workday, in the flow\'s time zone', async () => {
    // Saturday 10:00 in Amsterdam: the next opening of "workdays 08:00-20:00" is Monday 08:00.
    const now = await clock();
    const saturday = now.plus({ days: ((6 - now.weekday + 7) % 7) || 7 }).set({ hour: 10, minute: 0, second: 0, millisecond: 0 });
    await advanceTo(saturday);
    const flowId = await runningFlow('Venster', '  send_window workdays 08:00-20:00\n  timezone "Europe/Amsterdam"\n  trigger manual\n  send email "nieuws"\n');
    const anna = await person({ firstName: 'Anna', email: 'anna@example.nl' });
    await enrol(flowId, [anna]);
    await advance('PT0S');
    expect(mailsTo('anna@example.nl')).toHaveLength(0);
    const monday = saturday.plus({ days: 2 }).set({ hour: 8 });
    const holiday = ['12-25', '12-26', '01-01'].includes(monday.toFormat('MM-dd'));
    const opening = holiday ? monday.plus({ days: 1 }) : monday;
    await advanceTo(opening.minus({ minutes: 1 }));
    expect(mailsTo('anna@example.nl')).toHaveLength(0);
    expect(await participant(flowId, anna)).toMatchObject({ status: 'active', stepId: 's1' });
    await advanceTo(opening);
    expect(mailsTo('anna@example.nl')).toHaveLength(1);
    expect(await participant(flowId, anna)).toMatchObject({ status: 'completed' });
  });
});

describe('run script', () => {
  it('moves on at once, applies the returned field updates later, and notes failures on the participant', async () => {
    const flowId = await runningFlow('Script', '  trigger manual\n  run script """return { category: person.first_name.toUpperCase() + "-" + flow.name }""" timeout 500 ms\n  run script """while (true) {}""" timeout 100 ms\n  run script """return { no_such_field: 1 }"""\n  wait 1 days\n');
    const bob = await person({ firstName: 'Bob', email: 'bob@example.nl' });
    await enrol(flowId, [bob]);
    await advance('PT0S');
    expect(await participant(flowId, bob)).toMatchObject({ status: 'active', stepId: 's4' });
    expect((await call('GET', `/api/persons/${bob}`)).body.category).toBe('BOB-Script');
    const [row] = (await call('GET', `/api/flows/${flowId}/participants`)).body.items;
    expect(row.notes.map((n: { stepId: string; message: string }) => [n.stepId, n.message])).toEqual([
      ['s2', 'script failed: stopped after 100 ms'],
      ['s3', expect.stringMatching(/^script's field updates refused: .*noSuchField/)],
    ]);
  });
});

describe('read side', () => {
  it('lists participants with e-mail, company, place and last message; the flow list counts participants per status', async () => {
    const companyId = (await call('GET', '/api/companies?q=Bakkerij')).body.items[0].id;
    const flowId = await runningFlow('Lijst', '  trigger manual\n  send email "nieuws"\n  wait 3 days\n');
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push(await person({ firstName: `L${i}`, lastName: 'Jansen', email: `l${i}@example.nl`, companyId }));
    await enrol(flowId, ids);
    await advance('PT0S');
    const page = (await call('GET', `/api/flows/${flowId}/participants?limit=2&offset=1&status=active&stepId=s2`)).body;
    expect(page.total).toBe(3);
    expect(page.items).toHaveLength(2);
    expect(page.items[0]).toMatchObject({
      personId: ids[1], email: 'l1@example.nl', name: 'L1 Jansen', company: 'Bakkerij Jansen', status: 'active', stepId: 's2',
      lastMessage: { channel: 'email', subject: 'Nieuws voor L1', status: 'sent', at: expect.any(String) },
    });
    expect(page.items[0].waitUntil).toEqual(expect.any(String));
    const list = (await call('GET', '/api/flows?q=Lijst')).body.items;
    expect(list[0]).toMatchObject({ name: 'Lijst', status: 'running', participants: { active: 3 } });
    expect((await call('GET', `/api/flows/${flowId}/participants?status=bogus`)).status).toBe(400);
  });
});

describe('editing a paused flow', () => {
  it('previews the participants on changed and removed steps, and moves them to a target step or completes them', async () => {
    const flowId = await runningFlow('Bewerken', '  trigger manual\n  send email "nieuws"\n  wachten: wait 3 days\n  send email "nieuws" subject "Eerste"\n  rust: wait 5 days\n  send email "nieuws" subject "Slot"\n');
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push(await person({ firstName: `E${i}`, email: `e${i}@example.nl` }));
    await enrol(flowId, ids.slice(0, 2));
    await advance('PT0S');
    await enrol(flowId, ids.slice(2));
    await advance('PT0S');
    expect((await call('POST', `/api/flows/${flowId}/pause`)).body.status).toBe('paused');
    const source: string = (await call('GET', `/api/flows/${flowId}`)).body.source;
    const edited = source.replace('  wachten: wait 3 days\n', '').replace('subject "Eerste"', 'subject "Eerste!"').replace('  rust: wait 5 days\n', '  rust: wait 6 days\n  wait 1 days\n');
    const preview = await call('POST', `/api/flows/${flowId}/preview-edit`, { source: edited });
    expect(preview.status).toBe(200);
    expect(preview.body.removed).toEqual([{ stepId: 'wachten', kind: 'wait', participants: 3 }]);
    expect(preview.body.changed).toEqual([{ stepId: 's2', kind: 'send_email', participants: 0 }, { stepId: 'rust', kind: 'wait', participants: 0 }]);
    expect(preview.body.added).toEqual(['s4']);
    expect(preview.body.source).toContain('s4: wait 1 day');
    expect((await call('PUT', `/api/flows/${flowId}`, { source: edited, moves: { wachten: 'nope' } })).status).toBe(400);
    expect((await call('PUT', `/api/flows/${flowId}`, { source: edited, moves: { s2: 'rust' } })).status).toBe(400);
    expect((await call('PUT', `/api/flows/${flowId}`, { source: edited, moves: { wachten: 's2' } })).status).toBe(200);
    expect((await call('GET', `/api/flows/${flowId}/stats`)).body.bySteps).toEqual({ s2: 3 });
    expect((await call('POST', `/api/flows/${flowId}/start`)).body.status).toBe('running');
    await advance('PT0S');
    expect(mailsTo('e0@example.nl').map((m) => m.subject)).toEqual(['Nieuws voor E0', 'Eerste!']);

    // Removing the occupied step again without a target completes those participants.
    expect((await call('POST', `/api/flows/${flowId}/pause`)).body.status).toBe('paused');
    const current: string = (await call('GET', `/api/flows/${flowId}`)).body.source;
    expect((await call('PUT', `/api/flows/${flowId}`, { source: current.replace(/ {2}rust: wait 6 days\n/, '') })).status).toBe(200);
    expect(await participant(flowId, ids[0]!)).toMatchObject({ status: 'completed', reason: 'step rust removed' });
  });
});

describe('simulation', () => {
  const counts = async () => {
    const rows = await context.db.query(`select (select count(*) from "participant") as p, (select count(*) from "message") as m, (select count(*) from "job") as j,
      (select count(*) from "change_event") as e, (select count(*) from "person") as pe, (select count(*) from "sale") as s, (select count(*) from "tracking_token") as t`);
    return rows[0];
  };

  it('walks a person through the flow on a virtual clock with nothing stored or sent', async () => {
    const flowId = (await call('POST', '/api/flows', { source: `flow "Simulatie" {\n  sender "Loket <info@loket.example>"\n  reply_to "info@loket.example"\n  trigger manual\n  mail: send email "nieuws"\n  wait 2 days\n  wait for link clicked in mail at most 3 days else continue\n  split "Type" {\n    branch "Klant" when person.category = "Klant" {\n      create sale "Upsell" type "Standaard" stage open\n    }\n    others continue\n  }\n  update person {\n    set category = "Gesimuleerd"\n  }\n  wait 60 days\n  send email "nieuws"\n}\n` })).body.id;
    const zoe = await person({ firstName: 'Zoë', email: 'zoe@example.nl', category: 'Klant' });
    await advance('PT0S');
    const sentBefore = smtp.received.length;
    const before = await counts();
    const res = await call('POST', `/api/flows/${flowId}/simulate`, { personId: zoe, days: 30 });
    expect(res.status).toBe(200);
    expect(res.body.admitted).toBe(true);
    expect(res.body.steps.map((s: { stepId: string; kind: string }) => s.kind)).toEqual(['send_email', 'wait', 'wait_for', 'split', 'create_sale', 'update_person', 'wait']);
    const at = res.body.steps.map((s: { at: string }) => new Date(s.at).getTime());
    expect((at[2] - at[0]) / 86_400_000).toBe(2);
    expect((at[3] - at[2]) / 86_400_000).toBe(3);
    expect(res.body.messages).toEqual([expect.objectContaining({ channel: 'email', to: 'zoe@example.nl', subject: 'Nieuws voor Zoë' })]);
    expect(res.body.changes.map((c: { entity: string; kind: string }) => `${c.entity}.${c.kind}`)).toEqual(['sale.created', 'person.updated']);
    await advance('PT1S');
    expect(await counts()).toEqual(before);
    expect(smtp.received.length).toBe(sentBefore);
    expect((await call('GET', `/api/persons/${zoe}`)).body.category).toBe('Klant');

    const virtual = await call('POST', `/api/flows/${flowId}/simulate`, { person: { firstName: 'Nieuw', email: 'nieuw@example.nl' }, days: 100 });
    expect(virtual.body.steps.map((s: { kind: string }) => s.kind)).toEqual(['send_email', 'wait', 'wait_for', 'split', 'update_person', 'wait', 'send_email']);
    expect(virtual.body.messages).toHaveLength(2);
    expect(await counts()).toEqual(before);

    // The flow's real participants (here one whose first step is due) take no part in a simulation.
    expect((await call('POST', `/api/flows/${flowId}/start`)).status).toBe(200);
    const real = await person({ firstName: 'Echt', email: 'echt@example.nl', category: 'Klant' });
    expect((await call('POST', `/api/flows/${flowId}/participants`, { personIds: [real] })).body.enrolled).toBe(1);
    const beside = await call('POST', `/api/flows/${flowId}/simulate`, { personId: zoe, days: 30 });
    expect(beside.body.steps.map((s: { kind: string }) => s.kind)).toEqual(['send_email', 'wait', 'wait_for', 'split', 'create_sale', 'update_person', 'wait']);
    expect(beside.body.changes.map((c: { entity: string; kind: string }) => `${c.entity}.${c.kind}`)).toEqual(['sale.created', 'person.updated']);
    expect((await call('POST', `/api/flows/${flowId}/simulate`, { personId: '99999999' })).status).toBe(400);
    expect((await call('POST', `/api/flows/${flowId}/simulate`, { person: { email: 'geen' } })).status).toBe(400);
  });

  it('holds a marketing e-mail back as the contact policy would, on the person\'s own history, and applies what a script returns', async () => {
    expect((await call('PUT', '/api/contact-policy', { source: 'policy {\n  email at most 1 per 7 days\n}\n' })).status).toBe(200);
    try {
      const flowId = (await call('POST', '/api/flows', { source: `flow "Beleid simulatie" {\n  sender "Loket <info@loket.example>"\n  trigger manual\n  eerste: send email "nieuws"\n  tweede: send email "nieuws"\n  code: run script """return { category: 'Gescript' };"""\n}\n` })).body.id;
      const bo = await person({ firstName: 'Bo', email: 'bo@example.nl', category: 'Lead' });
      await advance('PT0S'); // the earlier tests' real participants settle first
      const before = await counts();
      const res = (await call('POST', `/api/flows/${flowId}/simulate`, { personId: bo, days: 30 })).body;
      expect(res.steps.map((s: { stepId: string }) => s.stepId)).toEqual(['eerste', 'tweede', 'code']);
      const at = res.steps.map((s: { at: string }) => new Date(s.at).getTime());
      // The second e-mail waits a week for the policy; the script runs after it.
      expect((at[2] - at[0]) / 86_400_000).toBe(7);
      expect(res.messages).toHaveLength(2);
      expect(res.changes).toEqual([{ entity: 'person', entityId: bo, kind: 'updated', changes: { category: { from: 'Lead', to: 'Gescript' } }, data: null }]);
      // A made-up person is validated as a create would be, walks the same way and is never stored.
      const madeUp = (await call('POST', `/api/flows/${flowId}/simulate`, { person: { firstName: 'Nieuw', email: 'nieuw2@example.nl' }, days: 3 })).body;
      expect(madeUp.steps.map((s: { stepId: string }) => s.stepId)).toEqual(['eerste', 'tweede']);
      expect(madeUp.messages.map((m: { to: string }) => m.to)).toEqual(['nieuw2@example.nl']);
      // A script's updates the person's rules refuse change nothing, as in a real run.
      const refusing = (await call('POST', '/api/flows', { source: `flow "Weigert simulatie" {\n  trigger manual\n  code: run script """return { email: 'geen adres' };"""\n}\n` })).body.id;
      expect((await call('POST', `/api/flows/${refusing}/simulate`, { personId: bo, days: 1 })).body.changes).toEqual([]);
      expect(await counts()).toEqual(before);
    } finally {
      await call('PUT', '/api/contact-policy', { source: 'policy {\n}\n' });
    }
  });
});
