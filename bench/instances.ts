/**
 * Several instances on one PostgreSQL: 1, 2 and 3 service processes (dist/server/main.js) with
 * 1,000 workflows installed drain the same backlog of quote-request status changes (change events
 * written straight into the database while the instances run; each goes through the rules, the
 * outbox and due jobs). Prints events/s per instance count and the scaling factor against one.
 *   npm run bench:instances [-- --full] [-- --events 200 --runs 2]
 */
import { installBenchWorkflows, QUOTE_REQUEST_STATUSES } from './support/bench-workflows.js';
import { serviceOnPostgres } from './support/bench-services.js';
import { sizeOption } from './support/options.js';
import { fmt, median, rate } from './support/stats.js';
import { createQuoteRequests } from './support/status-changes.js';
import { reportResult } from './support/report.js';

const EVENTS = sizeOption('events', 200, 2000);
const RUNS = sizeOption('runs', 2, 3);
const WORKFLOWS = sizeOption('workflows', 1000);

const service = await serviceOnPostgres();
try {
  const records = await createQuoteRequests(service.urls[0]!, 100);
  await installBenchWorkflows(service.urls[0]!, WORKFLOWS);
  const drain = async (): Promise<number> => {
    while ((await service.pendingEvents()) > 0) await new Promise((r) => setTimeout(r, 20));
    // Each event says its record moved to a status it has now, as the API would have recorded it.
    const status = QUOTE_REQUEST_STATUSES[1 + Math.floor(Math.random() * 16)]!;
    await service.sql.query(`update "quote_request" set "status_id" = (select "id" from "status" where "kind" = 'quote_request' and "name" = $1) where "id" = any($2::bigint[])`, [status, records]);
    const started = performance.now();
    await service.sql.query(`insert into "change_event" ("entity", "entity_id", "kind", "changes", "actor", "at", "attempts")
      select 'quote_request', ($2::bigint[])[1 + (i % array_length($2::bigint[], 1))]::text, 'updated', jsonb_build_object('status', jsonb_build_object('from', $3::text, 'to', $1::text)), 'bench', now(), 0
      from generate_series(0, $4 - 1) as i`, [status, records, QUOTE_REQUEST_STATUSES[0], EVENTS]);
    while ((await service.pendingEvents()) > 0) await new Promise((r) => setTimeout(r, 20));
    return rate(EVENTS, performance.now() - started);
  };
  await drain(); // warm-up
  const rates = new Map<number, number>();
  for (let instances = 1; instances <= 3; instances++) {
    if (instances > service.urls.length) await service.addInstance();
    const runs: number[] = [];
    for (let r = 0; r < RUNS; r++) runs.push(await drain());
    rates.set(instances, median(runs));
    console.log(`  ${instances} instance(s): ${fmt(median(runs)).padStart(6)} events/s (runs: ${runs.map((x) => fmt(x)).join(', ')})`);
  }
  console.log(`backlog: ${fmt(EVENTS)} quote-request status changes per run, ${WORKFLOWS} workflows, one PostgreSQL server; 2 cores shared by PostgreSQL and every instance`);
  console.log(`ratio: scaling factor 2 instances ${(rates.get(2)! / rates.get(1)!).toFixed(2)}x, 3 instances ${(rates.get(3)! / rates.get(1)!).toFixed(2)}x (against 1)`);
  reportResult({ key: 'instances.2', figure: 'status-change backlog, 2 service instances vs 1 (2 shared cores)', value: `${fmt(rates.get(2)!)} events/s`, baseline: `${fmt(rates.get(1)!)} events/s`, ratio: rates.get(2)! / rates.get(1)!, target: 'information (no target on 2 cores)', met: true });
} finally {
  await service.stop();
}
