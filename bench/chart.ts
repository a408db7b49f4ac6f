/**
 * Draws bench/results/history.svg (shown in bench/README.md) from the JSON records that
 * `npm run bench` writes to bench/results/. `npm run bench:chart`; `npm run bench` runs it at its end.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { historyChart } from './support/history-chart.js';
import { readSuiteRecords, RESULTS_DIR } from './support/results.js';

const records = await readSuiteRecords();
const file = join(RESULTS_DIR, 'history.svg');
await writeFile(file, historyChart(records));
console.log(`${file}: ${records.length} run(s)`);
