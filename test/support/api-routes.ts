import { expect } from '@jest/globals';
import { ADMIN_TOKEN, type TestApp } from './test-app.js';

/** One operation of the OpenAPI document: `POST /api/flows/{id}/start`. */
export interface Route {
  method: string;
  path: string;
  /** `METHOD path`, the key of rule tables. */
  key: string;
  /** The operation as the document describes it (parameters, requestBody). */
  operation: { parameters?: { name: string; in: string; schema?: Record<string, unknown> }[]; requestBody?: { content?: Record<string, { schema?: Record<string, unknown> }> } };
}

/** Every operation the served OpenAPI document lists (the JSON of /api/docs). */
export async function documentedRoutes(app: TestApp): Promise<Route[]> {
  const res = await app.call('GET', '/api/docs-json', undefined, null);
  expect(res.status).toBe(200);
  const routes: Route[] = [];
  for (const [path, operations] of Object.entries<Record<string, Route['operation']>>(res.body.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      routes.push({ method: method.toUpperCase(), path, key: `${method.toUpperCase()} ${path}`, operation });
    }
  }
  return routes;
}

/** Ids of real records, by the path segment that names their collection (`persons`, `flows`, …). */
export type FixtureIds = Record<string, string>;

const FLOW_SOURCE = 'flow "Matrix" {\n  sender "Loket <info@loket.example>"\n  reply_to "info@loket.example"\n  trigger manual\n  send email "matrix" subject "Hallo"\n}\n';
const WORKFLOW_SOURCE = 'workflow "Matrix" {\n  on person created\n  send email "matrix" to person\n}\n';

/** Creates one record of every kind the API serves (as the admin token) and answers their ids. */
export async function createFixtures(app: TestApp): Promise<FixtureIds> {
  const ids: FixtureIds = {};
  const make = async (collection: string, body: unknown, path = `/api/${collection}`) => {
    const res = await app.call('POST', path, body);
    expect({ collection, status: res.status, body: res.body }).toMatchObject({ status: 201 });
    ids[collection] = String(res.body.id);
    return res.body;
  };
  await make('groups', { name: 'Matrix-groep' });
  await make('employees', { name: 'Matrix-collega', email: 'matrix-collega@test.example', roles: ['content_editor'] });
  await make('companies', { name: 'Matrix BV' });
  await make('persons', { firstName: 'Mia', lastName: 'Trix', email: 'mia@test.example', companyId: ids.companies });
  await make('selections', { name: 'Matrix-selectie' });
  await make('projects', { name: 'Matrix-project' });
  await make('statuses', { kind: 'quote_request', name: 'Matrix - Nieuw' });
  await make('task-types', { name: 'Matrix-taak' });
  await make('tasks', { type: 'Matrix-taak', title: 'Bel Mia', contactId: ids.persons });
  await make('quote-requests', { kind: 'Matrix', status: 'Matrix - Nieuw', personId: ids.persons });
  await make('opportunities', { status: 'Nieuw', personId: ids.persons });
  await make('intake-measures', { status: 'Aangemeld', personId: ids.persons });
  await make('sales', { title: 'Warmtepomp', stage: 'open', personId: ids.persons });
  await make('requests', { title: 'Vraag', personId: ids.persons });
  await make('follow-ups', { title: 'Gesprek', personId: ids.persons });
  await make('assignment-rules', { requestType: 'Matrix', employeeIds: [ids.employees] });
  const form = await make('forms', { key: 'matrix-form', name: 'Matrix-formulier' });
  ids.formKey = form.key;
  await make('templates', { key: 'matrix', name: 'Matrix', channel: 'email', subject: 'Hallo {{ person.first_name }}', body: '<p>Hallo</p>' });
  const testSend = await app.call('POST', `/api/templates/${ids.templates}/test-send`, { to: 'matrix@test.example', personId: ids.persons });
  expect(testSend.status).toBe(200);
  ids.messages = String(testSend.body.messageId);
  await make('workflows', { source: WORKFLOW_SOURCE });
  await make('flows', { source: FLOW_SOURCE });
  const upload = new FormData();
  upload.append('file', new Blob(['%PDF-1.4 matrix'], { type: 'application/pdf' }), 'matrix.pdf');
  const file = await fetch(`${app.url}/api/files`, { method: 'POST', body: upload, headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  expect(file.status).toBe(201);
  ids.files = String(((await file.json()) as { id: string }).id);
  return ids;
}

/**
 * Fills a documented path with real ids: `{id}` takes the id of the collection named just before it
 * (`/api/flows/{id}/start` → the flow), `{personId}` the person, `{key}` the form key, `{kind}` the
 * quote-request statuses (so `{kind}/{id}` takes the status), `{token}` an unknown tracking token, `{address}` an address (of the suppression list).
 */
export function fillPath(path: string, ids: FixtureIds): string {
  const segments = path.split('/');
  return segments
    .map((segment, i) => {
      if (!segment.startsWith('{')) return segment;
      const before = segments[i - 1] ?? '';
      switch (segment) {
        case '{personId}': return ids.persons;
        case '{key}': return ids.formKey;
        case '{kind}': return 'quote-request-statuses';
        case '{token}': return 'unknownToken0123456789';
        case '{address}': return 'matrix-suppressed@test.example';
        case '{id}': {
          const collection = before === '{kind}' ? 'statuses' : before;
          const id = ids[collection];
          if (!id) throw new Error(`No fixture id for {id} after '${before}' in ${path}: add one to createFixtures`);
          return id;
        }
        default: throw new Error(`No fixture for ${segment} in ${path}: teach fillPath`);
      }
    })
    .join('/');
}
