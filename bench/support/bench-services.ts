import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { callService, ServiceFleet } from '../../test/support/burst.js';
import { createTestDatabase } from '../../test/support/test-database.js';

/** A running service (one or more instances) that a benchmark drives, and how to see its backlog. */
export interface BenchService {
  label: string;
  urls: string[];
  /** Change events not yet handled by the consumer. */
  pendingEvents(): Promise<number>;
  /** Starts one more instance on the same database (PostgreSQL server only). */
  addInstance(): Promise<string>;
  stop(): Promise<void>;
}

/** The built service on a fresh database of the PostgreSQL server (`TEST_DATABASE_URL`). */
export async function serviceOnPostgres(env: Record<string, string> = {}): Promise<BenchService & { sql: pg.Pool; databaseUrl: string }> {
  const fleet = new ServiceFleet();
  const db = await createTestDatabase();
  const sql = new pg.Pool({ connectionString: db.url, max: 2 });
  const start = async () => (await fleet.start({ DATABASE_URL: db.url, ...env })).url;
  const urls = [await start()];
  return {
    label: 'PostgreSQL server',
    urls,
    sql,
    databaseUrl: db.url,
    async pendingEvents() {
      return Number((await sql.query(`select count(*) as n from "change_event" where "processed_at" is null`)).rows[0].n);
    },
    async addInstance() {
      const url = await start();
      urls.push(url);
      return url;
    },
    async stop() {
      await fleet.stopAll('SIGTERM');
      await sql.end();
      await db.drop();
    },
  };
}

/** The built service on its embedded PGlite database (DATA_DIR, no DATABASE_URL) in a temporary folder. */
export async function serviceEmbedded(env: Record<string, string> = {}): Promise<BenchService> {
  const fleet = new ServiceFleet();
  const dir = await mkdtemp(join(tmpdir(), 'stroom-bench-'));
  const { url } = await fleet.start({ DATA_DIR: dir, ...env });
  return {
    label: 'embedded PGlite',
    urls: [url],
    // One process owns the data folder: the backlog is read through the API (the newest 200 events).
    async pendingEvents() {
      const res = await callService(url, 'GET', '/api/change-events?limit=200');
      return (res.body.items as { processedAt: string | null }[]).filter((e) => e.processedAt === null).length;
    },
    async addInstance(): Promise<string> {
      throw new Error('an embedded database belongs to one process');
    },
    async stop() {
      await fleet.stopAll('SIGTERM');
      await rm(dir, { recursive: true, force: true });
    },
  };
}
