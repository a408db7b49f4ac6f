import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { useTestApp } from './support/lifecycle.js';
import { SmtpSink } from './support/smtp-sink.js';
import { startTestApp } from './support/test-app.js';

const smtp = new SmtpSink();
beforeAll(async () => {
  await smtp.start();
});
afterAll(async () => smtp.stop());
const context = useTestApp({ CLOCK: 'manual', get SMTP_URL() { return smtp.url; } } as Record<string, string>);

const call = (method: string, path: string, body?: unknown) => context.app.call(method, path, body);
const advance = async (by: string) => expect((await call('POST', '/api/clock/advance', { by })).status).toBe(200);
const sentTo = (address: string) => smtp.received.filter((m) => m.to.includes(address.toLowerCase()));
const nowIs = async () => new Date((await call('GET', '/api/clock')).body.now);

let owner: { id: string; email: string };
let responsible: { id: string };
let anna: { id: string };

beforeAll(async () => {
  owner = (await call('POST', '/api/employees', { name: 'Olaf Eigenaar', email: 'olaf@stroom.test' })).body;
  responsible = (await call('POST', '/api/employees', { name: 'Rita Verantwoordelijk', email: 'rita@stroom.test' })).body;
  anna = (await call('POST', '/api/persons', { firstName: 'Anna', lastName: 'Jong', email: 'anna@example.nl' })).body;
  for (const [key, subject] of [['offerte-aangevraagd', 'Uw offerte, {{ person.first_name }}'], ['taak-nieuw', 'Nieuwe taak {{ task.title }}'], ['taak-verlopen', 'Verlopen: {{ task.title }}'], ['taak-klaar', 'Bedankt {{ person.first_name }}'], ['kans', 'Kans {{ opportunity.status }}']]) {
    expect((await call('POST', '/api/templates', { key, name: key, channel: 'email', subject, body: '<p>{{ person.full_name }}</p>' })).status).toBe(201);
  }
});

async function workflow(source: string) {
  const res = await call('POST', '/api/workflows', { source });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body;
}

describe('workflows as DSL', () => {
  it('refuses a source with errors, naming the position, and keeps versions', async () => {
    const bad = await call('POST', '/api/workflows', { source: 'workflow "Fout" {\n  on quote_request.status changed to "Bestaat niet"\n  send email "offerte-aangevraagd" to person\n}' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^source: 2:\d+: /);
    expect(bad.body.details.diagnostics[0]).toMatchObject({ line: 2, severity: 'error' });

    const made = await workflow('workflow "Versies" inactive {\n  on person created\n  send email "taak-klaar" to person\n}');
    expect(made).toMatchObject({ name: 'Versies', active: false, version: 1 });
    const updated = await call('PUT', `/api/workflows/${made.id}`, { source: 'workflow "Versies" inactive {\n  on person created\n  send email "taak-klaar" to our_contact\n}' });
    expect(updated.body.version).toBe(2);
    const versions = await call('GET', `/api/workflows/${made.id}/versions`);
    expect(versions.body.items.map((v: { version: number; author: string }) => [v.version, v.author])).toEqual([[2, 'api-token'], [1, 'api-token']]);
    expect((await call('POST', '/api/workflows', { source: 'workflow "Versies" {\n  on person created\n  send email "taak-klaar" to person\n}' })).status).toBe(409);
    expect((await call('DELETE', `/api/workflows/${made.id}`)).status).toBe(204);
  });
});

describe('seed 004 scenarios', () => {
  it('quote-request status: after 3 days, reminders every 7 days at most 2 times, exactly once each', async () => {
    await workflow('workflow "Offerte aangevraagd" {\n  on quote_request.status changed to "Offertezoek - Offerte aangevraagd"\n  when quote_request.kind = "Offertezoek"\n  after 3 days send email "offerte-aangevraagd" to person\n  remind every 7 days at most 2 times\n}');
    const qr = (await call('POST', '/api/quote-requests', { kind: 'Offertezoek', status: 'Offertezoek - Offerte nog niet aangevraagd', personId: anna.id, ownerId: owner.id })).body;
    await advance('PT0S');
    await call('PATCH', `/api/quote-requests/${qr.id}`, { status: 'Offertezoek - Offerte aangevraagd' });
    await advance('P2D');
    expect(sentTo('anna@example.nl')).toHaveLength(0);
    await advance('P1D');
    expect(sentTo('anna@example.nl').map((m) => m.subject)).toEqual(['Uw offerte, Anna']);
    await advance('P7D');
    expect(sentTo('anna@example.nl')).toHaveLength(2);
    await advance('P7D');
    expect(sentTo('anna@example.nl')).toHaveLength(3);
    await advance('P30D');
    expect(sentTo('anna@example.nl')).toHaveLength(3);
    const messages = await call('GET', `/api/messages?to=anna@example.nl`);
    expect(messages.body.items.map((m: { key: string }) => m.key.replace(/ev:\d+/, 'ev:E')).sort()).toEqual([
      expect.stringMatching(/^wf:\d+:ev:E:a0:r0$/), expect.stringMatching(/^wf:\d+:ev:E:a0:r1$/), expect.stringMatching(/^wf:\d+:ev:E:a0:r2$/),
    ]);
  });

  it('leaving the status cancels what is pending; re-entering starts again', async () => {
    const bram = (await call('POST', '/api/persons', { firstName: 'Bram', email: 'bram@example.nl' })).body;
    const qr = (await call('POST', '/api/quote-requests', { kind: 'Offertezoek', status: 'Offertezoek - Offerte aangevraagd', personId: bram.id })).body;
    await advance('P1D');
    const wf = (await call('GET', '/api/workflows?q=Offerte aangevraagd')).body.items[0];
    const explained = await call('POST', `/api/workflows/${wf.id}/explain`, { entity: 'quote_request', id: qr.id });
    expect(explained.body).toMatchObject({ matches: true, pending: [expect.objectContaining({ action: 0, reminder: 0 })] });
    expect(explained.body.conditions).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'quote_request.kind', value: 'Offertezoek', holds: true })]));
    await call('PATCH', `/api/quote-requests/${qr.id}`, { status: 'Offertezoek - Uitgevoerd' });
    await advance('P10D');
    expect(sentTo('bram@example.nl')).toHaveLength(0);
    expect((await call('POST', `/api/workflows/${wf.id}/explain`, { entity: 'quote_request', id: qr.id })).body).toMatchObject({ matches: false, pending: [] });
    await call('PATCH', `/api/quote-requests/${qr.id}`, { status: 'Offertezoek - Offerte aangevraagd' });
    await advance('P3D');
    expect(sentTo('bram@example.nl')).toHaveLength(1);
  });

  it('new task: e-mails the responsible at once; the expired task once; moving the due time reschedules', async () => {
    await workflow('workflow "Taak Bellen: nieuw" {\n  on task created\n  when task.type = "Bellen"\n  send email "taak-nieuw" to responsible\n}');
    await workflow('workflow "Taak Bellen: verlopen" {\n  on task expired\n  when task.type = "Bellen"\n  send email "taak-verlopen" to responsible\n}');
    const now = await nowIs();
    const task = (await call('POST', '/api/tasks', { type: 'Bellen', title: 'Bel Anna', responsibleId: responsible.id, contactId: anna.id, dueAt: new Date(now.getTime() + 86_400_000).toISOString() })).body;
    await advance('PT0S');
    expect(sentTo('rita@stroom.test').map((m) => m.subject)).toEqual(['Nieuwe taak Bel Anna']);
    await advance('PT12H');
    await call('PATCH', `/api/tasks/${task.id}`, { dueAt: new Date(now.getTime() + 3 * 86_400_000).toISOString() });
    await advance('P1D');
    expect(sentTo('rita@stroom.test')).toHaveLength(1);
    await advance('P2D');
    expect(sentTo('rita@stroom.test').map((m) => m.subject)).toEqual(['Nieuwe taak Bel Anna', 'Verlopen: Bel Anna']);
    await call('PATCH', `/api/tasks/${task.id}`, { title: 'Bel Anna nu' });
    await advance('P5D');
    expect(sentTo('rita@stroom.test')).toHaveLength(2);
  });

  it('completing a task cancels its expiry; completed + N days mails the contact, unless reopened', async () => {
    await workflow('workflow "Taak Bellen: afgehandeld" {\n  on task completed\n  when task.type = "Bellen"\n  after 2 days send email "taak-klaar" to contact\n}');
    const cees = (await call('POST', '/api/persons', { firstName: 'Cees', email: 'cees@example.nl' })).body;
    const now = await nowIs();
    const task = (await call('POST', '/api/tasks', { type: 'Bellen', title: 'Bel Cees', responsibleId: responsible.id, contactId: cees.id, dueAt: new Date(now.getTime() + 86_400_000).toISOString() })).body;
    await advance('PT1H');
    await call('PATCH', `/api/tasks/${task.id}`, { completedAt: new Date(now.getTime() + 3_600_000).toISOString() });
    await advance('P3D');
    expect(sentTo('cees@example.nl').map((m) => m.subject)).toEqual(['Bedankt Cees']);
    expect(sentTo('rita@stroom.test').filter((m) => m.subject === 'Verlopen: Bel Cees')).toHaveLength(0);

    const other = (await call('POST', '/api/tasks', { type: 'Bellen', title: 'Bel Cees weer', contactId: cees.id })).body;
    await call('PATCH', `/api/tasks/${other.id}`, { completedAt: (await nowIs()).toISOString() });
    await advance('P1D');
    await call('PATCH', `/api/tasks/${other.id}`, { completedAt: null });
    await advance('P5D');
    expect(sentTo('cees@example.nl')).toHaveLength(1);
  });

  it('opportunity and intake statuses; several workflows on one event; inactive ones do nothing; a missing address fails the message', async () => {
    await workflow('workflow "Kans: Gewonnen" {\n  on opportunity.status changed to "Gewonnen"\n  after 1 days send email "kans" to owner\n}');
    await workflow('workflow "Kans: Gewonnen (persoon)" {\n  on opportunity.status changed to "Gewonnen"\n  send email "kans" to person\n}');
    await workflow('workflow "Kans: Gewonnen (uit)" inactive {\n  on opportunity.status changed to "Gewonnen"\n  send email "kans" to "uit@example.nl"\n}');
    await workflow('workflow "Intake: Aangemeld" {\n  on intake_measure.status changed to "Aangemeld"\n  after 2 days send email "taak-klaar" to our_contact\n}');
    const nobody = (await call('POST', '/api/persons', { firstName: 'Zonder' })).body;
    await call('POST', '/api/opportunities', { status: 'Gewonnen', personId: anna.id, ownerId: owner.id });
    await call('POST', '/api/intake-measures', { status: 'Aangemeld', personId: nobody.id });
    await advance('PT0S');
    expect(sentTo('anna@example.nl').filter((m) => m.subject === 'Kans Gewonnen')).toHaveLength(1);
    await advance('P2D');
    expect(sentTo('olaf@stroom.test').map((m) => m.subject)).toEqual(['Kans Gewonnen']);
    expect(sentTo('uit@example.nl')).toHaveLength(0);
    const failed = await call('GET', '/api/messages?status=failed');
    expect(failed.body.items.some((m: { error: string; key: string }) => m.error === 'no e-mail address')).toBe(true);
  });

  it('keeps the local time across the DST change', async () => {
    await workflow('workflow "DST" {\n  on opportunity.status changed to "Offerte verstuurd"\n  after 1 days send email "kans" to "dst@example.nl"\n}');
    const now = await nowIs();
    const year = now.getUTCFullYear() + 1;
    const lastSundayOfMarch = 31 - new Date(Date.UTC(year, 2, 31)).getUTCDay();
    const target = new Date(Date.UTC(year, 2, lastSundayOfMarch - 1, 8, 0)); // 09:00 in Amsterdam, the day before spring forward
    await call('POST', '/api/clock/advance', { to: target.toISOString() });
    await call('POST', '/api/opportunities', { status: 'Offerte verstuurd' });
    await advance('PT0S');
    await advance('P2D');
    const message = (await call('GET', '/api/messages?to=dst@example.nl')).body.items[0];
    const localHour = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', hour12: false }).format(new Date(message.sentAt));
    expect(localHour).toBe('09');
    expect(new Date(message.sentAt).getTime() - target.getTime()).toBe(23 * 3_600_000);
  });

  it('sends exactly once across a restart between decision and due time, and with two instances on one burst', async () => {
    await workflow('workflow "Burst" {\n  on opportunity.status changed to "In behandeling"\n  after 1 days send email "kans" to person\n}');
    const people = [];
    for (let i = 0; i < 30; i++) people.push((await call('POST', '/api/persons', { firstName: `Burst${i}`, email: `burst${i}@example.nl` })).body);
    const second = await startTestApp({ DATABASE_URL: context.db.url, CLOCK: 'manual', SMTP_URL: smtp.url });
    try {
      await Promise.all(people.map((p, i) => (i % 2 ? second : context.app).call('POST', '/api/opportunities', { status: 'In behandeling', personId: p.id })));
      await Promise.all([context.app.call('POST', '/api/clock/advance', { by: 'PT0S' }), second.call('POST', '/api/clock/advance', { by: 'PT0S' })]);
    } finally {
      await second.close();
    }
    // A fresh instance takes over before anything is due.
    const third = await startTestApp({ DATABASE_URL: context.db.url, CLOCK: 'manual', SMTP_URL: smtp.url });
    try {
      await Promise.all([third.call('POST', '/api/clock/advance', { by: 'P1D' }), context.app.call('POST', '/api/clock/advance', { by: 'P1D' })]);
      await advance('P1D');
    } finally {
      await third.close();
    }
    for (let i = 0; i < 30; i++) expect(sentTo(`burst${i}@example.nl`)).toHaveLength(1);
  });
});
