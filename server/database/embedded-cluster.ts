import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';

/**
 * PostgreSQL settings of the embedded database, sized for one small service: PGlite's WebAssembly
 * memory only grows, so shared buffers of PostgreSQL's default 128 MB would stay resident for good
 * once touched. 16 MB serve the service's working set (its tables' hot pages) well.
 */
export const EMBEDDED_START_PARAMS: readonly string[] = [
  ...PGlite.defaultStartParams,
  '-c', 'shared_buffers=16MB',
  '-c', 'work_mem=4MB',
  '-c', 'maintenance_work_mem=16MB',
];

/**
 * Creates a fresh embedded database cluster (PostgreSQL's initdb) in a child process. initdb makes
 * PGlite's WebAssembly memory grow to about 650 MB and that memory never shrinks: run in the
 * service's own process it would hold it for as long as the service runs. The child gives it back
 * when it exits; the service then opens the cluster at about a quarter of that.
 */
export async function createEmbeddedCluster(dir: string): Promise<void> {
  if (existsSync(join(dir, 'PG_VERSION'))) return;
  mkdirSync(resolve(dir, '..'), { recursive: true });
  const pglite = import.meta.resolve('@electric-sql/pglite');
  const script = `const { PGlite } = await import(${JSON.stringify(pglite)});\nconst db = await PGlite.create({ dataDir: ${JSON.stringify(dir)} });\nawait db.close();`;
  await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, NODE_OPTIONS: '' } });
}
