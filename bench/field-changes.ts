/**
 * HTTP field-change throughput, end to end: the built service (a child process) with 0, 500 and
 * 1,000 active workflows (one in ten waiting on quote-request statuses, the rest on other records),
 * concurrent clients changing quote requests' status (`PATCH /api/quote-requests/:id`). A run lasts
 * from the first request until the change-event consumer has handled every event (rules matched,
 * messages written to the outbox, timed sends as due jobs). Per level: the median of the runs'
 * events/s and request latency p50/p99. The ratio is 1,000 workflows against none, in the same run:
 * on the PostgreSQL server two services (none, 1,000), each on its own database, their runs
 * alternating; then (with --full or --embedded) the embedded PGlite database at 0, 500 and 1,000
 * one after the other (one process owns its data folder), as `--levels` does on the server.
 * Beside it, the floor: a node:http + bare pg process (the same pool size) doing only the statements
 * such a change needs (lock and read, resolve the status, update, change event, one transaction)
 * for the same clients and records; Stroom with no workflow against it, p99 beside it.
 *   npm run bench:field-changes [-- --full] [-- --embedded --requests 200 --runs 3 --clients 8]
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installBenchWorkflows } from './support/bench-workflows.js';
import { serviceEmbedded, serviceOnPostgres, type BenchService } from './support/bench-services.js';
import { FULL, sizeOption } from './support/options.js';
import { fmt, median, ratio } from './support/stats.js';
import { createQuoteRequests, StatusChanger, type StatusChangeRun } from './support/status-changes.js';
import { reportResult } from './support/report.js';

const REQUESTS = sizeOption('requests', 200, 2000);
// Five runs per level (the median of 5 is the target's measure; with two, the nearest-rank median is the lower run).
const RUNS = sizeOption('runs', 5);
const CLIENTS = sizeOption('clients', 8);
const RECORDS = sizeOption('records', 200, 1000);
// `--levels 0` measures only the rate with no workflow (a profile of the request path alone).
const LEVELS = process.argv.includes('--levels') ? process.argv[process.argv.indexOf('--levels') + 1]!.split(',').map(Number) : [0, 500, 1000];
const here = dirname(fileURLToPath(import.meta.url));

/** The floor process on copies of the records' table, started on the service's database; answers its URL. */
async function startFloor(service: { sql: { query(text: string): Promise<unknown> }; databaseUrl: string }): Promise<{ url: string; stop: () => void }> {
  await service.sql.query(`create table "floor_quote_request" (like "quote_request" including all); insert into "floor_quote_request" select * from "quote_request";
    create table "floor_change_event" (like "change_event" including all); analyze "floor_quote_request"`);
  const child = spawn(process.execPath, [join(here, 'support/http-floor-server.js'), service.databaseUrl], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
    child.once('exit', (code) => reject(new Error(`floor exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

/** The floor's runs, on the same records and clients as the service's runs. */
async function measureFloor(service: Awaited<ReturnType<typeof serviceOnPostgres>>, records: string[]): Promise<StatusChangeRun> {
  const floor = await startFloor(service);
  try {
    const changer = new StatusChanger(records);
    const none = async () => 0;
    await changer.run([floor.url], Math.min(REQUESTS, 100), CLIENTS, none); // warm-up
    const runs: StatusChangeRun[] = [];
    for (let r = 0; r < RUNS; r++) runs.push(await changer.run([floor.url], REQUESTS, CLIENTS, none));
    const result = { eventsPerSecond: median(runs.map((x) => x.eventsPerSecond)), p50Ms: median(runs.map((x) => x.p50Ms)), p99Ms: median(runs.map((x) => x.p99Ms)) };
    console.log(`  floor (node:http + pg): ${fmt(result.eventsPerSecond).padStart(6)} changes/s (runs: ${runs.map((x) => fmt(x.eventsPerSecond)).join(', ')}), request p50 ${fmt(result.p50Ms, 1)} ms, p99 ${fmt(result.p99Ms, 1)} ms`);
    return result;
  } finally {
    floor.stop();
  }
}

async function measure(service: BenchService, onRecords?: (records: string[]) => Promise<void>): Promise<Map<number, StatusChangeRun>> {
  const records = await createQuoteRequests(service.urls[0]!, RECORDS);
  await onRecords?.(records);
  const changer = new StatusChanger(records);
  while ((await service.pendingEvents()) > 0) await new Promise((r) => setTimeout(r, 50));
  await changer.run(service.urls, Math.min(REQUESTS, 100), CLIENTS, () => service.pendingEvents()); // warm-up
  const results = new Map<number, StatusChangeRun>();
  let installed = 0;
  for (const level of LEVELS) {
    if (level > installed) {
      await installBenchWorkflows(service.urls[0]!, level, installed);
      installed = level;
    }
    const runs: StatusChangeRun[] = [];
    for (let r = 0; r < RUNS; r++) runs.push(await changer.run(service.urls, REQUESTS, CLIENTS, () => service.pendingEvents()));
    results.set(level, summarise(`${String(level).padStart(5)} workflows`, runs));
  }
  return results;
}

/** The median of runs, printed as one level's line. */
function summarise(label: string, runs: StatusChangeRun[]): StatusChangeRun {
  const result = { eventsPerSecond: median(runs.map((x) => x.eventsPerSecond)), p50Ms: median(runs.map((x) => x.p50Ms)), p99Ms: median(runs.map((x) => x.p99Ms)) };
  const tail = median(runs.map((x) => x.tailShare ?? 0));
  console.log(`  ${label}: ${fmt(result.eventsPerSecond).padStart(6)} events/s (runs: ${runs.map((x) => fmt(x.eventsPerSecond)).join(', ')}), request p50 ${fmt(result.p50Ms, 1)} ms, p99 ${fmt(result.p99Ms, 1)} ms, ${fmt(100 * tail)}% of the time after the last answer`);
  return result;
}

/**
 * The floor, no workflow and 1,000 workflows on the PostgreSQL server, side by side: two services,
 * each on a database of its own, and the floor on copies of the first's tables, their runs taking
 * turns (the order rotating each round) after the same warm-up, so the machine's drift from minute
 * to minute falls on all three alike.
 */
async function measureSideBySide(): Promise<{ none: StatusChangeRun; many: StatusChangeRun; floor: StatusChangeRun }> {
  const [bare, loaded] = [await serviceOnPostgres(), await serviceOnPostgres()];
  let floor: { url: string; stop: () => void } | undefined;
  try {
    console.log(`PostgreSQL server: ${RUNS} runs of ${REQUESTS} status changes per level, taking turns, ${CLIENTS} clients, ${RECORDS} quote requests per service`);
    const [bareRecords, loadedRecords] = [await createQuoteRequests(bare.urls[0]!, RECORDS), await createQuoteRequests(loaded.urls[0]!, RECORDS)];
    floor = await startFloor(bare);
    await installBenchWorkflows(loaded.urls[0]!, 1000);
    const sides = [
      { urls: [floor.url], changer: new StatusChanger(bareRecords), pending: async () => 0 },
      { urls: bare.urls, changer: new StatusChanger(bareRecords), pending: () => bare.pendingEvents() },
      { urls: loaded.urls, changer: new StatusChanger(loadedRecords), pending: () => loaded.pendingEvents() },
    ];
    const runs: StatusChangeRun[][] = [[], [], []];
    const round = async (r: number, keep: boolean) => {
      for (let k = 0; k < 3; k++) {
        const side = sides[(r + k) % 3]!;
        while ((await side.pending()) > 0) await new Promise((resolve) => setTimeout(resolve, 50));
        const run = await side.changer.run(side.urls, REQUESTS, CLIENTS, side.pending);
        if (keep) runs[(r + k) % 3]!.push(run);
      }
    };
    // The same warm-up for all three (installing the workflows through the API warmed the second service already).
    for (let r = 0; r < 3; r++) await round(r, false);
    for (let r = 0; r < RUNS; r++) await round(r, true);
    return { floor: summarise('floor (node:http + pg)', runs[0]!), none: summarise('    0 workflows', runs[1]!), many: summarise(' 1000 workflows', runs[2]!) };
  } finally {
    floor?.stop();
    await bare.stop();
    await loaded.stop();
  }
}

async function onDatabase<S extends BenchService>(start: () => Promise<S>, onRecords?: (service: S, records: string[]) => Promise<void>): Promise<Map<number, StatusChangeRun>> {
  const service = await start();
  try {
    console.log(`${service.label}: ${RUNS} runs of ${REQUESTS} status changes per level, ${CLIENTS} clients, ${RECORDS} quote requests`);
    return await measure(service, onRecords && ((records) => onRecords(service, records)));
  } finally {
    await service.stop();
  }
}

let floor: StatusChangeRun | undefined;
let server: Map<number, StatusChangeRun>;
if (LEVELS.includes(1000) && !process.argv.includes('--levels')) {
  const paired = await measureSideBySide();
  floor = paired.floor;
  server = new Map([[0, paired.none], [1000, paired.many]]);
} else {
  server = await onDatabase(() => serviceOnPostgres(), async (service, records) => {
    floor = await measureFloor(service, records);
  });
}
const embedded = FULL || process.argv.includes('--embedded') ? await onDatabase(() => serviceEmbedded()) : undefined;
if (embedded) console.log(`embedded vs server, 1,000 workflows: ${ratio(embedded.get(1000)!.eventsPerSecond, server.get(1000)!.eventsPerSecond)}; embedded 1,000 vs 0 workflows: ${ratio(embedded.get(1000)!.eventsPerSecond, embedded.get(0)!.eventsPerSecond)}`);
const floorRatio = server.get(0)!.eventsPerSecond / floor!.eventsPerSecond;
console.log(`ratio: ${ratio(server.get(0)!.eventsPerSecond, floor!.eventsPerSecond)} (no workflow, end to end, vs the node:http + pg floor; target >= 0.5x)`);
reportResult({ key: 'field-changes.floor', figure: 'PATCH status changes end to end (no workflow) vs node:http + pg doing the same statements', value: `${fmt(server.get(0)!.eventsPerSecond)} events/s, p99 ${fmt(server.get(0)!.p99Ms)} ms`, baseline: `${fmt(floor!.eventsPerSecond)} changes/s, p99 ${fmt(floor!.p99Ms)} ms`, ratio: floorRatio, target: '>= 0.5x', met: floorRatio >= 0.5 });
// `--levels 0` (a profile of the request path alone) has no 1,000-workflow level to compare.
const withWorkflows = server.get(1000);
if (withWorkflows) {
  const workflowsRatio = withWorkflows.eventsPerSecond / server.get(0)!.eventsPerSecond;
  console.log(`ratio: ${ratio(withWorkflows.eventsPerSecond, server.get(0)!.eventsPerSecond)} (1,000 vs 0 workflows on the PostgreSQL server; target >= 0.85x)`);
  reportResult({ key: 'field-changes.workflows', figure: 'PATCH status changes end to end: 1,000 workflows vs none', value: `${fmt(withWorkflows.eventsPerSecond)} events/s, p99 ${fmt(withWorkflows.p99Ms)} ms`, baseline: `${fmt(server.get(0)!.eventsPerSecond)} events/s`, ratio: workflowsRatio, target: '>= 0.85x', met: workflowsRatio >= 0.85 });
}
