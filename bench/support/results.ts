import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import type { BenchResult } from './report.js';

/** Where `npm run bench` keeps one JSON file per suite run (relative to the repository). */
export const RESULTS_DIR = join(process.cwd(), 'bench', 'results');

export interface SuiteRecord {
  date: string;
  command: string;
  machine: { cpus: number; model: string; loadAverage: number[] };
  seconds: number;
  results: (BenchResult & { script: string })[];
}

export async function writeSuiteRecord(record: SuiteRecord): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${record.date.replace(/[:.]/g, '-')}.json`);
  await writeFile(file, JSON.stringify(record, null, 2) + '\n');
  return file;
}

export async function readSuiteRecords(): Promise<SuiteRecord[]> {
  const names = (await readdir(RESULTS_DIR).catch(() => [] as string[])).filter((n) => n.endsWith('.json')).sort();
  return Promise.all(names.map(async (n) => JSON.parse(await readFile(join(RESULTS_DIR, n), 'utf8')) as SuiteRecord));
}

export function machine(): SuiteRecord['machine'] {
  return { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', loadAverage: loadavg().map((l) => Number(l.toFixed(2))) };
}

/** The closing table: figure, Stroom, baseline, ratio, target, met. */
export function resultTable(results: readonly (BenchResult & { script: string })[]): string {
  const rows = [['figure', 'Stroom', 'baseline', 'ratio', 'target', 'met'], ...results.map((r) => [r.figure, r.value, r.baseline, `${r.ratio.toFixed(2)}x`, r.target, r.met ? 'met' : 'NOT met'])];
  const widths = rows[0]!.map((_, c) => Math.min(c === 0 ? 70 : 40, Math.max(...rows.map((row) => row[c]!.length))));
  const cell = (text: string, width: number) => (text.length > width ? text.slice(0, width - 1) + '…' : text.padEnd(width));
  return rows.map((row, i) => {
    const line = row.map((text, c) => cell(text, widths[c]!)).join(' | ');
    return i === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('-|-')}` : line;
  }).join('\n');
}
