import { beforeAll, describe, expect, it } from '@jest/globals';
import { tokensIn } from './support/flow-helpers.js';
import { OpenApiCheck } from './support/openapi-check.js';
import { useTestAppWithSmtp } from './support/smtp-app.js';
import { ADMIN_TOKEN } from './support/test-app.js';

/**
 * The clock, auth, health and list-member routes answer the JSON the document names, and the public
 * addresses (web form, e-mail images, tracked links, open pixel, unsubscribe page) the status and
 * content type the document gives them.
 */
const { smtp, context } = useTestAppWithSmtp();
const check = new OpenApiCheck(context);
const call = (method: string, path: string, body?: unknown) => context.app.call(method, path, body);

type Json = Record<string, any>;
let doc: Json;

const JSON_OPERATIONS: [string, string][] = [
  ['get', '/api/clock'],
  ['post', '/api/clock/advance'],
  ['post', '/api/auth/logout'],
  ['get', '/api/auth/me'],
  ['get', '/api/selections/{id}/members'],
  ['post', '/api/selections/{id}/members'],
  ['get', '/api/projects/{id}/members'],
  ['post', '/api/projects/{id}/members'],
  ['get', '/api/health'],
];
const PUBLIC_OPERATIONS: [string, string][] = [
  ['post', '/f/{key}'],
  ['get', '/img/{token}'],
  ['get', '/l/{token}'],
  ['get', '/o/{token}'],
  ['get', '/u/{token}'],
  ['post', '/u/{token}'],
];

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a3d9d0a50000000049454e44ae426082', 'hex');

/** A public address fetched without credentials and without following redirects. */
function hit(method: string, path: string, body?: string, headers: Record<string, string> = {}) {
  return fetch(context.app.url + path, { method, redirect: 'manual', body, headers });
}

/** Expects the document to give this operation the answer's status, with the content type the answer has. */
function expectDocumented(method: string, template: string, res: Response) {
  const response = doc.paths[template]?.[method]?.responses?.[String(res.status)];
  const type = res.headers.get('content-type')?.split(';')[0]?.trim() ?? null;
  const documentedTypes = response ? Object.keys(response.content ?? {}) : null;
  const answered = { method, template, status: res.status, type: type && documentedTypes?.includes(type) ? 'documented' : type };
  expect(answered).toEqual({ method, template, status: res.status, type: type === null ? null : 'documented' });
  return response;
}

beforeAll(async () => {
  doc = await check.load();
});

describe('what the document says of these operations', () => {
  it('documents a success (a redirect for a tracked link) on each', () => {
    const missing = [...JSON_OPERATIONS, ...PUBLIC_OPERATIONS].filter(([method, path]) => {
      const statuses = Object.keys(doc.paths[path]?.[method]?.responses ?? {});
      return !statuses.some((status) => /^[23]/.test(status));
    });
    expect(missing).toEqual([]);
    for (const [method, path] of JSON_OPERATIONS) {
      const success = Object.entries<Json>(doc.paths[path][method].responses).find(([status]) => status.startsWith('2'))![1];
      expect({ method, path, ref: success.content?.['application/json']?.schema?.$ref }).toEqual({ method, path, ref: expect.stringMatching(/^#\/components\/schemas\/\w+$/) });
    }
    expect(doc.paths['/l/{token}'].get.responses['302'].headers.Location).toBeDefined();
    expect(Object.keys(doc.paths['/img/{token}'].get.responses['200'].content).sort()).toEqual(['image/gif', 'image/jpeg', 'image/png', 'image/webp']);
  });
});

describe('JSON answers match their schemas', () => {
  it('clock, health, who am I and logout', async () => {
    expect((await check.documentedCall('GET', '/api/clock', '/api/clock')).status).toBe(200);
    expect((await check.documentedCall('POST', '/api/clock/advance', '/api/clock/advance', { by: 'PT1H' })).status).toBe(200);
    expect((await check.documentedCall('POST', '/api/clock/advance', '/api/clock/advance', { by: 'nope' })).status).toBe(400);
    expect((await check.documentedCall('GET', '/api/health', '/api/health', undefined, null)).status).toBe(200);
    expect((await check.documentedCall('GET', '/api/auth/me', '/api/auth/me')).body).toMatchObject({ kind: 'token', employeeId: null });
    expect((await check.documentedCall('GET', '/api/auth/me', '/api/auth/me', undefined, null)).status).toBe(401);

    expect((await call('POST', '/api/employees', { name: 'OA-misc', email: 'oa-misc@test.example', roles: ['content_editor'], password: 'oa-misc-wachtwoord' })).status).toBe(201);
    const login = await call('POST', '/api/auth/login', { email: 'oa-misc@test.example', password: 'oa-misc-wachtwoord' });
    const token = login.body.token as string;
    expect((await check.documentedCall('GET', '/api/auth/me', '/api/auth/me', undefined, token)).body).toMatchObject({ kind: 'employee', name: 'OA-misc', roles: ['content_editor'] });
    expect((await check.documentedCall('POST', '/api/auth/logout', '/api/auth/logout', undefined, token)).status).toBe(200);
    expect((await context.app.call('GET', '/api/auth/me', undefined, token)).status).toBe(401);
  });

  it('members of selections and projects: list and add', async () => {
    const person = (await call('POST', '/api/persons', { firstName: 'Mia', lastName: 'Lid', email: 'mia@test.example' })).body.id as string;
    for (const lists of ['selections', 'projects']) {
      const list = (await call('POST', `/api/${lists}`, { name: `OA-${lists}` })).body.id as string;
      const members = `/api/${lists}/${list}/members`;
      const template = `/api/${lists}/{id}/members`;
      expect((await check.documentedCall('POST', template, members, { personIds: [person] })).body).toEqual({ added: 1, alreadyMembers: 0 });
      expect((await check.documentedCall('POST', template, members, { personIds: [person] })).body).toEqual({ added: 0, alreadyMembers: 1 });
      const page = await check.documentedCall('GET', template, members);
      expect(page.body).toMatchObject({ total: 1, items: [{ id: person, firstName: 'Mia' }] });
      expect((await check.documentedCall('GET', template, `/api/${lists}/987654321/members`)).status).toBe(404);
      expect((await check.documentedCall('POST', template, members, { personIds: ['987654321'] })).status).toBe(400);
    }
  });
});

describe('public addresses answer the status and content type the document gives', () => {
  it('a web form: a page for a browser, JSON for a script, and their errors', async () => {
    expect((await call('POST', '/api/forms', { key: 'oa-misc', name: 'OA-misc' })).status).toBe(201);
    const form = 'application/x-www-form-urlencoded';
    const cases: [string, string, string, number][] = [
      ['/f/oa-misc', 'email=eva%40test.example&firstName=Eva&vraag=zon', 'text/html', 200],
      ['/f/oa-misc', 'email=bram%40test.example', 'application/json', 201],
      ['/f/oa-misc', 'email=geen-adres', 'text/html', 400],
      ['/f/oa-misc', 'email=geen-adres', 'application/json', 400],
      ['/f/bestaat-niet', 'email=eva%40test.example', 'text/html', 404],
      ['/f/bestaat-niet', 'email=eva%40test.example', 'application/json', 404],
    ];
    for (const [path, body, accept, status] of cases) {
      const res = await hit('POST', path, body, { 'content-type': form, accept });
      expect({ path, accept, status: res.status }).toEqual({ path, accept, status });
      expectDocumented('post', '/f/{key}', res);
      if (res.status === 201) expect(check.validatorFor('POST', '/f/{key}', 201)!(await res.json())).toBe(true);
      if (res.status >= 400 && accept === 'application/json') expect(check.validatorFor('POST', '/f/{key}', res.status)!(await res.json())).toBe(true);
    }
  });

  it('a published image, and none at an unknown token', async () => {
    const upload = new FormData();
    upload.append('file', new Blob([PNG], { type: 'image/png' }), 'logo.png');
    const made = await fetch(`${context.app.url}/api/files/images`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}` }, body: upload });
    expect(made.status).toBe(201);
    const url = ((await made.json()) as { url: string }).url;
    const image = await hit('GET', url.slice(url.indexOf('/img/')));
    expect({ status: image.status, type: image.headers.get('content-type') }).toEqual({ status: 200, type: 'image/png' });
    expectDocumented('get', '/img/{token}', image);
    const missing = await hit('GET', `/img/${'A'.repeat(32)}`);
    expect(missing.status).toBe(404);
    expectDocumented('get', '/img/{token}', missing);
    expect(check.validatorFor('GET', '/img/{token}', 404)!(await missing.json())).toBe(true);
  });

  it('a tracked link, the open pixel and the unsubscribe page of a sent e-mail', async () => {
    const body = '<p>Lees <a href="https://loket.example/tips">onze tips</a>.</p><p><a href="{{ unsubscribe_url }}">Afmelden</a></p>';
    expect((await call('POST', '/api/templates', { key: 'oa-misc', name: 'OA-misc', channel: 'email', subject: 'Hallo', body })).status).toBe(201);
    const source = 'flow "OA-misc" {\n  sender "Loket <info@loket.example>"\n  reply_to "info@loket.example"\n  trigger manual\n  send email "oa-misc"\n}\n';
    const flow = (await call('POST', '/api/flows', { source })).body.id as string;
    expect((await call('POST', `/api/flows/${flow}/start`)).status).toBe(200);
    const person = (await call('POST', '/api/persons', { firstName: 'Tim', lastName: 'Track', email: 'tim@test.example' })).body.id as string;
    expect((await call('POST', `/api/flows/${flow}/participants`, { personIds: [person] })).status).toBe(200);
    expect((await call('POST', '/api/clock/advance', { by: 'PT0S' })).status).toBe(200);
    const mail = smtp.received.find((m) => m.to.includes('tim@test.example'));
    expect(mail).toBeDefined();
    const [link] = tokensIn(mail!, 'l');
    const [open] = tokensIn(mail!, 'o');
    const [unsubscribe] = tokensIn(mail!, 'u');
    const unknown = 'A'.repeat(22);

    const click = await hit('GET', `/l/${link}`);
    expect({ status: click.status, location: click.headers.get('location') }).toEqual({ status: 302, location: 'https://loket.example/tips' });
    expect(expectDocumented('get', '/l/{token}', click).headers.Location).toBeDefined();
    const browserClick = await hit('GET', `/l/${link}`, undefined, { accept: 'text/html' });
    expect({ status: browserClick.status, type: browserClick.headers.get('content-type') }).toEqual({ status: 302, type: 'text/html; charset=utf-8' });
    expectDocumented('get', '/l/{token}', browserClick);
    const noLink = await hit('GET', `/l/${unknown}`);
    expect({ status: noLink.status, type: noLink.headers.get('content-type') }).toEqual({ status: 404, type: 'text/html; charset=utf-8' });
    expectDocumented('get', '/l/{token}', noLink);

    for (const token of [open, unknown]) {
      const pixel = await hit('GET', `/o/${token}`);
      expect({ status: pixel.status, type: pixel.headers.get('content-type'), cache: pixel.headers.get('cache-control') }).toEqual({ status: 200, type: 'image/gif', cache: 'no-store' });
      expectDocumented('get', '/o/{token}', pixel);
    }

    const page = await hit('GET', `/u/${unsubscribe}`);
    expect({ status: page.status, type: page.headers.get('content-type') }).toEqual({ status: 200, type: 'text/html; charset=utf-8' });
    expectDocumented('get', '/u/{token}', page);
    expectDocumented('get', '/u/{token}', await hit('GET', `/u/${unknown}`));
    const done = await hit('POST', `/u/${unsubscribe}`, 'List-Unsubscribe=One-Click', { 'content-type': 'application/x-www-form-urlencoded' });
    expect({ status: done.status, type: done.headers.get('content-type') }).toEqual({ status: 200, type: 'text/html; charset=utf-8' });
    expectDocumented('post', '/u/{token}', done);
    const notDone = await hit('POST', `/u/${unknown}`, 'List-Unsubscribe=One-Click', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(notDone.status).toBe(404);
    expectDocumented('post', '/u/{token}', notDone);
  });
});
