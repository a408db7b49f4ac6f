import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { freePort, spawnService, waitForHealth, type ServiceProcess } from './support/service-process.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

// Passwords and tokens never reach the log, even at the most talkative level (issue #10).
const ADMIN_PASSWORD = 'Zeer-Geheim-Wachtwoord-1';
const API_TOKEN = 'api-token-that-must-not-be-logged-42';
let db: TestDatabase;
let service: ServiceProcess;
let url: string;

beforeAll(async () => {
  db = await createTestDatabase();
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  service = spawnService({ PORT: String(port), DATABASE_URL: db.url, LOG_LEVEL: 'trace', SEED_DEMO: 'off', ADMIN_EMAIL: 'admin@logs.test', ADMIN_PASSWORD, ADMIN_API_TOKEN: API_TOKEN });
  await waitForHealth(url, 30_000);
});

afterAll(async () => {
  service?.child.kill('SIGTERM');
  await service?.exited;
  await db?.drop();
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('what is logged', () => {
  it('logs requests at trace level without passwords, login tokens, cookies or password hashes', async () => {
    const login = await post('/api/auth/login', { email: 'admin@logs.test', password: ADMIN_PASSWORD });
    expect(login.status).toBe(200);
    const { token } = (await login.json()) as { token: string };
    const cookies = login.headers.getSetCookie().map((c) => c.split(';')[0]!);
    expect((await post('/api/auth/login', { email: 'admin@logs.test', password: 'Fout-Wachtwoord-Dat-Niet-Mag' })).status).toBe(401);
    const created = await post('/api/employees', { name: 'Nieuw', email: 'nieuw@logs.test', roles: ['content_editor'], password: 'Ander-Geheim-Wachtwoord-2' }, { authorization: `Bearer ${token}` });
    expect(created.status).toBe(201);
    const employee = (await created.json()) as Record<string, unknown>;
    expect(employee).not.toHaveProperty('password');
    expect(employee).not.toHaveProperty('passwordHash');
    expect((await fetch(`${url}/api/persons`, { headers: { authorization: `Bearer ${API_TOKEN}` } })).status).toBe(200);
    expect((await fetch(`${url}/api/persons`, { headers: { cookie: cookies.join('; ') } })).status).toBe(200);
    expect((await post('/api/auth/logout', {}, { authorization: `Bearer ${token}` })).status).toBe(200);

    const log = service.output();
    expect(log).toMatch(/"url":"\/api\/auth\/login"/); // requests are logged...
    for (const secret of [ADMIN_PASSWORD, 'Fout-Wachtwoord-Dat-Niet-Mag', 'Ander-Geheim-Wachtwoord-2', token, API_TOKEN, ...cookies.map((c) => c.split('=')[1]!), '$argon2']) {
      expect(log).not.toContain(secret); // ...but none of their secrets
    }
  });
});
