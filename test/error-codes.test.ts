import { beforeAll, describe, expect, it } from '@jest/globals';
import { useTestApp } from './support/lifecycle.js';
import { ADMIN_TOKEN } from './support/test-app.js';

// Two failed sign-ins lock an address: the 429 of a lockout is cheap to reach.
const context = useTestApp({ LOGIN_MAX_FAILURES: '2' });

/** A call in the given language (null: no Accept-Language at all). */
const call = (language: string | null, method: string, path: string, body?: unknown, token?: string | null) =>
  context.app.call(method, path, body, token, { language });

/** A call with a raw body and headers of its own (no token: what a stranger sends). */
async function raw(method: string, path: string, body: string, headers: Record<string, string>) {
  const response = await fetch(context.app.url + path, { method, headers, body });
  return { status: response.status, body: (await response.json()) as any };
}

const SOURCE = `flow "Welkom" {
  sender "Energieloket <info@energieloket.example>"
  reply_to "info@energieloket.example"
  sms_sender "Loket"
  trigger form "contact-me" submitted
  send email "welkom"
}
`;

describe('error answers: a stable code, its params, and the message in the language asked for', () => {
  let editorToken: string;
  let flowId: string;

  beforeAll(async () => {
    const password = 'redacteur-wachtwoord';
    expect((await call('en', 'POST', '/api/employees', { name: 'Rita', email: 'rita@example.nl', roles: ['content_editor'], password })).status).toBe(201);
    editorToken = (await call('en', 'POST', '/api/auth/login', { email: 'rita@example.nl', password }, null)).body.token;
    await call('en', 'POST', '/api/templates', { key: 'welkom', name: 'Welkom', channel: 'email', subject: 'Welkom', body: 'Hallo' });
    await call('en', 'POST', '/api/forms', { key: 'contact-me', name: 'Contact' });
    flowId = (await call('en', 'POST', '/api/flows', { source: SOURCE })).body.id;
    expect((await call('en', 'POST', `/api/flows/${flowId}/start`)).body.status).toBe('running');
  });

  it('answers in Dutch without Accept-Language, for an unsupported language, and by the weights of the header', async () => {
    const path = '/api/persons/999999';
    const dutch = 'Geen persoon met id 999999';
    const english = 'No person with id 999999';
    expect((await call(null, 'GET', path)).body.message).toBe(dutch);
    expect((await call('fr-FR, de;q=0.9', 'GET', path)).body.message).toBe(dutch);
    expect((await call('nl', 'GET', path)).body.message).toBe(dutch);
    expect((await call('en', 'GET', path)).body.message).toBe(english);
    expect((await call('en-GB;q=0.9, nl;q=0.8', 'GET', path)).body.message).toBe(english);
    const belgian = await call('nl-BE, en;q=0.5', 'GET', path);
    expect(belgian.body.message).toBe(dutch);
    expect(belgian.headers.get('vary')).toMatch(/Accept-Language/i);
  });

  it('404: a record, with its entity and id as params', async () => {
    const res = await call('nl', 'GET', '/api/quote-requests/424242');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ statusCode: 404, error: 'Not Found', code: 'record.not_found', params: { entity: 'quote request', id: '424242' }, message: 'Geen kansactie met id 424242' });
  });

  it('404: an unknown route', async () => {
    const nl = await call('nl', 'GET', '/api/nothing-here');
    expect(nl.status).toBe(404);
    expect(nl.body).toMatchObject({ code: 'route.not_found', params: { method: 'GET', path: '/api/nothing-here' }, message: 'GET /api/nothing-here bestaat niet' });
    expect((await call('en', 'GET', '/api/nothing-here')).body.message).toBe('Cannot GET /api/nothing-here');
  });

  it('400: a field issue per field with code, params and message; the message joins them', async () => {
    const body = { firstName: 'Anna', unsubscribed: 'yes', colour: 'rood' };
    const nl = await call('nl', 'POST', '/api/persons', body);
    expect(nl.status).toBe(400);
    expect(nl.body.code).toBe('validation.failed');
    expect(nl.body.details.issues).toEqual(expect.arrayContaining([
      { field: 'colour', code: 'validation.unknown_field', params: { field: 'colour' }, message: "onbekend veld 'colour'" },
      { field: 'unsubscribed', code: 'validation.type', params: { expected: 'boolean' }, message: 'verwacht boolean' },
    ]));
    expect(nl.body.message).toContain("colour: onbekend veld 'colour'");
    const en = await call('en', 'POST', '/api/persons', body);
    expect(en.body.details.issues).toEqual(expect.arrayContaining([{ field: 'unsubscribed', code: 'validation.type', params: { expected: 'boolean' }, message: 'expected boolean' }]));
    const tooBig = await call('nl', 'GET', '/api/workflow-settings/quote-request-statuses');
    const status = tooBig.body.items[0];
    const bounds = await call('nl', 'PUT', `/api/workflow-settings/quote-request-statuses/${status.id}`, { active: false, reminderMaxCount: 0 });
    expect(bounds.body.details.issues).toEqual([{ field: 'reminderMaxCount', code: 'validation.min', params: { min: 1 }, message: 'minimaal 1' }]);
  });

  it('400: a domain error with params (a list filter), and the DSL source error that keeps its diagnostics', async () => {
    const res = await call('nl', 'GET', '/api/persons?colour=rood');
    expect(res.body).toMatchObject({ statusCode: 400, code: 'query.unknown_filter', params: { name: 'colour' }, message: "onbekend filter 'colour'" });
    const source = await call('nl', 'POST', '/api/flows', { source: 'flow "X" {\n  sned email "welkom"\n}\n' });
    expect(source.status).toBe(400);
    expect(source.body).toMatchObject({ code: 'source.invalid', params: { line: 2 }, details: { field: 'source' } });
    expect(source.body.message).toMatch(/^source: regel 2, kolom \d+: /);
    expect(source.body.details.diagnostics.length).toBeGreaterThan(0);
  });

  it('400: the body is not JSON', async () => {
    const res = await raw('POST', '/api/auth/login', '{"email":', { 'content-type': 'application/json', 'accept-language': 'nl' });
    expect(res).toEqual({ status: 400, body: { statusCode: 400, error: 'Bad Request', code: 'request.invalid_json', message: 'De inhoud van het verzoek is geen geldige JSON' } });
    const en = await raw('POST', '/api/auth/login', '{"email":', { 'content-type': 'application/json', 'accept-language': 'en' });
    expect(en.body.message).toBe('The request body is not valid JSON');
  });

  it('413: the body is too large', async () => {
    const res = await raw('POST', '/api/auth/login', JSON.stringify({ email: 'x'.repeat(1_100_000) }), { 'content-type': 'application/json', 'accept-language': 'nl' });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'request.too_large', message: 'De inhoud van het verzoek is te groot' });
  });

  it('413: an upload larger than 25 MB, and 400 for an upload without its file', async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(25 * 1024 * 1024 + 1)]), 'groot.bin');
    const big = await fetch(`${context.app.url}/api/files`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'accept-language': 'nl' }, body: form });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ code: 'file.too_large', message: 'Het bestand is te groot: hoogstens 25 MB' });
    const none = await fetch(`${context.app.url}/api/files`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'accept-language': 'en' }, body: new FormData() });
    expect(await none.json()).toMatchObject({ statusCode: 400, code: 'file.missing', details: { field: 'file' }, message: 'file: send the file as multipart/form-data in a field named "file"' });
  });

  it('401: no credentials, an unknown token, a failed sign-in', async () => {
    const none = await call('nl', 'GET', '/api/persons', undefined, null);
    expect(none.body).toMatchObject({ statusCode: 401, code: 'auth.unauthenticated', message: 'Meld u eerst aan: stuur een bearer-token of een sessiecookie' });
    const unknown = await call('en', 'GET', '/api/persons', undefined, 'not-a-token');
    expect(unknown.body).toMatchObject({ statusCode: 401, code: 'auth.token_invalid', message: 'The token is unknown, expired or revoked' });
    const wrong = { email: 'admin@test.example', password: 'wrong-password' };
    expect((await call('nl', 'POST', '/api/auth/login', wrong, null)).body).toMatchObject({ statusCode: 401, code: 'auth.login_failed', message: 'E-mailadres of wachtwoord klopt niet' });
  });

  it('403: a role that does not allow it, and a cookie change without its CSRF header', async () => {
    const res = await call('nl', 'POST', '/api/flows', { source: SOURCE.replace('Welkom', 'Ander') }, editorToken);
    expect(res.body).toEqual({ statusCode: 403, error: 'Forbidden', code: 'auth.forbidden', message: 'Uw rol staat dit niet toe' });
    const login = await fetch(`${context.app.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'rita@example.nl', password: 'redacteur-wachtwoord' }) });
    const cookies = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const csrf = await raw('POST', '/api/persons', JSON.stringify({ firstName: 'Bo' }), { 'content-type': 'application/json', cookie: cookies, 'accept-language': 'en' });
    expect(csrf).toMatchObject({ status: 403, body: { code: 'auth.csrf_missing', message: expect.stringMatching(/X-XSRF-TOKEN/) } });
  });

  it('409: a state conflict, a unique value taken, a record others use', async () => {
    const edit = await call('nl', 'PUT', `/api/flows/${flowId}`, { source: SOURCE });
    expect(edit.body).toMatchObject({ statusCode: 409, code: 'flow.running_edit', message: 'Een actieve flow kan niet worden bewerkt: pauzeer hem eerst' });
    expect((await call('en', 'PUT', `/api/flows/${flowId}`, { source: SOURCE })).body.message).toBe('A running flow cannot be edited: pause it first');

    const taken = await call('nl', 'POST', '/api/employees', { name: 'Rita 2', email: 'RITA@example.nl', roles: [], password: 'nog-een-wachtwoord' });
    expect(taken.body).toMatchObject({ statusCode: 409, code: 'record.duplicate_value', params: { entity: 'employee', id: expect.any(String) } });
    expect(taken.body.message).toMatch(/^Er bestaat al een medewerker met email "RITA@example.nl" \(id \d+\)$/);

    const company = (await call('en', 'POST', '/api/companies', { name: 'Acme' })).body;
    await call('en', 'POST', '/api/persons', { firstName: 'Anna', companyId: company.id });
    const used = await call('nl', 'DELETE', `/api/companies/${company.id}`);
    expect(used.body).toMatchObject({ statusCode: 409, code: 'record.in_use', params: { entity: 'company', id: company.id, references: { persons: 1 } } });
    expect(used.body.message).toBe(`Kan bedrijf ${company.id} niet verwijderen: in gebruik bij 1 personen`);

    const template = await call('nl', 'DELETE', `/api/templates/${(await call('en', 'GET', '/api/templates?key=welkom')).body.items[0].id}`);
    expect(template.body).toMatchObject({ statusCode: 409, code: 'record.used_by_rules', params: { entity: 'template', name: 'welkom', rules: ['flow "Welkom"'] } });
    expect(template.body.message).toBe('Kan sjabloon "welkom" niet verwijderen: in gebruik bij flow "Welkom"');
  });

  it('429: too many failed sign-ins for one address', async () => {
    const wrong = { email: 'locked@test.example', password: 'wrong-password' };
    for (let i = 0; i < 2; i++) expect((await call('nl', 'POST', '/api/auth/login', wrong, null)).status).toBe(401);
    const locked = await call('nl', 'POST', '/api/auth/login', wrong, null);
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ code: 'auth.locked', params: { until: expect.any(String) }, details: { lockedUntil: locked.body.params.until } });
    expect(locked.body.message).toBe(`Te veel mislukte aanmeldingen voor dit adres: probeer het opnieuw na ${locked.body.params.until}`);
  });
});
