import { beforeAll, describe, expect, it } from '@jest/globals';
import { ENROL_BATCH } from '../server/flows/enrolment.js';
import { useTestApp } from './support/lifecycle.js';

const context = useTestApp();
const call = (method: string, path: string, body?: unknown) => context.app.call(method, path, body);

beforeAll(async () => {
  await call('POST', '/api/templates', { key: 'welkom', name: 'Welkom', channel: 'email', subject: 'Welkom {{ person.first_name }}', body: 'Hallo' });
  await call('POST', '/api/forms', { key: 'contact-me', name: 'Contact' });
});

const draft = `flow "Welkom" {
  trigger form "contact-me" submitted
  send email "welkom"
  wait 2 days
  send email "welkom"
}
`;

describe('flows: source, step ids, versions and lifecycle', () => {
  let id: string;

  it('saves an incomplete flow, giving every unlabelled step an id written into the source', async () => {
    const res = await call('POST', '/api/flows', { source: draft });
    expect(res.status).toBe(201);
    id = res.body.id;
    expect(res.body).toMatchObject({ name: 'Welkom', status: 'not_running', version: 1 });
    expect(res.body.source).toContain('s1: send email "welkom"');
    expect(res.body.source).toContain('s2: wait 2 days');
    expect(res.body.source).toContain('s3: send email "welkom"');
  });

  it('never gives a new step an id an earlier version used', async () => {
    const current = (await call('GET', `/api/flows/${id}`)).body.source as string;
    const withoutS2 = current.replace('  s2: wait 2 days\n', '').replace('  s3: send email "welkom"\n', '  s3: send email "welkom"\n  wait 1 days\n');
    const res = await call('PUT', `/api/flows/${id}`, { source: withoutS2 });
    expect(res.status).toBe(200);
    expect(res.body.source).not.toContain('s2:');
    expect(res.body.source).toContain('s4: wait 1 day');
    const back = await call('PUT', `/api/flows/${id}`, { source: res.body.source.replace('  s4: wait 1 day\n', '  wait 3 days\n') });
    expect(back.body.source).toContain('s5: wait 3 days');
    expect((await call('GET', `/api/flows/${id}/versions`)).body.items.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
  });

  it('refuses to start while a required setting is missing, naming the step and the setting', async () => {
    const res = await call('POST', `/api/flows/${id}/start`);
    expect(res.status).toBe(409);
    expect(res.body.details.problems[0]).toMatchObject({ stepId: 's1' });
    expect(res.body.message).toMatch(/step s1/);
    expect((await call('GET', `/api/flows/${id}`)).body.status).toBe('not_running');
  });

  it('runs, refuses edits and deletion while running, pauses, resumes, ends and deletes', async () => {
    const current = (await call('GET', `/api/flows/${id}`)).body.source as string;
    const complete = current.replace('flow "Welkom" {\n', 'flow "Welkom" {\n  sender "Energieloket <info@energieloket.example>"\n  reply_to "info@energieloket.example"\n');
    expect((await call('PUT', `/api/flows/${id}`, { source: complete })).status).toBe(200);
    expect((await call('POST', `/api/flows/${id}/pause`)).status).toBe(409);
    expect((await call('POST', `/api/flows/${id}/start`)).body.status).toBe('running');
    expect((await call('PUT', `/api/flows/${id}`, { source: complete.replace('wait 3 days', 'wait 4 days') })).status).toBe(409);
    expect((await call('DELETE', `/api/flows/${id}`)).status).toBe(409);
    expect((await call('GET', '/api/flows?status=running')).body.items.map((f: { id: string }) => f.id)).toEqual([id]);
    expect((await call('POST', `/api/flows/${id}/pause`)).body.status).toBe('paused');
    expect((await call('PUT', `/api/flows/${id}`, { source: complete.replace('wait 3 days', 'wait 4 days') })).status).toBe(200);
    expect((await call('POST', `/api/flows/${id}/start`)).body.status).toBe('running');
    expect((await call('POST', `/api/flows/${id}/end`)).body.status).toBe('not_running');
    expect((await call('POST', `/api/flows/${id}/end`)).status).toBe(409);
    expect((await call('DELETE', `/api/flows/${id}`)).status).toBe(204);
    expect((await call('GET', `/api/flows/${id}`)).status).toBe(404);
  });

  it('answers the step graph for the diagram, with the problems that block a start per step', async () => {
    const created = (await call('POST', '/api/flows', { source: 'flow "Diagram" {\n  trigger manual\n  mail: send email "welkom"\n  split "Soort" {\n    branch "Klant" when person.category = "Klant" {\n      wait 1 day\n    }\n    others leave\n  }\n}\n' })).body;
    const graph = (await call('GET', `/api/flows/${created.id}/graph`)).body;
    expect(graph.start).toBe('mail');
    expect(graph.nodes.map((n: { id: string; kind: string }) => [n.id, n.kind])).toEqual([['mail', 'send_email'], ['s1', 'split'], ['s2', 'wait']]);
    expect(graph.nodes[0].problems.map((p: { message: string }) => p.message)).toEqual([expect.stringMatching(/sender/), expect.stringMatching(/reply_to/)]);
    expect(graph.edges).toEqual([{ from: 'mail', to: 's1' }, { from: 's1', to: 's2', label: 'Klant' }, { from: 's2', to: null }]);
  });

  it('refuses bad sources with diagnostics and duplicate names with 409', async () => {
    // A template still to be written is only a warning (save now, finish later); an unknown selection is an error.
    const bad = await call('POST', '/api/flows', { source: 'flow "X" {\n  add to selection "bestaat-niet"\n}' });
    expect(bad.status).toBe(400);
    expect(bad.body.details.diagnostics.find((d: { severity: string }) => d.severity === 'error')).toMatchObject({ line: 2 });
    await call('POST', '/api/flows', { source: 'flow "Dubbel" {\n  trigger manual\n  complete\n}' });
    expect((await call('POST', '/api/flows', { source: 'flow "Dubbel" {\n  trigger manual\n  complete\n}' })).status).toBe(409);
    expect((await call('POST', '/api/flows', { source: 'workflow "W" {\n  on person created\n  send email "welkom" to person\n}' })).status).toBe(400);
  });
});

describe('manual enrolment and participants', () => {
  it('checks exclusion, once per person and the filter; queues while paused; resume and end', async () => {
    const afmeldingen = (await call('POST', '/api/selections', { name: 'Afmeldingen' })).body;
    const leads = (await call('POST', '/api/selections', { name: 'Leads' })).body;
    const lead = (await call('POST', '/api/persons', { firstName: 'Lia', category: 'Lead' })).body;
    const prospect = (await call('POST', '/api/persons', { firstName: 'Piet', category: 'Prospect' })).body;
    const blocked = (await call('POST', '/api/persons', { firstName: 'Bo', category: 'Lead' })).body;
    const later = (await call('POST', '/api/persons', { firstName: 'Lot', category: 'Lead' })).body;
    await call('POST', `/api/selections/${afmeldingen.id}/members`, { personIds: [blocked.id] });
    await call('POST', `/api/selections/${leads.id}/members`, { personIds: [lead.id, later.id] });
    const flow = (await call('POST', '/api/flows', { source: `flow "Leads" {
  sender "Energieloket <info@energieloket.example>"
  reply_to "info@energieloket.example"
  trigger manual
  filter person.category = "Lead"
  exclude selection "Afmeldingen"
  once per person
  welkom: wait 1 day
  send email "welkom"
  complete
}` })).body;
    expect((await call('POST', `/api/flows/${flow.id}/participants`, { personIds: [lead.id] })).status).toBe(409);
    await call('POST', `/api/flows/${flow.id}/start`);

    const first = await call('POST', `/api/flows/${flow.id}/participants`, { personIds: [lead.id, prospect.id, blocked.id] });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ enrolled: 1, queued: 0, refused: [{ personId: prospect.id, reason: 'filter' }, { personId: blocked.id, reason: 'excluded' }] });
    expect((await call('POST', `/api/flows/${flow.id}/participants`, { personIds: [lead.id] })).body.refused).toEqual([{ personId: lead.id, reason: 'already_participating' }]);
    expect((await call('POST', `/api/flows/${flow.id}/participants`, { personIds: ['999999'] })).status).toBe(400);

    await call('POST', `/api/flows/${flow.id}/pause`);
    expect((await call('POST', `/api/flows/${flow.id}/participants`, { selectionId: leads.id })).body).toMatchObject({ enrolled: 0, queued: 1 });
    expect((await call('GET', `/api/flows/${flow.id}/participants?status=queued`)).body.items).toEqual([expect.objectContaining({ personId: later.id, stepId: null })]);

    await call('POST', `/api/flows/${flow.id}/start`);
    const active = (await call('GET', `/api/flows/${flow.id}/participants?status=active`)).body;
    expect(active.items.map((p: { personId: string; stepId: string }) => [p.personId, p.stepId])).toEqual([[lead.id, 'welkom'], [later.id, 'welkom']]);

    const ended = await call('POST', `/api/flows/${flow.id}/end`);
    expect([ended.status, ended.body.status ?? ended.body.message]).toEqual([200, 'not_running']);
    expect((await call('GET', `/api/flows/${flow.id}/participants?status=cancelled`)).body.total).toBe(2);
    await call('POST', `/api/flows/${flow.id}/start`);
    expect((await call('POST', `/api/flows/${flow.id}/participants`, { personIds: [lead.id] })).body.refused).toEqual([{ personId: lead.id, reason: 'already_participated' }]);
    expect((await call('GET', `/api/flows/${flow.id}/participants?status=cancelled`)).body.total).toBe(2);
    const stats = (await call('GET', `/api/flows/${flow.id}/stats`)).body;
    expect(stats).toMatchObject({ enrolled: 2, byStatus: { cancelled: 2 }, refused: { filter: 1, excluded: 1, already_participating: 2, already_participated: 1 }, bySteps: {}, successRate: 0, messages: {} });
    expect(stats.enrolmentsPerDay.reduce((sum: number, d: { n: number }) => sum + d.n, 0)).toBe(2);
  });

  it('enrols a selection larger than a batch with one call: every member once, unsubscribed and excluded members refused', async () => {
    const size = ENROL_BATCH + 7;
    const db = context.db;
    await db.query(`insert into "person" ("first_name", "last_name", "email", "unsubscribed", "interests", "extra", "created_at", "updated_at")
      select 'Lid', g::text, 'lid' || g || '@example.nl', g % 1000 = 0, '[]', '{}', now(), now() from generate_series(1, $1::int) g`, [size]);
    const members = (await call('POST', '/api/selections', { name: 'Nieuwsbrief' })).body;
    const blocked = (await call('POST', '/api/selections', { name: 'Geblokkeerd' })).body;
    await db.query(`insert into "selection_member" ("selection_id", "person_id", "added_at") select $1, "id", now() from "person" where "email" like 'lid%@example.nl'`, [members.id]);
    await db.query(`insert into "selection_member" ("selection_id", "person_id", "added_at") select $1, "id", now() from "person" where "email" in ('lid1@example.nl', 'lid5002@example.nl')`, [blocked.id]);
    const flow = (await call('POST', '/api/flows', { source: `flow "Nieuwsbrief" {
  sender "Energieloket <info@energieloket.example>"
  reply_to "info@energieloket.example"
  trigger manual
  exclude selection "Geblokkeerd"
  s1: wait 1 day
  send email "welkom"
}` })).body;
    // Paused: the members are queued, so the scheduler has nothing to move while the test looks.
    await call('POST', `/api/flows/${flow.id}/start`);
    await call('POST', `/api/flows/${flow.id}/pause`);
    const res = await call('POST', `/api/flows/${flow.id}/participants`, { selectionId: members.id });
    expect(res.status).toBe(200);
    const unsubscribed = Math.floor(size / 1000);
    expect(res.body).toMatchObject({ enrolled: 0, queued: size - unsubscribed - 2 });
    expect(res.body.refused.filter((r: { reason: string }) => r.reason === 'unsubscribed')).toHaveLength(unsubscribed);
    expect(res.body.refused.filter((r: { reason: string }) => r.reason === 'excluded')).toHaveLength(2);
    const [counts] = await db.query(`select count(*)::int as "participants", count(distinct "person_id")::int as "persons",
      count(*) filter (where "status" = 'queued')::int as "queued" from "participant" where "flow_id" = $1`, [flow.id]);
    expect(counts).toEqual({ participants: size - unsubscribed - 2, persons: size - unsubscribed - 2, queued: size - unsubscribed - 2 });
    const again = await call('POST', `/api/flows/${flow.id}/participants`, { selectionId: members.id });
    expect(again.body).toMatchObject({ enrolled: 0, queued: 0 });
    expect(again.body.refused.filter((r: { reason: string }) => r.reason === 'already_participating')).toHaveLength(size - unsubscribed - 2);
  }, 120_000);
});
