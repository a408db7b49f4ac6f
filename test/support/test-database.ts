import pg from 'pg';

/** How long a drop may wait (ms) before the database is left behind. */
const DROP_WAIT_MS = 20_000;

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  url: string;
  name: string;
  /** One query on a connection of its own (for counting rows behind the API's back). */
  query(sql: string, params?: unknown[]): Promise<Record<string, any>[]>;
  drop(): Promise<void>;
}

/** A fresh database on the test server for one test file; dropped afterwards. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `stroom_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async query(sql: string, params: unknown[] = []) {
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows;
      } finally {
        await client.end();
      }
    },
    async drop() {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      const started = Date.now();
      try {
        // A drop waits for a checkpoint, which can take long while other test files write a lot;
        // a database left behind is harmless (CI starts on a fresh server), a hung file is not.
        await client.query(`set statement_timeout = ${DROP_WAIT_MS}`);
        await client.query(`drop database if exists "${name}" with (force)`);
      } catch (error) {
        process.stderr.write(`test database ${name}: not dropped after ${Date.now() - started} ms (${(error as Error).message})\n`);
      } finally {
        await client.end();
      }
    },
  };
}
