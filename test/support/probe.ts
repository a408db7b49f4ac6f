import { expect } from '@jest/globals';
import type { TestApp } from './test-app.js';

export interface Probe {
  slowest: number;
  probes: number;
}

/** Calls health and PATCHes a person again and again until `work` settles; answers the slowest answer and how many calls. */
export async function probeWhile(app: TestApp, personId: string, work: Promise<unknown>): Promise<Probe> {
  let settled = false;
  const done = work.finally(() => (settled = true));
  const result: Probe = { slowest: 0, probes: 0 };
  while (!settled) {
    for (const call of [() => app.call('GET', '/api/health', undefined, null), () => app.call('PATCH', `/api/persons/${personId}`, { category: `probe-${result.probes}` })]) {
      const started = performance.now();
      const res = await call();
      result.slowest = Math.max(result.slowest, performance.now() - started);
      result.probes += 1;
      expect(res.status).toBe(200);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await done;
  return result;
}
