// A slow webhook target must not freeze the service on the embedded database (one connection):
// the call goes out with no transaction or connection held. On the real clock, because the target
// really takes five seconds; before the fix every request waited for the whole call.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SETTINGS } from './support/flow-helpers.js';
import { probeWhile } from './support/probe.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** On top of the slowest answer the same calls get with nothing running (a busy machine slows all of them). */
const ANSWER_WITHIN_MS = 1000;
const TARGET_TAKES_MS = 5000;

/** Answers every request with 200 after TARGET_TAKES_MS; counts the requests and tells when one was answered. */
class SlowTarget {
  private server!: Server;
  private answeredResolve!: () => void;
  readonly answered = new Promise<void>((resolve) => (this.answeredResolve = resolve));
  requests = 0;

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      request.resume();
      this.requests += 1;
      setTimeout(() => {
        response.writeHead(200).end('{"ok":true}');
        this.answeredResolve();
      }, TARGET_TAKES_MS);
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

async function until<T>(what: () => Promise<T | undefined>, within: number, failure: string): Promise<T> {
  const deadline = Date.now() + within;
  for (;;) {
    const value = await what();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(failure);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('a slow webhook target on the embedded database', () => {
  const target = new SlowTarget();
  let app: TestApp;
  let dataDir: string;

  beforeAll(async () => {
    await target.start();
    dataDir = mkdtempSync(join(tmpdir(), 'stroom-webhook-'));
    app = await startTestApp({ DATA_DIR: dataDir, WEBHOOK_ALLOW_PRIVATE: '127.0.0.1' });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await target.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers health and a PATCH of the called person within a second while the call is out, then records its answer', async () => {
    const personId = (await app.call('POST', '/api/persons', { firstName: 'Hook', email: 'hook@example.nl' })).body.id;
    const idle = (await probeWhile(app, personId, new Promise((resolve) => setTimeout(resolve, 1000)))).slowest;

    const source = `flow "Traag" {\n${SETTINGS}  trigger manual\n  crm: call webhook POST "${target.url}/slow" body """{"id": "{{ person.id }}"}""" timeout 10000 ms\n  update person {\n    set extra.bron = "beantwoord"\n  }\n}\n`;
    const flow = await app.call('POST', '/api/flows', { source });
    expect(flow).toMatchObject({ status: 201 });
    expect((await app.call('POST', `/api/flows/${flow.body.id}/start`)).status).toBe(200);
    expect((await app.call('POST', `/api/flows/${flow.body.id}/participants`, { personIds: [personId] })).status).toBe(200);
    await until(async () => (target.requests > 0 ? true : undefined), 10_000, 'the webhook was not called within 10 s');

    const probe = await probeWhile(app, personId, target.answered);
    expect(probe.slowest).toBeLessThan(ANSWER_WITHIN_MS + idle);
    expect(probe.probes).toBeGreaterThan(4);

    const participant = await until(async () => {
      const [item] = (await app.call('GET', `/api/flows/${flow.body.id}/participants`)).body.items;
      return item?.status === 'completed' ? item : undefined;
    }, 5000, 'the participant did not complete within 5 s of the answer');
    expect(participant.webhooks).toEqual({ crm: { status: 200, at: expect.any(String) } });
    expect((await app.call('GET', `/api/persons/${personId}`)).body.extra).toMatchObject({ bron: 'beantwoord' });
    expect(target.requests).toBe(1);
  }, 60_000);
});
