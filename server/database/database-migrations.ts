import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';

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
    const executed = await migrator.getExecuted();
    this.fresh = executed.length === 0;
    const ran = await migrator.up();
    if (ran.length > 0) this.logger.log(`Ran ${ran.length} migration(s): ${ran.map((m) => m.name).join(', ')}`);
  }
}
