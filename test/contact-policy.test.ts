import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { flowHelpers } from './support/flow-helpers.js';
import { useTestApp } from './support/lifecycle.js';
import { SmtpSink } from './support/smtp-sink.js';

const smtp = new SmtpSink();
beforeAll(async () => {
  await smtp.start();
});
afterAll(async () => smtp.stop());
const context = useTestApp({ CLOCK: 'manual', APP_TIMEZONE: 'Europe/Amsterdam', get SMTP_URL() { return smtp.url; } } as Record<string, string>);
const { call, advance, mailsTo, person, runningFlow, enrol, participant, messages } = flowHelpers(context, smtp);

type HistoryItem = { at: string; channel: string; status: string; messageId?: string; flowId?: string; reason?: string; until?: string };
const history = async (personId: string) => (await call('GET', `/api/persons/${personId}/contact-history`)).body.items as HistoryItem[];
const setPolicy = async (lines: string) => {
  const res = await call('PUT', '/api/contact-policy', { source: `policy {\n${lines}}\n` });
  expect(res.status).toBe(200);
};

beforeAll(async () => {
  // Monday 1 March 2027, 08:00 in Amsterdam.
  expect((await call('POST', '/api/clock/advance', { to: '2027-03-01T07:00:00Z' })).status).toBe(200);
  for (const key of ['een', 'twee', 'drie', 'bevestiging', 'na-sms']) {
    expect((await call('POST', '/api/templates', { key, name: key, channel: 'email', subject: `Bericht ${key}`, body: `<p>${key}</p>` })).status).toBe(201);
  }
});

describe('the contact policy document', () => {
  it('is empty until saved, refuses a source with errors naming line and column, and keeps a valid one', async () => {
    expect((await call('GET', '/api/contact-policy')).body).toMatchObject({ source: 'policy {\n}\n', updatedAt: null });
    const bad = await call('PUT', '/api/contact-policy', { source: 'policy {\n  email at most 2 per 7 dayz\n}\n' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'source.invalid', details: { field: 'source', diagnostics: [expect.objectContaining({ line: 2, column: 25, code: 'unexpected-token' })] } });
    expect((await call('PUT', '/api/contact-policy', { text: 'x' })).status).toBe(400);
    const source = 'policy {\n  email at most 2 per 7 days\n  when limited defer\n}\n';
    expect((await call('PUT', '/api/contact-policy', { source })).body).toMatchObject({ source, updatedAt: '2027-03-01T07:00:00.000Z' });
    expect((await call('GET', '/api/contact-policy')).body.source).toBe(source);
  });

  it('refuses an unknown time zone on a person, naming the field', async () => {
    const res = await call('POST', '/api/persons', { firstName: 'Zone', timeZone: 'Europe/Atlantis' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'person.unknown_time_zone', details: { field: 'timeZone' } });
  });
});

describe('a flow under the contact policy, on the manual clock', () => {
  it('sends two marketing e-mails in 7 days, defers the third to the first allowed moment, and lets a transactional one through', async () => {
    await setPolicy('  email at most 2 per 7 days\n  when limited defer\n');
    const flowId = await runningFlow('Nieuwsbrieven', '  trigger manual\n  send email "een"\n  send email "twee"\n  derde: send email "drie"\n  send email "bevestiging" transactional\n');
    const bram = await person({ firstName: 'Bram', email: 'bram@example.nl' });
    await enrol(flowId, [bram]);
    await advance('PT0S');
    expect(mailsTo('bram@example.nl').map((m) => m.subject)).toEqual(['Bericht een', 'Bericht twee']);
    const waiting = await participant(flowId, bram) as unknown as { status: string; stepId: string; waitUntil: string; notes: { stepId: string; message: string }[] };
    expect(waiting).toMatchObject({ status: 'active', stepId: 'derde', waitUntil: '2027-03-08T07:00:00.000Z' });
    expect(waiting.notes).toEqual([expect.objectContaining({ stepId: 'derde', message: 'e-mail deferred until 2027-03-08T07:00:00.000Z by the contact policy (email at most 2 per 7 days)' })]);
    const deferred = (await history(bram)).filter((item) => item.status === 'deferred');
    expect(deferred).toEqual([{ at: '2027-03-01T07:00:00.000Z', channel: 'email', status: 'deferred', flowId, reason: 'email at most 2 per 7 days', until: '2027-03-08T07:00:00.000Z' }]);

    // A day before the window frees a place, nothing moves.
    await advance('P6D');
    expect(mailsTo('bram@example.nl')).toHaveLength(2);
    await advance('P1D');
    expect(mailsTo('bram@example.nl').map((m) => m.subject)).toEqual(['Bericht een', 'Bericht twee', 'Bericht drie', 'Bericht bevestiging']);
    const sent = await messages(`flowId=${flowId}`) as unknown as { subject: string; marketing: boolean; policyNote: string | null }[];
    expect(sent.find((m) => m.subject === 'Bericht drie')).toMatchObject({ marketing: true, policyNote: 'deferred at 2027-03-01T07:00:00.000Z by the contact policy (email at most 2 per 7 days)' });
    expect(sent.find((m) => m.subject === 'Bericht bevestiging')).toMatchObject({ marketing: false, policyNote: null });
    expect((await participant(flowId, bram))?.status).toBe('completed');
    const items = await history(bram);
    expect(items.map((item) => item.status)).toEqual(['sent', 'sent', 'sent', 'sent', 'deferred']);
    expect(items[1]).toMatchObject({ status: 'sent', channel: 'email', flowId, reason: expect.stringContaining('deferred at 2027-03-01') });
  });

  it('counts across flows: a second flow for the same person waits for the same window', async () => {
    await setPolicy('  email at most 1 per 1 day\n  gap at least 2 hours\n');
    const a = await runningFlow('Eerste', '  trigger manual\n  send email "een"\n');
    const b = await runningFlow('Tweede', '  trigger manual\n  send email "twee"\n');
    const carla = await person({ firstName: 'Carla', email: 'carla@example.nl' });
    await enrol(a, [carla]);
    await advance('PT0S');
    await enrol(b, [carla]);
    await advance('PT0S');
    expect(mailsTo('carla@example.nl').map((m) => m.subject)).toEqual(['Bericht een']);
    const now = Date.parse((await call('GET', '/api/clock')).body.now);
    expect(await participant(b, carla)).toMatchObject({ status: 'active', waitUntil: new Date(now + 86_400_000).toISOString() });
    await advance('P1D');
    expect(mailsTo('carla@example.nl').map((m) => m.subject)).toEqual(['Bericht een', 'Bericht twee']);
  });

  it('keeps quiet hours in the person\'s own time zone, and skips what it stops when the policy says skip', async () => {
    await setPolicy('  sms quiet hours 21:00-08:00\n  when limited skip\n');
    // 21:30 in Amsterdam is 15:30 in New York.
    const now = new Date((await call('GET', '/api/clock')).body.now);
    const target = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 20, 30));
    expect((await call('POST', '/api/clock/advance', { to: target.toISOString() })).status).toBe(200);
    const flowId = await runningFlow('Sms-actie', '  trigger manual\n  send sms "Actie voor {{ person.first_name }}"\n  send email "na-sms"\n');
    const dirk = await person({ firstName: 'Dirk', email: 'dirk@example.nl', mobile: '+31612345678' });
    const eve = await person({ firstName: 'Eve', email: 'eve@example.com', mobile: '+12025550123', timeZone: 'America/New_York' });
    await enrol(flowId, [dirk, eve]);
    await advance('PT0S');
    const sms = (await messages(`flowId=${flowId}`)).filter((m) => m.channel === 'sms');
    expect(sms.map((m) => m.to)).toEqual(['+12025550123']);
    // Dirk's SMS is skipped and he moves on: the e-mail after it goes (e-mail has no quiet hours here).
    expect(mailsTo('dirk@example.nl').map((m) => m.subject)).toEqual(['Bericht na-sms']);
    expect(await participant(flowId, dirk)).toMatchObject({ status: 'completed' });
    expect((await history(dirk)).find((item) => item.status === 'skipped')).toMatchObject({ channel: 'sms', flowId, reason: 'sms quiet hours 21:00-08:00' });
    expect((await history(eve)).filter((item) => item.status === 'skipped')).toEqual([]);
  });

  it('lets a flow choose its own answer to what the policy stops: skip where the policy defers, defer where it skips', async () => {
    // Still 21:30 in Amsterdam (the test before moved the clock there): inside the SMS quiet hours.
    await setPolicy('  sms quiet hours 21:00-08:00\n');
    const skipping = await runningFlow('Sms-overslaan', '  when limited skip\n  trigger manual\n  send sms "Hoi {{ person.first_name }}"\n');
    const ria = await person({ firstName: 'Ria', email: 'ria@example.nl', mobile: '+31612345679' });
    await enrol(skipping, [ria]);
    await advance('PT0S');
    expect(await participant(skipping, ria)).toMatchObject({ status: 'completed' });
    expect((await history(ria)).find((item) => item.status === 'skipped')).toMatchObject({ channel: 'sms', flowId: skipping });

    await setPolicy('  sms quiet hours 21:00-08:00\n  when limited skip\n');
    const deferring = await runningFlow('Sms-uitstellen', '  when limited defer\n  trigger manual\n  send sms "Hoi {{ person.first_name }}"\n');
    const bas = await person({ firstName: 'Bas', email: 'bas@example.nl', mobile: '+31612345670' });
    await enrol(deferring, [bas]);
    await advance('PT0S');
    expect(await participant(deferring, bas)).toMatchObject({ status: 'active' });
    expect((await history(bas)).find((item) => item.status === 'deferred')).toMatchObject({ channel: 'sms', flowId: deferring });
    expect((await messages(`flowId=${deferring}`)).filter((m) => m.channel === 'sms')).toEqual([]);
  });

  it('answers 404 for the history of an unknown person', async () => {
    expect((await call('GET', '/api/persons/999999/contact-history')).status).toBe(404);
  });
});
