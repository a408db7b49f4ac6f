import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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
 * cluster at about a quarter of that. Either way the cluster is made beside `dir` and renamed into
 * place, so a start stopped half-way leaves no half cluster behind.
 */
export async function createEmbeddedCluster(dir: string, templates = [CLUSTER_TEMPLATE, BUILT_TEMPLATE]): Promise<'existing' | 'copied' | 'initdb'> {
  if (existsSync(join(dir, 'PG_VERSION'))) return 'existing';
  mkdirSync(dirname(dir), { recursive: true });
  const partial = `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  let made: 'copied' | 'initdb';
  const template = templates.find(templateUsable);
  if (template) {
    cpSync(template, partial, { recursive: true, filter: (source) => !source.endsWith(TEMPLATE_VERSION_FILE) });
    made = 'copied';
  } else {
    await initdb(partial);
    made = 'initdb';
  }
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    rmSync(partial, { recursive: true, force: true });
    throw new Error(`${dir} holds files but no database (no PG_VERSION): move them away or choose another DATA_DIR`);
  }
  rmSync(dir, { recursive: true, force: true });
  renameSync(partial, dir);
  return made;
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
