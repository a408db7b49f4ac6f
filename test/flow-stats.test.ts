import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { flowHelpers, tokensIn } from './support/flow-helpers.js';
import { useTestApp } from './support/lifecycle.js';
import { SmtpSink } from './support/smtp-sink.js';

const smtp = new SmtpSink();
beforeAll(async () => {
  await smtp.start();
});
afterAll(async () => smtp.stop());
const context = useTestApp({ CLOCK: 'manual', APP_TIMEZONE: 'Europe/Amsterdam', get SMTP_URL() { return smtp.url; } } as Record<string, string>);
const { call, advance, mailsTo, person, runningFlow, enrol, hit } = flowHelpers(context, smtp);

beforeAll(async () => {
  const body = '<p>Hallo, lees <a href="https://loket.example/tips">onze tips</a>.</p><p><a href="{{ unsubscribe_url }}">Afmelden</a></p>';
  for (const key of ['welkom', 'herinnering']) {
    expect((await call('POST', '/api/templates', { key, name: key, channel: 'email', subject: key, body })).status).toBe(201);
  }
});

describe('flow statistics', () => {
  it('counts per day in the application time zone and per e-mail step what its messages did', async () => {
    // Half past midnight on 2 March in Amsterdam is still 1 March in UTC.
    expect((await call('POST', '/api/clock/advance', { to: '2027-03-01T23:30:00Z' })).status).toBe(200);
    const flowId = await runningFlow('Cijfers', '  trigger manual\n  welkom: send email "welkom"\n  wait 1 days\n  tweede: send email "herinnering"\n');
    smtp.refuse.set('geweigerd@example.nl', 550);
    const names = ['lezer', 'geweigerd', 'stuiter', 'klager', 'afmelder', 'kijker'];
    const ids: Record<string, string> = {};
    for (const name of names) ids[name] = await person({ firstName: name, email: `${name}@example.nl` });
    await enrol(flowId, Object.values(ids));
    await advance('PT0S');

    const first = (name: string) => mailsTo(`${name}@example.nl`)[0]!;
    const link = tokensIn(first('lezer'), 'l')[0];
    expect((await hit('GET', `/l/${link}`)).status).toBe(302);
    expect((await hit('GET', `/l/${link}`)).status).toBe(302); // a second click of the same e-mail counts once
    expect((await hit('GET', `/o/${tokensIn(first('kijker'), 'o')[0]}`)).status).toBe(200);
    expect((await hit('POST', `/u/${tokensIn(first('afmelder'), 'u')[0]}`)).status).toBe(200);
    const messages = (await call('GET', `/api/messages?flowId=${flowId}&limit=100`)).body.items as { to: string; id: string; messageId: string }[];
    const messageTo = (name: string) => messages.find((m) => m.to === `${name}@example.nl`)!;
    expect((await call('POST', '/api/events', { type: 'email.bounced', data: { messageId: messageTo('stuiter').messageId, kind: 'hard', status: '5.1.1' } })).status).toBe(202);
    expect((await call('POST', '/api/events', { type: 'email.complained', data: { messageId: messageTo('klager').id } })).status).toBe(202);
    await advance('P1D');

    const stats = (await call('GET', `/api/flows/${flowId}/stats`)).body;
    expect(stats.enrolmentsPerDay).toEqual([{ date: '2027-03-02', n: 6 }]);
    expect(stats.messagesPerDay).toEqual([{ date: '2027-03-02', n: 5 }, { date: '2027-03-03', n: 2 }]);
    expect(stats.emailSteps).toEqual([
      { stepId: 'welkom', sent: 5, delivered: 4, bounced: 2, opened: 2, clicked: 1, unsubscribed: 1, complained: 1 },
      { stepId: 'tweede', sent: 2, delivered: 2, bounced: 0, opened: 0, clicked: 0, unsubscribed: 0, complained: 0 },
    ]);
    expect(mailsTo('lezer@example.nl')).toHaveLength(2);
    expect(mailsTo('kijker@example.nl')).toHaveLength(2);
  });
});
