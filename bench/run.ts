/**
 * The benchmark suite: each script in turn as a child process (the quick sizes, or the large ones
 * with --full), its output as it comes, then every script's ratio line and the time it took.
 *   npm run bench [-- --full]
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FULL } from './support/options.js';

const QUICK = ['scheduler', 'outbox', 'field-changes', 'instances', 'rules'];
const SCRIPTS = FULL ? [...QUICK, 'dsl', 'flows'] : QUICK;
const here = dirname(fileURLToPath(import.meta.url));

function runScript(name: string): Promise<{ ratio: string; seconds: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(here, `${name}.js`), ...process.argv.slice(2)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let last = '(no ratio printed)';
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      for (const line of chunk.toString().split('\n')) if (line.startsWith('ratio:')) last = line;
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve({ ratio: last, seconds: (performance.now() - started) / 1000 }) : reject(new Error(`bench ${name} exited with ${code}`))));
  });
}

const started = performance.now();
const summary: string[] = [];
for (const name of SCRIPTS) {
  console.log(`\n== ${name} ==`);
  const { ratio, seconds } = await runScript(name);
  summary.push(`${name.padEnd(14)} ${seconds.toFixed(0).padStart(4)} s  ${ratio}`);
}
console.log(`\n== summary (${FULL ? 'full' : 'quick'}) ==\n${summary.join('\n')}\ntotal: ${((performance.now() - started) / 1000).toFixed(0)} s`);
