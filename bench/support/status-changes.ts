import { callService } from '../../test/support/burst.js';
import { percentile, rate } from './stats.js';
import { QUOTE_REQUEST_STATUSES } from './bench-workflows.js';

/** The quote requests a benchmark changes, each with its person and a shared owner. */
export async function createQuoteRequests(url: string, count: number, parallel = 4): Promise<string[]> {
  const owner = await callService(url, 'POST', '/api/employees', { name: 'Olaf Eigenaar', email: 'olaf@stroom.test' });
  if (owner.status !== 201) throw new Error(`employee: ${owner.status} ${JSON.stringify(owner.body)}`);
  const ids: string[] = new Array(count);
  let next = 0;
  await Promise.all(Array.from({ length: parallel }, async () => {
    while (next < count) {
      const i = next++;
      const person = await callService(url, 'POST', '/api/persons', { firstName: 'Bewoner', lastName: String(i), email: `bewoner${i}@example.nl` });
      const qr = await callService(url, 'POST', '/api/quote-requests', { kind: 'Offertezoek', status: QUOTE_REQUEST_STATUSES[0], personId: person.body.id, ownerId: owner.body.id });
      if (qr.status !== 201) throw new Error(`quote request: ${qr.status} ${JSON.stringify(qr.body)}`);
      ids[i] = String(qr.body.id);
    }
  }));
  return ids;
}

export interface StatusChangeRun {
  /** Status changes per second, from the first request until the consumer had handled every event. */
  eventsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Of the run's time, the share after the last request was answered (the consumer catching up). */
  tailShare?: number;
}

/**
 * `requests` status changes (`PATCH /api/quote-requests/:id`) from `clients` concurrent clients,
 * each client on records of its own, spread over the services at `urls`; then waits until
 * `pendingEvents` answers 0. Every change moves a record to its next status, so each is a real change.
 */
export class StatusChanger {
  private readonly visits = new Map<string, number>();

  constructor(private readonly records: readonly string[]) {}

  async run(urls: readonly string[], requests: number, clients: number, pendingEvents: () => Promise<number>): Promise<StatusChangeRun> {
    const latencies: number[] = [];
    const started = performance.now();
    await Promise.all(Array.from({ length: clients }, async (_, client) => {
      const mine = this.records.filter((_, i) => i % clients === client);
      for (let n = client; n < requests; n += clients) {
        const id = mine[Math.floor(n / clients) % mine.length]!;
        const visit = (this.visits.get(id) ?? 0) + 1;
        this.visits.set(id, visit);
        const status = QUOTE_REQUEST_STATUSES[visit % QUOTE_REQUEST_STATUSES.length];
        const sent = performance.now();
        const res = await callService(urls[n % urls.length]!, 'PATCH', `/api/quote-requests/${id}`, { status });
        latencies.push(performance.now() - sent);
        if (res.status !== 200) throw new Error(`PATCH ${id}: ${res.status} ${JSON.stringify(res.body)}`);
      }
    }));
    const answered = performance.now();
    while ((await pendingEvents()) > 0) await new Promise((r) => setTimeout(r, 20));
    const ended = performance.now();
    return { eventsPerSecond: rate(requests, ended - started), p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), tailShare: (ended - answered) / (ended - started) };
  }
}
