import { expect } from '@jest/globals';
import type { TestContext } from './lifecycle.js';
import type { ReceivedMail, SmtpSink } from './smtp-sink.js';

export const SETTINGS = '  sender "Energieloket <info@energieloket.example>"\n  reply_to "info@energieloket.example"\n  sms_sender "Loket"\n';

/** Calls, clock and flow shortcuts for tests that run flows on the manual clock. */
export function flowHelpers(context: TestContext, smtp: SmtpSink) {
  const call = (method: string, path: string, body?: unknown) => context.app.call(method, path, body);
  const helpers = {
    call,
    advance: async (by: string) => expect((await call('POST', '/api/clock/advance', { by })).status).toBe(200),
    mailsTo: (address: string): ReceivedMail[] => smtp.received.filter((m) => m.to.some((to) => to.toLowerCase() === address.toLowerCase())),
    async person(fields: Record<string, unknown>): Promise<string> {
      const res = await call('POST', '/api/persons', fields);
      expect(res.status).toBe(201);
      return res.body.id;
    },
    /** Creates and starts a flow from steps and extra settings (sender, reply_to and sms_sender are added). */
    async runningFlow(name: string, body: string): Promise<string> {
      const created = await call('POST', '/api/flows', { source: `flow "${name}" {\n${SETTINGS}${body}}\n` });
      expect(created.status).toBe(201);
      const started = await call('POST', `/api/flows/${created.body.id}/start`);
      expect(started.body).toMatchObject({ status: 'running' });
      return created.body.id;
    },
    async enrol(flowId: string, personIds: string[]) {
      const res = await call('POST', `/api/flows/${flowId}/participants`, { personIds });
      expect(res.status).toBe(200);
      return res.body;
    },
    async participant(flowId: string, personId: string) {
      const res = await call('GET', `/api/flows/${flowId}/participants?limit=1000`);
      return (res.body.items as { personId: string; status: string; stepId: string | null; reason: string | null }[]).filter((p) => p.personId === personId).at(-1);
    },
    async messages(query: string) {
      return (await call('GET', `/api/messages?${query}&limit=1000`)).body.items as { channel: string; to: string; subject: string; status: string; key: string }[];
    },
    /** Fetches a public tracking address (no credentials), without following redirects. */
    async hit(method: 'GET' | 'POST', path: string, body?: string, headers: Record<string, string> = {}) {
      return fetch(context.app.url + path, { method, redirect: 'manual', body, headers });
    },
  };
  return helpers;
}

/** The decoded body of a received e-mail (quoted-printable soft breaks and escapes undone). */
export function decoded(mail: ReceivedMail): string {
  return mail.raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The tracking tokens of a kind in a mail, each once: a link stands in the HTML and again in the plain-text part. */
export function tokensIn(mail: ReceivedMail, kind: 'l' | 'o' | 'u'): string[] {
  return [...new Set([...decoded(mail).matchAll(new RegExp(`/${kind}/([A-Za-z0-9_-]{22})`, 'g'))].map((m) => m[1]!))];
}
