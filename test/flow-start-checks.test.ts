import { beforeAll, describe, expect, it } from '@jest/globals';
import { useTestApp } from './support/lifecycle.js';
import { ADMIN_TOKEN } from './support/test-app.js';

const context = useTestApp({ CLOCK: 'manual' });
const call = (method: string, path: string, body?: unknown) => context.app.call(method, path, body);

async function upload(name: string, megabytes: number): Promise<void> {
  const content = Buffer.alloc(Math.round(megabytes * 1024 * 1024), 0x20);
  content.write('%PDF-1.4\n');
  const form = new FormData();
  form.append('file', new Blob([content], { type: 'application/pdf' }), name);
  const res = await fetch(`${context.app.url}/api/files`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}` }, body: form });
  expect(res.status).toBe(201);
}

type Problem = { stepId: string | null; setting: string; message: string };

/** Saves the flow (which must succeed) and answers the problems of its refused start (none when it starts). */
async function startProblems(source: string): Promise<Problem[]> {
  const saved = await call('POST', '/api/flows', { source });
  expect(saved.status).toBe(201);
  const started = await call('POST', `/api/flows/${saved.body.id}/start`);
  if (started.status === 200) return [];
  expect(started.status).toBe(409);
  return started.body.details.problems;
}

const flow = (name: string, settings: string[], steps: string[]) =>
  [`flow "${name}" {`, ...settings.map((l) => `  ${l}`), '  trigger manual', ...steps.map((l) => `  ${l}`), '}', ''].join('\n');
const ADDRESSES = ['sender "Loket <info@loket.example>"', 'reply_to "info@loket.example"'];

beforeAll(async () => {
  expect((await call('POST', '/api/templates', { key: 'welkom', name: 'Welkom', channel: 'email', subject: 'Welkom', body: '<p>Hallo</p>' })).status).toBe(201);
  await upload('brochure.pdf', 13);
  await upload('folder.pdf', 1);
});

describe('a start checks the values of the settings, not only that they are there', () => {
  it('refuses an SMS sender that is no sender id or number, in the flow and in a step, naming the step', async () => {
    const problems = await startProblems(flow('Sms-afzender', ['sms_sender "Energieloket Noord"'], ['berichtje: send sms "Hoi" from "06-12345678"', 'send sms "Nog eens"']));
    expect(problems).toEqual([
      expect.objectContaining({ stepId: null, setting: 'invalid-sms-sender', message: expect.stringContaining('"Energieloket Noord"') }),
      expect.objectContaining({ stepId: 'berichtje', setting: 'invalid-sms-sender', message: expect.stringContaining('"06-12345678"') }),
    ]);
    expect(await startProblems(flow('Sms-goed', ['sms_sender "Loket"'], ['send sms "Hoi" from "+31201234567"', 'send sms "Nog eens"']))).toEqual([]);
  });

  it('refuses attachments that are not uploaded or together over 25 MB', async () => {
    // Saved while "tarieven.pdf" is still to be uploaded (a warning); uploaded afterwards, it takes the step over 25 MB.
    const saved = await call('POST', '/api/flows', { source: flow('Bijlagen', ADDRESSES, [
      'groot: send email "welkom" attach "brochure.pdf" attach "tarieven.pdf"',
      'weg: send email "welkom" attach "bestaat-niet.pdf"',
    ]) });
    expect(saved.status).toBe(201);
    expect(saved.body.warnings.map((w: { code: string }) => w.code)).toEqual(['unknown-file', 'unknown-file']);
    await upload('tarieven.pdf', 13);
    const started = await call('POST', `/api/flows/${saved.body.id}/start`);
    expect(started.status).toBe(409);
    const problems: Problem[] = started.body.details.problems;
    expect(problems).toEqual([
      expect.objectContaining({ stepId: 'groot', setting: 'attachments-too-large' }),
      expect.objectContaining({ stepId: 'weg', setting: 'unknown-file', message: expect.stringContaining('"bestaat-niet.pdf"') }),
    ]);
    expect(await startProblems(flow('Bijlagen-goed', ADDRESSES, ['send email "welkom" attach "brochure.pdf" attach "folder.pdf"']))).toEqual([]);
  });

  it('refuses a sender, reply-to or named address that is not an e-mail address already on save, with the field named', async () => {
    for (const source of [
      flow('Afzender', ['sender "Loket <info@>"', 'reply_to "info@loket.example"'], ['send email "welkom"']),
      flow('Antwoord', ['sender "Loket <info@loket.example>"', 'reply_to "Loket"'], ['send email "welkom"']),
      flow('Melding', ADDRESSES, ['notify email to "team at loket" template "welkom"']),
    ]) {
      const res = await call('POST', '/api/flows', { source });
      expect(res.status).toBe(400);
      expect(res.body.details.diagnostics).toEqual([expect.objectContaining({ code: 'invalid-email-address', line: expect.any(Number) })]);
    }
  });
});
