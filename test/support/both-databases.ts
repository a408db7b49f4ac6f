import { afterAll, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from './test-database.js';
import { startTestApp, type TestApp } from './test-app.js';

/**
 * The same check as two tests: on a fresh database of the PostgreSQL server, and on the embedded
 * PGlite database in a new data folder (no demo data). For code that reads raw rows, whose values
 * the two drivers hand over differently (timestamps, numbers).
 */
export function itOnBothDatabases(title: string, check: (app: TestApp) => Promise<void>): void {
  it(`${title}, on a PostgreSQL server`, async () => {
    const db = await createTestDatabase();
    const app = await startTestApp({ DATABASE_URL: db.url });
    try {
      await check(app);
    } finally {
      await app.close();
      await db.drop();
    }
  });

  const dataDir = mkdtempSync(join(tmpdir(), 'stroom-both-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  it(`${title}, on the embedded database`, async () => {
    const app = await startTestApp({ DATABASE_URL: undefined, DATA_DIR: dataDir, SEED_DEMO: 'off' });
    try {
      await check(app);
    } finally {
      await app.close();
    }
  }, 180_000);
}
