import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { freePort, spawnService, waitForHealth, type ServiceProcess } from './support/service-process.js';
import { SmtpSink } from './support/smtp-sink.js';

const TOKEN = 'crash-test-token-0123456789abcdef';
let db: TestDatabase;
const smtp = new SmtpSink();
beforeAll(async () => {
  db = await createTestDatabase();
  await smtp.start();
});
afterAll(async () => {
  await smtp.stop();
  await db.drop();
});

async function call(url: string, method: string, path: string, body?: unknown) {
  const res = await fetch(url + path, { method, headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as any };
}

describe('a crash between SMTP acceptance and recording', () => {
  it('is followed by one resend with the same Message-ID, and the job runs to completion once', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env = { PORT: String(port), DATABASE_URL: db.url, SMTP_URL: smtp.url, CLOCK: 'manual', ADMIN_API_TOKEN: TOKEN, SEED_DEMO: 'off' };
    let service: ServiceProcess = spawnService(env);
    await waitForHealth(url, 60_000);
    // The first accepted copy kills the service before it can record the message as sent.
    smtp.onAccept = () => {
      smtp.onAccept = undefined;
      service.child.kill('SIGKILL');
    };
    const template = await call(url, 'POST', '/api/templates', { key: 'crash', name: 'Crash', channel: 'email', subject: 'Eén keer', body: '<p>Hallo</p>' });
    expect(template.status).toBe(201);
    await call(url, 'POST', `/api/templates/${template.body.id}/test-send`, { to: 'crash@example.nl' });
    await service.exited;
    expect(smtp.received).toHaveLength(1);

    service = spawnService(env);
    try {
      await waitForHealth(url, 60_000);
      let message: any;
      // The killed instance's delivery is taken again once its lease has run out (15 s).
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline) {
        message = (await call(url, 'GET', '/api/messages?to=crash@example.nl')).body.items[0];
        if (message?.status === 'sent') break;
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(message).toMatchObject({ status: 'sent', attempts: 1 });
      expect(smtp.received).toHaveLength(2);
      expect(smtp.received[0]!.messageId).toBe(message.messageId);
      expect(smtp.received[1]!.messageId).toBe(message.messageId);
      const sql = new pg.Client({ connectionString: db.url });
      await sql.connect();
      const jobs = (await sql.query(`select status, attempts from job where kind = 'message.deliver'`)).rows;
      await sql.end();
      // The lost run counts as the first attempt, the resend as the second.
      expect(jobs).toEqual([{ status: 'done', attempts: 2 }]);
    } finally {
      service.child.kill('SIGTERM');
      await service.exited;
    }
  }, 180_000);
});
