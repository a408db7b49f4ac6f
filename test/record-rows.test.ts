import { describe, expect } from '@jest/globals';
import { EntityManager } from '@mikro-orm/core';
import type { BaseRecord } from '../server/records/base-record.js';
import type { RecordService } from '../server/records/record.service.js';
import { PERSON_RECORDS } from '../server/crm/persons/person-records.js';
import { toSnake } from '../server/common/naming.js';
import { itOnBothDatabases } from './support/both-databases.js';
import type { TestApp } from './support/test-app.js';

/**
 * A PATCH of a record without derived fields reads and writes plain rows (no entities); GET and a
 * create still go through the entities. Both must agree, for every kind of field, on a PostgreSQL
 * server and on PGlite: the PATCH's answer is what GET gives afterwards, an empty PATCH answers
 * what GET gives, the change event names exactly the changed fields (in the DSL's snake_case), and bad references, names
 * and ids are refused as before.
 */
async function comparePaths(app: TestApp): Promise<void> {
  const call = (method: string, path: string, body?: unknown) => app.call(method, path, body);
  const created = async (path: string, body: Record<string, unknown>) => {
    const res = await call('POST', path, body);
    expect(res.status).toBe(201);
    return res.body as { id: string };
  };
  const eva = await created('/api/employees', { name: 'Eva Eigenaar', email: 'eva@example.nl', mobile: '+31612345678', roles: ['content_editor'] });
  const wim = await created('/api/employees', { name: 'Wim Werker', email: 'wim@example.nl' });
  const company = await created('/api/companies', { name: 'Firma', ourContactId: eva.id });
  const person = await created('/api/persons', {
    firstName: 'Volle', lastName: 'Kaart', email: 'vol@example.nl', category: 'klant', companyId: company.id, ourContactId: eva.id,
    interests: ['zon', 'warmte'], unsubscribed: false, timeZone: 'Europe/Amsterdam', extra: { score: 7, nested: { at: '2026-01-02' } },
  });
  await created('/api/task-types', { name: 'Nabellen' });
  await created('/api/task-types', { name: 'Bezoek' });
  const task = await created('/api/tasks', { type: 'Nabellen', title: 'Bel terug', responsibleId: eva.id, contactId: person.id, dueAt: '2026-03-01T09:30:00.000Z' });
  const sale = await created('/api/sales', { title: 'Zonnepanelen', amount: 1234.5, stage: 'open', personId: person.id, ownerId: eva.id, date: '2026-02-01T00:00:00Z' });
  const quote = await created('/api/quote-requests', { kind: 'Offertezoek', status: 'Offertezoek - Offerte nog niet aangevraagd', personId: person.id, ownerId: eva.id });
  const rule = await created('/api/assignment-rules', { requestType: 'Klacht', employeeIds: [eva.id] });
  const status = await created('/api/statuses', { kind: 'opportunity', name: 'Rijen status', position: 7 });

  const patches: [path: string, entity: string, id: string, changes: Record<string, unknown>][] = [
    ['/api/employees', 'employee', eva.id, { name: 'Eva E.', roles: ['content_editor', 'flow_admin'], mobile: null }],
    ['/api/persons', 'person', person.id, { lastName: 'Rij', interests: ['wind'], extra: { score: 8 }, unsubscribed: true, companyId: null, ourContactId: wim.id }],
    ['/api/tasks', 'task', task.id, { type: 'Bezoek', dueAt: '2026-03-02T10:00:00+01:00', completedAt: '2026-03-02T12:00:00Z', responsibleId: wim.id }],
    ['/api/sales', 'sale', sale.id, { amount: 99.25, stage: 'sold', date: null }],
    ['/api/quote-requests', 'quote_request', quote.id, { status: 'Offertezoek - Offerte aangevraagd', ownerId: wim.id }],
    ['/api/assignment-rules', 'assignment_rule', rule.id, { employeeIds: [wim.id, eva.id] }],
    ['/api/statuses', 'status', status.id, { position: 8, active: false }],
  ];
  for (const [path, entity, id, changes] of patches) {
    const before = await call('GET', `${path}/${id}`);
    const empty = await call('PATCH', `${path}/${id}`, {});
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual(before.body);
    expect(Object.keys(empty.body)).toEqual(Object.keys(before.body));

    const patched = await call('PATCH', `${path}/${id}`, changes);
    expect(patched.status).toBe(200);
    const after = await call('GET', `${path}/${id}`);
    expect(patched.body).toEqual(after.body);
    expect(Object.keys(patched.body)).toEqual(Object.keys(after.body));
    expect(after.body.updatedAt > before.body.updatedAt).toBe(true);

    // The newest event about the record is this PATCH's (the empty one wrote none): exactly the changed fields.
    const events = (await call('GET', `/api/change-events?entity=${entity}&id=${id}&kind=updated`)).body.items as { changes: Record<string, { from: unknown; to: unknown }> }[];
    const changed = Object.keys(changes).filter((field) => JSON.stringify(before.body[field]) !== JSON.stringify(after.body[field])).map(toSnake);
    expect(changed.length).toBeGreaterThan(0);
    expect(events).toHaveLength(1);
    expect(Object.keys(events[0]!.changes).sort()).toEqual(changed.sort());
  }

  // A password is stored as its hash (never answered), and signs in; the answer is the record as GET gives it.
  const withPassword = await call('PATCH', `/api/employees/${wim.id}`, { password: 'een-nieuw-wachtwoord' });
  expect(withPassword.status).toBe(200);
  expect(withPassword.body).toEqual((await call('GET', `/api/employees/${wim.id}`)).body);
  expect(withPassword.body).not.toHaveProperty('password');
  expect((await app.call('POST', '/api/auth/login', { email: 'wim@example.nl', password: 'een-nieuw-wachtwoord' }, null)).status).toBe(200);

  // Bad input is refused as the entity path refuses it, and nothing is written.
  const unchanged = (await call('GET', `/api/tasks/${task.id}`)).body;
  const eventsOf = async (entity: string, id: string) => (await call('GET', `/api/change-events?entity=${entity}&id=${id}`)).body.total as number;
  const taskEvents = await eventsOf('task', task.id);
  const refusals: [Record<string, unknown>, number, string][] = [
    [{ responsibleId: '999999999' }, 400, 'record.unknown_reference'],
    [{ type: 'Geen soort' }, 400, 'record.unknown_name'],
    // The name is resolved in the write itself: with it refused, the other field is not written either.
    [{ title: 'Niet bewaard', type: 'Geen soort' }, 400, 'record.unknown_name'],
  ];
  for (const [body, statusCode, code] of refusals) {
    const res = await call('PATCH', `/api/tasks/${task.id}`, body);
    expect(res.status).toBe(statusCode);
    expect(res.body.code).toBe(code);
  }
  expect((await call('PATCH', `/api/assignment-rules/${rule.id}`, { employeeIds: [eva.id, '999999998'] })).body).toMatchObject({ code: 'record.unknown_reference', params: { id: '999999998' } });
  expect((await call('PATCH', `/api/quote-requests/${quote.id}`, { status: 'Opportunity - Gewonnen' })).body.code).toBe('record.unknown_name');
  expect((await call('GET', `/api/tasks/${task.id}`)).body).toEqual(unchanged);
  expect(await eventsOf('task', task.id)).toBe(taskEvents);
  expect((await call('PATCH', '/api/tasks/999999997', { title: 'x' })).status).toBe(404);
  expect((await call('PATCH', '/api/tasks/abc', { title: 'x' })).status).toBe(404);
  expect((await call('PATCH', `/api/employees/${wim.id}`, { email: 'EVA@example.nl' })).status).toBe(409);
}

/**
 * Many records updated in one statement (a flow's `update person` for a batch of participants)
 * end as a PATCH of each would leave them: every kind of field, its own body each, change events.
 */
async function compareMany(app: TestApp): Promise<void> {
  const call = (method: string, path: string, body?: unknown) => app.call(method, path, body);
  const eva = (await call('POST', '/api/employees', { name: 'Eva Veel', email: 'eva-veel@example.nl' })).body.id as string;
  const company = (await call('POST', '/api/companies', { name: 'Veel BV' })).body.id as string;
  const base = { lastName: 'Veel', category: 'lead', mobile: '+31612345670', interests: ['zon'], unsubscribed: false, companyId: company, extra: { score: 1 } };
  const bodies: Record<string, unknown>[] = [
    { category: 'klant', interests: ['zon', 'wind'], extra: { score: 2, bron: 'flow' } },
    { mobile: null, unsubscribed: true, companyId: null, ourContactId: eva },
    { category: 'klant', interests: ['zon', 'wind'], extra: { score: 2, bron: 'flow' } },
    { firstName: 'Anders', timeZone: 'Europe/Amsterdam' },
  ];
  const make = async (name: string) => (await call('POST', '/api/persons', { ...base, firstName: name, email: `${name}@example.nl` })).body.id as string;
  const many: string[] = [];
  const single: string[] = [];
  for (const [i] of bodies.entries()) { many.push(await make(`veel${i}`)); single.push(await make(`een${i}`)); }
  const people = app.app.get<RecordService<BaseRecord>>(PERSON_RECORDS);
  await app.app.get(EntityManager).fork().transactional((em) => people.updateManyIn(em, many.map((id, i) => ({ id, body: bodies[i]! }))));
  for (const [i, body] of bodies.entries()) expect((await call('PATCH', `/api/persons/${single[i]}`, body)).status).toBe(200);
  const comparable = ({ id: _id, email: _email, firstName, createdAt: _c, updatedAt: _u, ...rest }: Record<string, unknown>) => ({ ...rest, firstName: String(firstName).replace(/^(veel|een)\d$/, '') });
  for (const [i] of bodies.entries()) {
    const [batched, patched] = [(await call('GET', `/api/persons/${many[i]}`)).body, (await call('GET', `/api/persons/${single[i]}`)).body];
    expect(comparable(batched)).toEqual(comparable(patched));
    const changes = async (id: string) => ((await call('GET', `/api/change-events?entity=person&id=${id}&kind=updated`)).body.items as { changes: Record<string, unknown> }[]).map((e) => Object.keys(e.changes).sort());
    expect(await changes(many[i]!)).toEqual(await changes(single[i]!));
  }
}

describe('a PATCH through plain rows', () => {
  itOnBothDatabases('agrees with the entities for every kind of field', comparePaths);
  itOnBothDatabases('agrees with many records written in one statement', compareMany);
});
