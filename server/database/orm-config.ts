import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Options } from '@mikro-orm/core';
import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { Migrator } from '@mikro-orm/migrations';
import { PgliteDriver } from '@mikro-orm/pglite';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { MIGRATIONS } from '../../migrations/index.js';
import type { AppConfig } from '../config/config.js';
import { EMBEDDED_START_PARAMS } from './embedded-cluster.js';
import { ENTITIES } from './entities.js';

/** Where the embedded database keeps its files. */
export function embeddedDatabaseDir(config: Pick<AppConfig, 'dataDir'>): string {
  return resolve(config.dataDir, 'db');
}

/** ORM options for a real PostgreSQL server (DATABASE_URL) or the embedded PGlite in DATA_DIR. */
export function ormOptions(config: Pick<AppConfig, 'databaseUrl' | 'dataDir'>): Partial<Options> {
  const common = {
    entities: ENTITIES,
    metadataProvider: ReflectMetadataProvider,
    extensions: [Migrator],
    migrations: {
      migrationsList: MIGRATIONS,
      snapshot: false,
      transactional: true,
      allOrNothing: true,
    },
    discovery: { warnWhenNoEntities: true },
    debug: false,
    allowGlobalContext: false,
  } satisfies Partial<Options>;

  if (config.databaseUrl) {
    return { ...common, driver: PostgreSqlDriver, clientUrl: config.databaseUrl, pool: { min: 0, max: 10 } } as Partial<Options>;
  }
  const dir = embeddedDatabaseDir(config);
  mkdirSync(resolve(dir, '..'), { recursive: true });
  return { ...common, driver: PgliteDriver, dbName: dir, driverOptions: { startParams: [...EMBEDDED_START_PARAMS] } } as Partial<Options>;
}
