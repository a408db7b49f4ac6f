import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import type { Deliverable } from './deliverable.js';
import { returnPathFor } from './message-id.js';

export interface SendResult {
  transport: string;
}

/**
 * Sends e-mail over SMTP with a nodemailer pool (SMTP_URL). With no SMTP_URL it only logs the
 * rendered message ("log" transport); the message itself stays visible in /api/messages.
 */
@Injectable()
export class EmailTransport implements OnApplicationShutdown {
  private readonly logger = new Logger(EmailTransport.name);
  private readonly smtp: Transporter | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.smtp = config.smtpUrl
      ? nodemailer.createTransport({ url: config.smtpUrl, pool: true, maxConnections: 5, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 } as never)
      : undefined;
  }

  async send(message: Deliverable): Promise<SendResult> {
    if (!message.to) throw new Error('no e-mail address');
    if (!this.smtp) {
      this.logger.log(`[log transport] e-mail to ${message.to}: ${message.subject ?? ''}`);
      return { transport: 'log' };
    }
    await this.smtp.sendMail({
      from: message.from ?? this.config.mailFrom,
      to: message.to,
      replyTo: message.replyTo ?? undefined,
      subject: message.subject ?? '',
      html: message.body,
      messageId: message.messageId,
      // With a bounce domain each message has its own return path (VERP): a bounce names the message.
      envelope: this.config.bounceDomain ? { from: returnPathFor(message.messageId, this.config.bounceDomain), to: message.to } : undefined,
      headers: message.headers,
      attachments: message.attachments,
    });
    return { transport: 'smtp' };
  }

  onApplicationShutdown(): void {
    this.smtp?.close();
  }
}
