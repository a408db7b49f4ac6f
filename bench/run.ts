/**
 * The benchmark suite: each script in turn as a child process (the quick sizes, or the large ones
 * with --full), its output as it comes, then every script's ratio line and the time it took, and
 * one table of every figure (Stroom, baseline, ratio, target, met), also written as JSON to
 * bench/results/ and drawn into bench/results/history.svg with the runs before.
 *   npm run bench [-- --full] [-- scheduler campaign …: only the scripts named]
 */
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { historyChart } from './support/history-chart.js';
import { FULL } from './support/options.js';
import { RESULT_PREFIX, type BenchResult } from './support/report.js';
import { machine, readSuiteRecords, resultTable, RESULTS_DIR, writeSuiteRecord, type SuiteRecord } from './support/results.js';

const QUICK = ['scheduler', 'outbox', 'field-changes', 'instances', 'rules', 'campaign', 'forecast'];
const ALL = [...QUICK, 'dsl', 'flows'];
const named = process.argv.slice(2).filter((arg) => ALL.includes(arg));
const SCRIPTS = named.length > 0 ? named : FULL ? ALL : QUICK;
const here = dirname(fileURLToPath(import.meta.url));

function runScript(name: string): Promise<{ ratio: string; seconds: number; results: BenchResult[] }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const options = process.argv.slice(2).filter((arg) => !ALL.includes(arg));
    const child = spawn(process.execPath, [join(here, `${name}.js`), ...options], { stdio: ['ignore', 'pipe', 'inherit'] });
    let last = '(no ratio printed)';
    let pending = '';
    const results: BenchResult[] = [];
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        if (line.startsWith('ratio:')) last = line;
        if (line.startsWith(RESULT_PREFIX)) results.push(JSON.parse(line.slice(RESULT_PREFIX.length)) as BenchResult);
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve({ ratio: last, seconds: (performance.now() - started) / 1000, results }) : reject(new Error(`bench ${name} exited with ${code}`))));
  });
}

const started = performance.now();
const date = new Date().toISOString();
const summary: string[] = [];
const results: SuiteRecord['results'] = [];
for (const name of SCRIPTS) {
  console.log(`\n== ${name} ==`);
  const run = await runScript(name);
  summary.push(`${name.padEnd(14)} ${run.seconds.toFixed(0).padStart(4)} s  ${run.ratio}`);
  results.push(...run.results.map((r) => ({ ...r, script: name })));
}
const seconds = (performance.now() - started) / 1000;
console.log(`\n== summary (${FULL ? 'full' : 'quick'}) ==\n${summary.join('\n')}\ntotal: ${seconds.toFixed(0)} s`);
console.log(`\n== figures ==\n${resultTable(results)}`);
const file = await writeSuiteRecord({ date, command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`, machine: machine(), seconds: Math.round(seconds), results });
await writeFile(join(RESULTS_DIR, 'history.svg'), historyChart(await readSuiteRecords()));
console.log(`written: ${file} and ${join(RESULTS_DIR, 'history.svg')}`);
