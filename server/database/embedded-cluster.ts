import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
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
 * A pristine cluster (an empty database right after initdb) that `npm run build` makes once beside
 * the compiled service. A new data folder starts as a copy of it: initdb takes a few seconds (more
 * on a busy machine), a copy of its 40 MB a fraction of one. Without it, or when it was made by
 * another PGlite version, the cluster is made by initdb as before.
 */
export const CLUSTER_TEMPLATE = fileURLToPath(new URL('../../embedded-cluster-template', import.meta.url));
/** Where the template is for this file run from its source (the tests): the build's. */
const BUILT_TEMPLATE = fileURLToPath(new URL('../../dist/embedded-cluster-template', import.meta.url));
const TEMPLATE_VERSION_FILE = 'PGLITE_VERSION';

const PGLITE_ENTRY = import.meta.resolve('@electric-sql/pglite');

function pgliteVersion(): string {
  const manifest = fileURLToPath(new URL('../package.json', PGLITE_ENTRY));
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

function templateUsable(template: string): boolean {
  const versionFile = join(template, TEMPLATE_VERSION_FILE);
  return existsSync(join(template, 'PG_VERSION')) && existsSync(versionFile) && readFileSync(versionFile, 'utf8').trim() === pgliteVersion();
}

/**
 * Creates a fresh embedded database cluster in `dir` unless there is one: a copy of the template,
 * else PostgreSQL's initdb in a child process. initdb makes PGlite's WebAssembly memory grow to
 * about 650 MB and that memory never shrinks: run in the service's own process it would hold it for
 * as long as the service runs. The child gives it back when it exits; the service then opens the
 * cluster at about a quarter of that. Either way the cluster is made beside `dir` (a folder of this
 * process's own) and then renamed into place, or, when `dir` is an empty folder (a mounted volume),
 * copied into it with PG_VERSION last: a start stopped half-way leaves no half cluster behind, and
 * of two processes starting on one new folder the second finds the first one's cluster.
 */
export async function createEmbeddedCluster(dir: string, templates = [CLUSTER_TEMPLATE, BUILT_TEMPLATE]): Promise<'existing' | 'copied' | 'initdb'> {
  if (hasCluster(dir)) return 'existing';
  refuseForeignFiles(dir);
  mkdirSync(dirname(dir), { recursive: true });
  const partial = `${dir}.partial-${process.pid}-${randomBytes(4).toString('hex')}`;
  rmSync(partial, { recursive: true, force: true });
  try {
    const template = templates.find(templateUsable);
    if (template) cpSync(template, partial, { recursive: true, filter: (source) => !source.endsWith(TEMPLATE_VERSION_FILE) });
    else await initdb(partial);
    if (hasCluster(dir)) return 'existing';
    try {
      if (existsSync(dir)) {
        refuseForeignFiles(dir);
        cpSync(partial, dir, { recursive: true, filter: (source) => source !== join(partial, 'PG_VERSION') });
        copyFileSync(join(partial, 'PG_VERSION'), join(dir, 'PG_VERSION'));
      } else {
        renameSync(partial, dir);
      }
    } catch (error) {
      // Another process put its cluster there first.
      if (hasCluster(dir)) return 'existing';
      throw error;
    }
    return template ? 'copied' : 'initdb';
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
}

function hasCluster(dir: string): boolean {
  return existsSync(join(dir, 'PG_VERSION'));
}

function refuseForeignFiles(dir: string): void {
  if (existsSync(dir) && readdirSync(dir).length > 0 && !hasCluster(dir)) {
    throw new Error(`${dir} holds files but no database (no PG_VERSION; an interrupted first start of an older version leaves this): delete the folder or choose another DATA_DIR`);
  }
}

/** Makes the template beside the compiled service (`npm run build`). */
export async function buildClusterTemplate(template = CLUSTER_TEMPLATE): Promise<void> {
  if (templateUsable(template)) return;
  const partial = `${template}.partial`;
  rmSync(partial, { recursive: true, force: true });
  await initdb(partial);
  writeFileSync(join(partial, TEMPLATE_VERSION_FILE), `${pgliteVersion()}\n`);
  rmSync(template, { recursive: true, force: true });
  renameSync(partial, template);
}

async function initdb(dir: string): Promise<void> {
  mkdirSync(resolve(dir, '..'), { recursive: true });
  const script = `const { PGlite } = await import(${JSON.stringify(PGLITE_ENTRY)});\nconst db = await PGlite.create({ dataDir: ${JSON.stringify(dir)} });\nawait db.close();`;
  await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, NODE_OPTIONS: '' } });
}
