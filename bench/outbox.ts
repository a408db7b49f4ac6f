/**
 * Outbox throughput: 10,000 e-mails written to the outbox and delivered by the scheduler to an
 * in-process SMTP server, beside raw nodemailer (the same pool settings) sending the same 10,000
 * to the same server, in one run. Prints both rates and the ratio.
 *   npm run bench:outbox [-- --messages 10000]
 */
import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/core';
import nodemailer from 'nodemailer';
import { ManualClock } from '../server/clock/clock.js';
import { loadConfig } from '../server/config/config.js';
import { ormOptions } from '../server/database/orm-config.js';
import { EmailTransport } from '../server/messaging/email-transport.js';
import { MessageDelivery } from '../server/messaging/message-delivery.js';
import { Message } from '../server/messaging/message.entity.js';
import { Outbox } from '../server/messaging/outbox.js';
import { SmsTransport } from '../server/messaging/sms-transport.js';
import { JobRunner } from '../server/scheduling/job-runner.js';
import { createTestDatabase } from '../test/support/test-database.js';
import { SmtpSink } from '../test/support/smtp-sink.js';

const COUNT = Number(process.argv[process.argv.indexOf('--messages') + 1] || 10_000) || 10_000;
const body = '<p>Beste Anna,</p><p>Bedankt voor je aanvraag. We nemen binnen drie werkdagen contact met je op.</p>';

async function rawNodemailer(url: string): Promise<number> {
  const transport = nodemailer.createTransport({ url, pool: true, maxConnections: 5 } as never);
  const started = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: 10 }, async () => {
    while (next < COUNT) {
      const i = next++;
      await transport.sendMail({ from: 'bench@stroom.test', to: `raw${i}@example.nl`, subject: `Bericht ${i}`, html: body, messageId: `<raw-${i}@stroom.test>` });
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  transport.close();
  return COUNT / seconds;
}

async function throughOutbox(databaseUrl: string, smtpUrl: string): Promise<number> {
  const config = loadConfig({ DATABASE_URL: databaseUrl, SMTP_URL: smtpUrl, MAIL_FROM: 'bench@stroom.test', LOG_LEVEL: 'silent' });
  const orm = await MikroORM.init(ormOptions(config));
  const clock = new ManualClock(new Date());
  const outbox = new Outbox(clock, config);
  const runner = new JobRunner(orm.em, clock);
  const email = new EmailTransport(config);
  new MessageDelivery(runner, email, new SmsTransport(config)).onModuleInit();
  // As in the service, decisions are written while the scheduler delivers what is already queued.
  const started = performance.now();
  let writing = true;
  const writer = (async () => {
    for (let from = 0; from < COUNT; from += 1000) {
      await orm.em.fork().transactional(async (em) => {
        for (let i = from; i < Math.min(from + 1000, COUNT); i++) {
          await outbox.enqueue(em, { channel: 'email', key: `bench:${i}`, to: `outbox${i}@example.nl`, subject: `Bericht ${i}`, body });
        }
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
  const sent = await orm.em.fork().count(Message, { status: 'sent' });
  email.onApplicationShutdown();
  await orm.close();
  if (sent !== COUNT) throw new Error(`only ${sent} of ${COUNT} sent`);
  return COUNT / seconds;
}

const db = await createTestDatabase();
const smtp = await new SmtpSink().start();
try {
  const orm = await MikroORM.init(ormOptions({ databaseUrl: db.url, dataDir: '' }));
  await orm.migrator.up();
  await orm.close();
  const raw = await rawNodemailer(smtp.url);
  const stroom = await throughOutbox(db.url, smtp.url);
  console.log(`messages: ${COUNT}, received by the SMTP server: ${smtp.received.length}`);
  console.log(`raw nodemailer pool:               ${Math.round(raw).toLocaleString('en')} e-mails/s`);
  console.log(`Stroom outbox (write + deliver):   ${Math.round(stroom).toLocaleString('en')} e-mails/s`);
  console.log(`ratio: ${(stroom / raw).toFixed(2)}x (target >= 0.8x)`);
} finally {
  await smtp.stop();
  await db.drop();
}
