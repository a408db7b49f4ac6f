import { describe, expect, it } from '@jest/globals';
import { createTestDatabase } from './support/test-database.js';
import { startTestApp } from './support/test-app.js';

describe('shutdown', () => {
  it('closes at once while the scheduler polls, right after a request that held the event loop', async () => {
    // Building the OpenAPI document holds the event loop for a moment; the pollers' ticks then run
    // together with the close. A query of theirs used to start while the pool was closing, keep its
    // connection, and the close waited for it for ever.
    const db = await createTestDatabase();
    try {
      // The close starts at different moments of a 200 ms poll cycle.
      for (const round of [0, 40, 80, 120, 160, 200]) {
        const app = await startTestApp({ DATABASE_URL: db.url, CLOCK: 'manual' });
        expect((await app.call('GET', '/api/docs-json', undefined, null)).status).toBe(200);
        await new Promise((resolve) => setTimeout(resolve, round));
        const started = Date.now();
        const closed = await Promise.race([app.app.close().then(() => 'closed'), new Promise((resolve) => setTimeout(() => resolve('still closing'), 10_000))]);
        expect({ round, closed }).toEqual({ round, closed: 'closed' });
        expect(Date.now() - started).toBeLessThan(5_000);
      }
    } finally {
      await db.drop();
    }
  }, 120_000);
});
