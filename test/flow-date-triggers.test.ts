// Date triggers end to end: the daily scan on the manual clock, PostgreSQL, the test SMTP server.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { flowHelpers } from './support/flow-helpers.js';
import { useTestApp } from './support/lifecycle.js';
import { SmtpSink } from './support/smtp-sink.js';

const ZONE = 'Europe/Amsterdam';
const smtp = new SmtpSink();
beforeAll(async () => {
  await smtp.start();
});
afterAll(async () => smtp.stop());
const context = useTestApp({ CLOCK: 'manual', get SMTP_URL() { return smtp.url; }, APP_TIMEZONE: ZONE } as Record<string, string>);
const { call, person, runningFlow, participant, mailsTo } = flowHelpers(context, smtp);

const advanceTo = async (iso: string) => expect((await call('POST', '/api/clock/advance', { to: DateTime.fromISO(iso, { zone: ZONE }).toUTC().toISO() })).status).toBe(200);
const participations = async (flowId: string, personId: string) =>
  ((await call('GET', `/api/flows/${flowId}/participants?limit=1000`)).body.items as { personId: string }[]).filter((p) => p.personId === personId).length;

beforeAll(async () => {
  expect((await call('POST', '/api/templates', { key: 'herinnering', name: 'Herinnering', channel: 'email', subject: 'Uw contract', body: '<p>Beste {{ person.first_name }}</p>' })).status).toBe(201);
  // Monday 11 January 2027, 10:00 in Amsterdam: a known week for the workday sums.
  await advanceTo('2027-01-11T10:00');
});

describe('trigger <n> days before a date', () => {
  let flowId: string;
  beforeAll(async () => {
    flowId = await runningFlow('Contract loopt af', '  trigger 30 days before person.extra.contract_end\n  send email "herinnering"\n');
  });

  it('enrols on the right day, found by the daily scan through an index', async () => {
    const bas = await person({ firstName: 'Bas', email: 'bas@example.nl', extra: { contract_end: '2027-02-11' } });
    const nina = await person({ firstName: 'Nina', email: 'nina@example.nl', extra: { contract_end: '2027-03-01' } });
    await advanceTo('2027-01-11T23:59');
    expect(await participations(flowId, bas)).toBe(0);
    await advanceTo('2027-01-12T00:00');
    expect(await participant(flowId, bas)).toMatchObject({ status: 'completed' });
    expect(mailsTo('bas@example.nl')).toHaveLength(1);
    expect(await participations(flowId, nina)).toBe(0);
    const indexes = await context.db.query(`select indexname from pg_indexes where tablename = 'person' and indexdef like '%contract_end%'`);
    expect(indexes).toHaveLength(1);
  });

  it('enrols at once a person whose date, set during the day, lands on today; once per date value, and again for a new date', async () => {
    const cor = await person({ firstName: 'Cor', email: 'cor@example.nl', extra: { contract_end: '2027-02-11' } });
    await call('POST', '/api/clock/advance', { by: 'PT1H' });
    expect(await participations(flowId, cor)).toBe(1);
    // Another change on the same day with the same date: no second enrolment.
    expect((await call('PATCH', `/api/persons/${cor}`, { extra: { contract_end: '2027-02-11', klant: true } })).status).toBe(200);
    await call('POST', '/api/clock/advance', { by: 'PT1H' });
    expect(await participations(flowId, cor)).toBe(1);
    // A new date enrols again on its own day.
    expect((await call('PATCH', `/api/persons/${cor}`, { extra: { contract_end: '2027-02-14' } })).status).toBe(200);
    await advanceTo('2027-01-14T23:00');
    expect(await participations(flowId, cor)).toBe(1);
    await advanceTo('2027-01-15T00:00');
    expect(await participations(flowId, cor)).toBe(2);
  });
});

describe('trigger <n> workdays after a date of a sale', () => {
  it('counts workdays in APP_TIMEZONE: a sale dated Friday enrols two workdays later, on Tuesday', async () => {
    const flowId = await runningFlow('Na de verkoop', '  trigger 2 workdays after sale.date\n  send email "herinnering"\n');
    const dirk = await person({ firstName: 'Dirk', email: 'dirk@example.nl' });
    const sale = await call('POST', '/api/sales', { title: 'Zonnepanelen', type: 'Standaard', stage: 'sold', personId: dirk, date: DateTime.fromISO('2027-01-15T16:00', { zone: ZONE }).toUTC().toISO() });
    expect(sale.status).toBe(201);
    await advanceTo('2027-01-18T12:00');
    expect(await participations(flowId, dirk)).toBe(0);
    await advanceTo('2027-01-19T00:00');
    expect(await participant(flowId, dirk)).toMatchObject({ status: 'completed' });
  });
});

describe('the simulator', () => {
  it('starts the walk of a flow enrolled by dates on the day the person\'s date enrols them', async () => {
    const flowId = await runningFlow('Contract simulatie', '  trigger 10 days before person.extra.contract_end\n  send email "herinnering"\n');
    const now = DateTime.fromISO((await call('GET', '/api/clock')).body.now).setZone(ZONE);
    const end = now.plus({ days: 14 }).toISODate()!;
    const fay = await person({ firstName: 'Fay', email: 'fay@example.nl', extra: { contract_end: end } });
    const simulated = (await call('POST', `/api/flows/${flowId}/simulate`, { personId: fay, days: 30 })).body;
    expect(simulated).toMatchObject({ admitted: true, enrolsOn: now.plus({ days: 4 }).toISODate() });
    expect(simulated.steps[0].at).toBe(now.plus({ days: 4 }).startOf('day').toUTC().toISO({ suppressMilliseconds: false }));
    expect(simulated.messages).toHaveLength(1);
    expect((await call('POST', `/api/flows/${flowId}/simulate`, { personId: fay, days: 3 })).body).toMatchObject({ admitted: false, refusedReason: 'no_date_in_range' });
    expect(await participations(flowId, fay)).toBe(0);
  });
});

describe('trigger yearly on a date', () => {
  it('enrols on the birthday every year', async () => {
    const flowId = await runningFlow('Verjaardag', '  trigger yearly on person.extra.birthday\n  send email "herinnering"\n');
    const eva = await person({ firstName: 'Eva', email: 'eva@example.nl', extra: { birthday: '1980-01-21' } });
    await advanceTo('2027-01-20T12:00');
    expect(await participations(flowId, eva)).toBe(0);
    await advanceTo('2027-01-21T00:00');
    expect(await participations(flowId, eva)).toBe(1);
    await advanceTo('2028-01-21T00:00');
    expect(await participations(flowId, eva)).toBe(2);
    expect(mailsTo('eva@example.nl')).toHaveLength(2);
  }, 240_000); // a year of daily scans on the manual clock
});
