import { beforeAll, describe, expect, it } from '@jest/globals';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { SETTINGS } from './support/flow-helpers.js';
import { useTestApp, type TestContext } from './support/lifecycle.js';
import { ADMIN_TOKEN } from './support/test-app.js';

const source = useTestApp();
const target = useTestApp();
const call = (context: TestContext, method: string, path: string, body?: unknown, token?: string | null) => context.app.call(method, path, body, token);

const WORKFLOW = 'workflow "Welkom nieuwe klant" {\n  on person created\n  when person.category = "Klant"\n  send email "tr-welkom" to person\n}\n';
const FLOW = `flow "Nieuwsbrief Ø" {\n${SETTINGS}  trigger manual\n  send email "tr-welkom"\n}\n`;

async function exportZip(context: TestContext, token = ADMIN_TOKEN): Promise<Response> {
  return fetch(`${context.app.url}/api/export`, { headers: { authorization: `Bearer ${token}` } });
}

async function importZip(context: TestContext, zip: Uint8Array, dryRun: boolean) {
  const res = await fetch(`${context.app.url}/api/import?dryRun=${dryRun}`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/zip', 'accept-language': 'en' }, body: Buffer.from(zip) });
  return { status: res.status, body: (await res.json()) as any };
}

const rowCounts = async (context: TestContext) =>
  (await context.db.query(`select (select count(*) from "workflow") as w, (select count(*) from "flow") as f, (select count(*) from "template") as t, (select count(*) from "status") as s, (select count(*) from "task_type") as tt`))[0];

let archive: Record<string, string>;

beforeAll(async () => {
  expect((await call(source, 'POST', '/api/templates', { key: 'tr-welkom', name: 'Welkom', channel: 'email', subject: 'Welkom {{ person.first_name }}', body: '<p>Hallo {{ person.first_name }}</p>' })).status).toBe(201);
  expect((await call(source, 'POST', '/api/statuses', { kind: 'opportunity', name: 'Export status', position: 90 })).status).toBe(201);
  expect((await call(source, 'POST', '/api/task-types', { name: 'Export taak' })).status).toBe(201);
  expect((await call(source, 'POST', '/api/workflows', { source: WORKFLOW })).status).toBe(201);
  const row = ((await call(source, 'GET', '/api/workflow-settings/opportunity-statuses')).body.items as { id: string; name: string }[]).find((r) => r.name === 'Export status')!;
  expect((await call(source, 'PUT', `/api/workflow-settings/opportunity-statuses/${row.id}`, { active: true, templateKey: 'tr-welkom', delayDays: 2, recipient: 'person' })).status).toBe(200);
  const flow = await call(source, 'POST', '/api/flows', { source: FLOW });
  expect((await call(source, 'POST', `/api/flows/${flow.body.id}/start`)).status).toBe(200);
});

describe('export', () => {
  it('gives a zip of .stroom files, templates with their bodies, statuses, task types and form links', async () => {
    const res = await exportZip(source);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="stroom-export-\d{4}-\d{2}-\d{2}\.zip"/);
    archive = Object.fromEntries(Object.entries(unzipSync(new Uint8Array(await res.arrayBuffer()))).map(([path, bytes]) => [path, strFromU8(bytes)]));
    expect(JSON.parse(archive['manifest.json']!)).toMatchObject({ format: 'stroom-export', version: 1 });
    expect(archive['workflows/welkom-nieuwe-klant.stroom']).toBe(WORKFLOW);
    expect(archive['flows/nieuwsbrief.stroom']).toContain('flow "Nieuwsbrief Ø"');
    expect(JSON.parse(archive['templates/tr-welkom.json']!)).toEqual({ key: 'tr-welkom', name: 'Welkom', channel: 'email', subject: 'Welkom {{ person.first_name }}' });
    expect(archive['templates/tr-welkom.liquid']).toBe('<p>Hallo {{ person.first_name }}</p>');
    expect(JSON.parse(archive['statuses.json']!)).toContainEqual({ kind: 'opportunity', name: 'Export status', position: 90, active: true });
    expect(JSON.parse(archive['task-types.json']!)).toContainEqual({ name: 'Export taak' });
    const settings = JSON.parse(archive['workflow-settings.json']!) as { workflow: string }[];
    expect(settings).toEqual([expect.objectContaining({ kind: 'status', statusKind: 'opportunity', status: 'Export status' })]);
    expect(archive[`workflows/${settings[0]!.workflow.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}.stroom`]).toContain('after 2 days send email "tr-welkom" to person');
  });

  it('is for both roles (content editors read everything); importing is for flow administrators only', async () => {
    await call(source, 'POST', '/api/employees', { name: 'Redactie', email: 'redactie@transfer.test', roles: ['content_editor'], password: 'een-goed-wachtwoord' });
    const token = (await call(source, 'POST', '/api/auth/login', { email: 'redactie@transfer.test', password: 'een-goed-wachtwoord' }, null)).body.token;
    expect((await exportZip(source, token)).status).toBe(200);
    expect((await call(source, 'POST', '/api/import?dryRun=true', { files: archive }, token)).status).toBe(403);
  });
});

describe('import', () => {
  it('lists in a dry run what it would create, and changes nothing', async () => {
    const before = await rowCounts(target);
    const res = await importZip(target, zipSync(Object.fromEntries(Object.entries(archive).map(([p, t]) => [p, strToU8(t)]))), true);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dryRun: true, applied: false });
    expect(res.body.changes).toEqual(expect.arrayContaining([
      { kind: 'template', name: 'tr-welkom', action: 'create' },
      { kind: 'workflow', name: 'Welkom nieuwe klant', action: 'create' },
      { kind: 'flow', name: 'Nieuwsbrief Ø', action: 'create' },
      { kind: 'status', name: 'opportunity: Export status', action: 'create' },
      { kind: 'task_type', name: 'Export taak', action: 'create' },
    ]));
    expect(await rowCounts(target)).toEqual(before);
  });

  it('applies in one transaction: the setting form shows the imported workflow, flows arrive not running; a second import changes nothing', async () => {
    const zip = zipSync(Object.fromEntries(Object.entries(archive).map(([p, t]) => [p, strToU8(t)])));
    const res = await importZip(target, zip, false);
    expect(res.status).toBe(200);
    expect(res.body.summary.create).toBeGreaterThanOrEqual(5);
    const row = ((await call(target, 'GET', '/api/workflow-settings/opportunity-statuses')).body.items as { name: string }[]).find((r) => r.name === 'Export status');
    expect(row).toMatchObject({ active: true, templateKey: 'tr-welkom', delayDays: 2, recipient: 'person', customized: false });
    const flows = (await call(target, 'GET', '/api/flows?q=Nieuwsbrief')).body.items;
    expect(flows).toEqual([expect.objectContaining({ name: 'Nieuwsbrief Ø', status: 'not_running' })]);
    const again = await importZip(target, zip, false);
    expect(again.body.summary).toMatchObject({ create: 0, update: 0 });
  });

  it('takes JSON {files} too, and reports exactly what changed', async () => {
    const edited = { ...archive, 'templates/tr-welkom.liquid': '<p>Dag {{ person.first_name }}</p>', 'workflows/welkom-nieuwe-klant.stroom': WORKFLOW.replace('= "Klant"', '= "Prospect"') };
    const res = await call(target, 'POST', '/api/import?dryRun=true', { files: edited });
    expect(res.status).toBe(200);
    expect(res.body.changes.filter((c: { action: string }) => c.action !== 'unchanged')).toEqual([
      { kind: 'template', name: 'tr-welkom', action: 'update' },
      { kind: 'workflow', name: 'Welkom nieuwe klant', action: 'update' },
    ]);
  });

  it('refuses a broken archive with a 400 naming the file or item, and writes nothing', async () => {
    const before = await rowCounts(target);
    const cases: [Record<string, string>, RegExp][] = [
      [{ ...archive, 'workflows/nieuw.stroom': 'workflow "Nieuw" {\n  on person created\n  send email "bestaat-niet" to person\n}\n' }, /^workflow "Nieuw": source: 3:\d+: /],
      [{ ...archive, 'statuses.json': '[{"kind": "opportunity", "name": ""}]' }, /^statuses\.json: /],
      [{ ...archive, 'manifest.json': '{"format": "iets anders"}' }, /^manifest\.json: /],
      [{ ...archive, 'templates/los.json': '{"key": "los", "name": "Los", "channel": "email", "subject": null}' }, /^templates\/los\.json: .*los\.liquid is missing/],
      [{ ...archive, 'flows/twee.stroom': 'workflow "Geen flow" {\n  on person created\n  send email "tr-welkom" to person\n}\n' }, /^flows\/twee\.stroom: expected one flow declaration/],
    ];
    for (const [files, message] of cases) {
      const res = await call(target, 'POST', '/api/import', { files });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(message);
    }
    const notZip = await fetch(`${target.app.url}/api/import`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/zip' }, body: 'geen zip' });
    expect(notZip.status).toBe(400);
    const unsafe = await importZip(target, zipSync({ '../buiten.json': strToU8('{}') }), true);
    expect(unsafe).toMatchObject({ status: 400, body: { message: expect.stringMatching(/not a safe path/) } });
    expect(await rowCounts(target)).toEqual(before);
  });

  it('does not change a running flow (409): pause it first', async () => {
    const flow = (await call(target, 'GET', '/api/flows?q=Nieuwsbrief')).body.items[0];
    expect((await call(target, 'POST', `/api/flows/${flow.id}/start`)).status).toBe(200);
    const edited = { ...archive, 'flows/nieuwsbrief.stroom': archive['flows/nieuwsbrief.stroom']!.replace('send email "tr-welkom"', 'send email "tr-welkom"\n  wait 1 days') };
    const res = await call(target, 'POST', '/api/import', { files: edited });
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/flow "Nieuwsbrief Ø": it is running/);
  });
});
