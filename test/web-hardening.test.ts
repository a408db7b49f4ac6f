import { describe, expect, it } from '@jest/globals';
import { useTestApp } from './support/lifecycle.js';

const context = useTestApp({ CLOCK: 'manual', LOGIN_MAX_FAILURES: '3', LOGIN_LOCKOUT_MINUTES: '15', LOGIN_RATE_LIMIT: '12' });

/** The cookies a login sets, as one Cookie header, and the CSRF token among them. */
async function cookieLogin(email = 'admin@test.example', password = 'correct-horse-battery') {
  const res = await fetch(`${context.app.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  expect(res.status).toBe(200);
  const setCookies = res.headers.getSetCookie();
  const cookie = setCookies.map((c) => c.split(';')[0]).join('; ');
  const csrf = setCookies.find((c) => c.startsWith('XSRF-TOKEN='))!.split(';')[0]!.slice('XSRF-TOKEN='.length);
  return { setCookies, cookie, csrf };
}

function post(path: string, headers: Record<string, string>, body: unknown) {
  return fetch(`${context.app.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

describe('web hardening', () => {
  it('sets HttpOnly, SameSite=Strict session cookies and a readable CSRF cookie (Secure only behind HTTPS)', async () => {
    const { setCookies } = await cookieLogin();
    const session = setCookies.find((c) => c.startsWith('stroom_session='))!;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Strict/i);
    expect(session).not.toMatch(/Secure/i);
    const csrf = setCookies.find((c) => c.startsWith('XSRF-TOKEN='))!;
    expect(csrf).not.toMatch(/HttpOnly/i);
    expect(csrf).toMatch(/SameSite=Strict/i);
  });

  it('refuses a cookie-signed change without the CSRF header, or with a wrong one, and writes nothing', async () => {
    const { cookie, csrf } = await cookieLogin();
    const before = await context.db.query(`select count(*)::int as n from "person"`);
    const missing = await post('/api/persons', { cookie }, { firstName: 'Csrf', lastName: 'Missing' });
    expect(missing.status).toBe(403);
    expect(((await missing.json()) as { message: string }).message).toMatch(/X-XSRF-TOKEN/);
    expect((await post('/api/persons', { cookie, 'x-xsrf-token': csrf.slice(1) + 'x' }, { firstName: 'Csrf', lastName: 'Wrong' })).status).toBe(403);
    expect(await context.db.query(`select count(*)::int as n from "person"`)).toEqual(before);
    const ok = await post('/api/persons', { cookie, 'x-xsrf-token': csrf }, { firstName: 'Csrf', lastName: 'Right' });
    expect(ok.status).toBe(201);
    // Reading needs no CSRF token; bearer tokens need none either (browsers never send them on their own).
    expect((await fetch(`${context.app.url}/api/persons`, { headers: { cookie } })).status).toBe(200);
    expect((await context.app.call('POST', '/api/persons', { firstName: 'Bearer' })).status).toBe(201);
  });

  it('sends security headers with a CSP that allows only its own scripts, and no CORS unless configured', async () => {
    for (const path of ['/api/health', '/']) {
      const res = await fetch(`${context.app.url}${path}`, { headers: { origin: 'https://evil.example', accept: 'text/html' } });
      const csp = res.headers.get('content-security-policy')!;
      expect(csp).toMatch(/script-src 'self'/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(csp).not.toMatch(/upgrade-insecure-requests/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('strict-transport-security')).toBeNull();
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect(res.headers.get('x-powered-by')).toBeNull();
      // The admin UI's one inline script (Angular's stylesheet loader) is allowed by its hash, nothing else inline.
      if (path === '/') expect(csp).toMatch(/script-src 'self' 'sha256-[\w+/=]+'/);
    }
  });

  it('locks an address after LOGIN_MAX_FAILURES wrong passwords in a row, for LOGIN_LOCKOUT_MINUTES, known address or not', async () => {
    await context.app.call('POST', '/api/employees', { name: 'Lock', email: 'lock@test.example', roles: ['content_editor'], password: 'het-juiste-wachtwoord' });
    for (const email of ['lock@test.example', 'nobody@test.example']) {
      for (let i = 0; i < 3; i++) expect((await context.app.call('POST', '/api/auth/login', { email, password: 'fout' }, null)).status).toBe(401);
      const locked = await context.app.call('POST', '/api/auth/login', { email, password: 'het-juiste-wachtwoord' }, null);
      expect(locked.status).toBe(429);
      expect(locked.body.message).toMatch(/Too many failed sign-ins/);
    }
    // Another address is not affected; after the lock-out time the right password works again.
    expect((await context.app.call('POST', '/api/auth/login', { email: 'admin@test.example', password: 'correct-horse-battery' }, null)).status).toBe(200);
    const now = (await context.app.call('GET', '/api/clock')).body.now as string;
    await context.app.call('POST', '/api/clock/advance', { to: new Date(Date.parse(now) + 16 * 60_000).toISOString() });
    expect((await context.app.call('POST', '/api/auth/login', { email: 'LOCK@test.example', password: 'het-juiste-wachtwoord' }, null)).status).toBe(200);
  });

  it('limits sign-in attempts per address and minute (429), whatever the account', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 14; i++) statuses.push((await context.app.call('POST', '/api/auth/login', { email: `spray${i}@test.example`, password: 'x' }, null)).status);
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(12);
  });
});
