/**
 * HTTP field-change throughput, end to end: the built service (a child process) with 0, 500 and
 * 1,000 active workflows (one in ten waiting on quote-request statuses, the rest on other records),
 * concurrent clients changing quote requests' status (`PATCH /api/quote-requests/:id`). A run lasts
 * from the first request until the change-event consumer has handled every event (rules matched,
 * messages written to the outbox, timed sends as due jobs). Per level: the median of the runs'
 * events/s and request latency p50/p99. The ratio is 1,000 workflows against none, in the same run.
 * On the PostgreSQL server, then (with --full or --embedded) on the embedded PGlite database.
 *   npm run bench:field-changes [-- --full] [-- --embedded --requests 200 --runs 3 --clients 8]
 */
import { installBenchWorkflows } from './support/bench-workflows.js';
import { serviceEmbedded, serviceOnPostgres, type BenchService } from './support/bench-services.js';
import { FULL, sizeOption } from './support/options.js';
import { fmt, median, ratio } from './support/stats.js';
import { createQuoteRequests, StatusChanger, type StatusChangeRun } from './support/status-changes.js';

const REQUESTS = sizeOption('requests', 200, 2000);
// Three runs per level even when quick: with two, the nearest-rank median is the lower run.
const RUNS = sizeOption('runs', 3);
const CLIENTS = sizeOption('clients', 8);
const RECORDS = sizeOption('records', 200, 1000);
const LEVELS = [0, 500, 1000];

async function measure(service: BenchService): Promise<Map<number, StatusChangeRun>> {
  const records = await createQuoteRequests(service.urls[0]!, RECORDS);
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
    const result = { eventsPerSecond: median(runs.map((x) => x.eventsPerSecond)), p50Ms: median(runs.map((x) => x.p50Ms)), p99Ms: median(runs.map((x) => x.p99Ms)) };
    results.set(level, result);
    console.log(`  ${String(level).padStart(5)} workflows: ${fmt(result.eventsPerSecond).padStart(6)} events/s (runs: ${runs.map((x) => fmt(x.eventsPerSecond)).join(', ')}), request p50 ${fmt(result.p50Ms, 1)} ms, p99 ${fmt(result.p99Ms, 1)} ms`);
  }
  return results;
}

async function onDatabase(start: () => Promise<BenchService>): Promise<Map<number, StatusChangeRun>> {
  const service = await start();
  try {
    console.log(`${service.label}: ${RUNS} runs of ${REQUESTS} status changes per level, ${CLIENTS} clients, ${RECORDS} quote requests`);
    return await measure(service);
  } finally {
    await service.stop();
  }
}

const server = await onDatabase(() => serviceOnPostgres());
const embedded = FULL || process.argv.includes('--embedded') ? await onDatabase(() => serviceEmbedded()) : undefined;
if (embedded) console.log(`embedded vs server, 1,000 workflows: ${ratio(embedded.get(1000)!.eventsPerSecond, server.get(1000)!.eventsPerSecond)}; embedded 1,000 vs 0 workflows: ${ratio(embedded.get(1000)!.eventsPerSecond, embedded.get(0)!.eventsPerSecond)}`);
console.log(`ratio: ${ratio(server.get(1000)!.eventsPerSecond, server.get(0)!.eventsPerSecond)} (1,000 vs 0 workflows on the PostgreSQL server; target >= 0.7x)`);
