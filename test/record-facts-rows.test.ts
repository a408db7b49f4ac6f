import { describe, expect } from '@jest/globals';
import { MikroORM } from '@mikro-orm/core';
import { RecordFacts } from '../server/facts/record-facts.js';
import { itOnBothDatabases } from './support/both-databases.js';
import type { TestApp } from './support/test-app.js';

/**
 * A batch of flow steps reads its persons' facts as plain rows (no entities): they must be exactly
 * the facts the entity path gives (keys, order, values), on a PostgreSQL server and on PGlite.
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
  expect(withCompany.company).toMatchObject({ id: company.id, name: 'Firma' });
  expect(withCompany.our_contact).toEqual({ id: employee.id, name: 'Eva Eigenaar', email: 'eva@example.nl', mobile: '+31612345678' });
}

describe('persons\' facts read as plain rows', () => {
  itOnBothDatabases('equal the facts read through the entities', comparePaths);
});
