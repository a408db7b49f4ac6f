import { describe, expect, it } from '@jest/globals';
import type { ClockStore } from '../clock/clock-store.js';
import type { JobRunner } from './job-runner.js';
import { JobPoller } from './job-poller.js';

/** A runner whose detached runs end when the test says so; it counts the claims of each lane. */
function fakeRunner() {
  const claims: string[] = [];
  let running = 0;
  let endOne: () => void = () => undefined;
  const runner = {
    lanes: () => ['default', 'delivery'],
    runDue: async (_limit: number, lane: string) => {
      claims.push(lane);
      if (lane === 'delivery') running = 1;
      return 0;
    },
    get detachedRunning() {
      return running;
    },
    detachedRunEnded: () => new Promise<void>((ok) => (endOne = () => {
      running = 0;
      ok();
    })),
  };
  return { runner: runner as unknown as JobRunner, claims, endRun: () => endOne() };
}

const clockStore = { refresh: async () => undefined } as unknown as ClockStore;
const settle = () => new Promise((r) => setImmediate(r));

describe('JobPoller', () => {
  it('claims again as soon as a detached run ends, without waiting for the next tick', async () => {
    const { runner, claims, endRun } = fakeRunner();
    const poller = new JobPoller(runner, clockStore);
    await poller.tick();
    expect(claims.filter((lane) => lane === 'delivery')).toHaveLength(1);
    endRun();
    await settle();
    expect(claims.filter((lane) => lane === 'delivery')).toHaveLength(2);
    await poller.beforeApplicationShutdown();
  });

  it('wakes no lane after shutdown', async () => {
    const { runner, claims, endRun } = fakeRunner();
    const poller = new JobPoller(runner, clockStore);
    await poller.tick();
    await poller.beforeApplicationShutdown();
    endRun();
    await settle();
    expect(claims).toHaveLength(2);
  });
});
