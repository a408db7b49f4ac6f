/**
 * Generates the next migration from the entity metadata: runs the existing migrations on a
 * throw-away embedded database, diffs it against the entities and writes `migrations/<name>.ts`.
 * Usage: npm run migration:create [-- --initial]
 */
import 'reflect-metadata';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import { ormOptions } from './orm-config.js';

const sourceDir = resolve(process.cwd(), 'migrations');
const scratch = mkdtempSync(join(tmpdir(), 'stroom-migration-'));
try {
  const options = ormOptions({ databaseUrl: undefined, dataDir: scratch });
  const orm = await MikroORM.init({
    ...options,
    migrations: { ...options.migrations, path: sourceDir, pathTs: sourceDir, emit: 'ts', fileName: (ts: string, name?: string) => `Migration${ts}${name ? `_${name}` : ''}` },
  });
  const migrator = orm.migrator;
  await migrator.up();
  const result = await migrator.create(sourceDir, false, process.argv.includes('--initial'));
  await orm.close(true);
  if (!result.fileName) {
    console.log('No schema changes: no migration written.');
  } else {
    const indexFile = join(sourceDir, 'index.ts');
    const className = result.fileName.replace(/\.ts$/, '');
    const index = readFileSync(indexFile, 'utf8')
      .replace(/^(import type .*\n)/m, `$1import { ${className} } from './${className}.js';\n`)
      .replace(/\n\];\s*$/, `\n  { name: '${className}', class: ${className} },\n];\n`);
    writeFileSync(indexFile, index);
    console.log(`Wrote migrations/${result.fileName} and registered it in migrations/index.ts`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
