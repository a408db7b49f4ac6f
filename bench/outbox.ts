/**
 * Outbox throughput: e-mails written to the outbox (500 per statement, as a campaign's send step
 * writes a claim's messages) and delivered by the scheduler to an in-process SMTP server, beside raw nodemailer (the same pool settings) sending as many to the same server,
 * alternated after a warm-up: 3 runs of 5,000 each (10,000 with --full), median. Checks that
 * every recipient got exactly one message (one Message-ID, no copy). Prints both rates and the ratio.
 *   npm run bench:outbox [-- --full] [-- --messages 10000 --runs 3]
 */
import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/core';
import nodemailer from 'nodemailer';
import { ManualClock } from '../server/clock/clock.js';
import { loadConfig } from '../server/config/config.js';
import { EmailTransport } from '../server/messaging/email-transport.js';
import { MessageDelivery } from '../server/messaging/message-delivery.js';
import { plainTextOf } from '../server/messaging/plain-text.js';
import { Message } from '../server/messaging/message.entity.js';
import { Outbox } from '../server/messaging/outbox.js';
import { SmsTransport } from '../server/messaging/sms-transport.js';
import { JobRunner } from '../server/scheduling/job-runner.js';
import { SuppressionList } from '../server/suppressions/suppression-list.js';
import { deliveryReport } from '../test/support/burst.js';
import { createTestDatabase } from '../test/support/test-database.js';
import { SmtpSink } from '../test/support/smtp-sink.js';
import { benchOrmOptions } from './support/job-databases.js';
import { sizeOption } from './support/options.js';
import { checkSameSize, fmt, median, ratio } from './support/stats.js';
import { reportResult } from './support/report.js';

// Quick: the median of 3 runs of 5,000 (one run of 10,000 varied 0.66–0.87× here); full: 3 of 10,000.
const MESSAGES = sizeOption('messages', 5_000, 10_000);
const RUNS = sizeOption('runs', 3);
/** The flow engine's claim size (JobPoller): a send step writes a claim's messages together. */
const WRITE_CLAIM = 500;
const outboxRecipient = (run: number, i: number) => `outbox${run}-${i}@example.nl`;
const body = '<p>Beste Anna,</p><p>Bedankt voor je aanvraag. We nemen binnen drie werkdagen contact met je op.</p>';

/** The service sends HTML with its plain-text alternative: the baseline sends the same two parts (the text made once, before the clock). */
const text = plainTextOf(body);

async function rawNodemailer(url: string, count: number, run: number): Promise<number> {
  const transport = nodemailer.createTransport({ url, pool: true, maxConnections: 5 } as never);
  const started = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: 10 }, async () => {
    while (next < count) {
      const i = next++;
      const to = `raw${run}-${i}@example.nl`;
      await transport.sendMail({ from: 'bench@stroom.test', to, envelope: { from: 'bench@stroom.test', to: [to] }, subject: `Bericht ${i}`, html: body, text, messageId: `<${`${run}-${i}`.padStart(40, '0')}@stroom.test>` });
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  transport.close();
  return count / seconds;
}

async function throughOutbox(databaseUrl: string, smtpUrl: string, count: number, run: number): Promise<number> {
  const config = loadConfig({ DATABASE_URL: databaseUrl, SMTP_URL: smtpUrl, MAIL_FROM: 'bench@stroom.test', LOG_LEVEL: 'silent' });
  const orm = await MikroORM.init(benchOrmOptions(config));
  const clock = new ManualClock(new Date());
  const outbox = new Outbox(clock, config);
  const runner = new JobRunner(orm.em, clock);
  const email = new EmailTransport(config);
  new MessageDelivery(runner, email, new SmsTransport(config), new SuppressionList(clock)).onModuleInit();
  // As in the service, decisions are written while the scheduler delivers what is already queued;
  // as a campaign's send step writes them: a claim of 500 participants' messages in one statement.
  const started = performance.now();
  let writing = true;
  const writer = (async () => {
    for (let from = 0; from < count; from += WRITE_CLAIM) {
      await orm.em.fork().transactional(async (em) => {
        const claim = Array.from({ length: Math.min(WRITE_CLAIM, count - from) }, (_, k) => from + k);
        await outbox.enqueueMany(em, claim.map((i) => ({ channel: 'email' as const, key: `bench:${run}:${i}`, to: outboxRecipient(run, i), subject: `Bericht ${i}`, body })));
      });
    }
    writing = false;
  })();
  const deliverer = (async () => {
    while (writing) {
      if ((await runner.runDue(1000)) === 0) await new Promise((r) => setTimeout(r, 5));
    }
    await runner.runDue(1000);
  })();
  await Promise.all([writer, deliverer]);
  const seconds = (performance.now() - started) / 1000;
  const sent = await orm.em.fork().count(Message, { status: 'sent', key: { $like: `bench:${run}:%` } });
  email.onApplicationShutdown();
  await orm.close();
  if (sent !== count) throw new Error(`only ${sent} of ${count} sent`);
  return count / seconds;
}

function meanBytes(mails: { raw: string }[]): number {
  return mails.reduce((sum, m) => sum + Buffer.byteLength(m.raw), 0) / mails.length;
}

const db = await createTestDatabase();
const smtp = await new SmtpSink().start();
try {
  const orm = await MikroORM.init(benchOrmOptions({ databaseUrl: db.url, dataDir: '' }));
  await orm.migrator.up();
  await orm.close();
  const raw: number[] = [];
  const stroom: number[] = [];
  let duplicates = 0;
  let resent = 0;
  let bytes = { raw: 0, stroom: 0 };
  for (let run = 0; run <= RUNS; run++) {
    const count = run === 0 ? 500 : MESSAGES; // run 0 warms up
    const rawRate = await rawNodemailer(smtp.url, count, run);
    const stroomRate = await throughOutbox(db.url, smtp.url, count, run);
    const report = await deliveryReport(db.url, smtp.received, Array.from({ length: count }, (_, i) => outboxRecipient(run, i)));
    if (report.delivered !== count) throw new Error(`run ${run}: ${report.delivered} of ${count} recipients got their e-mail`);
    duplicates += report.duplicates;
    resent += report.resent;
    if (run === 0) {
      const size = (prefix: string) => meanBytes(smtp.received.filter((m) => m.to[0]!.startsWith(prefix)));
      bytes = { raw: size('raw0-'), stroom: size('outbox0-') };
      checkSameSize(bytes.raw, bytes.stroom);
      continue;
    }
    raw.push(rawRate);
    stroom.push(stroomRate);
  }
  console.log(`messages: ${fmt(MESSAGES)} per run, ${RUNS} run(s); received by the SMTP server: ${fmt(smtp.received.length)}; duplicates (a second message to one recipient): ${duplicates}, copies resent: ${resent}`);
  console.log(`bytes per e-mail at the SMTP server: raw ${fmt(bytes.raw)}, Stroom ${fmt(bytes.stroom)}`);
  console.log(`raw nodemailer pool:               ${fmt(median(raw))} e-mails/s (runs: ${raw.map((r) => fmt(r)).join(', ')})`);
  console.log(`Stroom outbox (write + deliver):   ${fmt(median(stroom))} e-mails/s (runs: ${stroom.map((r) => fmt(r)).join(', ')})`);
  console.log(`ratio: ${ratio(median(stroom), median(raw))} (target >= 0.8x, zero duplicates)`);
  reportResult({ key: 'outbox', figure: `outbox, ${fmt(MESSAGES)} e-mails written and delivered vs raw nodemailer`, value: `${fmt(median(stroom))} e-mails/s`, baseline: `${fmt(median(raw))} e-mails/s`, ratio: median(stroom) / median(raw), target: '>= 0.8x, 0 duplicates', met: median(stroom) / median(raw) >= 0.8 && duplicates === 0 });
} finally {
  await smtp.stop();
  await db.drop();
}
