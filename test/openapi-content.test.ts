import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SETTINGS } from './support/flow-helpers.js';
import { useTestApp } from './support/lifecycle.js';
import { OpenApiCheck } from './support/openapi-check.js';
import { SmtpSink } from './support/smtp-sink.js';
import { ADMIN_TOKEN } from './support/test-app.js';

/**
 * The content, messaging and transfer routes document a named success schema each: real answers
 * are validated against the schema the document gives for their operation and status; the binary
 * answers (a file's content, the zip export) against their documented content types.
 */
const smtp = new SmtpSink();
beforeAll(async () => {
  await smtp.start();
});
afterAll(async () => smtp.stop());
const context = useTestApp({ CLOCK: 'manual', get SMTP_URL() { return smtp.url; } } as Record<string, string>);

type Json = Record<string, any>;
const check = new OpenApiCheck(context);
const documentedCall = check.documentedCall.bind(check);
let doc: Json;

beforeAll(async () => {
  doc = await check.load();
});

/** The operations this test covers, with their success status. */
const OPERATIONS: [string, string, number][] = [
  ['get', '/api/audit', 200],
  ['get', '/api/change-events', 200],
  ['post', '/api/events', 202],
  ['get', '/api/messages', 200],
  ['get', '/api/messages/{id}', 200],
  ['get', '/api/suppressions', 200],
  ['post', '/api/suppressions', 201],
  ['post', '/api/forms/{key}/submissions', 201],
  ['get', '/api/form-usage', 200],
  ['get', '/api/files', 200],
  ['post', '/api/files', 201],
  ['post', '/api/files/images', 201],
  ['get', '/api/files/{id}', 200],
  ['get', '/api/files/{id}/content', 200],
  ['get', '/api/templates/{id}/usage', 200],
  ['post', '/api/templates/{id}/preview', 200],
  ['post', '/api/templates/{id}/test-send', 200],
  ['get', '/api/template-variables', 200],
  ['get', '/api/contact-policy', 200],
  ['put', '/api/contact-policy', 200],
  ['get', '/api/persons/{id}/contact-history', 200],
  ['get', '/api/export', 200],
  ['post', '/api/import', 200],
];

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a3d9d0a50000000049454e44ae426082', 'hex');

async function created(path: string, body: unknown): Promise<Json> {
  const res = await context.app.call('POST', path, body);
  expect({ path, status: res.status, error: res.status === 201 ? null : res.body }).toEqual({ path, status: 201, error: null });
  return res.body;
}

/** Uploads through multipart (not JSON) and validates the answer against the documented 201 schema. */
async function documentedUpload(path: string, content: Buffer | string, name: string, type: string): Promise<Json> {
  const form = new FormData();
  form.append('file', new Blob([content], { type }), name);
  const res = await fetch(`${context.app.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}` }, body: form });
  const body = (await res.json()) as Json;
  expect({ path, status: res.status }).toEqual({ path, status: 201 });
  const validate = check.validatorFor('POST', path, 201)!;
  expect({ path, errors: validate(body) ? null : validate.errors }).toEqual({ path, errors: null });
  return body;
}

/** The content types the document gives for a binary answer; the served one must be among them (the any-type range covers any). */
function documentedTypes(path: string): string[] {
  return Object.keys(doc.paths[path].get.responses['200'].content);
}

function expectDocumentedType(path: string, served: string | null): void {
  const type = (served ?? '').split(';')[0]!.trim();
  const types = documentedTypes(path);
  const matches = types.some((documented) => documented === type || documented === '*/*' || (documented.endsWith('/*') && type.startsWith(documented.slice(0, -1))));
  expect({ path, type, matches }).toEqual({ path, type, matches: true });
}

describe('content, messaging and transfer routes answer what the document says', () => {
  it('documents a 2xx answer with a named schema for each of these operations', () => {
    for (const [method, path, status] of OPERATIONS) {
      const response = doc.paths[path]?.[method]?.responses?.[String(status)];
      const content: Json = response?.content ?? {};
      const schemas = Object.values(content).map((media: Json) => media.schema);
      const named = schemas.some((schema) => typeof schema?.$ref === 'string' && doc.components.schemas[schema.$ref.split('/').pop()] !== undefined);
      const binary = schemas.some((schema) => schema?.type === 'string' && schema.format === 'binary');
      expect({ method, path, status, schema: named || binary }).toEqual({ method, path, status, schema: true });
      const errors = Object.keys(doc.paths[path][method].responses).filter((s) => s.startsWith('4'));
      expect({ method, path, errors: errors.length > 0 }).toEqual({ method, path, errors: true });
    }
    expect(documentedTypes('/api/files/{id}/content')).toContain('application/octet-stream');
    expect(documentedTypes('/api/export')).toEqual(expect.arrayContaining(['application/zip', 'application/json']));
  });

  it('templates: variables, usage, preview (e-mail and SMS) and test send', async () => {
    const person = await created('/api/persons', { firstName: 'Olga', lastName: 'Open', email: 'olga@test.example' });
    const email = await created('/api/templates', { key: 'oa-welkom', name: 'Welkom', channel: 'email', subject: 'Hallo {{ person.first_name }}', body: '<p>Hallo {{ person.first_name }} {{ person.mobile }}</p>' });
    const sms = await created('/api/templates', { key: 'oa-sms', name: 'SMS', channel: 'sms', body: 'Hoi {{ person.first_name }}' });
    await created('/api/flows', { source: `flow "OA welkom" {\n${SETTINGS}  trigger manual\n  send email "oa-welkom"\n}\n` });

    const variables = await documentedCall('GET', '/api/template-variables', '/api/template-variables');
    expect(variables.body.items).toContain('person.first_name');
    const usage = await documentedCall('GET', '/api/templates/{id}/usage', `/api/templates/${email.id}/usage`);
    expect(usage.body.flows).toHaveLength(1);

    const preview = await documentedCall('POST', '/api/templates/{id}/preview', `/api/templates/${email.id}/preview`, { personId: person.id });
    expect(preview.status).toBe(200);
    expect(preview.body.empty.length).toBeGreaterThan(0);
    const sample = await documentedCall('POST', '/api/templates/{id}/preview', `/api/templates/${email.id}/preview`, {});
    expect(sample.body.record.sample).toBe(true);
    const smsPreview = await documentedCall('POST', '/api/templates/{id}/preview', `/api/templates/${sms.id}/preview`, { personId: person.id });
    expect(smsPreview.body.sms).toBeDefined();

    const sent = await documentedCall('POST', '/api/templates/{id}/test-send', `/api/templates/${email.id}/test-send`, { to: 'olga@test.example', personId: person.id });
    expect(sent.status).toBe(200);
    const queued = await documentedCall('GET', '/api/messages/{id}', `/api/messages/${sent.body.messageId}`);
    expect(queued.body.status).toBe('queued');
    expect((await context.app.call('POST', '/api/clock/advance', { by: 'PT1M' })).status).toBe(200);

    const messages = await documentedCall('GET', '/api/messages', '/api/messages');
    expect(messages.body.total).toBeGreaterThanOrEqual(1);
    const detail = await documentedCall('GET', '/api/messages/{id}', `/api/messages/${sent.body.messageId}`);
    expect(detail.body).toMatchObject({ status: 'sent', person: { id: person.id } });
    expect(detail.body.deliveryAttempts.length).toBeGreaterThan(0);

    const history = await documentedCall('GET', '/api/persons/{id}/contact-history', `/api/persons/${person.id}/contact-history`);
    expect(history.body.items.length).toBeGreaterThan(0);
  });

  it('events, change events, contact policy and audit', async () => {
    const person = await created('/api/persons', { firstName: 'Erik', email: 'erik@test.example' });
    const event = await documentedCall('POST', '/api/events', '/api/events', { type: 'link.clicked', personId: person.id, data: { url: 'https://example.nl' } });
    expect(event.status).toBe(202);
    const bounce = await documentedCall('POST', '/api/events', '/api/events', { type: 'email.bounced', data: { address: 'niemand@test.example', kind: 'hard' } });
    expect(bounce.body.personId).toBeNull();
    const events = await documentedCall('GET', '/api/change-events', '/api/change-events');
    expect(events.body.total).toBeGreaterThan(0);

    const policy = await documentedCall('GET', '/api/contact-policy', '/api/contact-policy');
    expect(policy.body.updatedAt).toBeNull();
    const saved = await documentedCall('PUT', '/api/contact-policy', '/api/contact-policy', { source: policy.body.source });
    expect(saved.status).toBe(200);
    expect((await documentedCall('GET', '/api/contact-policy', '/api/contact-policy')).body.updatedAt).not.toBeNull();

    const audit = await documentedCall('GET', '/api/audit', '/api/audit');
    expect(audit.body.items.some((entry: Json) => entry.subject === 'contact_policy')).toBe(true);
    // An audited state is an object (or null), never a bare value.
    expect(check.validatorFor('GET', '/api/audit', 200)!({ ...audit.body, items: [{ ...audit.body.items[0], after: 'tekst' }] })).toBe(false);
  });

  it('suppressions, form submissions and form usage', async () => {
    const added = await documentedCall('POST', '/api/suppressions', '/api/suppressions', { address: 'Weg@Test.example' });
    expect(added.status).toBe(201);
    expect((await documentedCall('GET', '/api/suppressions', '/api/suppressions')).body.total).toBeGreaterThanOrEqual(1);

    await created('/api/forms', { key: 'oa-aanmelden', name: 'Aanmelden' });
    await created('/api/flows', { source: `flow "OA formulier" {\n${SETTINGS}  trigger form "oa-aanmelden" submitted\n  send email "oa-welkom"\n}\n` });
    const submitted = await documentedCall('POST', '/api/forms/{key}/submissions', '/api/forms/oa-aanmelden/submissions', { person: { email: 'nieuw@test.example', firstName: 'Nina' }, answers: { interesse: 'isolatie' } });
    expect(submitted.body.personCreated).toBe(true);
    const usage = await documentedCall('GET', '/api/form-usage', '/api/form-usage');
    expect(usage.body.items.find((form: Json) => form.key === 'oa-aanmelden')).toMatchObject({ submissions: 1, flows: [{ uses: ['trigger'] }] });
  });

  it('files: upload, image upload, list, get and content', async () => {
    const file = await documentedUpload('/api/files', '%PDF-1.4 folder', 'folder.pdf', 'application/pdf');
    const image = await documentedUpload('/api/files/images', PNG, 'logo.png', 'image/png');
    expect(image.url).toMatch(/\/img\//);
    expect((await documentedCall('GET', '/api/files', '/api/files')).body.total).toBe(2);
    expect((await documentedCall('GET', '/api/files/{id}', `/api/files/${image.id}`)).status).toBe(200);
    const unknown = await documentedUpload('/api/files', 'gewoon tekst', 'notitie.txt', 'text/plain');
    // Served as the type its bytes show; unknown bytes as application/octet-stream.
    for (const [id, type] of [[file.id, 'application/pdf'], [image.id, 'image/png'], [unknown.id, 'application/octet-stream']]) {
      const content = await fetch(`${context.app.url}/api/files/${id}/content`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      expect(content.status).toBe(200);
      expect(content.headers.get('content-type')).toBe(type);
      expectDocumentedType('/api/files/{id}/content', content.headers.get('content-type'));
    }
  });

  it('errors they document: unknown records, bad input, a conflict, no token, no role', async () => {
    for (const [template, path] of [
      ['/api/messages/{id}', '/api/messages/987654321'],
      ['/api/files/{id}', '/api/files/abc'],
      ['/api/files/{id}/content', '/api/files/987654321/content'],
      ['/api/templates/{id}/usage', '/api/templates/987654321/usage'],
      ['/api/persons/{id}/contact-history', '/api/persons/987654321/contact-history'],
    ]) expect((await documentedCall('GET', template!, path!)).status).toBe(404);
    expect((await documentedCall('POST', '/api/templates/{id}/preview', '/api/templates/987654321/preview', {})).status).toBe(404);
    expect((await documentedCall('POST', '/api/forms/{key}/submissions', '/api/forms/bestaat-niet/submissions', { person: { email: 'x@test.example' } })).status).toBe(404);
    for (const [template, path] of [['/api/audit', '/api/audit?subject=nothing'], ['/api/change-events', '/api/change-events?nope=1'], ['/api/messages', '/api/messages?status=lost'],
      ['/api/suppressions', '/api/suppressions?limit=-1'], ['/api/files', '/api/files?nope=1'], ['/api/export', '/api/export?format=tar']]) {
      expect((await documentedCall('GET', template!, path!)).status).toBe(400);
    }
    expect((await documentedCall('POST', '/api/events', '/api/events', { type: 'link.clicked' })).status).toBe(400);
    expect((await documentedCall('PUT', '/api/contact-policy', '/api/contact-policy', { source: 'policy {' })).status).toBe(400);
    expect((await documentedCall('POST', '/api/import', '/api/import', {})).status).toBe(400);
    expect((await documentedCall('POST', '/api/suppressions', '/api/suppressions', { address: 'weg@test.example' })).status).toBe(409);
    for (const [method, path] of OPERATIONS) {
      const real = path.replace('{id}', '1').replace('{key}', 'oa-aanmelden');
      expect((await documentedCall(method.toUpperCase(), path, real, method === 'get' ? undefined : {}, null)).status).toBe(401);
    }
    await created('/api/employees', { name: 'OA-zonder-rol', email: 'oa-geen-rol@test.example', roles: [], password: 'oa-wachtwoord' });
    const login = await context.app.call('POST', '/api/auth/login', { email: 'oa-geen-rol@test.example', password: 'oa-wachtwoord' }, null);
    expect(login.status).toBe(200);
    for (const [method, path] of OPERATIONS) {
      const real = path.replace('{id}', '1').replace('{key}', 'oa-aanmelden');
      expect((await documentedCall(method.toUpperCase(), path, real, method === 'get' ? undefined : {}, login.body.token)).status).toBe(403);
    }
  });

  it('export (JSON and zip) and import', async () => {
    const exported = await documentedCall('GET', '/api/export', '/api/export?format=json');
    expect(Object.keys(exported.body.files)).toContain('manifest.json');
    const zip = await fetch(`${context.app.url}/api/export`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(zip.status).toBe(200);
    expectDocumentedType('/api/export', zip.headers.get('content-type'));
    const dryRun = await documentedCall('POST', '/api/import', '/api/import?dryRun=true', { files: exported.body.files });
    expect(dryRun.body).toMatchObject({ dryRun: true, applied: false });
    const applied = await documentedCall('POST', '/api/import', '/api/import', { files: exported.body.files });
    expect(applied.body.summary.unchanged).toBeGreaterThan(0);
  });
});
