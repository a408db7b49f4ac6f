import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/core';
import pg from 'pg';
import { ManualClock, SystemClock } from '../../server/clock/clock.js';
import { loadConfig } from '../../server/config/config.js';
import { ormOptions } from '../../server/database/orm-config.js';
import { Outbox } from '../../server/messaging/outbox.js';
import { freePort, spawnService, waitForHealth, type ServiceProcess } from './service-process.js';
import type { ReceivedMail } from './smtp-sink.js';

export const BURST_TOKEN = 'fault-test-token-0123456789abcdef';

/** A JSON call with the admin token against a service at `url`. */
export async function callService(url: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(url + path, { method, headers: { authorization: `Bearer ${BURST_TOKEN}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** Every service process started here; killed when the test process exits, however it ends. */
const started = new Set<ServiceProcess>();
process.once('exit', () => {
  for (const service of started) service.child.kill('SIGKILL');
});

/**
 * Service processes (`node dist/server/main.js`) started by a test, all killed at the end whatever
 * happened, so a failing test leaves no process behind.
 */
export class ServiceFleet {
  private readonly running = new Set<ServiceProcess>();

  async start(env: Record<string, string | undefined>): Promise<{ process: ServiceProcess; url: string; port: number }> {
    const port = env.PORT ? Number(env.PORT) : await freePort();
    const process = spawnService({ ADMIN_API_TOKEN: BURST_TOKEN, SEED_DEMO: 'off', ...env, PORT: String(port) });
    this.running.add(process);
    started.add(process);
    void process.exited.then(() => {
      this.running.delete(process);
      started.delete(process);
    });
    const url = `http://127.0.0.1:${port}`;
    try {
      await waitForHealth(url, 90_000); // a loaded machine starts slowly
    } catch (error) {
      throw new Error(`${(error as Error).message}; output:\n${process.output()}`);
    }
    return { process, url, port };
  }

  /** SIGTERM (a clean stop), or SIGKILL; resolves with the exit code once the process is gone. */
  async stop(process: ServiceProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    process.child.kill(signal);
    return process.exited;
  }

  /** How many of its processes are running. */
  get size(): number {
    return this.running.size;
  }

  /** Stops every process still running (SIGKILL unless told otherwise); answers their exit codes. */
  async stopAll(signal: NodeJS.Signals = 'SIGKILL'): Promise<(number | null)[]> {
    return Promise.all([...this.running].map((p) => this.stop(p, signal)));
  }
}

/**
 * Decides a burst of `size` e-mails at once, as a campaign does: written through the service's own
 * outbox (`enqueueMany`, one transaction, keys `burst:<name>:<n>`), with their delivery jobs due now
 * (or `at`, the virtual time of a manual clock), for the running service to deliver. Answers the
 * recipients, one per key.
 */
export async function queueBurst(databaseUrl: string, size: number, name: string, at?: Date): Promise<string[]> {
  const config = loadConfig({ DATABASE_URL: databaseUrl, MAIL_FROM: 'Stroom <noreply@stroom.test>', LOG_LEVEL: 'silent' });
  const orm = await MikroORM.init(ormOptions(config));
  try {
    const outbox = new Outbox(at ? new ManualClock(at) : new SystemClock(), config);
    const recipients = Array.from({ length: size }, (_, i) => `${name}${i + 1}@example.nl`);
    await orm.em.fork().transactional((em) => outbox.enqueueMany(em, recipients.map((to, i) => ({
      channel: 'email' as const, key: `burst:${name}:${i + 1}`, to, subject: `Bericht ${i + 1}`, body: `<p>Beste ${to},</p><p>Dit is bericht ${i + 1} van ${size}.</p>`,
    }))));
    return recipients;
  } finally {
    await orm.close();
  }
}

export interface DeliveryReport {
  /** Recipients that got the message at least once. */
  delivered: number;
  /** Copies beyond the first of one message (same Message-ID): resends after a crash. */
  resent: number;
  /** Recipients that got two or more different messages (different Message-IDs): must be 0. */
  duplicates: number;
  /** Received Message-IDs that are not the outbox's Message-ID for that recipient: must be 0. */
  foreign: number;
}

/**
 * What the SMTP sink saw for the given recipients, checked against the outbox: one outbox key per
 * recipient, so the distinct Message-IDs per recipient are the distinct messages per key.
 */
export async function deliveryReport(databaseUrl: string, received: readonly ReceivedMail[], recipients: readonly string[]): Promise<DeliveryReport> {
  const sql = new pg.Client({ connectionString: databaseUrl });
  await sql.connect();
  let outbox: Map<string, string>;
  try {
    const rows = (await sql.query(`select "to", "message_id" from "message" where "to" = any($1::text[])`, [recipients])).rows as { to: string; message_id: string }[];
    outbox = new Map(rows.map((r) => [r.to, r.message_id]));
  } finally {
    await sql.end();
  }
  const wanted = new Set(recipients);
  const idsPerRecipient = new Map<string, Set<string>>();
  let copies = 0;
  let foreign = 0;
  for (const mail of received) {
    for (const to of mail.to) {
      if (!wanted.has(to)) continue;
      copies++;
      if (mail.messageId !== outbox.get(to)) foreign++;
      idsPerRecipient.set(to, (idsPerRecipient.get(to) ?? new Set()).add(mail.messageId ?? '(none)'));
    }
  }
  const distinct = [...idsPerRecipient.values()].reduce((n, ids) => n + ids.size, 0);
  return {
    delivered: idsPerRecipient.size,
    resent: copies - distinct,
    duplicates: [...idsPerRecipient.values()].filter((ids) => ids.size > 1).length,
    foreign,
  };
}

/** Polls `check` until it answers true, or fails with `what` after `timeoutMs`. */
export async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs: number, everyMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** The messages of a burst per status, straight from the database. */
export async function messageCounts(databaseUrl: string, name: string): Promise<Record<string, number>> {
  const sql = new pg.Client({ connectionString: databaseUrl });
  await sql.connect();
  try {
    const rows = (await sql.query(`select "status", count(*)::int as n from "message" where "key" like $1 group by "status"`, [`burst:${name}:%`])).rows;
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  } finally {
    await sql.end();
  }
}
