import { beforeAll, describe, expect, it } from '@jest/globals';
import { createFixtures, type FixtureIds } from './support/api-routes.js';
import { useTestApp } from './support/lifecycle.js';
import { OpenApiCheck } from './support/openapi-check.js';

/**
 * The OpenAPI document promises a schema for every answer: each record resource's answers (one, a
 * page `{items, total}`, 204 on delete) and the one error shape. Here real answers of the API are
 * validated against the schema the document gives for their operation and status, and the document
 * is checked to hold together (every $ref resolves, every operation documents a success and errors).
 */
const context = useTestApp({ CLOCK: 'manual' });

type Json = Record<string, any>;
let doc: Json;
let ids: FixtureIds;
const check = new OpenApiCheck(context);
const documentedCall = check.documentedCall.bind(check);

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

beforeAll(async () => {
  doc = await check.load();
  ids = await createFixtures(context.app);
});

/** A new record of each resource, unlike the fixtures in its unique values. */
function newRecords(): Record<string, Json> {
  return {
    groups: { name: 'OA-groep' },
    employees: { name: 'OA-collega', email: 'oa-collega@test.example', mobile: '+31600000009', roles: ['flow_admin'] },
    companies: { name: 'OA BV' },
    persons: { firstName: 'Olle', lastName: 'Api', email: 'olle@test.example', companyId: ids.companies },
    selections: { name: 'OA-selectie' },
    projects: { name: 'OA-project' },
    statuses: { kind: 'quote_request', name: 'OA - Nieuw', position: 3 },
    'task-types': { name: 'OA-taak' },
    tasks: { type: 'Matrix-taak', title: 'Bel Olle', contactId: ids.persons },
    'quote-requests': { kind: 'OA', status: 'Matrix - Nieuw', personId: ids.persons },
    opportunities: { status: 'Nieuw', personId: ids.persons },
    'intake-measures': { status: 'Aangemeld', personId: ids.persons },
    sales: { title: 'Zonnepanelen', stage: 'open', personId: ids.persons, amount: 1234.5 },
    requests: { title: 'Vraag van Olle', personId: ids.persons },
    'follow-ups': { title: 'Nagesprek', personId: ids.persons },
    'assignment-rules': { requestType: 'OA', employeeIds: [ids.employees] },
    forms: { key: 'oa-form', name: 'OA-formulier' },
    templates: { key: 'oa-mjml', name: 'OA', channel: 'email', format: 'mjml', subject: 'Hallo', body: '<mjml><mj-body><mj-section><mj-column><mj-text>Hallo</mj-text></mj-column></mj-section></mj-body></mjml>' },
  };
}

/** Collections with a page of their own that are not record resources: tested on their own below. */
const NOT_RECORDS = new Set(['/api/flows', '/api/workflows']);

/** The collections whose list answers a `<Resource>List` component: the record resources. */
function recordCollections(): string[] {
  return Object.entries<Json>(doc.paths)
    .filter(([path, item]) => !NOT_RECORDS.has(path) && /^\/api\/[a-z-]+$/.test(path) && /List$/.test(item.get?.responses?.['200']?.content?.['application/json']?.schema?.$ref ?? ''))
    .map(([path]) => path.slice('/api/'.length))
    .sort();
}

describe('record resources answer what the document says', () => {
  it('documents every record resource with its own component schemas', () => {
    const collections = recordCollections();
    expect(collections.length).toBeGreaterThanOrEqual(15);
    expect(collections).toEqual(Object.keys(newRecords()).sort());
    expect(doc.components.schemas.Person.properties).toMatchObject({ id: { type: 'string' }, firstName: { type: 'string' }, companyId: { nullable: true }, createdAt: { format: 'date-time' } });
    expect(doc.components.schemas.PersonList.properties.items.items.$ref).toBe('#/components/schemas/Person');
    expect(doc.components.schemas.Employee.properties.password).toBeUndefined();
  });

  it('list, get, create, update and delete of every record resource', async () => {
    const records = newRecords();
    for (const collection of recordCollections()) {
      const base = `/api/${collection}`;
      const one = `${base}/{id}`;
      const list = await documentedCall('GET', base, base);
      expect(list.status).toBe(200);
      expect(list.body.total).toBeGreaterThanOrEqual(1);
      expect((await documentedCall('GET', one, `${base}/${ids[collection]}`)).status).toBe(200);
      const created = await documentedCall('POST', base, base, records[collection]);
      expect({ collection, status: created.status, body: created.body }).toMatchObject({ collection, status: 201 });
      const path = `${base}/${created.body.id}`;
      expect((await documentedCall('PATCH', one, path, records[collection])).status).toBe(200);
      if (doc.paths[one].put) expect((await documentedCall('PUT', one, path, records[collection])).status).toBe(200);
      expect((await documentedCall('DELETE', one, path)).status).toBe(204);
    }
  });

  it('errors of record routes: unknown id, bad body, bad filter, no token, in use', async () => {
    for (const collection of recordCollections()) {
      const base = `/api/${collection}`;
      const one = `${base}/{id}`;
      expect((await documentedCall('GET', one, `${base}/987654321`)).status).toBe(404);
      expect((await documentedCall('PATCH', one, `${base}/987654321`, {})).status).toBe(404);
      expect((await documentedCall('DELETE', one, `${base}/987654321`)).status).toBe(404);
      expect((await documentedCall('POST', base, base, { noSuchField: 1 })).status).toBe(400);
      expect((await documentedCall('GET', base, `${base}?noSuchFilter=1`)).status).toBe(400);
      expect((await documentedCall('GET', base, base, undefined, null)).status).toBe(401);
    }
    expect((await documentedCall('DELETE', '/api/companies/{id}', `/api/companies/${ids.companies}`)).status).toBe(409);
    expect((await documentedCall('POST', '/api/companies', '/api/companies', 'x'.repeat(2_000_000))).status).toBe(413);
  });
});

describe('flows and workflows answer what the document says', () => {
  it('list, get, create, update, copy, start, pause, end and delete', async () => {
    const flowSource = 'flow "OA-flow" {\n  sender "Loket <info@loket.example>"\n  reply_to "info@loket.example"\n  trigger manual\n  send email "matrix" subject "Hallo"\n}\n';
    expect((await documentedCall('GET', '/api/flows', '/api/flows')).status).toBe(200);
    expect((await documentedCall('GET', '/api/flows/{id}', `/api/flows/${ids.flows}`)).status).toBe(200);
    const flow = await documentedCall('POST', '/api/flows', '/api/flows', { source: flowSource });
    expect(flow.status).toBe(201);
    const path = `/api/flows/${flow.body.id}`;
    expect((await documentedCall('PUT', '/api/flows/{id}', path, { source: flowSource.replace('Hallo', 'Dag') })).status).toBe(200);
    expect((await documentedCall('PATCH', '/api/flows/{id}', path, { source: flowSource })).status).toBe(200);
    const copy = await documentedCall('POST', '/api/flows/{id}/copy', `${path}/copy`);
    expect(copy.status).toBe(201);
    expect((await documentedCall('POST', '/api/flows/{id}/start', `${path}/start`)).status).toBe(200);
    expect((await documentedCall('PUT', '/api/flows/{id}', path, { source: flowSource })).status).toBe(409);
    expect((await documentedCall('POST', '/api/flows/{id}/pause', `${path}/pause`)).status).toBe(200);
    expect((await documentedCall('POST', '/api/flows/{id}/end', `${path}/end`)).status).toBe(200);
    expect((await documentedCall('DELETE', '/api/flows/{id}', path)).status).toBe(204);
    expect((await documentedCall('DELETE', '/api/flows/{id}', `/api/flows/${copy.body.id}`)).status).toBe(204);

    const workflowSource = 'workflow "OA-workflow" {\n  on person created\n  send email "matrix" to person\n}\n';
    expect((await documentedCall('GET', '/api/workflows', '/api/workflows')).status).toBe(200);
    expect((await documentedCall('GET', '/api/workflows/{id}', `/api/workflows/${ids.workflows}`)).status).toBe(200);
    const workflow = await documentedCall('POST', '/api/workflows', '/api/workflows', { source: workflowSource });
    expect(workflow.status).toBe(201);
    const wpath = `/api/workflows/${workflow.body.id}`;
    expect((await documentedCall('PUT', '/api/workflows/{id}', wpath, { source: workflowSource })).status).toBe(200);
    expect((await documentedCall('PATCH', '/api/workflows/{id}', wpath, { source: workflowSource })).status).toBe(200);
    expect((await documentedCall('DELETE', '/api/workflows/{id}', wpath)).status).toBe(204);
  });
});

/** Every `$ref` in a JSON value, with where it stands. */
function refsIn(value: unknown, at = '#'): { at: string; ref: string }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => refsIn(v, `${at}/${i}`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => (k === '$ref' && typeof v === 'string' ? [{ at, ref: v }] : refsIn(v, `${at}/${k}`)));
}

function resolve(ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  return ref.slice(2).split('/').map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~')).reduce<any>((node, part) => node?.[part], doc);
}

describe('the document holds together', () => {
  it('is OpenAPI 3 with every $ref resolving', () => {
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(doc.info.title).toBeTruthy();
    const refs = refsIn(doc);
    expect(refs.length).toBeGreaterThan(100);
    expect(refs.filter(({ ref }) => resolve(ref) === undefined)).toEqual([]);
  });

  it('documents a success and errors with the Error shape on every operation', () => {
    const problems: string[] = [];
    for (const [path, item] of Object.entries<Json>(doc.paths)) {
      for (const method of METHODS.filter((m) => item[m])) {
        const responses = item[method].responses ?? {};
        const statuses = Object.keys(responses);
        // A success: 2xx, or a redirect (a tracked link).
        if (!statuses.some((s) => /^[23]/.test(s))) problems.push(`${method} ${path}: no 2xx or 3xx`);
        if (!statuses.some((s) => s.startsWith('4') || s === 'default')) problems.push(`${method} ${path}: no error`);
        for (const status of statuses.filter((s) => /^[45]|default/.test(s))) {
          // The public pages outside /api may answer an error as a page for people (HTML).
          const content = responses[status].content ?? {};
          const isError = content['application/json']?.schema?.$ref === '#/components/schemas/Error';
          const page = !path.startsWith('/api/') && 'text/html' in content;
          if (!isError && !page) problems.push(`${method} ${path} ${status}: not Error`);
        }
        if (item[method].security?.length && !statuses.includes('401')) problems.push(`${method} ${path}: needs a token but documents no 401`);
        if (path.startsWith('/api/') && path.includes('{') && !statuses.includes('404')) problems.push(`${method} ${path}: names a record but documents no 404`);
      }
    }
    expect(problems).toEqual([]);
    expect(Object.keys(doc.components.schemas.Error.properties).sort()).toEqual(['code', 'details', 'error', 'message', 'params', 'statusCode']);
  });

  it('errors of other operations (404, 400, 401, 403), login and a redacted record match the document', async () => {
    expect((await documentedCall('GET', '/api/flows/{id}', '/api/flows/987654321')).status).toBe(404);
    expect((await documentedCall('GET', '/api/workflows/{id}', '/api/workflows/987654321')).status).toBe(404);
    expect((await documentedCall('GET', '/api/flows', '/api/flows', undefined, null)).status).toBe(401);
    expect((await documentedCall('POST', '/api/flows', '/api/flows', { source: 'flow {' })).status).toBe(400);
    expect((await documentedCall('POST', '/api/workflows', '/api/workflows', { nope: 1 })).status).toBe(400);
    expect((await documentedCall('POST', '/api/auth/login', '/api/auth/login', { email: 'nobody@test.example', password: 'wrong-password' }, null)).status).toBe(401);
    expect(doc.paths['/api/auth/login'].post.responses['401']).toBeDefined();
    const editor = await documentedCall('POST', '/api/employees', '/api/employees', { name: 'OA-redacteur', email: 'oa-editor@test.example', roles: ['content_editor'], password: 'oa-wachtwoord' });
    expect(editor.body.password).toBeUndefined();
    const login = await documentedCall('POST', '/api/auth/login', '/api/auth/login', { email: 'oa-editor@test.example', password: 'oa-wachtwoord' }, null);
    expect(login.status).toBe(200);
    // A content editor may read employees but not their roles, and may not change flows or delete templates.
    const seen = await documentedCall('GET', '/api/employees/{id}', `/api/employees/${editor.body.id}`, undefined, login.body.token);
    expect(seen.body.roles).toBeUndefined();
    expect((await documentedCall('POST', '/api/flows', '/api/flows', { source: 'flow "x" {}' }, login.body.token)).status).toBe(403);
    expect((await documentedCall('DELETE', '/api/templates/{id}', `/api/templates/${ids.templates}`, undefined, login.body.token)).status).toBe(403);
    expect((await documentedCall('POST', '/api/auth/login', '/api/auth/login', { email: 'admin@test.example', password: 'correct-horse-battery' }, null)).status).toBe(200);
  });
});
