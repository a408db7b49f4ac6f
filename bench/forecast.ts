/**
 * The flow forecast at its budget: the built service (a child process) on a fresh PostgreSQL
 * database, a flow of 14 steps (e-mails, an SMS, waits, a wait for a click, a split on the
 * person's data, a random split with a holdout), and `POST /api/flows/:id/simulate {selectionId,
 * days: 90}` for a selection of N members (10,000; 100,000 with --full). Beside it, in the same
 * run, the single-person simulation (the same walk, one request per person, rendering every message) for a sample of
 * the same members, its mean time multiplied by N: what forecasting the selection one person at a
 * time would take. Target: the forecast of 10,000 persons × 90 days in under 10 s.
 *   npm run bench:forecast [-- --full] [-- --members 20000]
 */
import pg from 'pg';
import { callService, ServiceFleet } from '../test/support/burst.js';
import { createTestDatabase } from '../test/support/test-database.js';
import { CAMPAIGN_TEMPLATE } from './support/campaign-mail.js';
import { sizeOption } from './support/options.js';
import { fmt, ratio } from './support/stats.js';
import { reportResult } from './support/report.js';

const MEMBERS = sizeOption('members', 10_000, 100_000);
const SAMPLE = 20;
const BUDGET_S = 10;

const FLOW = `flow "Voorspelling" {
  sender "Bench <bench@stroom.test>"
  reply_to "bench@stroom.test"
  sms_sender "Bench"
  send_window workdays 08:00-20:00
  trigger manual
  filter person.category in ["Lead", "Prospect"]
  success when person.category changed to "Klant"

  welkom: send email "campagne"
  wait 2 days
  wait for link clicked in welkom at most 5 days else continue
  soort: split "Soort" {
    branch "Leads" when person.category = "Lead" {
      lead: send email "campagne" subject "Voor leads"
      wait 3 workdays
    }
    others {
      prospect: send sms "Hallo {{ person.first_name }}" if no mobile skip
    }
  }
  proef: split random "Proef" {
    branch "Kort" 45% {
      kort: send email "campagne" subject "Kort"
    }
    branch "Lang" 45% {
      lang: send email "campagne" subject "Lang"
      wait 1 week
    }
    holdout 10%
  }
  wait 30 days
  laatste: send email "campagne" subject "Nog één keer"
  wait 60 days
}
`;

/** N persons in one selection: leads, prospects and customers, some without a mobile number. */
async function seed(databaseUrl: string): Promise<{ selectionId: string; sample: string[] }> {
  const sql = new pg.Client({ connectionString: databaseUrl });
  await sql.connect();
  try {
    await sql.query(`insert into "person" ("first_name", "last_name", "email", "mobile", "category", "unsubscribed", "interests", "extra", "created_at", "updated_at")
      select 'P' || g, 'Voorspelling', 'f' || g || '@bench.test', case when g % 2 = 0 then '+316' || lpad(g::text, 8, '0') end,
        (array['Lead', 'Prospect', 'Klant'])[g % 3 + 1], false, '[]', '{}', now(), now() from generate_series(0, $1::int - 1) g`, [MEMBERS]);
    const selection = await sql.query(`insert into "selection" ("name", "created_at", "updated_at") values ('Voorspelling', now(), now()) returning "id"`);
    const selectionId = String(selection.rows[0].id);
    await sql.query(`insert into "selection_member" ("selection_id", "person_id", "added_at") select $1, "id", now() from "person" where "email" like '%@bench.test'`, [selectionId]);
    await sql.query('analyze');
    const sample = await sql.query(`select "id"::text as "id" from "person" where "email" like '%@bench.test' and "category" <> 'Klant' order by "id" limit $1`, [SAMPLE]);
    return { selectionId, sample: sample.rows.map((row) => String(row.id)) };
  } finally {
    await sql.end();
  }
}

const fleet = new ServiceFleet();
const db = await createTestDatabase();
try {
  const { url } = await fleet.start({ DATABASE_URL: db.url, MAIL_FROM: 'Bench <bench@stroom.test>', LOG_LEVEL: 'warn' });
  const { selectionId, sample } = await seed(db.url);
  const template = await callService(url, 'POST', '/api/templates', CAMPAIGN_TEMPLATE);
  if (template.status !== 201) throw new Error(`template: ${template.status} ${JSON.stringify(template.body)}`);
  const flow = await callService(url, 'POST', '/api/flows', { source: FLOW });
  if (flow.status !== 201) throw new Error(`flow: ${flow.status} ${JSON.stringify(flow.body)}`);
  const simulate = (body: unknown) => callService(url, 'POST', `/api/flows/${flow.body.id}/simulate`, body);

  // Warm-up of both paths (JIT, caches).
  await simulate({ personId: sample[0], days: 90 });
  await simulate({ selectionId, days: 7 });

  const t0 = performance.now();
  const forecast = await simulate({ selectionId, days: 90 });
  const forecastSeconds = (performance.now() - t0) / 1000;
  if (forecast.status !== 200) throw new Error(`forecast: ${forecast.status} ${JSON.stringify(forecast.body)}`);
  if (forecast.body.persons !== MEMBERS) throw new Error(`forecast covered ${forecast.body.persons} of ${MEMBERS}`);

  const t1 = performance.now();
  for (const personId of sample) {
    const one = await simulate({ personId, days: 90 });
    if (one.status !== 200 || one.body.truncated) throw new Error(`simulation of ${personId}: ${one.status} ${JSON.stringify(one.body).slice(0, 200)}`);
  }
  const perPerson = (performance.now() - t1) / 1000 / SAMPLE;
  const oneByOne = perPerson * MEMBERS;

  const messages = forecast.body.perDay.reduce((n: number, day: { messages: number }) => n + day.messages, 0);
  console.log(`members: ${fmt(MEMBERS)}, admitted ${fmt(forecast.body.admitted)}, ${fmt(messages)} messages in 90 days; outcomes ${JSON.stringify(forecast.body.outcomes)}`);
  console.log(`one person at a time (a request each):            ${fmt(perPerson * 1000, 1)} ms per person, ${fmt(oneByOne, 1)} s for all (measured on ${SAMPLE})`);
  console.log(`forecast of the selection (pure core):        ${fmt(forecastSeconds, 2)} s (${fmt(MEMBERS / forecastSeconds)} persons/s; budget ${BUDGET_S} s for 10,000)`);
  console.log(`ratio: ${ratio(oneByOne, forecastSeconds)} (one-at-a-time time / forecast time; target: 10,000 × 90 days < ${BUDGET_S} s)`);
  const budget = (BUDGET_S * MEMBERS) / 10_000;
  reportResult({
    key: 'forecast', figure: `forecast: a flow of 14 steps for a selection of ${fmt(MEMBERS)} × 90 days, vs simulating them one at a time`,
    value: `${fmt(forecastSeconds, 2)} s`, baseline: `${fmt(oneByOne, 1)} s`, ratio: oneByOne / forecastSeconds,
    target: `< ${fmt(budget)} s`, met: forecastSeconds < budget,
  });
} finally {
  await fleet.stopAll('SIGTERM');
  await db.drop();
}
