import { Worker } from 'node:worker_threads';

export const SCRIPT_LIMITS = { defaultTimeoutMs: 1000, maxTimeoutMs: 10_000, defaultMemoryMb: 32, maxMemoryMb: 128 };
/** Time for the worker to start and load QuickJS, on top of the script's own limit. */
const START_GRACE_MS = 2000;

export type ScriptResult = { ok: true; value: unknown } | { ok: false; error: string };

/**
 * Runs a flow's script in QuickJS (WebAssembly) in a worker thread: its own heap with a memory
 * limit, an interrupt at the deadline, and nothing of Node — no process, require, files, network
 * or timers. A native operation that ignores the interrupt (a huge `repeat`) cannot hold the
 * service: the worker is terminated when the deadline has passed. The script is a function body
 * receiving `person` and `flow` (deep-frozen copies) and may `return` a plain object; only JSON
 * crosses the boundary, in both directions.
 */
export function runScript(source: string, input: { person: unknown; flow: unknown }, limits: { timeoutMs?: number; memoryMb?: number } = {}): Promise<ScriptResult> {
  const timeoutMs = Math.min(limits.timeoutMs ?? SCRIPT_LIMITS.defaultTimeoutMs, SCRIPT_LIMITS.maxTimeoutMs);
  const memoryMb = Math.min(limits.memoryMb ?? SCRIPT_LIMITS.defaultMemoryMb, SCRIPT_LIMITS.maxMemoryMb);
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./script-worker.mjs', import.meta.url), {
      workerData: { source, input, timeoutMs, memoryMb },
      resourceLimits: { maxOldGenerationSizeMb: 64 + memoryMb, maxYoungGenerationSizeMb: 16 },
      env: {},
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const settle = (result: ScriptResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(() => settle({ ok: false, error: `stopped after ${timeoutMs} ms` }), timeoutMs + START_GRACE_MS);
    worker.once('message', (result: ScriptResult) => settle(result));
    worker.once('error', (error) => settle({ ok: false, error: `stopped: ${error.message}` }));
    worker.once('exit', (code) => settle({ ok: false, error: `stopped (worker exit ${code})` }));
  });
}
