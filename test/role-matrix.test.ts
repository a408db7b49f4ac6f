import { beforeAll, describe, expect, it } from '@jest/globals';
import { createFixtures, documentedRoutes, fillPath, type FixtureIds, type Route } from './support/api-routes.js';
import type { UndocumentedAnswer } from './support/answer-validation.js';
import { useTestApp } from './support/lifecycle.js';
import { ADMIN_TOKEN } from './support/test-app.js';

/**
 * The rights of the two roles (docs/security.md), route by route: every operation of the OpenAPI document × every kind of
 * caller. A documented route without a rule here fails the test, so no new route goes unjudged.
 */
const context = useTestApp({ CLOCK: 'manual' });

type Caller = 'anonymous' | 'no role' | 'content_editor' | 'flow_admin' | 'admin token';
const CALLERS: Caller[] = ['anonymous', 'no role', 'content_editor', 'flow_admin', 'admin token'];

/** Who may call a route. */
const PUBLIC: readonly Caller[] = CALLERS;
const SIGNED_IN: readonly Caller[] = ['no role', 'content_editor', 'flow_admin', 'admin token'];
/** Reading (and read-only actions such as preview, simulate, explain, check). */
const READ: readonly Caller[] = ['content_editor', 'flow_admin', 'admin token'];
/** Writing what a content editor may write: CRM records, templates, forms, files. */
const EDIT = READ;
const ADMIN: readonly Caller[] = ['flow_admin', 'admin token'];

type Rules = Record<string, readonly Caller[]>;

/** The CRUD routes of a collection: reads by both roles, writes and deletes as given. */
function crud(collection: string, write: readonly Caller[], remove: readonly Caller[], put = false): Rules {
  const base = `/api/${collection}`;
  return {
    [`GET ${base}`]: READ,
    [`GET ${base}/{id}`]: READ,
    [`POST ${base}`]: write,
    [`PATCH ${base}/{id}`]: write,
    ...(put ? { [`PUT ${base}/{id}`]: write } : {}),
    [`DELETE ${base}/{id}`]: remove,
  };
}

const RULES: Rules = {
  // Public: health, login and the tracked link, pixel and unsubscribe addresses.
  'GET /api/health': PUBLIC,
  'POST /api/auth/login': PUBLIC,
  'GET /l/{token}': PUBLIC,
  'GET /o/{token}': PUBLIC,
  'GET /img/{token}': PUBLIC,
  'GET /u/{token}': PUBLIC,
  'POST /u/{token}': PUBLIC,
  // A web form's public address: a web site's <form> posts to it.
  'POST /f/{key}': PUBLIC,
  // An employee with no role may only learn who it is, and sign out.
  'GET /api/auth/me': SIGNED_IN,
  'POST /api/auth/logout': SIGNED_IN,

  // CRM records: a content editor reads and writes them (deleting included).
  ...Object.fromEntries(['companies', 'persons', 'selections', 'projects', 'tasks', 'quote-requests', 'opportunities', 'intake-measures', 'sales', 'requests', 'follow-ups']
    .flatMap((collection) => Object.entries(crud(collection, EDIT, EDIT)))),
  'GET /api/selections/{id}/members': READ,
  'POST /api/selections/{id}/members': EDIT,
  'DELETE /api/selections/{id}/members/{personId}': EDIT,
  'GET /api/projects/{id}/members': READ,
  'POST /api/projects/{id}/members': EDIT,
  'DELETE /api/projects/{id}/members/{personId}': EDIT,
  // Behaviour events and form submissions are CRM data, not configuration.
  'POST /api/events': EDIT,
  'POST /api/forms/{key}/submissions': EDIT,

  // Employees and their groups and roles, statuses and task types: read by both, changed by administrators.
  ...crud('employees', ADMIN, ADMIN),
  ...crud('groups', ADMIN, ADMIN),
  ...crud('assignment-rules', ADMIN, ADMIN, true),
  ...crud('statuses', ADMIN, ADMIN),
  ...crud('task-types', ADMIN, ADMIN),

  // Content: a content editor creates and edits templates, forms and files, and deletes none.
  ...crud('templates', EDIT, ADMIN, true),
  'POST /api/templates/{id}/preview': READ,
  'GET /api/templates/{id}/usage': READ,
  'POST /api/templates/{id}/test-send': EDIT,
  'GET /api/template-variables': READ,
  ...crud('forms', EDIT, ADMIN),
  'GET /api/form-usage': READ,
  'POST /api/files': EDIT,
  'POST /api/files/images': EDIT,
  'GET /api/files': READ,
  'GET /api/files/{id}': READ,
  'GET /api/files/{id}/content': READ,
  'DELETE /api/files/{id}': ADMIN,

  // Workflows and their settings: read by both, changed by administrators; explaining changes nothing.
  ...crud('workflows', ADMIN, ADMIN, true),
  'GET /api/workflows/{id}/versions': READ,
  'POST /api/workflows/{id}/explain': READ,
  'GET /api/workflow-settings/task-types': READ,
  'GET /api/workflow-settings/task-types/{id}': READ,
  'PUT /api/workflow-settings/task-types/{id}': ADMIN,
  'GET /api/workflow-settings/{kind}': READ,
  'GET /api/workflow-settings/{kind}/{id}': READ,
  'PUT /api/workflow-settings/{kind}/{id}': ADMIN,

  // Flows: viewed by both; edited, started, paused, ended, deleted and enrolled into by administrators.
  // Simulation runs on a copy and stores nothing, so a content editor may simulate; previewing an
  // edit is part of editing (it answers what saving would move), so it is the administrators'.
  ...crud('flows', ADMIN, ADMIN, true),
  'GET /api/flows/{id}/versions': READ,
  'GET /api/flows/{id}/participants': READ,
  'GET /api/flows/{id}/graph': READ,
  'GET /api/flows/{id}/stats': READ,
  'GET /api/flows/{id}/step-stats': READ,
  'GET /api/flows/{id}/experiments': READ,
  'POST /api/flows/{id}/simulate': READ,
  'POST /api/flows/{id}/preview-edit': ADMIN,
  'POST /api/flows/{id}/start': ADMIN,
  'POST /api/flows/{id}/pause': ADMIN,
  'POST /api/flows/{id}/end': ADMIN,
  'POST /api/flows/{id}/participants': ADMIN,
  // Copying makes a flow (the administrators'); the content a flow uses is the content editor's to open.
  'POST /api/flows/{id}/copy': ADMIN,
  'GET /api/flows/{id}/content': READ,

  // Reading what happened; the audit log is the administrators' alone.
  'GET /api/change-events': READ,
  'GET /api/messages': READ,
  'GET /api/messages/{id}': READ,
  'GET /api/audit': ADMIN,
  // The suppression list: both roles read it, flow administrators change it.
  'GET /api/suppressions': READ,
  'POST /api/suppressions': ADMIN,
  'DELETE /api/suppressions/{address}': ADMIN,
  // The contact policy: both roles read it and a person's contact history, flow administrators change it.
  'GET /api/contact-policy': READ,
  'PUT /api/contact-policy': ADMIN,
  'GET /api/persons/{id}/contact-history': READ,
  'POST /api/dsl/check': READ,
  'POST /api/dsl/format': READ,
  'GET /api/dsl/names': READ,
  'GET /api/export': READ,
  'POST /api/import': ADMIN,

  // The clock: anyone with a role may read it; only administrators move it.
  'GET /api/clock': READ,
  'POST /api/clock/advance': ADMIN,
};

let routes: Route[];
let ids: FixtureIds;
const tokens = {} as Record<Caller, string | null>;

async function signIn(email: string, roles: string[]): Promise<string> {
  const made = await context.app.call('POST', '/api/employees', { name: email, email, roles, password: 'matrix-wachtwoord' });
  expect(made.status).toBe(201);
  return logIn(email);
}

async function logIn(email: string): Promise<string> {
  const login = await context.app.call('POST', '/api/auth/login', { email, password: 'matrix-wachtwoord' }, null);
  expect(login.status).toBe(200);
  return login.body.token;
}

/** Reads and changes first, deletes after them, signing out last: no call takes away what a later one needs. */
function walkOrder(route: Route): number {
  if (route.key === 'POST /api/auth/logout') return 2;
  return route.method === 'DELETE' ? 1 : 0;
}

/** Every answer the matrix gets that the OpenAPI document does not describe. */
const undocumented: UndocumentedAnswer[] = [];

beforeAll(async () => {
  await context.app.validateAnswers((problem) => undocumented.push(problem));
  routes = await documentedRoutes(context.app);
  ids = await createFixtures(context.app);
  tokens.anonymous = null;
  tokens['no role'] = await signIn('matrix-norole@test.example', []);
  tokens.content_editor = await signIn('matrix-editor@test.example', ['content_editor']);
  tokens.flow_admin = await signIn('matrix-admin@test.example', ['flow_admin']);
  tokens['admin token'] = ADMIN_TOKEN;
});

describe('role matrix', () => {
  it('has a rule for every route of the OpenAPI document', () => {
    expect(routes.length).toBeGreaterThan(100);
    expect(routes.filter((r) => !RULES[r.key]).map((r) => r.key)).toEqual([]);
  });

  it('lists every public address in the OpenAPI document', () => {
    const keys = new Set(routes.map((r) => r.key));
    for (const key of ['GET /api/health', 'POST /api/auth/login', 'GET /l/{token}', 'GET /o/{token}', 'GET /u/{token}', 'POST /u/{token}', 'POST /f/{key}']) expect(keys).toContain(key);
  });

  it('lets each caller in or refuses it exactly as the rules say, on every route', async () => {
    const wrong: string[] = [];
    const ordered = [...routes].sort((a, b) => walkOrder(a) - walkOrder(b));
    for (const route of ordered) {
      const allowed = RULES[route.key];
      if (!allowed) continue; // reported by the test above
      const path = fillPath(route.path, ids);
      const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : {};
      for (const caller of CALLERS) {
        const { status } = await context.app.call(route.method, path, body, tokens[caller]);
        const expected = allowed.includes(caller) ? 'allowed' : caller === 'anonymous' ? '401' : '403';
        const got = status === 401 || status === 403 ? String(status) : 'allowed';
        if (got !== expected || status >= 500) wrong.push(`${route.key} as ${caller}: expected ${expected}, got ${status}`);
      }
    }
    expect(wrong).toEqual([]);
    // Every answer (allowed or refused, for every caller) is one the OpenAPI document describes.
    expect(undocumented).toEqual([]);
  });
});

describe("employees' roles are the administrators' to read", () => {
  it('leaves roles out of employees read by a content editor, also in their change events', async () => {
    // The matrix signed everyone out at its end.
    const editor = await logIn('matrix-editor@test.example');
    const admin = await logIn('matrix-admin@test.example');
    const victim = await context.app.call('POST', '/api/employees', { name: 'Rol', email: 'rol@test.example', roles: ['content_editor'] });
    expect(victim.status).toBe(201);
    expect((await context.app.call('PATCH', `/api/employees/${victim.body.id}`, { roles: ['flow_admin'], name: 'Rol 2' })).status).toBe(200);

    const one = await context.app.call('GET', `/api/employees/${victim.body.id}`, undefined, editor);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ name: 'Rol 2' });
    expect(one.body).not.toHaveProperty('roles');
    const list = await context.app.call('GET', '/api/employees?limit=1000', undefined, editor);
    expect(list.body.items.length).toBeGreaterThan(1);
    for (const item of list.body.items) expect(item).not.toHaveProperty('roles');
    expect((await context.app.call('GET', `/api/employees/${victim.body.id}`, undefined, admin)).body.roles).toEqual(['flow_admin']);

    const asEditor = await context.app.call('GET', `/api/change-events?entity=employee&id=${victim.body.id}`, undefined, editor);
    expect(asEditor.body.items.map((e: { kind: string }) => e.kind)).toEqual(['updated', 'created']);
    for (const event of asEditor.body.items) expect(event.changes).not.toHaveProperty('roles');
    expect(asEditor.body.items[0].changes).toHaveProperty('name');
    const asAdmin = await context.app.call('GET', `/api/change-events?entity=employee&id=${victim.body.id}`, undefined, admin);
    expect(asAdmin.body.items[0].changes).toHaveProperty('roles');
  });
});
