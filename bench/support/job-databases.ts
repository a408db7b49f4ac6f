import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/core';
import pg from 'pg';
import { createEmbeddedCluster } from '../../server/database/embedded-cluster.js';
import { embeddedDatabaseDir, ormOptions } from '../../server/database/orm-config.js';
import { createTestDatabase } from '../../test/support/test-database.js';

/** Plain SQL in a transaction of its own; values are inlined by the caller (numbers only). */
export interface SqlSession {
  transaction<T>(work: (query: (text: string) => Promise<Record<string, any>[]>) => Promise<T>): Promise<T>;
}

/** A migrated database for the scheduler benchmarks: bare SQL sessions and ORMs for job runners. */
export interface JobDatabase {
  label: string;
  /** The server's address, for the peer job queues (none on the embedded database). */
  url?: string;
  /** Connections for the bare SQL loop (as many as the job runners get). */
  sessions: SqlSession[];
  /** One ORM per job runner. */
  orms: MikroORM[];
  close(): Promise<void>;
}

/** ORM options for the benchmarks: the service's own, with the migrator quiet. */
export function benchOrmOptions(config: { databaseUrl: string | undefined; dataDir: string }) {
  const options = ormOptions(config);
  return { ...options, migrations: { ...options.migrations, silent: true } };
}

function ormSession(orm: MikroORM): SqlSession {
  return {
    transaction: (work) => orm.em.fork().transactional((em) => work((text) => em.getConnection().execute(text, [], 'all', em.getTransactionContext()))),
  };
}

/** A fresh database on the PostgreSQL server: `runners` pg connections and `runners` ORMs (2 connections each). */
export async function jobDatabaseOnPostgres(runners: number): Promise<JobDatabase> {
  const db = await createTestDatabase();
  const migrate = await MikroORM.init(benchOrmOptions({ databaseUrl: db.url, dataDir: '' }));
  await migrate.migrator.up();
  await migrate.close();
  const clients = await Promise.all(Array.from({ length: runners }, async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    return client;
  }));
  const orms = await Promise.all(Array.from({ length: runners }, () => MikroORM.init({ ...benchOrmOptions({ databaseUrl: db.url, dataDir: '' }), pool: { min: 1, max: 2 } })));
  return {
    label: 'PostgreSQL server',
    url: db.url,
    sessions: clients.map((client) => ({
      async transaction(work) {
        await client.query('begin');
        try {
          const result = await work(async (text) => (await client.query(text)).rows);
          await client.query('commit');
          return result;
        } catch (error) {
          await client.query('rollback');
          throw error;
        }
      },
    })),
    orms,
    async close() {
      await Promise.all([...clients.map((c) => c.end()), ...orms.map((o) => o.close())]);
      await db.drop();
    },
  };
}

/**
 * The embedded PGlite database in a temporary folder, created as the service creates it (the cluster
 * in a child process): one connection, so one session and one runner.
 */
export async function jobDatabaseEmbedded(): Promise<JobDatabase> {
  const dir = await mkdtemp(join(tmpdir(), 'stroom-bench-'));
  await createEmbeddedCluster(embeddedDatabaseDir({ dataDir: dir }));
  const orm = await MikroORM.init(benchOrmOptions({ databaseUrl: undefined, dataDir: dir }));
  await orm.migrator.up();
  return {
    label: 'embedded PGlite',
    sessions: [ormSession(orm)],
    orms: [orm],
    async close() {
      await orm.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
