import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_LEADS, DEMO_PERSONS } from '../server/seed/demo-data.js';
import { startTestApp } from './support/test-app.js';

/** The demo's persons: the CRM records and the leads that sent the contact form. */
const DEMO_PERSON_COUNT = new Set([...DEMO_PERSONS.map((p) => p.email), ...DEMO_LEADS.map((l) => l.person.email)]).size;

const dataDir = mkdtempSync(join(tmpdir(), 'stroom-embedded-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

// PGlite (WebAssembly) starts in seconds alone but far slower on a machine busy with other tests.
const EMBEDDED_START_TIMEOUT = 180_000;

describe('embedded PostgreSQL (no DATABASE_URL)', () => {
  it('starts on PGlite in DATA_DIR, seeds demo data once, and finds its data again after a restart', async () => {
    const first = await startTestApp({ DATABASE_URL: undefined, DATA_DIR: dataDir, SEED_DEMO: 'on' });
    let personId: string;
    try {
      expect((await first.call('GET', '/api/health', undefined, null)).body).toEqual({ status: 'ok', database: 'embedded' });
      const demo = await first.call('GET', '/api/persons');
      expect(demo.body.total).toBe(DEMO_PERSON_COUNT);
      expect((await first.call('GET', '/api/statuses?kind=quote_request&limit=100')).body.total).toBe(17);
      const created = await first.call('POST', '/api/persons', { firstName: 'Blijft', email: 'blijft@example.nl' });
      expect(created.status).toBe(201);
      personId = created.body.id;
    } finally {
      await first.close();
    }

    const second = await startTestApp({ DATABASE_URL: undefined, DATA_DIR: dataDir, SEED_DEMO: 'on' });
    try {
      const found = await second.call('GET', `/api/persons/${personId}`);
      expect(found).toMatchObject({ status: 200, body: { firstName: 'Blijft' } });
      expect((await second.call('GET', '/api/persons')).body.total).toBe(DEMO_PERSON_COUNT + 1);
      const events = await second.call('GET', `/api/change-events?entity=person&id=${personId}`);
      expect(events.body.items[0]).toMatchObject({ kind: 'created' });
    } finally {
      await second.close();
    }
  }, EMBEDDED_START_TIMEOUT);

  it('skips the demo data with SEED_DEMO=off', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stroom-embedded-nodemo-'));
    const app = await startTestApp({ DATABASE_URL: undefined, DATA_DIR: dir, SEED_DEMO: 'off' });
    try {
      expect((await app.call('GET', '/api/persons')).body.total).toBe(0);
      expect((await app.call('GET', '/api/task-types')).body.total).toBe(1);
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, EMBEDDED_START_TIMEOUT);
});
