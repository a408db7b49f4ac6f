import { callService } from '../../test/support/burst.js';

export const QUOTE_REQUEST_STATUSES = [
  'Offertezoek - Offerte nog niet aangevraagd', 'Offertezoek - Offerte aangevraagd', 'Offertezoek - Offerte aanvraag in behandeling',
  'Offertezoek - In overweging bij bewoner', 'Offertezoek - Bewoner is akkoord', 'Offertezoek - Bewoner heeft afgewezen',
  'Offertezoek - Offerte niet mogelijk', 'Offertezoek - Geen reactie ontvangen', 'Offertezoek - Uitgevoerd',
  'Offertezoek - Offertezoek akkoord', 'Offertezoek - Offertezoek niet akkoord', 'Bezoek - Geen afspraak gemaakt',
  'Bezoek - Geen afspraak kunnen maken', 'Bezoek - Afspraak gemaakt', 'Bezoek - Afspraak uitgevoerd', 'Bezoek - Afspraak afgezegd',
  'Budgetaanvraag - Budgetaanvraag open',
];
const OPPORTUNITY_STATUSES = ['Nieuw', 'In behandeling', 'Offerte verstuurd', 'Gewonnen', 'Verloren'];
const INTAKE_MEASURE_STATUSES = ['Aangemeld', 'Intake gepland', 'Intake uitgevoerd', 'Maatregel uitgevoerd', 'Afgewezen'];

export const BENCH_TEMPLATE = 'bench-bericht';
/** A template with no record fields, for the workflows on other records. */
export const PLAIN_TEMPLATE = 'bench-algemeen';

/** One in ten workflows waits for a quote-request status; the others fire on other records' events. */
export const isQuoteRequestWorkflow = (i: number) => i % 10 === 0;

/**
 * The i-th benchmark workflow, as a user would write it. Quote-request workflows alternate between
 * a timed e-mail with reminders (a due job) and an e-mail sent now to the owner (the outbox), each
 * waiting for one status; the rest wait on opportunities, intake measures, tasks and persons.
 */
export function benchWorkflowSource(i: number): string {
  const name = `Bench ${String(i).padStart(4, '0')}`;
  if (isQuoteRequestWorkflow(i)) {
    const status = QUOTE_REQUEST_STATUSES[(i / 10) % QUOTE_REQUEST_STATUSES.length];
    return i % 20 === 0
      ? `workflow "${name}" {\n  on quote_request.status changed to "${status}"\n  after ${1 + (i % 5)} days send email "${BENCH_TEMPLATE}" to person\n  remind every 7 days at most 2 times\n}\n`
      : `workflow "${name}" {\n  on quote_request.status changed to "${status}"\n  when quote_request.kind = "Offertezoek"\n  send email "${BENCH_TEMPLATE}" to owner\n}\n`;
  }
  switch (i % 4) {
    case 0:
      return `workflow "${name}" {\n  on opportunity.status changed to "${OPPORTUNITY_STATUSES[i % 5]}"\n  after 2 days send email "${PLAIN_TEMPLATE}" to person\n}\n`;
    case 1:
      return `workflow "${name}" {\n  on intake_measure.status changed to "${INTAKE_MEASURE_STATUSES[i % 5]}"\n  send email "${PLAIN_TEMPLATE}" to owner\n}\n`;
    case 2:
      return `workflow "${name}" {\n  on task created\n  when task.type = "Bellen"\n  send email "${PLAIN_TEMPLATE}" to responsible\n}\n`;
    default:
      return `workflow "${name}" {\n  on person created\n  when person.email is not empty\n  send email "${PLAIN_TEMPLATE}" to person\n}\n`;
  }
}

/**
 * Installs benchmark workflows `from` … `to - 1` through the API, `parallel` at a time (with their
 * template, the first time).
 */
export async function installBenchWorkflows(url: string, to: number, from = 0, parallel = 4): Promise<void> {
  if (from === 0) {
    const template = await callService(url, 'POST', '/api/templates', { key: BENCH_TEMPLATE, name: 'Bench', channel: 'email', subject: 'Over {{ quote_request.status }}', body: '<p>Beste {{ person.full_name }},</p><p>Uw aanvraag heeft nu status {{ quote_request.status }}.</p>' });
    const plain = await callService(url, 'POST', '/api/templates', { key: PLAIN_TEMPLATE, name: 'Algemeen', channel: 'email', subject: 'Nieuws', body: '<p>Beste lezer, er is nieuws.</p>' });
    for (const res of [template, plain]) if (res.status !== 201) throw new Error(`template: ${res.status} ${JSON.stringify(res.body)}`);
  }
  let next = from;
  await Promise.all(Array.from({ length: parallel }, async () => {
    while (next < to) {
      const i = next++;
      const res = await callService(url, 'POST', '/api/workflows', { source: benchWorkflowSource(i) });
      if (res.status !== 201) throw new Error(`workflow ${i}: ${res.status} ${JSON.stringify(res.body)}`);
    }
  }));
}
