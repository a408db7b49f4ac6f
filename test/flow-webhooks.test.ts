// The webhook step end to end: a local HTTP server as the receiver, PostgreSQL, the manual clock.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { flowHelpers } from './support/flow-helpers.js';
import { useTestApp } from './support/lifecycle.js';
import { SmtpSink } from './support/smtp-sink.js';

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** The receiving end: answers each request with the next planned status (then 200; `hang`: never), and keeps what it got. */
class Receiver {
  readonly received: Received[] = [];
  planned: ({ status: number; location?: string } | 'hang')[] = [];
  private server!: Server;

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        this.received.push({ method: request.method!, url: request.url!, headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        const answer = this.planned.shift() ?? { status: 200 };
        if (answer === 'hang') return;
        response.writeHead(answer.status, answer.location ? { Location: answer.location } : {});
        response.end('{"ok":true}');
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const smtp = new SmtpSink();
const receiver = new Receiver();
beforeAll(async () => {
  await smtp.start();
  await receiver.start();
});
afterAll(async () => {
  await smtp.stop();
  await receiver.stop();
});
const context = useTestApp({
  CLOCK: 'manual', get SMTP_URL() { return smtp.url; }, WEBHOOK_ALLOW_PRIVATE: '127.0.0.1', WEBHOOK_SECRETS: '{"crm": "Bearer s3cret"}',
} as Record<string, string>);
const { call, advance, person, runningFlow, enrol, participant } = flowHelpers(context, smtp);

async function members(selection: string): Promise<string[]> {
  const id = (await call('GET', `/api/selections?name=${encodeURIComponent(selection)}`)).body.items[0].id;
  return (await call('GET', `/api/selections/${id}/members`)).body.items.map((p: { id: string }) => p.id);
}

beforeAll(async () => {
  for (const name of ['Gelukt', 'Mislukt']) expect((await call('POST', '/api/selections', { name })).status).toBe(201);
});

const splitOnAnswer = (label: string) =>
  `  split "Antwoord" {\n    branch "Gelukt" when webhook.${label}.status >= 200 and webhook.${label}.status < 300 {\n      add to selection "Gelukt"\n    }\n    others {\n      add to selection "Mislukt"\n    }\n  }\n`;

describe('the webhook step', () => {
  it('posts the JSON body with its secret header and idempotency key, retries a 503 with back-off, and splits on the answer', async () => {
    const flowId = await runningFlow('Naar CRM', `  trigger manual\n  crm: call webhook POST "${receiver.url}/hooks/{{ person.last_name }}" header "Authorization" secret "crm" body """{"email": "{{ person.email }}", "name": "{{ person.first_name }}", "score": {{ person.extra.score }}}""" timeout 2000 ms\n${splitOnAnswer('crm')}`);
    const jo = await person({ firstName: 'Jo "JJ"', lastName: 'de Vries/Oost', email: 'jo@example.nl', extra: { score: 7 } });
    receiver.planned = [{ status: 503 }];
    const before = receiver.received.length;
    await enrol(flowId, [jo]);
    await advance('PT0S');
    expect(receiver.received.length - before).toBe(1);
    expect(await participant(flowId, jo)).toMatchObject({ status: 'active', stepId: 'crm' });

    await advance('PT1M'); // the retry is due 30 s after the first attempt
    const [first, second] = receiver.received.slice(before);
    expect(receiver.received.length - before).toBe(2);
    expect(first!.method).toBe('POST');
    expect(first!.url).toBe('/hooks/de%20Vries%2FOost');
    expect(first!.headers.authorization).toBe('Bearer s3cret');
    expect(first!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(first!.body)).toEqual({ email: 'jo@example.nl', name: 'Jo "JJ"', score: 7 });
    expect(first!.headers['idempotency-key']).toMatch(/^flow:\d+:p:\d+:crm:v1$/);
    expect(second!.headers['idempotency-key']).toBe(first!.headers['idempotency-key']);
    expect(await participant(flowId, jo)).toMatchObject({ status: 'completed' });
    expect(await members('Gelukt')).toContain(jo);
    const [listed] = (await call('GET', `/api/flows/${flowId}/participants`)).body.items;
    expect(listed.webhooks).toEqual({ crm: { status: 200, at: expect.any(String) } });
  });

  it('gives up after a 4xx at once, and the split sees that status', async () => {
    const flowId = await runningFlow('Afgewezen', `  trigger manual\n  hook: call webhook PUT "${receiver.url}/x"\n${splitOnAnswer('hook')}`);
    const ka = await person({ firstName: 'Ka', email: 'ka@example.nl' });
    receiver.planned = [{ status: 422 }];
    const before = receiver.received.length;
    await enrol(flowId, [ka]);
    await advance('PT10M');
    expect(receiver.received.length - before).toBe(1);
    expect(await participant(flowId, ka)).toMatchObject({ status: 'completed' });
    expect(await members('Mislukt')).toContain(ka);
  });

  it('retries a target that does not answer within its time-out, and gives up after the last attempt', async () => {
    const flowId = await runningFlow('Stil', `  trigger manual\n  hook: call webhook POST "${receiver.url}/silent" timeout 100 ms\n${splitOnAnswer('hook')}`);
    const su = await person({ firstName: 'Su', email: 'su@example.nl' });
    receiver.planned = Array(5).fill('hang');
    const before = receiver.received.length;
    await enrol(flowId, [su]);
    await advance('PT1M');
    expect(receiver.received.length - before).toBe(2); // at once and 30 s later
    expect(await participant(flowId, su)).toMatchObject({ status: 'active', stepId: 'hook' });
    await advance('PT10M'); // then 1, 2 and 4 minutes later, the fifth attempt being the last
    const calls = receiver.received.slice(before);
    expect(calls).toHaveLength(5);
    expect(new Set(calls.map((c) => c.headers['idempotency-key'])).size).toBe(1);
    expect(await participant(flowId, su)).toMatchObject({ status: 'completed' });
    expect(await members('Mislukt')).toContain(su);
    const [listed] = (await call('GET', `/api/flows/${flowId}/participants`)).body.items;
    expect(listed.webhooks).toEqual({ hook: { status: 0, at: expect.any(String) } });
    expect(listed.notes.map((n: { message: string }) => n.message)).toEqual(['webhook failed: no answer within 100 ms']);
  });

  it('refuses private and link-local targets the allow list does not name, also behind a redirect, without retrying', async () => {
    const flowId = await runningFlow('Intern', `  trigger manual\n  a: call webhook GET "https://127.0.0.2:9/"\n  b: call webhook GET "http://10.1.2.3/"\n  c: call webhook GET "${receiver.url}/redirect"\n${splitOnAnswer('c')}`);
    const li = await person({ firstName: 'Li', email: 'li@example.nl' });
    receiver.planned = [{ status: 302, location: 'https://169.254.169.254/latest/meta-data' }];
    const before = receiver.received.length;
    await enrol(flowId, [li]);
    await advance('PT1H');
    expect(receiver.received.length - before).toBe(1); // only the allowed first hop was reached
    expect(await participant(flowId, li)).toMatchObject({ status: 'completed' });
    expect(await members('Mislukt')).toContain(li);
    const notes = (await call('GET', `/api/flows/${flowId}/participants`)).body.items[0].notes.map((n: { stepId: string; message: string }) => `${n.stepId}: ${n.message}`);
    expect(notes).toEqual([
      expect.stringMatching(/^a: webhook failed: refused: .*127\.0\.0\.2.* is not allowed/),
      'b: webhook failed: refused: plain http only goes to hosts WEBHOOK_ALLOW_PRIVATE names, not 10.1.2.3',
      expect.stringMatching(/^c: webhook failed: refused: .*169\.254\.169\.254.* is not allowed/),
    ]);
  });

  it('lists the secret names (never their values) for the editors', async () => {
    const names = await call('GET', '/api/dsl/names');
    expect(names.body.secrets).toEqual(['crm']);
    expect(JSON.stringify(names.body)).not.toContain('s3cret');
  });

  it('simulates the call without making it, assuming the answer given', async () => {
    const flowId = await runningFlow('Simulatie', `  trigger manual\n  crm: call webhook POST "${receiver.url}/sim" body """{"id": "{{ person.id }}"}"""\n${splitOnAnswer('crm')}`);
    const mo = await person({ firstName: 'Mo', email: 'mo@example.nl' });
    const before = receiver.received.length;
    const ok = (await call('POST', `/api/flows/${flowId}/simulate`, { personId: mo, days: 1 })).body;
    expect(ok.webhooks).toEqual([{ stepId: 'crm', method: 'POST', url: `${receiver.url}/sim`, body: `{"id": "${mo}"}`, status: 200 }]);
    expect(ok.steps.map((s: { stepId: string }) => s.stepId)).toEqual(['crm', 's1', 's2']);
    const failed = (await call('POST', `/api/flows/${flowId}/simulate`, { personId: mo, days: 1, webhookStatus: 500 })).body;
    expect(failed.webhooks[0].status).toBe(500);
    expect(receiver.received.length).toBe(before);
    expect((await call('POST', `/api/flows/${flowId}/simulate`, { personId: mo, webhookStatus: 99 })).status).toBe(400);
  });
});
