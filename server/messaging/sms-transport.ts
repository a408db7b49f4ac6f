import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import type { Deliverable } from './deliverable.js';
import type { SendResult } from './email-transport.js';

/**
 * Sends SMS through an HTTP provider (SMS_PROVIDER_URL: POST JSON `{from, to, text, reference}`,
 * any 2xx is accepted), or logs it when no provider is configured.
 */
@Injectable()
export class SmsTransport {
  private readonly logger = new Logger(SmsTransport.name);

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async send(message: Deliverable): Promise<SendResult> {
    if (!message.to) throw new Error('no mobile number');
    if (!this.config.smsProviderUrl) {
      this.logger.log(`[log transport] SMS to ${message.to}: ${message.body}`);
      return { transport: 'log' };
    }
    const response = await fetch(this.config.smsProviderUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: message.from, to: message.to, text: message.body, reference: message.messageId }),
      signal: AbortSignal.timeout(15_000),
    });
    if (!response.ok) throw new Error(`SMS provider answered ${response.status}`);
    return { transport: 'http' };
  }
}
