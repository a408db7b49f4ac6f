import { describe, expect, it } from '@jest/globals';
import { useTestApp } from './support/lifecycle.js';

const context = useTestApp();

async function create(path: string, body: Record<string, unknown>): Promise<any> {
  const res = await context.app.call('POST', `/api/${path}`, body);
  expect(res.status).toBe(201);
  return res.body;
}

describe('CRM records: the API conventions on every resource', () => {
  // For each resource: a valid body, a change to PATCH, and a bad body with the field the 400 must name.
  const cases: [string, () => Promise<Record<string, unknown>>, Record<string, unknown>, Record<string, unknown>, string][] = [
    ['groups', async () => ({ name: 'Team Zuid' }), { name: 'Team Noord' }, { name: 12 }, 'name'],
    ['employees', async () => ({ name: 'Piet', email: 'piet@example.nl', roles: ['content_editor'], password: 'geheim-wachtwoord' }), { available: false }, { email: 'not-an-address' }, 'email'],
    ['companies', async () => ({ name: 'Acme BV', category: 'Klant' }), { category: 'Partner' }, { name: null }, 'name'],
    ['persons', async () => ({ firstName: 'Anna', lastName: 'Jong', email: 'anna@example.nl', interests: ['zonnepanelen'], extra: { huisnummer: 12 } }), { category: 'Lead' }, { unsubscribed: 'yes' }, 'unsubscribed'],
    ['selections', async () => ({ name: 'Nieuwsbrief' }), { name: 'Nieuwsbrief 2' }, {}, 'name'],
    ['projects', async () => ({ name: 'Buurtaanpak' }), { name: 'Buurtaanpak Oost' }, { name: '  ' }, 'name: must not be empty'],
    ['statuses', async () => ({ kind: 'opportunity', name: 'Uitgesteld', position: 9 }), { active: false }, { kind: 'ticket', name: 'x' }, 'kind'],
    ['task-types', async () => ({ name: 'Mailen' }), { name: 'E-mailen' }, { name: ['x'] }, 'name'],
    ['tasks', async () => ({ type: 'Bellen', title: 'Bel terug', dueAt: '2026-12-01T09:00:00+01:00' }), { completedAt: '2026-12-01T10:00:00Z' }, { type: 'Bellen', title: 'x', dueAt: 'tomorrow' }, 'dueAt'],
    ['quote-requests', async () => ({ kind: 'Offertezoek', status: 'Offertezoek - Offerte aangevraagd' }), { status: 'Offertezoek - Uitgevoerd' }, { kind: 'Offertezoek', status: 'Bestaat niet' }, 'status'],
    ['opportunities', async () => ({ status: 'Nieuw' }), { status: 'Gewonnen' }, { status: 'Offertezoek - Uitgevoerd' }, 'status'],
    ['intake-measures', async () => ({ status: 'Aangemeld' }), { status: 'Intake gepland' }, {}, 'status'],
    ['sales', async () => ({ title: 'Warmtepomp', stage: 'open', amount: 4500.5 }), { stage: 'sold' }, { title: 'x', stage: 'won' }, 'stage'],
    ['requests', async () => ({ title: 'Vraag over subsidie', priority: 'hoog' }), { status: 'gesloten' }, { title: 'x', ownerId: '999999' }, 'ownerId'],
    ['forms', async () => ({ key: 'contact-me', name: 'Neem contact op' }), { name: 'Contact' }, { key: 'x' }, 'name'],
    ['follow-ups', async () => ({ title: 'Keukentafelgesprek', start: '2026-12-03T14:00:00+01:00' }), { agenda: 'Isolatie bespreken' }, { title: 'x', assignedToId: 'abc' }, 'assignedToId'],
  ];

  it.each(cases)('%s: create 201, get, list, patch, delete, 404 afterwards', async (path, makeBody, patch) => {
    const body = await makeBody();
    const created = await create(path, body);
    expect(created.id).toMatch(/^\d+$/);
    for (const [key, value] of Object.entries(body)) {
      if (key === 'password') continue;
      if (key.endsWith('At') || key === 'start') expect(new Date(created[key]).getTime()).toBe(new Date(value as string).getTime());
      else expect(created[key]).toEqual(value);
    }
    expect(created).not.toHaveProperty('password');
    expect(created).not.toHaveProperty('passwordHash');

    const one = await context.app.call('GET', `/api/${path}/${created.id}`);
    expect(one).toMatchObject({ status: 200, body: { id: created.id } });

    const list = await context.app.call('GET', `/api/${path}?limit=1000`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(created.id);
    expect(list.body.total).toBeGreaterThanOrEqual(1);

    const patched = await context.app.call('PATCH', `/api/${path}/${created.id}`, patch);
    expect(patched.status).toBe(200);
    for (const [key, value] of Object.entries(patch)) {
      if (key.endsWith('At')) expect(new Date(patched.body[key]).getTime()).toBe(new Date(value as string).getTime());
      else expect(patched.body[key]).toEqual(value);
    }

    const removed = await context.app.call('DELETE', `/api/${path}/${created.id}`);
    expect(removed.status).toBe(204);
    expect((await context.app.call('GET', `/api/${path}/${created.id}`)).status).toBe(404);
    expect((await context.app.call('PATCH', `/api/${path}/${created.id}`, patch)).status).toBe(404);
    expect((await context.app.call('DELETE', `/api/${path}/${created.id}`)).status).toBe(404);
  });

  it.each(cases)('%s: a bad body is a 400 naming the field, and writes nothing', async (path, _make, _patch, bad, field) => {
    const before = await context.app.call('GET', `/api/${path}?limit=1`);
    const res = await context.app.call('POST', `/api/${path}`, bad);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(res.body.message).toContain(field);
    const after = await context.app.call('GET', `/api/${path}?limit=1`);
    expect(after.body.total).toBe(before.body.total);
  });

  it.each(cases)('%s: unknown fields, wrong ids and malformed bodies are 4xx, never 500', async (path, makeBody) => {
    const body = await makeBody();
    const unknown = await context.app.call('POST', `/api/${path}`, { ...body, colour: 'red' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain("unknown field 'colour'");
    expect((await context.app.call('POST', `/api/${path}`, '{"name": ')).status).toBe(400);
    expect((await context.app.call('POST', `/api/${path}`, '[1,2,3]')).status).toBe(400);
    expect((await context.app.call('POST', `/api/${path}`, 'null')).status).toBe(400);
    expect((await context.app.call('GET', `/api/${path}/999999999`)).status).toBe(404);
    expect((await context.app.call('GET', `/api/${path}/not-an-id`)).status).toBe(404);
    expect((await context.app.call('GET', `/api/${path}/99999999999999999999999`)).status).toBe(404);
    expect((await context.app.call('PATCH', `/api/${path}/999999999`, {})).status).toBe(404);
    expect((await context.app.call('GET', `/api/${path}?limit=5000`)).status).toBe(400);
    expect((await context.app.call('GET', `/api/${path}?limit=abc`)).status).toBe(400);
    expect((await context.app.call('GET', `/api/${path}?nosuchfield=1`)).status).toBe(400);
  });
});

describe('CRM records: details', () => {
  it('refuses a huge body with 413 and the error shape', async () => {
    const res = await context.app.call('POST', '/api/persons', { firstName: 'x'.repeat(2_000_000) });
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ statusCode: 413, error: 'Payload Too Large', code: 'request.too_large', message: 'The request body is too large' });
  });

  it('pages lists and filters on exact fields and q', async () => {
    const company = await create('companies', { name: 'Filter BV', category: 'Klant' });
    for (let i = 0; i < 7; i++) {
      await create('persons', { firstName: `Pagina${i}`, lastName: 'Test', category: i % 2 ? 'Lead' : 'Klant', companyId: company.id, email: `pagina${i}@example.nl` });
    }
    const page = await context.app.call('GET', `/api/persons?companyId=${company.id}&limit=3&offset=3`);
    expect(page.body.total).toBe(7);
    expect(page.body.items.map((p: { firstName: string }) => p.firstName)).toEqual(['Pagina3', 'Pagina4', 'Pagina5']);
    const leads = await context.app.call('GET', `/api/persons?companyId=${company.id}&category=Lead`);
    expect(leads.body.total).toBe(3);
    const search = await context.app.call('GET', '/api/persons?q=PAGINA6');
    expect(search.body.items.map((p: { email: string }) => p.email)).toEqual(['pagina6@example.nl']);
    const literal = await context.app.call('GET', '/api/persons?q=%25');
    expect(literal.body.total).toBe(0);
    const unsubscribed = await context.app.call('GET', '/api/persons?unsubscribed=false&limit=1');
    expect(unsubscribed.status).toBe(200);
    expect((await context.app.call('GET', '/api/persons?unsubscribed=maybe')).status).toBe(400);
  });

  it('filters by status name and refuses an unknown status on write', async () => {
    await create('quote-requests', { kind: 'Bezoek', status: 'Bezoek - Afspraak gemaakt' });
    const found = await context.app.call('GET', `/api/quote-requests?status=${encodeURIComponent('Bezoek - Afspraak gemaakt')}`);
    expect(found.body.total).toBe(1);
    const wrongKind = await context.app.call('POST', '/api/quote-requests', { kind: 'Bezoek', status: 'Nieuw' });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.message).toBe('status: unknown quote request status "Nieuw"');
  });

  it('keeps e-mail addresses unique, case-insensitively, for persons and employees', async () => {
    await create('persons', { firstName: 'Uniek', email: 'uniek@example.nl' });
    const clash = await context.app.call('POST', '/api/persons', { firstName: 'Ander', email: 'UNIEK@example.nl' });
    expect(clash.status).toBe(409);
    expect(clash.body.message).toContain('email');
    const other = await create('persons', { firstName: 'Ander', email: 'ander@example.nl' });
    expect((await context.app.call('PATCH', `/api/persons/${other.id}`, { email: 'Uniek@Example.nl' })).status).toBe(409);
    await create('persons', { firstName: 'Zonder1' });
    await create('persons', { firstName: 'Zonder2' });
    await create('employees', { name: 'E1', email: 'e1@example.nl' });
    expect((await context.app.call('POST', '/api/employees', { name: 'E2', email: 'E1@EXAMPLE.NL' })).status).toBe(409);
  });

  it('keeps names unique: selections, projects, task types, statuses per kind', async () => {
    await create('selections', { name: 'Dubbel' });
    expect((await context.app.call('POST', '/api/selections', { name: 'Dubbel' })).status).toBe(409);
    await create('projects', { name: 'Dubbel' });
    expect((await context.app.call('POST', '/api/projects', { name: 'Dubbel' })).status).toBe(409);
    expect((await context.app.call('POST', '/api/task-types', { name: 'Bellen' })).status).toBe(409);
    expect((await context.app.call('POST', '/api/statuses', { kind: 'opportunity', name: 'Nieuw' })).status).toBe(409);
    await create('statuses', { kind: 'intake_measure', name: 'Nieuw' });
  });

  it('refuses to delete what others refer to, naming them', async () => {
    const employee = await create('employees', { name: 'Eigenaar', email: 'eigenaar@example.nl' });
    const company = await create('companies', { name: 'Verwezen BV', ourContactId: employee.id });
    await create('persons', { firstName: 'Verwijzer', companyId: company.id });
    const res = await context.app.call('DELETE', `/api/companies/${company.id}`);
    expect(res.status).toBe(409);
    expect(res.body.message).toBe(`Cannot delete company ${company.id}: it is used by 1 persons`);
    expect(res.body.details).toEqual({ references: { persons: 1 } });
    const employeeRes = await context.app.call('DELETE', `/api/employees/${employee.id}`);
    expect(employeeRes.status).toBe(409);
    expect(employeeRes.body.details.references).toEqual({ companies: 1 });
    const status = (await context.app.call('GET', `/api/statuses?kind=opportunity&name=Nieuw`)).body.items[0];
    await create('opportunities', { status: 'Nieuw' });
    const statusRes = await context.app.call('DELETE', `/api/statuses/${status.id}`);
    expect(statusRes.status).toBe(409);
    expect(statusRes.body.message).toContain('opportunities');
    const bellen = (await context.app.call('GET', '/api/task-types?name=Bellen')).body.items[0];
    await create('tasks', { type: 'Bellen', title: 'Bel' });
    expect((await context.app.call('DELETE', `/api/task-types/${bellen.id}`)).status).toBe(409);
  });

  it('deletes a person with its memberships; records that named it keep no link', async () => {
    const person = await create('persons', { firstName: 'Weg' });
    const selection = await create('selections', { name: 'Met Weg' });
    await context.app.call('POST', `/api/selections/${selection.id}/members`, { personIds: [person.id] });
    const task = await create('tasks', { type: 'Bellen', title: 'Bel Weg', contactId: person.id });
    expect((await context.app.call('DELETE', `/api/persons/${person.id}`)).status).toBe(204);
    expect((await context.app.call('GET', `/api/selections/${selection.id}/members`)).body.total).toBe(0);
    expect((await context.app.call('GET', `/api/tasks/${task.id}`)).body.contactId).toBeNull();
  });

  it('refuses a reference to an unknown record with a 400 naming the field', async () => {
    const res = await context.app.call('POST', '/api/persons', { firstName: 'X', companyId: '424242' });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('companyId: no company with id 424242');
  });

  it('manages selection and project members and emits added/removed events', async () => {
    const a = await create('persons', { firstName: 'Lid', lastName: 'A' });
    const b = await create('persons', { firstName: 'Lid', lastName: 'B' });
    for (const path of ['selections', 'projects']) {
      const list = await create(path, { name: `Leden ${path}` });
      const added = await context.app.call('POST', `/api/${path}/${list.id}/members`, { personIds: [a.id, b.id, a.id] });
      expect(added).toMatchObject({ status: 200, body: { added: 2, alreadyMembers: 0 } });
      const again = await context.app.call('POST', `/api/${path}/${list.id}/members`, { personIds: [a.id] });
      expect(again.body).toEqual({ added: 0, alreadyMembers: 1 });
      const members = await context.app.call('GET', `/api/${path}/${list.id}/members`);
      expect(members.body.items.map((p: { id: string }) => p.id)).toEqual([a.id, b.id]);
      expect((await context.app.call('POST', `/api/${path}/${list.id}/members`, { personIds: ['987654'] })).status).toBe(400);
      expect((await context.app.call('DELETE', `/api/${path}/${list.id}/members/${b.id}`)).status).toBe(204);
      expect((await context.app.call('DELETE', `/api/${path}/${list.id}/members/${b.id}`)).status).toBe(404);
      expect((await context.app.call('POST', `/api/${path}/999999/members`, { personIds: [a.id] })).status).toBe(404);
      const entity = path === 'selections' ? 'selection' : 'project';
      const events = await context.app.call('GET', `/api/change-events?entity=${entity}&id=${list.id}`);
      expect(events.body.items.map((e: { kind: string; data?: { person_id: string } }) => `${e.kind}:${e.data?.person_id ?? ''}`)).toEqual([
        `removed:${b.id}`, `added:${b.id}`, `added:${a.id}`, 'created:',
      ]);
    }
  });
});
