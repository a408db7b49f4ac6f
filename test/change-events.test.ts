import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EntityManager } from '@mikro-orm/core';
import pg from 'pg';
import { ChangeEventConsumer } from '../server/events/change-event-consumer.js';
import type { ChangeEvent } from '../server/events/change-event.entity.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let db: TestDatabase;
let sql: pg.Client;

beforeAll(async () => {
  db = await createTestDatabase();
  sql = new pg.Client({ connectionString: db.url });
  await sql.connect();
});
afterAll(async () => {
  await sql?.end();
  await db?.drop();
});

function run(em: EntityManager, query: string, params: unknown[]): Promise<unknown> {
  return em.getConnection().execute(query, params, 'run', em.getTransactionContext());
}

describe('change events', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ DATABASE_URL: db.url });
  });
  afterAll(async () => app?.close());

  it('records created, updated and deleted with snake_case changes, newest first', async () => {
    const company = (await app.call('POST', '/api/companies', { name: 'Event BV' })).body;
    const created = (await app.call('POST', '/api/persons', { firstName: 'Evi', email: 'evi@example.nl', companyId: company.id })).body;
    await app.call('PATCH', `/api/persons/${created.id}`, { firstName: 'Evie', category: 'Lead' });
    await app.call('PATCH', `/api/persons/${created.id}`, { firstName: 'Evie' });
    const res = await app.call('GET', `/api/change-events?entity=person&id=${created.id}`);
    expect(res.body.total).toBe(2);
    const [updated, made] = res.body.items;
    expect(made).toMatchObject({
      entity: 'person',
      entityId: created.id,
      kind: 'created',
      actor: 'api-token',
      changes: {
        first_name: { from: null, to: 'Evi' },
        email: { from: null, to: 'evi@example.nl' },
        company_id: { from: null, to: company.id },
        unsubscribed: { from: null, to: false },
      },
    });
    expect(made.changes).not.toHaveProperty('last_name');
    expect(updated).toMatchObject({ kind: 'updated', changes: { first_name: { from: 'Evi', to: 'Evie' }, category: { from: null, to: 'Lead' } } });
    expect(Object.keys(updated.changes).sort()).toEqual(['category', 'first_name']);

    // A person's values do not outlive it: its events go, and its deletion event names only the id.
    await app.call('DELETE', `/api/persons/${created.id}`);
    const after = await app.call('GET', `/api/change-events?entity=person&id=${created.id}`);
    expect(after.body.items).toEqual([expect.objectContaining({ kind: 'deleted', changes: {} })]);
    // Other records keep their values in their deletion event.
    expect((await app.call('DELETE', `/api/companies/${company.id}`)).status).toBeLessThan(300);
    const companyEvents = await app.call('GET', `/api/change-events?entity=company&id=${company.id}`);
    expect(companyEvents.body.items[0]).toMatchObject({ kind: 'deleted', changes: { name: { from: 'Event BV', to: null } } });
  });

  it('names statuses in events as the DSL does', async () => {
    const qr = (await app.call('POST', '/api/quote-requests', { kind: 'Offertezoek', status: 'Offertezoek - Offerte aangevraagd' })).body;
    await app.call('PATCH', `/api/quote-requests/${qr.id}`, { status: 'Offertezoek - Uitgevoerd' });
    const res = await app.call('GET', `/api/change-events?entity=quote_request&id=${qr.id}`);
    expect(res.body.items[0].changes).toEqual({ status: { from: 'Offertezoek - Offerte aangevraagd', to: 'Offertezoek - Uitgevoerd' } });
    expect(res.body.items[1].changes.status).toEqual({ from: null, to: 'Offertezoek - Offerte aangevraagd' });
  });

  it('writes no event and no row when the change is refused', async () => {
    const count = async () => Number((await sql.query('select count(*) from change_event')).rows[0].count);
    const persons = async () => Number((await sql.query('select count(*) from person')).rows[0].count);
    await app.call('POST', '/api/persons', { firstName: 'Een', email: 'een@example.nl' });
    const [events, rows] = [await count(), await persons()];
    expect((await app.call('POST', '/api/persons', { firstName: 'Twee', email: 'EEN@example.nl' })).status).toBe(409);
    expect((await app.call('POST', '/api/persons', { firstName: 'Drie', companyId: '777777' })).status).toBe(400);
    expect([await count(), await persons()]).toEqual([events, rows]);
  });

  it('refuses bad change-event queries with a 400', async () => {
    expect((await app.call('GET', '/api/change-events?limit=0')).status).toBe(400);
    expect((await app.call('GET', '/api/change-events?colour=red')).status).toBe(400);
  });
});

describe('change event consumers', () => {
  beforeAll(async () => {
    await sql.query('create table if not exists handled (event_id bigint not null, consumer text not null)');
  });

  it('handles events committed before a process died, once, with two consumers sharing the work', async () => {
    const [a, b] = await Promise.all([startTestApp({ DATABASE_URL: db.url }), startTestApp({ DATABASE_URL: db.url })]);
    try {
      const slowHandler = (name: string) => async (event: ChangeEvent, em: EntityManager) => {
        await run(em, 'insert into handled (event_id, consumer) values (?, ?)', [event.id, name]);
        await new Promise((resolve) => setTimeout(resolve, 3));
      };
      const consumerA = a.app.get(ChangeEventConsumer);
      const consumerB = b.app.get(ChangeEventConsumer);
      consumerA.register('test', slowHandler('a'));
      consumerB.register('test', slowHandler('b'));
      // A process committed 60 changes and died before anything consumed them.
      await sql.query('update change_event set processed_at = now() where processed_at is null');
      await sql.query(`insert into change_event (entity, entity_id, kind, changes, actor, at, attempts)
        select 'person', g::text, 'created', '{}', 'test', now(), 0 from generate_series(1, 60) g`);
      const [na, nb] = await Promise.all([consumerA.drain(5), consumerB.drain(5)]);
      expect(na + nb).toBeLessThanOrEqual(60); // each instance's own poller may take some too
      for (let i = 0; i < 100 && Number((await sql.query('select count(*) from change_event where processed_at is null')).rows[0].count) > 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const rows = (await sql.query('select event_id, consumer from handled')).rows as { event_id: string; consumer: string }[];
      expect(rows).toHaveLength(60);
      expect(new Set(rows.map((r) => r.event_id)).size).toBe(60);
      expect(rows.some((r) => r.consumer === 'a')).toBe(true);
      expect(rows.some((r) => r.consumer === 'b')).toBe(true);
      const left = await sql.query('select count(*) from change_event where processed_at is null');
      expect(Number(left.rows[0].count)).toBe(0);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('rolls back a failed handling and retries it, then parks an event that keeps failing', async () => {
    await sql.query('delete from handled');
    const app = await startTestApp({ DATABASE_URL: db.url });
    try {
      const consumer = app.app.get(ChangeEventConsumer);
      let flakyFailures = 0;
      const named = (event: ChangeEvent) => event.changes.first_name?.to;
      consumer.register('test', async (event, em) => {
        if (event.entity !== 'person') return;
        await run(em, 'insert into handled (event_id, consumer) values (?, ?)', [event.id, 'x']);
        if (named(event) === 'Flaky' && flakyFailures++ === 0) throw new Error('flaky once');
        if (named(event) === 'Broken') throw new Error('always broken');
      });
      const flaky = (await app.call('POST', '/api/persons', { firstName: 'Flaky' })).body;
      const broken = (await app.call('POST', '/api/persons', { firstName: 'Broken' })).body;
      // The service's own poller claims batches too (SKIP LOCKED): go on until the broken event is parked.
      const parkedYet = async () => (await sql.query('select processed_at from change_event where entity_id = $1 and entity = $2 and actor = $3', [broken.id, 'person', 'api-token'])).rows[0]?.processed_at;
      // Bounded by time, not by rounds: while the poller holds the event, this loop's batches find nothing.
      const deadline = Date.now() + 40_000;
      while (!(await parkedYet()) && Date.now() < deadline) await consumer.processBatch();
      const handled = (await sql.query(`select c.entity_id from handled h join change_event c on c.id = h.event_id where c.actor = 'api-token'`)).rows.map((r) => r.entity_id);
      expect(handled.filter((id) => id === flaky.id)).toHaveLength(1);
      expect(handled.filter((id) => id === broken.id)).toHaveLength(0);
      const parked = (await sql.query('select attempts, last_error, processed_at from change_event where entity_id = $1 and entity = $2 and actor = $3', [broken.id, 'person', 'api-token'])).rows[0];
      expect(parked).toMatchObject({ attempts: 5, last_error: 'always broken' });
      expect(parked.processed_at).not.toBeNull();
    } finally {
      await app.close();
    }
    // Its own service start and the 40 s bound above: on a loaded machine more than the default minute.
  }, 120_000);
});
