import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { strToU8, unzipSync, zipSync } from 'fflate';
import pg from 'pg';
import { createFixtures, documentedRoutes, fillPath, type FixtureIds, type Route } from './support/api-routes.js';
import { useTestApp } from './support/lifecycle.js';
import { ADMIN_TOKEN } from './support/test-app.js';

/**
 * Every route of the OpenAPI document fed malformed, oversized, wrongly typed and boundary input
 * (never a 500 for bad input): no answer is a 5xx, every refusal has the error shape, and
 * a refused call leaves the database as it was. The seed is fixed and printed; FUZZ_SEED and
 * FUZZ_RUNS (calls per route) replay or lengthen a run.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const RUNS = Number(process.env.FUZZ_RUNS ?? 8);

const context = useTestApp({ CLOCK: 'manual' });

/** The tables whose rows a refused call must leave alone, counted in one query. */
const WATCHED_TABLES = ['person', 'company', 'employee', 'group', 'selection', 'project', 'status', 'task_type', 'task', 'quote_request',
  'opportunity', 'intake_measure', 'sale', 'crm_request', 'follow_up', 'form', 'template', 'workflow', 'flow', 'stored_file', 'change_event'];

let routes: Route[];
let ids: FixtureIds;
let sql: pg.Client;
let snapshotQuery: string;

/** Row counts plus the newest change event and the newest update of each table: a write of any kind moves one of them. */
async function snapshot(): Promise<string> {
  return JSON.stringify((await sql.query(snapshotQuery)).rows[0]);
}

/**
 * Background work an accepted call started (its change events handled, jobs due on the manual
 * clock, such as the expiry of a task given a due date in 1970) writes on its own time: wait for it
 * before the snapshot, so that only the refused call is judged. Gives up after a few seconds (a job
 * that keeps failing is retried later on the manual clock, so it does not stay due).
 */
async function settle(): Promise<void> {
  const until = Date.now() + 5000;
  for (;;) {
    const { rows } = await sql.query(`select (select count(*) from change_event where processed_at is null)
      + (select count(*) from job where status in ('pending', 'running') and due_at <= (select now from clock_state where id = 1)) as busy`);
    if (Number(rows[0].busy) === 0 || Date.now() > until) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async () => {
  process.stdout.write(`api-fuzz: seed ${SEED}, ${RUNS} runs per route (replay with FUZZ_SEED=${SEED})\n`);
  routes = await documentedRoutes(context.app);
  ids = await createFixtures(context.app);
  sql = new pg.Client({ connectionString: context.db.url });
  sql.on('error', () => undefined); // the database is dropped when the file ends
  await sql.connect();
  const present = new Set((await sql.query(`select table_name, column_name from information_schema.columns where table_schema = current_schema()`)).rows
    .map((r: { table_name: string; column_name: string }) => `${r.table_name}.${r.column_name}`));
  const columns = WATCHED_TABLES.filter((t) => present.has(`${t}.id`)).flatMap((table) => [
    `(select count(*) from "${table}") as "${table}"`,
    ...(present.has(`${table}.updated_at`) ? [`(select max(updated_at) from "${table}") as "${table}.updated"`] : []),
  ]);
  snapshotQuery = `select ${columns.join(', ')}, (select max(id) from change_event) as last_event`;
});

afterAll(async () => {
  await sql?.end();
});

// ---- hostile values -------------------------------------------------------------------------

const HUGE_STRING = 'x'.repeat(200_000);
const badText = fc.constantFrom('', ' ', '\u0000', 'nul\u0000byte', '\ud800', '💩'.repeat(50), 'ÅÄÖ éè ß', '<script>alert(1)</script>', "' or 1=1 --",
  '{{ constructor.constructor("return process")() }}', '%00', '../../etc/passwd', 'null', 'true', '-1', '1e309', 'NaN', HUGE_STRING,
  '2026-02-30T25:61:00Z', '+275760-09-13T00:00:00.000Z', '0000-01-01T00:00:00Z', 'P99999999Y', 'PT-1S');
const badNumber = fc.constantFrom(0, -1, -0.5, 1.5, 2 ** 31, 2 ** 53 + 1, 1e21, -1e308, 1e308, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER);
const scalar = fc.oneof(badText, badNumber, fc.boolean(), fc.constant(null), fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 12 }), fc.integer(), fc.double());
const value: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('id', 'name', 'source', 'a', '__proto__', 'constructor'), scalar, { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom([], {}, [[[[[[]]]]]], { $gt: 0 }, { $ne: null }, ['1', '2']) },
);

/** A JSON text with own keys only (so `__proto__` travels as a key, the way an attacker sends it). */
function jsonObject(entries: [string, unknown][]): string {
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`;
}

function bodyFields(route: Route): string[] {
  const schema = route.operation.requestBody?.content?.['application/json']?.schema as { properties?: Record<string, unknown> } | undefined;
  return Object.keys(schema?.properties ?? {});
}

/** A request body: mostly an object of the documented fields with hostile values; sometimes no object at all. */
function bodyFor(route: Route): fc.Arbitrary<{ text: string | undefined; type: string }> {
  const keys = [...bodyFields(route), 'id', 'unknownField', '__proto__', 'constructor', 'personIds', 'source', 'name'];
  const json = (text: string) => ({ text, type: 'application/json' });
  return fc.oneof(
    { weight: 6, arbitrary: fc.array(fc.tuple(fc.constantFrom(...keys), value), { maxLength: 5 }).map((entries) => json(jsonObject(entries))) },
    { weight: 1, arbitrary: value.map((v) => json(JSON.stringify(v) ?? 'null')) },
    { weight: 1, arbitrary: fc.constantFrom('{', '{"a":}', "{'a':1}", '[1,2', '"unterminated', '\u0000', 'undefined', '{"a":1}{"b":2}', '{"a":1,}', 'NaN').map(json) },
    { weight: 1, arbitrary: fc.constantFrom({ text: 'source=x', type: 'application/x-www-form-urlencoded' }, { text: '{"source":"x"}', type: 'text/plain' }, { text: undefined, type: 'application/json' },
      { text: '--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc', type: 'multipart/form-data; boundary=x' }, { text: 'abc', type: 'multipart/form-data' },
      { text: '--x\r\nContent-Disposition: form-data; name="other"; filename="a.txt"\r\n\r\nabc\r\n--x--\r\n', type: 'multipart/form-data; boundary=x' }) },
  );
}

/** A path parameter: a real id (not for deletes, which would empty the fixtures) or a bad one. */
function pathFor(route: Route): fc.Arbitrary<string> {
  const params = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  if (params.length === 0) return fc.constant(route.path);
  const bad = fc.constantFrom('0', '-1', 'abc', '1.5', '1e3', '99999999999999999999', '9223372036854775808', ' 1', '%00', '%F0%9F%92%A9', 'x'.repeat(300), 'null', '%2e%2e', '%', '%E0%A4%A', '1%3B%20drop%20table%20person');
  const choices = params.map(() => (route.method === 'DELETE' ? bad.map((b) => ({ bad: b })) : fc.oneof(fc.constant({ bad: undefined as string | undefined }), bad.map((b) => ({ bad: b })))));
  return fc.tuple(...choices).map((picked) => {
    const real = fillPath(route.path, ids).split('/');
    const template = route.path.split('/');
    let i = 0;
    return template.map((segment, at) => (segment.startsWith('{') ? picked[i++]!.bad ?? real[at]! : segment)).join('/');
  });
}

/** A query string of the documented parameters, the paging ones and strangers, with bad values (repeated keys make arrays). */
function queryFor(route: Route): fc.Arbitrary<string> {
  const documented = (route.operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
  const keys = [...new Set([...documented, 'limit', 'offset', 'q', 'status', 'limit[]', 'limit[$gt]', '__proto__', 'name'])];
  const text = fc.oneof(fc.constantFrom('-1', '0', '1001', '1e309', '99999999999999999999', 'abc', '', ' ', 'null', 'true', '1.5', '\u0000', '💩', "'", 'x'.repeat(5000)), fc.string({ maxLength: 8 }));
  return fc.array(fc.tuple(fc.constantFrom(...keys), text), { maxLength: 4 }).map((pairs) => (pairs.length ? `?${new URLSearchParams(pairs)}` : ''));
}

interface Sent {
  method: string;
  url: string;
  body?: string | Buffer | undefined;
  type?: string;
}

/** How often each status was answered: shows the fuzz reaches the handlers, not only the parsers. */
const statusCounts = new Map<number, number>();

/** Bad input is refused quickly: a call that takes longer than this is a failure of its own, named with its request. */
const ANSWER_WITHIN_MS = 20_000;

async function send({ method, url, body, type }: Sent): Promise<{ status: number; json: any; ms: number }> {
  const headers: Record<string, string> = { authorization: `Bearer ${ADMIN_TOKEN}` };
  if (type && method !== 'GET') headers['content-type'] = type;
  const started = performance.now();
  let res: Response;
  try {
    res = await fetch(context.app.url + url, { method, headers, body: method === 'GET' ? undefined : body, redirect: 'manual', signal: AbortSignal.timeout(ANSWER_WITHIN_MS) });
  } catch (error) {
    if ((error as Error).name !== 'TimeoutError') throw error;
    return { status: 0, json: undefined, ms: performance.now() - started };
  }
  statusCounts.set(res.status, (statusCounts.get(res.status) ?? 0) + 1);
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json, ms: performance.now() - started };
}

/** The oracle: no 5xx; a refusal has the error shape and wrote nothing. Answers the problem, or undefined. */
async function problemWith(request: Sent): Promise<string | undefined> {
  await settle();
  const before = await snapshot();
  const { status, json, ms } = await send(request);
  if (status === 0 || ms > ANSWER_WITHIN_MS) return `no answer within ${ANSWER_WITHIN_MS / 1000} s`;
  if (status >= 500) return `${status} ${JSON.stringify(json)}`;
  if (status < 400) return undefined;
  if (request.url.startsWith('/api/') && (json?.statusCode !== status || typeof json.message !== 'string' || json.message === '')) {
    return `${status} without the error shape: ${JSON.stringify(json)?.slice(0, 200)}`;
  }
  const after = await snapshot();
  if (after !== before) return `${status} ${json?.message} but the database changed: ${before} → ${after}`;
  return undefined;
}

function describeRequest(r: Sent): string {
  return `${r.method} ${r.url.slice(0, 200)} ${r.type ?? ''} ${r.body === undefined ? '' : String(r.body).slice(0, 300)}`;
}

describe('API fuzzing (fast-check, fixed seed)', () => {
  it('answers no 5xx and writes nothing when it refuses, on every documented route', async () => {
    const failures: string[] = [];
    const timings: [number, string][] = [];
    for (const [index, route] of routes.entries()) {
      const sent = fc.record({ path: pathFor(route), query: queryFor(route), body: bodyFor(route) }).map(({ path, query, body }): Sent => ({
        method: route.method,
        url: path + query,
        ...(route.method === 'GET' ? {} : { body: body.text, type: body.type }),
      }));
      const started = Date.now();
      const details = await fc.check(fc.asyncProperty(sent, async (request) => {
        const problem = await problemWith(request);
        if (problem) throw new Error(problem);
      }), { seed: SEED + index, numRuns: RUNS, endOnFailure: true });
      timings.push([Date.now() - started, route.key]);
      if (details.failed) {
        failures.push(`${route.key}: ${describeRequest(details.counterexample![0])}\n    → ${(details.errorInstance as Error).message}`);
        process.stdout.write(`FAILED ${failures.at(-1)}\n`);
      }
    }
    process.stdout.write(`statuses: ${[...statusCounts].sort().map(([status, n]) => `${status}×${n}`).join(' ')}\n`);
    process.stdout.write(`slowest: ${timings.sort((a, b) => b[0] - a[0]).slice(0, 8).map(([ms, key]) => `${key} ${ms} ms`).join(', ')}\n`);
    expect(failures).toEqual([]);
  }, 60_000 + RUNS * 10_000);

  // The edges a random sample can miss, tried on every field a route documents or answers with, each once.
  const EDGE_NUMBERS = ['Infinity', '-Infinity', '1e400', '-1e400', 'NaN', '0x10', ' 5', '1e-400', '99999999999999999999', '-9223372036854775809', '1.5'];
  const EDGE_TEXTS = ['\ud800', 'a\udfffb', '\ud83d', '\u0000', '\u001b[31m'];
  const EDGE_DATES = ['0000-01-01T00:00:00Z', '-000001-01-01T00:00:00Z', '+275760-09-13T00:00:00.000Z', '9999-12-31T23:59:59Z', '10000-01-01T00:00:00Z', '1970-01-01T00:00:00Z'];
  const DEEP = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

  it('answers no 5xx to numbers at the edges, unpaired surrogates, extreme dates and deep nesting, in every field', async () => {
    const failures: string[] = [];
    const tryOne = async (request: Sent) => {
      const problem = await problemWith(request);
      if (problem) failures.push(`${describeRequest(request)}\n    → ${problem}`);
    };
    for (const route of routes) {
      const path = fillPath(route.path, ids);
      if (route.method === 'GET' && !route.path.includes('{')) {
        // A list's filters are the top-level fields of its items: every one of them with every edge value.
        const listed = await send({ method: 'GET', url: `${path}?limit=1` });
        const item = listed.json?.items?.[0] as Record<string, unknown> | undefined;
        for (const key of Object.keys(item ?? {})) {
          for (const edge of [...EDGE_NUMBERS, ...EDGE_DATES, ...EDGE_TEXTS]) await tryOne({ method: 'GET', url: `${path}?${new URLSearchParams([[key, edge]])}` });
        }
      }
      if (route.method === 'GET' || route.method === 'DELETE') continue;
      for (const field of bodyFields(route)) {
        const values = [...EDGE_TEXTS.map((t) => JSON.stringify(t)), ...EDGE_DATES.map((d) => JSON.stringify(d)), '1e400', '-1e400', '1e-400', '9007199254740993', DEEP(5_000), `{"a":${DEEP(100)}}`];
        for (const value of values) await tryOne({ method: route.method, url: path, body: `{${JSON.stringify(field)}:${value}}`, type: 'application/json' });
      }
      await tryOne({ method: route.method, url: path, body: DEEP(200_000), type: 'application/json' });
    }
    expect(failures).toEqual([]);
  }, 600_000);

  it('answers no 5xx to an import archive with hostile file names and contents (fast-check, fixed seed)', async () => {
    const exported = await fetch(`${context.app.url}/api/export`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    const files = unzipSync(new Uint8Array(await exported.arrayBuffer()));
    const hostileText = fc.oneof(fc.string({ unit: 'binary', maxLength: 16 }), fc.constantFrom('a\u0000b', '\ud800', 'a\nb', '..', '', '/abs', 'x'.repeat(300)));
    const hostileZip = fc.record({
      dir: fc.constantFrom('templates/', 'flows/', 'workflows/', '', 'stroom-export/templates/'),
      name: hostileText,
      ext: fc.constantFrom('.json', '.liquid', '.stroom', ''),
      content: fc.oneof(hostileText, fc.constant(JSON.stringify({ key: 'k\u0000', name: 'n', channel: 'email', subject: 's' })), fc.constant('{}')),
      dryRun: fc.boolean(),
    });
    const details = await fc.check(fc.asyncProperty(hostileZip, async ({ dir, name, ext, content, dryRun }) => {
      const zip = zipSync({ ...files, [`${dir}${name}${ext}`]: strToU8(content) });
      const problem = await problemWith({ method: 'POST', url: `/api/import?dryRun=${dryRun}`, body: Buffer.from(zip), type: 'application/zip' });
      if (problem) throw new Error(problem);
    }), { seed: SEED, numRuns: 40 * RUNS, endOnFailure: true });
    expect(details.failed ? `${JSON.stringify(details.counterexample)}: ${(details.errorInstance as Error).message}` : 'no failure').toBe('no failure');
  }, 120_000);

  it('answers 413 to a JSON body over the limit on every route that takes one, and writes nothing', async () => {
    const oversized = JSON.stringify({ name: 'x'.repeat(1_100_000), source: 'y' });
    const failures: string[] = [];
    for (const route of routes.filter((r) => r.method !== 'GET')) {
      const url = fillPath(route.path, ids);
      const before = await snapshot();
      const { status, json } = await send({ method: route.method, url, body: oversized, type: 'application/json' });
      if (status !== 413 || (url.startsWith('/api/') && json?.statusCode !== 413)) failures.push(`${route.key}: ${status} ${JSON.stringify(json)?.slice(0, 200)}`);
      if ((await snapshot()) !== before) failures.push(`${route.key}: the database changed`);
    }
    expect(failures).toEqual([]);
  });

  it('answers 413 to an upload over 25 MB and stores nothing', async () => {
    const before = await snapshot();
    const upload = new FormData();
    upload.append('file', new Blob([new Uint8Array(25 * 1024 * 1024 + 1)], { type: 'application/pdf' }), 'groot.pdf');
    const res = await fetch(`${context.app.url}/api/files`, { method: 'POST', body: upload, headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
    expect(await snapshot()).toBe(before);
  });
});
