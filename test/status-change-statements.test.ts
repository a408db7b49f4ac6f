import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SchedulerRegistry } from '@nestjs/schedule';
import pg from 'pg';
import { ChangeEventConsumer } from '../server/events/change-event-consumer.js';
import { SETTINGS } from './support/flow-helpers.js';
import { useTestApp } from './support/lifecycle.js';

/**
 * What a status change costs the database, end to end: the statements of `PATCH
 * /api/quote-requests/:id {status}` and of the consumer's batch that handles its event, counted on
 * pg's Client. The benchmark's floor does the request in six, Stroom in four; these counts keep it from creeping back.
 */
const context = useTestApp();
const call = (method: string, path: string, body?: unknown) => context.app.call(method, path, body);

let statements: string[] | undefined;
const query = pg.Client.prototype.query;
beforeAll(() => {
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string } | undefined)?.text;
    statements?.push(label(String(text)));
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
});
afterAll(() => {
  pg.Client.prototype.query = query;
});

/**
 * A statement as its verb and first table: `select quote_request`, `begin`; writes joined into one
 * statement as what each of them does: `with update job + insert job + insert message + insert job`.
 */
function label(sql: string): string {
  if (sql.startsWith('with "part1"')) return `with ${[...sql.matchAll(/(insert into|update)\s+"(\w+)"/gi)].map(([, verb, table]) => `${verb!.split(' ')[0]!.toLowerCase()} ${table}`).join(' + ')}`;
  const verb = sql.trim().split(/\s+/)[0]!.toLowerCase();
  const table = sql.match(/(?:from|into|update)\s+"(\w+)"/i)?.[1];
  return table ? `${verb} ${table}` : verb;
}

async function counted(work: () => Promise<unknown>): Promise<string[]> {
  statements = [];
  try {
    await work();
    return statements;
  } finally {
    statements = undefined;
  }
}

let consumer: ChangeEventConsumer;
let owner: { id: string };
const records: { id: string }[] = [];

beforeAll(async () => {
  // The consumer and the job poller run on intervals; here the test drives the consumer alone.
  const registry = context.app.app.get(SchedulerRegistry);
  for (const name of registry.getIntervals()) registry.deleteInterval(name);
  consumer = context.app.app.get(ChangeEventConsumer);
  owner = (await call('POST', '/api/employees', { name: 'Olaf Eigenaar', email: 'olaf@stroom.test' })).body;
  for (const n of [1, 2, 3]) {
    const person = (await call('POST', '/api/persons', { firstName: 'Anna', lastName: `Jong ${n}`, email: `anna${n}@example.nl` })).body;
    records.push((await call('POST', '/api/quote-requests', { kind: 'Offertezoek', status: 'Offertezoek - Offerte nog niet aangevraagd', personId: person.id, ownerId: owner.id })).body);
  }
  await consumer.drain();
});

const pendingSends = async (record: { id: string }) =>
  Number((await context.db.query(`select count(*) from "job" where "kind" = 'workflow.send' and "status" = 'pending' and "payload"->>'entityId' = $1`, [String(record.id)]))[0]!.count);

const patch = async (record: { id: string }, status: string) => expect((await call('PATCH', `/api/quote-requests/${record.id}`, { status })).status).toBe(200);

/** The statements of one status change's request, and of the consumer's batch that handles its event. */
async function changeStatus(status: string): Promise<{ request: string[]; consumer: string[] }> {
  const request = await counted(() => patch(records[0]!, status));
  let handled = 0;
  const consumed = await counted(async () => (handled = await consumer.processBatch()));
  expect(handled).toBe(1);
  return { request, consumer: consumed };
}

/** The record read locked with its status; then one statement resolves the new status, updates the record and inserts its change event. */
const REQUEST = ['begin', 'select quote_request', 'with status', 'commit'];
/** The claim marks the events processed; the rule-set versions come in one read; the record brings its status, person and owner. */
const CLAIM = ['begin', 'update change_event', 'select rule_set_version'];
const EVENT = ['select quote_request', 'select participant'];

describe('a status change', () => {
  it('takes four statements in the request and six in the consumer with no workflow', async () => {
    await changeStatus('Offertezoek - Offerte aangevraagd');
    expect(await changeStatus('Offertezoek - Uitgevoerd')).toEqual({ request: REQUEST, consumer: [...CLAIM, ...EVENT, 'commit'] });
  });

  it('reads the rule-set versions once per batch, and the records of the batch together', async () => {
    await patch(records[0]!, 'Offertezoek - Offerte aangevraagd');
    await patch(records[1]!, 'Offertezoek - Offerte aangevraagd');
    await patch(records[2]!, 'Offertezoek - Offerte aangevraagd');
    // The batch reads its three records in one statement, and which of their persons take part in a flow in another.
    expect(await counted(() => consumer.processBatch())).toEqual(['begin', 'update change_event', 'select quote_request', 'select participant', 'select rule_set_version', 'commit']);
  });

  it('adds only the workflows\' own work when rules match', async () => {
    expect((await call('POST', '/api/templates', { key: 'offerte', name: 'offerte', channel: 'email', subject: 'Offerte', body: '<p>{{ person.full_name }}</p>' })).status).toBe(201);
    expect((await call('POST', '/api/workflows', { source: 'workflow "Nu" {\n  on quote_request.status changed to "Offertezoek - Offerte aangevraagd"\n  send email "offerte" to owner\n}' })).status).toBe(201);
    expect((await call('POST', '/api/workflows', { source: 'workflow "Later" {\n  on quote_request.status changed to "Offertezoek - Offerte aangevraagd"\n  after 3 days send email "offerte" to person\n}' })).status).toBe(201);
    await consumer.drain();
    await changeStatus('Offertezoek - Offerte nog niet aangevraagd');
    // Entering the status: the pending sends of rules that no longer hold are cancelled, the e-mail to
    // the owner goes to the outbox (with its template), the timed one becomes a due job.
    expect(await changeStatus('Offertezoek - Offerte aangevraagd')).toEqual({
      request: REQUEST,
      consumer: [...CLAIM, 'select quote_request', 'update job', 'select template', 'with message', 'select participant', 'insert job', 'commit'],
    });
    expect(await changeStatus('Offertezoek - Uitgevoerd')).toEqual({ request: REQUEST, consumer: [...CLAIM, 'select quote_request', 'update job', 'select participant', 'commit'] });
    expect(Number((await context.db.query(`select count(*) from "message" where "to" = 'olaf@stroom.test'`))[0]!.count)).toBe(1);
  });

  it('writes the e-mails a batch of events decides in one statement at its end', async () => {
    for (const record of [records[1]!, records[2]!]) await patch(record, 'Offertezoek - Offerte nog niet aangevraagd');
    await consumer.drain();
    for (const record of [records[1]!, records[2]!]) await patch(record, 'Offertezoek - Offerte aangevraagd');
    const batch = await counted(() => consumer.processBatch());
    // One statement: of the workflow sends stored before, those no longer holding are cancelled; the batch's timed sends, its e-mails and their delivery jobs are written.
    expect(batch.slice(-2)).toEqual(['with update job + insert job + insert message + insert job', 'commit']);
    expect(Number((await context.db.query(`select count(*) from "message" where "to" = 'olaf@stroom.test'`))[0]!.count)).toBe(3);
    expect(await pendingSends(records[1]!)).toBe(1);
  });

  it('gives a batch the outcome of its events one by one: a later event of a record cancels what an earlier one planned, and what was stored before', async () => {
    expect(await pendingSends(records[1]!)).toBe(1);
    // In one batch: record 1 leaves the status (its stored send is cancelled); record 2 enters it and leaves it again.
    await patch(records[1]!, 'Offertezoek - Uitgevoerd');
    await patch(records[2]!, 'Offertezoek - Offerte nog niet aangevraagd');
    await consumer.drain();
    expect(await pendingSends(records[2]!)).toBe(0);
    await patch(records[2]!, 'Offertezoek - Offerte aangevraagd');
    await patch(records[2]!, 'Offertezoek - Uitgevoerd');
    await patch(records[1]!, 'Offertezoek - Offerte aangevraagd');
    expect(await consumer.processBatch()).toBe(3);
    expect(await pendingSends(records[2]!)).toBe(0);
    expect(await pendingSends(records[1]!)).toBe(1);
  });
});

describe('a batch of change events', () => {
  it('reads its records and who takes part in a flow once, and sees a person its first event enrols when it handles the second', async () => {
    const source = `flow "Lead" {\n${SETTINGS}  trigger when person.interests contains "Isolatie"\n  exit when person.category = "Klant"\n  wait 7 days\n}\n`;
    const flow = (await call('POST', '/api/flows', { source })).body;
    expect((await call('POST', `/api/flows/${flow.id}/start`)).body).toMatchObject({ status: 'running' });
    const person = (await call('POST', '/api/persons', { firstName: 'Iris', lastName: 'Lead', email: 'iris@example.nl' })).body;
    await consumer.drain();
    expect((await call('PATCH', `/api/persons/${person.id}`, { interests: ['Isolatie'] })).status).toBe(200);
    expect((await call('PATCH', `/api/persons/${person.id}`, { category: 'Klant' })).status).toBe(200);
    let handled = 0;
    const batch = await counted(async () => (handled = await consumer.processBatch()));
    expect(handled).toBe(2);
    // One read of the records and one of the persons' participations, before any event.
    expect(batch.slice(0, 4)).toEqual(['begin', 'update change_event', 'select person', 'select participant']);
    const participants = (await call('GET', `/api/flows/${flow.id}/participants`)).body.items as { personId: string; status: string; reason: string }[];
    // The second event (now a customer) ends the participation the first one began.
    expect(participants).toContainEqual(expect.objectContaining({ personId: String(person.id), status: 'dropout', reason: 'no longer matches' }));
  });
});
