import { afterEach, describe, expect, it } from '@jest/globals';
import { freePort, spawnService, waitForHealth, type ServiceProcess } from './support/service-process.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

// Several instances may start at the same moment on a new database (see docs/operations.md): they take turns, so
// exactly one administrator is made and no instance dies on a unique violation.
let db: TestDatabase | undefined;
let services: ServiceProcess[] = [];
afterEach(async () => {
  for (const service of services) service.child.kill('SIGTERM');
  await Promise.all(services.map((service) => service.exited));
  services = [];
  await db?.drop();
});

async function startTogether(env: Record<string, string>): Promise<void> {
  db = await createTestDatabase();
  const ports = await Promise.all([1, 2, 3].map(() => freePort()));
  services = ports.map((port) => spawnService({ PORT: String(port), DATABASE_URL: db!.url, SEED_DEMO: 'off', ...env }));
  await Promise.all(ports.map((port) => waitForHealth(`http://127.0.0.1:${port}`, 60_000)));
  for (const service of services) expect(service.child.exitCode).toBeNull();
}

describe('administrator bootstrap with instances starting together', () => {
  it('makes one administrator from ADMIN_EMAIL and ADMIN_PASSWORD', async () => {
    await startTogether({ ADMIN_EMAIL: 'baas@samen.test', ADMIN_PASSWORD: 'samen-starten-2026' });
    expect(await db!.query(`select "email" from "employee" where "roles" @> '["flow_admin"]'::jsonb`)).toEqual([{ email: 'baas@samen.test' }]);
  });

  it('makes one administrator with a generated password, printed by one instance only', async () => {
    await startTogether({});
    expect(await db!.query(`select "email" from "employee" where "roles" @> '["flow_admin"]'::jsonb`)).toEqual([{ email: 'admin@stroom.local' }]);
    expect(services.filter((service) => /Created administrator/.test(service.output()))).toHaveLength(1);
  });
});
