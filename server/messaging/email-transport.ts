import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { emailAddressProblem, mailboxAddress, Remembered } from '@stroom/dsl';
import nodemailer, { type Transporter } from 'nodemailer';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import type { Deliverable } from './deliverable.js';
import { returnPathFor } from './message-id.js';
import { plainTextOf } from './plain-text.js';

export interface SendResult {
  transport: string;
}

/** RFC 5322 atext: an address of dot-atoms on both sides of the @ is one the full parser accepts as it is. */
const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const PLAIN_ADDRESS = new RegExp(`^${ATEXT}(?:\\.${ATEXT})*@${ATEXT}(?:\\.${ATEXT})*$`);

/** Senders and reply-to addresses are few: each is parsed once, not once per message. */
const SENDER_PROBLEMS = new Remembered<string, string | undefined>(1000);

function addressProblem(part: string, address: string, displayName: boolean): string | undefined {
  const problem = displayName ? senderProblem(address) : PLAIN_ADDRESS.test(address) ? undefined : emailAddressProblem(address);
  return problem && `${part} ${JSON.stringify(address)}: ${problem}`;
}

function senderProblem(address: string): string | undefined {
  return SENDER_PROBLEMS.get(address, (text) => emailAddressProblem(text, { displayName: true }));
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
    const from = message.from ?? this.config.mailFrom;
    // Checked again here, whatever stored them: an address with a line break would change the headers.
    const problem = addressProblem('to', message.to, false) ?? addressProblem('from', from, true) ?? (message.replyTo ? addressProblem('reply_to', message.replyTo, true) : undefined);
    if (problem) throw new Error(problem);
    if (!this.smtp) {
      this.logger.log(`[log transport] e-mail to ${message.to}: ${message.subject ?? ''}`);
      return { transport: 'log' };
    }
    await this.smtp.sendMail({
      from,
      to: message.to,
      // The envelope is exactly the recipient the outbox shows, never one nodemailer reads out of a header;
      // with a bounce domain each message has its own return path (VERP), so a bounce names the message.
      envelope: { from: this.config.bounceDomain ? returnPathFor(message.messageId, this.config.bounceDomain) : mailboxAddress(from)!, to: [message.to] },
      replyTo: message.replyTo ?? undefined,
      subject: message.subject ?? '',
      html: message.body,
      text: plainTextOf(message.body),
      messageId: message.messageId,
      headers: message.headers,
      attachments: message.attachments,
    });
    return { transport: 'smtp' };
  }

  onApplicationShutdown(): void {
    this.smtp?.close();
  }
}
