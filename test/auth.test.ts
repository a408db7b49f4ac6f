import { describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { useTestApp } from './support/lifecycle.js';

const context = useTestApp();

async function login(email: string, password: string): Promise<string> {
  const res = await context.app.call('POST', '/api/auth/login', { email, password }, null);
  expect(res.status).toBe(200);
  return res.body.token;
}

async function employee(email: string, roles: string[]): Promise<string> {
  const res = await context.app.call('POST', '/api/employees', { name: email, email, roles, password: 'een-goed-wachtwoord' });
  expect(res.status).toBe(201);
  return login(email, 'een-goed-wachtwoord');
}

describe('authentication', () => {
  it('answers 401 without credentials on everything but health, login and the docs', async () => {
    for (const path of ['/api/persons', '/api/employees', '/api/statuses', '/api/change-events', '/api/auth/me', '/api/task-types']) {
      const res = await context.app.call('GET', path, undefined, null);
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    }
    expect((await context.app.call('POST', '/api/persons', { firstName: 'x' }, null)).status).toBe(401);
    expect((await context.app.call('GET', '/api/persons', undefined, 'wrong-token')).status).toBe(401);
    expect((await context.app.call('GET', '/api/health', undefined, null)).status).toBe(200);
  });

  it('creates the administrator from ADMIN_EMAIL/ADMIN_PASSWORD; logs in with token and cookie; logs out', async () => {
    const res = await context.app.call('POST', '/api/auth/login', { email: 'ADMIN@test.example', password: 'correct-horse-battery' }, null);
    expect(res.status).toBe(200);
    expect(res.body.token).toMatch(/^[\w-]{40,}$/);
    expect(res.headers.get('set-cookie')).toMatch(/stroom_session=.*HttpOnly/i);
    const me = await context.app.call('GET', '/api/auth/me', undefined, res.body.token);
    expect(me.body).toMatchObject({ kind: 'employee', name: 'Administrator', roles: ['flow_admin'] });

    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const viaCookie = await fetch(`${context.app.url}/api/persons`, { headers: { cookie } });
    expect(viaCookie.status).toBe(200);

    expect((await context.app.call('POST', '/api/auth/logout', undefined, res.body.token)).status).toBe(200);
    expect((await context.app.call('GET', '/api/auth/me', undefined, res.body.token)).status).toBe(401);
    expect((await fetch(`${context.app.url}/api/persons`, { headers: { cookie } })).status).toBe(401);
  });

  it('refuses a wrong password and unknown users alike', async () => {
    for (const body of [{ email: 'admin@test.example', password: 'wrong' }, { email: 'nobody@test.example', password: 'x' }]) {
      const res = await context.app.call('POST', '/api/auth/login', body, null);
      expect(res).toMatchObject({ status: 401, body: { message: 'Wrong e-mail address or password' } });
    }
    expect((await context.app.call('POST', '/api/auth/login', { email: 'a' }, null)).status).toBe(400);
  });

  it('stores login tokens hashed, and passwords with argon2, never returning either', async () => {
    const token = await login('admin@test.example', 'correct-horse-battery');
    const sql = new pg.Client({ connectionString: context.db.url });
    await sql.connect();
    try {
      const sessions = (await sql.query('select token_hash from session')).rows.map((r) => r.token_hash);
      expect(sessions).not.toContain(token);
      expect(sessions.length).toBeGreaterThan(0);
      const hash = (await sql.query(`select password_hash from employee where email = 'admin@test.example'`)).rows[0].password_hash;
      expect(hash).toMatch(/^\$argon2id\$/);
    } finally {
      await sql.end();
    }
    const list = await context.app.call('GET', '/api/employees');
    for (const e of list.body.items) {
      expect(e).not.toHaveProperty('password');
      expect(e).not.toHaveProperty('passwordHash');
    }
  });

  it('expires login tokens', async () => {
    const token = await login('admin@test.example', 'correct-horse-battery');
    const sql = new pg.Client({ connectionString: context.db.url });
    await sql.connect();
    await sql.query(`update session set expires_at = now() - interval '1 second'`);
    await sql.end();
    expect((await context.app.call('GET', '/api/auth/me', undefined, token)).status).toBe(401);
  });
});

describe('roles', () => {
  it('lets a content editor read and write CRM records but not employees, statuses or task types', async () => {
    const editor = await employee('editor@test.example', ['content_editor']);
    const person = await context.app.call('POST', '/api/persons', { firstName: 'Door editor' }, editor);
    expect(person.status).toBe(201);
    expect((await context.app.call('PATCH', `/api/persons/${person.body.id}`, { lastName: 'X' }, editor)).status).toBe(200);
    expect((await context.app.call('POST', '/api/quote-requests', { kind: 'Bezoek', status: 'Bezoek - Afspraak gemaakt' }, editor)).status).toBe(201);
    expect((await context.app.call('GET', '/api/employees', undefined, editor)).status).toBe(200);
    expect((await context.app.call('POST', '/api/employees', { name: 'X', email: 'x@test.example' }, editor)).status).toBe(403);
    expect((await context.app.call('POST', '/api/statuses', { kind: 'opportunity', name: 'Y' }, editor)).status).toBe(403);
    expect((await context.app.call('POST', '/api/task-types', { name: 'Y' }, editor)).status).toBe(403);
    expect((await context.app.call('POST', '/api/groups', { name: 'Y' }, editor)).status).toBe(403);
    const status = (await context.app.call('GET', '/api/statuses?kind=opportunity&limit=1', undefined, editor)).body.items[0];
    expect((await context.app.call('PATCH', `/api/statuses/${status.id}`, { active: false }, editor)).status).toBe(403);
  });

  it('lets a content editor create and edit forms and files but delete none', async () => {
    const editor = await employee('editor3@test.example', ['content_editor']);
    const form = await context.app.call('POST', '/api/forms', { key: 'nieuwsbrief', name: 'Nieuwsbrief' }, editor);
    expect(form.status).toBe(201);
    expect((await context.app.call('PATCH', `/api/forms/${form.body.id}`, { name: 'Nieuwsbrief 2' }, editor)).status).toBe(200);
    expect((await context.app.call('DELETE', `/api/forms/${form.body.id}`, undefined, editor)).status).toBe(403);
    expect((await context.app.call('DELETE', `/api/forms/${form.body.id}`)).status).toBe(204);
  });

  it("hides employees' roles from a content editor", async () => {
    const editor = await employee('editor2@test.example', ['content_editor']);
    const asEditor = await context.app.call('GET', '/api/employees', undefined, editor);
    for (const e of asEditor.body.items) expect(e).not.toHaveProperty('roles');
    const asAdmin = await context.app.call('GET', '/api/employees');
    for (const e of asAdmin.body.items) expect(e).toHaveProperty('roles');
  });

  it('gives an employee without a role /api/auth/me and nothing else', async () => {
    const nobody = await employee('norole@test.example', []);
    const me = await context.app.call('GET', '/api/auth/me', undefined, nobody);
    expect(me).toMatchObject({ status: 200, body: { roles: [] } });
    for (const path of ['/api/persons', '/api/employees', '/api/change-events', '/api/statuses']) {
      expect((await context.app.call('GET', path, undefined, nobody)).status).toBe(403);
    }
    expect((await context.app.call('POST', '/api/persons', { firstName: 'x' }, nobody)).status).toBe(403);
  });

  it('lets a flow administrator manage employees and their roles', async () => {
    const admin = await employee('admin2@test.example', ['flow_admin']);
    const made = await context.app.call('POST', '/api/employees', { name: 'Nieuw', email: 'nieuw@test.example', roles: ['content_editor'] }, admin);
    expect(made.status).toBe(201);
    expect((await context.app.call('PATCH', `/api/employees/${made.body.id}`, { roles: ['flow_admin'] }, admin)).body.roles).toEqual(['flow_admin']);
    expect((await context.app.call('PATCH', `/api/employees/${made.body.id}`, { roles: ['king'] }, admin)).status).toBe(400);
  });
});
