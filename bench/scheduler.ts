/**
 * Scheduler at scale, in one run per database:
 * - throughput: due jobs (100,000; 1,000,000 with --full) drained by Stroom's JobRunner beside a
 *   bare SQL batch loop (`… limit 1000 for update skip locked`) with as many connections, and on
 *   the server beside graphile-worker (batched mode) and pg-boss with as many connections as the
 *   runners, alternated, after a warm-up; the median of the runs, and the peak RSS while the runners drained;
 * - timer latency on the real clock: 50,000 jobs due over 5 s, run by the service's JobPoller;
 *   p50/p99 of commit time minus due time.
 * On the PostgreSQL server (2 runners, 2 connections), then on the embedded PGlite (1 of each;
 * 20,000 jobs and a timer backlog of 20,000, 100,000 and 50,000 with --full; `--no-embedded` skips it)
 * in a process of its own started as `npm start` starts the service (its Node options, the heap
 * sized for the embedded mode), so its peak RSS is the embedded service's.
 *   npm run bench:scheduler [-- --full] [-- --jobs 100000 --runs 3 --timer-jobs 50000]
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { sizeHeapForEmbeddedDatabase } from '../server/database/embedded-heap.js';
import { startOptions } from '../test/support/service-process.js';
import { jobDatabaseEmbedded, jobDatabaseOnPostgres, type JobDatabase } from './support/job-databases.js';
import { bareSqlDrain, fillDueJobs, pendingJobs, runnerDrain } from './support/job-drains.js';
import { FULL, sizeOption } from './support/options.js';
import { graphileWorkerDrain, pgBossDrain, type PeerDrain } from './support/peer-drains.js';
import { fmt, median, peakRssMb, percentile, rate, ratio } from './support/stats.js';
import { timerLatencies } from './support/timer-latency.js';
import { reportResult } from './support/report.js';

const RUNS = sizeOption('runs', 3);
const TIMER_JOBS = sizeOption('timer-jobs', 50_000);

interface SchedulerFigures {
  bare: number;
  runner: number;
  /** Jobs per second of each peer queue, by label (server only). */
  peers: Record<string, number>;
  peakRssMb: number;
  latency: { p50: number; p99: number };
}

async function measure(db: JobDatabase, jobs: number, timerJobs: number): Promise<SchedulerFigures> {
  await db.sessions[0]!.transaction((query) => query('create table if not exists bare_job (like job including all)'));
  const bareRates: number[] = [];
  const runnerRates: number[] = [];
  const peers: PeerDrain[] = db.url && !process.argv.includes('--no-peers')
    ? [await graphileWorkerDrain(db.url, 2 * db.orms.length), await pgBossDrain(db.url, 2 * db.orms.length)]
    : [];
  const peerRates = new Map<PeerDrain, number[]>(peers.map((peer) => [peer, []]));
  let peakRssMb = 0;
  for (let run = -1; run < RUNS; run++) {
    const size = run < 0 ? Math.min(jobs, 10_000) : jobs; // run -1 warms up
    const bare = async () => {
      await fillDueJobs(db, 'bare_job', size);
      return bareSqlDrain(db);
    };
    const runner = async () => {
      await fillDueJobs(db, 'job', size);
      const result = await runnerDrain(db);
      const left = await pendingJobs(db, 'job');
      if (left > 0) throw new Error(`${left} jobs left pending`);
      return result;
    };
    // Which goes first takes turns, so that what one drain leaves the database to do (autovacuum of
    // its updated rows, a checkpoint) falls on both alike (measured: no order effect beyond the spread).
    const bareFirst = run % 2 === 0;
    const bareMs = bareFirst ? await bare() : 0;
    const drained = await runner();
    const bareMsAfter = bareFirst ? bareMs : await bare();
    const peerMs = new Map<PeerDrain, number>();
    for (const peer of peers) {
      await peer.fill(size);
      peerMs.set(peer, await peer.drain(size));
    }
    if (run < 0) continue;
    for (const [peer, ms] of peerMs) peerRates.get(peer)!.push(rate(size, ms));
    bareRates.push(rate(size, bareMsAfter));
    runnerRates.push(rate(size, drained.ms));
    peakRssMb = Math.max(peakRssMb, drained.peakRssMb);
  }
  await Promise.all(peers.map((peer) => peer.close()));
  const latencies = await timerLatencies(db, timerJobs, 5);
  const peerFigures = Object.fromEntries(peers.map((peer) => [peer.label, median(peerRates.get(peer)!)]));
  const figures = { bare: median(bareRates), runner: median(runnerRates), peers: peerFigures, peakRssMb, latency: { p50: percentile(latencies, 50), p99: percentile(latencies, 99) } };
  console.log(`${db.label}: ${fmt(jobs)} due jobs, ${RUNS} runs each, ${db.sessions.length} connection(s) / runner(s)`);
  console.log(`  bare SQL batch claim:  ${fmt(figures.bare).padStart(9)} jobs/s (runs: ${bareRates.map((r) => fmt(r)).join(', ')})`);
  console.log(`  Stroom JobRunner:      ${fmt(figures.runner).padStart(9)} jobs/s (runs: ${runnerRates.map((r) => fmt(r)).join(', ')}); peak RSS ${fmt(peakRssMb)} MB (target < 400 MB)`);
  for (const peer of peers) {
    const rates = peerRates.get(peer)!;
    console.log(`  ${`${peer.label}:`.padEnd(22)} ${fmt(median(rates)).padStart(9)} jobs/s (runs: ${rates.map((r) => fmt(r)).join(', ')}); Stroom ${ratio(figures.runner, median(rates))}`);
  }
  console.log(`  timer latency, ${fmt(timerJobs)} jobs due over 5 s on the real clock: p50 ${fmt(figures.latency.p50)} ms, p99 ${fmt(figures.latency.p99)} ms (target p99 < 1,000 ms)`);
  console.log(`  ratio: ${ratio(figures.runner, figures.bare)}`);
  return figures;
}

async function on(open: () => Promise<JobDatabase>, jobs: number, timerJobs: number): Promise<SchedulerFigures> {
  const db = await open();
  try {
    return await measure(db, jobs, timerJobs);
  } finally {
    await db.close();
  }
}

/** Runs the embedded half in a child process with `npm start`'s Node options; answers its figures. */
async function embeddedInOwnProcess(): Promise<SchedulerFigures> {
  const child = spawn(process.execPath, [...startOptions(), fileURLToPath(import.meta.url), '--embedded-only', ...process.argv.slice(2)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let figures: SchedulerFigures | undefined;
  for await (const line of createInterface({ input: child.stdout })) {
    if (line.startsWith(FIGURES_LINE)) figures = JSON.parse(line.slice(FIGURES_LINE.length)) as SchedulerFigures;
    else console.log(line);
  }
  if (!figures) throw new Error('the embedded scheduler benchmark gave no figures');
  return figures;
}

const FIGURES_LINE = 'embedded-figures: ';
const EMBEDDED_JOBS = sizeOption('embedded-jobs', 20_000, 100_000);
if (process.argv.includes('--embedded-only')) {
  sizeHeapForEmbeddedDatabase();
  const figures = await on(jobDatabaseEmbedded, EMBEDDED_JOBS, sizeOption('embedded-timer-jobs', 20_000, TIMER_JOBS));
  // The whole process's peak (migrations and filling included), not only the drains'.
  console.log(`${FIGURES_LINE}${JSON.stringify({ ...figures, peakRssMb: Math.max(figures.peakRssMb, peakRssMb()) })}`);
  process.exit(0);
}

const server = await on(() => jobDatabaseOnPostgres(2), sizeOption('jobs', 100_000, 1_000_000), TIMER_JOBS);
if (!process.argv.includes('--no-embedded')) {
  const embedded = await embeddedInOwnProcess();
  console.log(`embedded vs server: JobRunner ${ratio(embedded.runner, server.runner)}, timer p99 ${fmt(embedded.latency.p99)} vs ${fmt(server.latency.p99)} ms`);
  reportResult({ key: 'scheduler.embedded-rss', figure: `embedded PGlite scheduler, ${fmt(EMBEDDED_JOBS)} due jobs: peak RSS`, value: `${fmt(embedded.peakRssMb)} MB`, baseline: '400 MB', ratio: embedded.peakRssMb / 400, target: '< 1.0x (< 400 MB)', met: embedded.peakRssMb < 400 });
}
console.log(`ratio: ${ratio(server.runner, server.bare)} (JobRunner vs bare SQL on the PostgreSQL server; target >= 0.8x${FULL ? '' : '; --full for 1,000,000 jobs'})`);
const TARGETS: Record<string, number> = { 'graphile-worker (batched)': 1.5, 'pg-boss (batches of 1,000)': 2 };
for (const [label, jobsPerSecond] of Object.entries(server.peers)) {
  console.log(`ratio: ${ratio(server.runner, jobsPerSecond)} (JobRunner vs ${label}; target >= ${TARGETS[label]}x)`);
}
const jobsSize = fmt(sizeOption('jobs', 100_000, 1_000_000));
reportResult({ key: 'scheduler.bare', figure: `scheduler, ${jobsSize} due jobs: JobRunner vs bare SQL`, value: `${fmt(server.runner)} jobs/s`, baseline: `${fmt(server.bare)} jobs/s`, ratio: server.runner / server.bare, target: '>= 0.8x', met: server.runner / server.bare >= 0.8 });
for (const [label, jobsPerSecond] of Object.entries(server.peers)) {
  const key = label.startsWith('graphile') ? 'scheduler.graphile-worker' : 'scheduler.pg-boss';
  reportResult({ key, figure: `scheduler, ${jobsSize} due jobs: JobRunner vs ${label}`, value: `${fmt(server.runner)} jobs/s`, baseline: `${fmt(jobsPerSecond)} jobs/s`, ratio: server.runner / jobsPerSecond, target: `>= ${TARGETS[label]}x`, met: server.runner / jobsPerSecond >= TARGETS[label]! });
}
reportResult({ key: 'scheduler.rss', figure: 'scheduler: peak RSS of the JobRunner process (PostgreSQL server)', value: `${fmt(server.peakRssMb)} MB`, baseline: '400 MB', ratio: server.peakRssMb / 400, target: '< 1.0x (< 400 MB)', met: server.peakRssMb < 400 });
