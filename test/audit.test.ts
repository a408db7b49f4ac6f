import { beforeAll, describe, expect, it } from '@jest/globals';
import { SETTINGS } from './support/flow-helpers.js';
import { useTestApp } from './support/lifecycle.js';

const context = useTestApp();
const call = (method: string, path: string, body?: unknown, token?: string | null) => context.app.call(method, path, body, token);
let admin: { token: string; id: string };
let editor: string;

async function signedIn(email: string, roles: string[]) {
  const made = await call('POST', '/api/employees', { name: `Mw. ${email}`, email, roles, password: 'een-goed-wachtwoord' });
  const login = await call('POST', '/api/auth/login', { email, password: 'een-goed-wachtwoord' }, null);
  return { token: login.body.token as string, id: made.body.id as string };
}

const audit = async (query: string) => {
  const res = await call('GET', `/api/audit?${query}`, undefined, admin.token);
  expect(res.status).toBe(200);
  return res.body as { items: { actor: string; actorName: string; subject: string; subjectName: string; action: string; before: any; after: any }[]; total: number };
};

beforeAll(async () => {
  admin = await signedIn('beheer@stroom.test', ['flow_admin']);
  editor = (await signedIn('redactie@stroom.test', ['content_editor'])).token;
});

describe('audit log', () => {
  it('keeps who changed a workflow, when, with the source before and after, newest first', async () => {
    const source = 'workflow "Audit" {\n  on person created\n  send email "audit-mail" to person\n}\n';
    expect((await call('POST', '/api/templates', { key: 'audit-mail', name: 'Audit', channel: 'email', subject: 'Hallo', body: 'Hallo' }, admin.token)).status).toBe(201);
    const made = await call('POST', '/api/workflows', { source }, admin.token);
    expect(made.status).toBe(201);
    const changed = source.replace('to person', 'to our_contact');
    expect((await call('PUT', `/api/workflows/${made.body.id}`, { source: changed }, admin.token)).status).toBe(200);
    expect((await call('DELETE', `/api/workflows/${made.body.id}`)).status).toBeLessThan(300);

    const log = await audit(`subject=workflow&subjectId=${made.body.id}`);
    expect(log.items.map((e) => e.action)).toEqual(['deleted', 'updated', 'created']);
    expect(log.items[2]).toMatchObject({ actor: `employee:${admin.id}`, actorName: 'Mw. beheer@stroom.test', subjectName: 'Audit', before: null, after: { source } });
    expect(log.items[1]).toMatchObject({ before: { source }, after: { source: changed } });
    expect(log.items[0]).toMatchObject({ actor: 'api-token', before: { source: changed }, after: null });
  });

  it('keeps flow edits and every start, pause and end', async () => {
    const source = `flow "Audit flow" {\n${SETTINGS}  send email "audit-mail"\n}\n`;
    const made = await call('POST', '/api/flows', { source }, admin.token);
    for (const step of ['start', 'pause', 'start', 'end']) expect((await call('POST', `/api/flows/${made.body.id}/${step}`, undefined, admin.token)).status).toBe(200);
    const log = await audit(`subject=flow&subjectId=${made.body.id}`);
    expect(log.items.map((e) => e.action)).toEqual(['ended', 'resumed', 'paused', 'started', 'created']);
    expect(log.items[3]).toMatchObject({ before: { status: 'not_running' }, after: { status: 'running' } });
  });

  it('keeps template, status and per-status setting changes, and role changes (only the roles)', async () => {
    const template = await call('POST', '/api/templates', { key: 'audit-2', name: 'Twee', channel: 'email', subject: 'Oud', body: 'x' }, editor);
    expect((await call('PATCH', `/api/templates/${template.body.id}`, { subject: 'Nieuw' }, editor)).status).toBe(200);
    const templateLog = await audit(`subject=template&subjectId=${template.body.id}`);
    expect(templateLog.items[0]).toMatchObject({ action: 'updated', subjectName: 'audit-2', before: { subject: 'Oud' }, after: { subject: 'Nieuw' } });
    expect(templateLog.items[0]!.actorName).toBe('Mw. redactie@stroom.test');

    const status = await call('POST', '/api/statuses', { kind: 'opportunity', name: 'Audit status' }, admin.token);
    expect(status.status).toBe(201);
    await call('PATCH', `/api/statuses/${status.body.id}`, { name: 'Audit status 2' }, admin.token);
    expect((await audit(`subject=status&subjectId=${status.body.id}`)).items.map((e) => [e.action, e.subjectName])).toEqual([['updated', 'Audit status 2'], ['created', 'Audit status']]);

    const rows = (await call('GET', '/api/workflow-settings/opportunity-statuses')).body.items as { id: string; name: string }[];
    const row = rows.find((r) => r.name === 'Audit status 2')!;
    const saved = await call('PUT', `/api/workflow-settings/opportunity-statuses/${row.id}`, { active: true, templateKey: 'audit-mail', delayDays: 2, recipient: 'person' }, admin.token);
    expect(saved.status).toBe(200);
    const settingLog = await audit(`subject=workflow&subjectId=${saved.body.workflowId}`);
    expect(settingLog.items[0]).toMatchObject({ action: 'created', actor: `employee:${admin.id}` });
    expect(settingLog.items[0]!.after.source).toContain('after 2 days send email "audit-mail" to person');

    const person = await signedIn('rollen@stroom.test', []);
    await call('PATCH', `/api/employees/${person.id}`, { mobile: '+31612345679' }, admin.token);
    await call('PATCH', `/api/employees/${person.id}`, { roles: ['content_editor'] }, admin.token);
    const roles = await audit(`subject=employee&subjectId=${person.id}`);
    expect(roles.items.map((e) => [e.action, e.before, e.after])).toEqual([
      ['updated', { roles: [] }, { roles: ['content_editor'] }],
      ['created', null, { roles: [] }],
    ]);
  });

  it('is for flow administrators only, and checks its query', async () => {
    expect((await call('GET', '/api/audit', undefined, editor)).status).toBe(403);
    expect((await call('GET', '/api/audit', undefined, null)).status).toBe(401);
    const bad = await call('GET', '/api/audit?subject=person', undefined, admin.token);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('subject');
    const paged = await audit('limit=2');
    expect(paged.items).toHaveLength(2);
    expect(paged.total).toBeGreaterThan(10);
  });
});
