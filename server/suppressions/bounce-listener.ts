import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { SMTPServer } from 'smtp-server';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { ChangeRecorder } from '../events/change-recorder.js';
import { findMessage } from '../messaging/message-lookup.js';
import { verpToken } from '../messaging/message-id.js';
import { readReport } from './bounce-report.js';

/** At most this much of a report is read (a DSN with the original attached stays well under it). */
const MAX_REPORT_BYTES = 10 * 1024 * 1024;

/**
 * The inbound SMTP listener (BOUNCE_SMTP_PORT) for reports sent to the return paths: each delivery
 * status notification or complaint it understands becomes an `email.bounced` or `email.complained`
 * event for the message its return path (or the original's Message-ID) names; those events then
 * do what they do when a provider posts them.
 */
@Injectable()
export class BounceListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(BounceListener.name);
  private server: SMTPServer | undefined;
  port: number | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly em: EntityManager,
    private readonly recorder: ChangeRecorder,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.bounceSmtpPort === undefined) return;
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      size: MAX_REPORT_BYTES,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const tokens = session.envelope.rcptTo.map((r) => verpToken(r.address)).filter((t): t is string => !!t);
          this.receive(Buffer.concat(chunks), tokens).then(() => callback(), (error: Error) => {
            this.logger.error(`Bounce report not recorded: ${error.message}`);
            callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
          });
        });
      },
    });
    this.server.on('error', (error) => this.logger.warn(`Bounce listener: ${error.message}`));
    await new Promise<void>((resolve) => this.server!.listen(this.config.bounceSmtpPort, this.config.host, () => resolve()));
    this.port = (this.server.server.address() as { port: number }).port;
    this.logger.log(`Listening for bounce and complaint reports on port ${this.port}`);
  }

  /** Records what the report says; a report that is none (an auto-reply) is accepted and dropped. */
  async receive(raw: Buffer, tokens: string[]): Promise<void> {
    const reports = await readReport(raw);
    if (reports.length === 0) return;
    await this.em.fork().transactional(async (em) => {
      for (const report of reports) {
        const reference = tokens[0] ?? report.originalMessageId;
        const message = reference ? await findMessage(em, reference) : undefined;
        const address = report.address ?? message?.to ?? undefined;
        if (!message && !address) continue;
        const personId = message?.personId ?? undefined;
        const data = {
          ...(message ? { messageId: message.id, message: message.id } : {}), ...(address ? { address } : {}),
          ...(report.type === 'bounced' ? { kind: report.kind, ...(report.status ? { status: report.status } : {}) } : {}),
          ...(personId ? { person_id: personId } : {}), source: 'bounce listener',
        };
        this.recorder.record(em, { entity: 'email', entityId: personId ?? '0', kind: report.type, data });
      }
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
