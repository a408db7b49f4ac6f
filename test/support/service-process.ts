import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export const MAIN = resolve(process.cwd(), 'dist/server/main.js');

/** The Node options of `npm start`'s command (`node <options> dist/server/main.js` in package.json). */
export function startOptions(): string[] {
  const start = (JSON.parse(readFileSync(resolve(process.cwd(), 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const words = start.split(/\s+/);
  if (words[0] !== 'node' || words.at(-1) !== 'dist/server/main.js') throw new Error(`npm start is not "node [options] dist/server/main.js": ${start}`);
  return words.slice(1, -1);
}

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => ok(port));
    });
  });
}

export interface ServiceProcess {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

/**
 * Runs the built service (`npm start`'s command) as a child process. `SERVICE_NODE_OPTIONS` is
 * handed to it as NODE_OPTIONS, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile a benchmark's service.
 * `node` is the runtime (this test's Node unless given).
 */
export function spawnService(env: Record<string, string | undefined>, node = process.execPath): ServiceProcess {
  const child = spawn(node, [...startOptions(), MAIN], {
    env: {
      PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn', NODE_OPTIONS: process.env.SERVICE_NODE_OPTIONS, ...env,
    } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (chunk) => (text += chunk));
  child.stderr!.on('data', (chunk) => (text += chunk));
  const exited = new Promise<number | null>((ok) => child.on('exit', (code) => ok(code)));
  return { child, output: () => text, exited };
}

export async function waitForHealth(url: string, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return Date.now() - started;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no health answer within ${timeoutMs} ms`);
}
