import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import pg from 'pg';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { MIGRATIONS } from '../../migrations/index.js';

/** Advisory lock key that serialises migrations across instances. */
const MIGRATION_LOCK = 72_414_001;

/** Runs pending migrations before anything else touches the database, and tells whether it was new. */
@Injectable()
export class DatabaseMigrations implements OnModuleInit {
  private readonly logger = new Logger(DatabaseMigrations.name);
  /** True when this start created the schema from nothing (a fresh database). */
  fresh = false;

  constructor(
    private readonly orm: MikroORM,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.config.migrations) {
      this.logger.log('MIGRATIONS=off: not migrating');
      return;
    }
    const migrator = this.orm.migrator;
    const ran = await this.exclusively(() => migrator.up());
    this.fresh = ran.length > 0 && ran.length === MIGRATIONS.length;
    if (ran.length > 0) this.logger.log(`Ran ${ran.length} migration(s): ${ran.map((m) => m.name).join(', ')}`);
  }

  /**
   * Instances starting together on one new PostgreSQL database take turns (a session advisory lock
   * on a connection of its own): the first migrates, the others find it done. The embedded database
   * has one process by construction.
   */
  private async exclusively<T>(work: () => Promise<T>): Promise<T> {
    if (!this.config.databaseUrl) return work();
    const client = new pg.Client({ connectionString: this.config.databaseUrl });
    await client.connect();
    try {
      await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
      return await work();
    } finally {
      await client.end();
    }
  }
}
