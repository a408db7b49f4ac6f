import { describe, expect, it } from '@jest/globals';
import { useTestApp } from './support/lifecycle.js';

/** Gaps where input was stored that no one can use, or a documented filter was refused. */
const context = useTestApp();

describe('persons', () => {
  it('refuses a person without a name, an e-mail address or a mobile number, on create and on an update that blanks them', async () => {
    for (const body of [{}, { category: 'Lead' }, { firstName: '  ', lastName: '' }]) {
      const res = await context.app.call('POST', '/api/persons', body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'person.identity_required', params: { fields: ['firstName', 'lastName', 'email', 'mobile'] } });
    }
    const created = await context.app.call('POST', '/api/persons', { lastName: 'Jansen' });
    expect(created.status).toBe(201);
    expect((await context.app.call('POST', '/api/persons', { mobile: '+31612345678' })).status).toBe(201);
    const blanked = await context.app.call('PATCH', `/api/persons/${created.body.id}`, { lastName: null });
    expect(blanked.status).toBe(400);
    expect(blanked.body.code).toBe('person.identity_required');
  });

  it.each([['mobile', '+31612345678\r\n'], ['firstName', 'Anna\nBcc: x'], ['lastName', 'Jong\u0007'], ['category', 'Lead\t']])('refuses a control character in the one-line field %s', async (field, value) => {
    const res = await context.app.call('POST', '/api/persons', { lastName: 'Vries', [field]: value });
    expect(res.status).toBe(400);
    expect(res.body.details.issues).toEqual([expect.objectContaining({ field, code: 'validation.control_character' })]);
  });
});

describe('exact-match filters on the top-level scalar fields of flows and workflows', () => {
  it('filters flows by name and version, workflows by name, version and active', async () => {
    expect((await context.app.call('POST', '/api/templates', { key: 'welkom', name: 'Welkom', channel: 'email', subject: 'Welkom', body: 'Hallo' })).status).toBe(201);
    for (const name of ['Welkom', 'Welkom terug']) {
      expect((await context.app.call('POST', '/api/flows', { source: `flow "${name}" {\n  trigger manual\n  complete\n}\n` })).status).toBe(201);
      expect((await context.app.call('POST', '/api/workflows', { source: `workflow "${name}" {\n  on person created\n  send email "welkom" to person\n}\n` })).status).toBe(201);
    }
    const flows = await context.app.call('GET', '/api/flows?name=Welkom');
    expect(flows.status).toBe(200);
    expect(flows.body.items.map((f: { name: string }) => f.name)).toEqual(['Welkom']);
    expect((await context.app.call('GET', '/api/flows?version=1')).body.total).toBe(2);
    expect((await context.app.call('GET', '/api/flows?version=2')).body.total).toBe(0);
    expect((await context.app.call('GET', '/api/flows?name=Welkom&q=terug')).body.total).toBe(0);
    const workflows = await context.app.call('GET', '/api/workflows?name=Welkom%20terug&active=true');
    expect(workflows.body.items.map((w: { name: string }) => w.name)).toEqual(['Welkom terug']);
    expect((await context.app.call('GET', '/api/workflows?version=abc')).status).toBe(400);
  });
});
