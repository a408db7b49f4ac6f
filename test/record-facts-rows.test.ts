import { describe, expect } from '@jest/globals';
import { MikroORM } from '@mikro-orm/core';
import { RecordFacts } from '../server/facts/record-facts.js';
import { itOnBothDatabases } from './support/both-databases.js';
import type { TestApp } from './support/test-app.js';

/**
 * Facts are read as plain rows (no entities): a batch of flow steps' persons, a change event's
 * record with its looked-up names and the records it refers to (alone, or prefetched for a batch).
 * They must be exactly the facts the entity path gives (keys, order, values), on a PostgreSQL
 * server and on PGlite.
 */
async function comparePaths(app: TestApp): Promise<void> {
  const employee = (await app.call('POST', '/api/employees', { name: 'Eva Eigenaar', email: 'eva@example.nl', mobile: '+31612345678' })).body;
  const company = (await app.call('POST', '/api/companies', { name: 'Firma', ourContactId: employee.id })).body;
  const full = (await app.call('POST', '/api/persons', {
    firstName: 'Volle', lastName: 'Kaart', email: 'vol@example.nl', mobile: '+31687654321', category: 'klant', companyId: company.id,
    ourContactId: employee.id, serviceContactId: employee.id, interests: ['zon', 'warmte'], unsubscribed: true, timeZone: 'Europe/Amsterdam',
    extra: { score: 7, tags: ['a'], nested: { at: '2026-01-02' } },
  })).body;
  const bare = (await app.call('POST', '/api/persons', { email: 'kaal@example.nl' })).body;
  expect([full.id, bare.id].every(Boolean)).toBe(true);

  const facts = app.app.get(RecordFacts);
  const em = app.app.get(MikroORM).em.fork();
  const people = await facts.loadPeople(em, [full.id, bare.id, full.id, '999999999', 'not-an-id']);
  expect([...people.keys()].sort()).toEqual([full.id, bare.id].sort());
  for (const id of [full.id, bare.id]) {
    const fromEntity = await facts.record(em.fork(), 'person', id);
    const fromRow = people.get(id)!.person as Record<string, unknown>;
    expect(fromRow).toEqual(fromEntity);
    expect(Object.keys(fromRow)).toEqual(Object.keys(fromEntity!));
  }
  const withCompany = people.get(full.id)!;
  expect(withCompany.company).toEqual(await facts.record(em.fork(), 'company', company.id));
  expect(withCompany.our_contact).toEqual({ id: employee.id, name: 'Eva Eigenaar', email: 'eva@example.nl', mobile: '+31612345678' });
  // The company's contact stands in for a person without one of their own.
  const colleague = (await app.call('POST', '/api/persons', { email: 'collega@example.nl', companyId: company.id })).body;
  expect((await facts.loadPeople(em.fork(), [colleague.id])).get(colleague.id)!.our_contact).toEqual(withCompany.our_contact);

  // A record with its looked-up names and the records it refers to, read alone and as a batch's prefetch.
  await app.call('POST', '/api/task-types', { name: 'Nabellen' });
  const task = (await app.call('POST', '/api/tasks', { type: 'Nabellen', title: 'Bel', responsibleId: employee.id, contactId: full.id, dueAt: '2026-03-01T09:30:00Z' })).body;
  const quote = (await app.call('POST', '/api/quote-requests', { kind: 'Offertezoek', status: 'Offertezoek - Offerte aangevraagd', personId: full.id, companyId: company.id, ownerId: employee.id })).body;
  const reference = async (entity: string, id: string, related: Record<string, [string, string]>) => {
    const expected: Record<string, unknown> = { [entity]: await facts.record(em.fork(), entity, id) };
    for (const [role, [kind, relatedId]] of Object.entries(related)) {
      const record = await facts.record(em.fork(), kind, relatedId);
      expected[role] = kind === 'employee' ? { id: record!.id, name: record!.name, email: record!.email, mobile: record!.mobile } : record;
    }
    return expected;
  };
  const expectedQuote = await reference('quote_request', quote.id, { person: ['person', full.id], company: ['company', company.id], owner: ['employee', employee.id], our_contact: ['employee', employee.id], service_contact: ['employee', employee.id] });
  const expectedTask = await reference('task', task.id, { person: ['person', full.id], contact: ['person', full.id], company: ['company', company.id], responsible: ['employee', employee.id], our_contact: ['employee', employee.id], service_contact: ['employee', employee.id] });
  expect((expectedQuote.quote_request as Record<string, unknown>).status).toBe('Offertezoek - Offerte aangevraagd');
  expect((expectedTask.task as Record<string, unknown>).type).toBe('Nabellen');
  expect(await facts.load(em.fork(), 'quote_request', quote.id)).toEqual(expectedQuote);
  expect(await facts.load(em.fork(), 'task', task.id)).toEqual(expectedTask);
  await em.fork().transactional(async (tx) => {
    const event = (entity: string, entityId: string) => ({ id: '1', entity, entityId, kind: 'updated', changes: {}, at: new Date() }) as never;
    await facts.prefetchEvents(tx, [event('quote_request', quote.id), event('task', task.id), event('task', '999999999')]);
    expect(await facts.load(tx, 'quote_request', quote.id)).toEqual(expectedQuote);
    expect(await facts.load(tx, 'task', task.id)).toEqual(expectedTask);
    expect(await facts.load(tx, 'task', '999999999')).toEqual({});
  });
}

describe('facts read as plain rows', () => {
  itOnBothDatabases('equal the facts read through the entities', comparePaths);
});
