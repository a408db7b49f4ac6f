import { describe, expect, it } from '@jest/globals';
import type { AppConfig } from '../config/config.js';
import type { Deliverable } from './deliverable.js';
import { EmailTransport } from './email-transport.js';

const message = (parts: Partial<Deliverable>): Deliverable => ({
  id: '1', channel: 'email', to: 'anna@example.nl', from: null, replyTo: null, subject: 'Hallo', body: '<p>Hallo</p>', headers: {}, messageId: '<1@example.nl>', ...parts,
});

describe('EmailTransport: addresses are checked again at send', () => {
  const transport = new EmailTransport({ mailFrom: 'Stroom <stroom@example.nl>', smtpUrl: undefined } as AppConfig);

  it('sends to a bare address from a sender that may carry a name', async () => {
    await expect(transport.send(message({ from: 'Loket <info@loket.example>', replyTo: 'info@loket.example' }))).resolves.toEqual({ transport: 'log' });
  });

  it.each([
    [{ to: 'ops@example.nl\nBcc: evil@example.com' }, /^to "ops@example.nl\\nBcc: evil@example.com": .*control characters/],
    [{ to: 'Anna <anna@example.nl>' }, /^to .*without a name/],
    [{ from: 'not an address' }, /^from "not an address": not an e-mail address/],
    [{ replyTo: 'info@loket.example\r\nX-Evil: 1' }, /^reply_to .*control characters/],
  ])('refuses %j', async (parts, reason) => {
    await expect(transport.send(message(parts))).rejects.toThrow(reason);
  });
});
