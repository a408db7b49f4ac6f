import { type DynamicModule, Global, Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import type { AppConfig } from '../config/config.js';
import { DatabaseMigrations } from './database-migrations.js';
import { ormOptions } from './orm-config.js';

/** MikroORM on a PostgreSQL server or the embedded PGlite, migrated at start (unless MIGRATIONS=off). */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [MikroOrmModule.forRoot({ ...ormOptions(config), registerRequestContext: false })],
      providers: [DatabaseMigrations],
      exports: [DatabaseMigrations],
    };
  }
}
