import { afterAll, describe, expect, it } from '@jest/globals';
import { PGlite } from '@electric-sql/pglite';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildClusterTemplate, createEmbeddedCluster } from './embedded-cluster.js';

const root = mkdtempSync(join(tmpdir(), 'stroom-cluster-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const template = join(root, 'template');

describe('the embedded cluster of a new data folder', () => {
  it('is made once as a template, then copied: the copy opens as a working database, without the template\'s version note', async () => {
    await buildClusterTemplate(template);
    expect(readFileSync(join(template, 'PGLITE_VERSION'), 'utf8').trim()).toMatch(/^\d+\.\d+\.\d+/);
    const dir = join(root, 'copied', 'db');
    expect(await createEmbeddedCluster(dir, [join(root, 'missing'), template])).toBe('copied');
    expect(existsSync(join(dir, 'PGLITE_VERSION'))).toBe(false);
    expect(readdirSync(join(root, 'copied'))).toEqual(['db']);
    const db = await PGlite.create({ dataDir: dir });
    try {
      await db.exec('create table t (n int); insert into t values (41)');
      expect((await db.query<{ n: number }>('select n + 1 as n from t')).rows).toEqual([{ n: 42 }]);
    } finally {
      await db.close();
    }
    expect(await createEmbeddedCluster(dir, [template])).toBe('existing');
  }, 60_000);

  it('is made by initdb when the template was made by another PGlite version', async () => {
    const stale = join(root, 'stale');
    await buildClusterTemplate(template);
    mkdirSync(stale);
    writeFileSync(join(stale, 'PG_VERSION'), '17\n');
    writeFileSync(join(stale, 'PGLITE_VERSION'), '0.0.1\n');
    const dir = join(root, 'made', 'db');
    expect(await createEmbeddedCluster(dir, [stale])).toBe('initdb');
    expect(existsSync(join(dir, 'base'))).toBe(true);
  }, 60_000);

  it('refuses a folder that holds files but no database, and leaves them', async () => {
    const dir = join(root, 'taken', 'db');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    await expect(createEmbeddedCluster(dir, [template])).rejects.toThrow(/holds files but no database/);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
    expect(readdirSync(join(root, 'taken'))).toEqual(['db']);
  }, 60_000);

  it('fills an empty folder (a mounted volume) in place, PG_VERSION last', async () => {
    const dir = join(root, 'mounted', 'db');
    mkdirSync(dir, { recursive: true });
    expect(await createEmbeddedCluster(dir, [template])).toBe('copied');
    expect(existsSync(join(dir, 'PG_VERSION'))).toBe(true);
    expect(existsSync(join(dir, 'base'))).toBe(true);
    expect(readdirSync(join(root, 'mounted'))).toEqual(['db']);
  }, 60_000);

  it('of two starts on one new folder, the second finds the first one\'s cluster', async () => {
    const dir = join(root, 'twice', 'db');
    // By initdb (no template), which takes seconds: both are under way before either is done.
    const made = await Promise.all([createEmbeddedCluster(dir, []), createEmbeddedCluster(dir, [])]);
    expect(made.sort()).toEqual(['existing', 'initdb']);
    expect(readdirSync(join(root, 'twice'))).toEqual(['db']);
  }, 60_000);
});
