import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { useTestApp } from './support/lifecycle.js';
import { SmtpSink } from './support/smtp-sink.js';
import { ADMIN_TOKEN } from './support/test-app.js';

// Records chosen by name (the `q` search behind the pickers), previews on a record kind with the
// reasons of empty variables, and one message's detail with its delivery attempts.
const smtp = new SmtpSink();
beforeAll(async () => {
  await smtp.start();
});
afterAll(async () => smtp.stop());
const context = useTestApp({ CLOCK: 'manual', get SMTP_URL() { return smtp.url; } } as Record<string, string>);
const call = (method: string, path: string, body?: unknown) => context.app.call(method, path, body);

async function make(path: string, body: unknown): Promise<{ id: string } & Record<string, unknown>> {
  const res = await call('POST', path, body);
  if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((i) => i.id).sort();

let jan: { id: string };
let anna: { id: string };
let owner: { id: string };

beforeAll(async () => {
  owner = await make('/api/employees', { name: 'Olga Eigenaar', email: 'olga@loket.test', mobile: '+31600000001' });
  jan = await make('/api/persons', { firstName: 'Jan', lastName: 'Jansen', email: 'jan.jansen@voorbeeld.test' });
  anna = await make('/api/persons', { firstName: 'Anna', lastName: 'Janssens', email: 'anna@elders.test', mobile: '+31611111111' });
  await make('/api/persons', { firstName: 'Piet', lastName: 'Pietersen', email: 'piet@voorbeeld.test' });
});

describe('q finds records by name (the type-ahead pickers)', () => {
  it('finds persons by part of a name, by first and last name together, and by e-mail', async () => {
    expect(ids(await call('GET', '/api/persons?q=jans'))).toEqual([jan.id, anna.id].sort());
    expect(ids(await call('GET', '/api/persons?q=jan%20jansen'))).toEqual([jan.id]);
    expect(ids(await call('GET', '/api/persons?q=JANSEN%20jan'))).toEqual([jan.id]);
    expect(ids(await call('GET', '/api/persons?q=elders.test'))).toEqual([anna.id]);
    expect((await call('GET', '/api/persons?q=100%25')).body.total).toBe(0);
  });

  it("finds quote requests and opportunities by their person's name, kind or status, and tasks by title or contact", async () => {
    const offerte = await make('/api/quote-requests', { kind: 'Offertezoek', status: 'Offertezoek - Offerte aangevraagd', personId: jan.id, ownerId: owner.id });
    const bezoek = await make('/api/quote-requests', { kind: 'Bezoek', status: 'Bezoek - Afspraak gemaakt', personId: anna.id });
    expect(ids(await call('GET', '/api/quote-requests?q=jan%20jansen'))).toEqual([offerte.id]);
    expect(ids(await call('GET', '/api/quote-requests?q=jans'))).toEqual([offerte.id, bezoek.id].sort());
    expect(ids(await call('GET', '/api/quote-requests?q=afspraak'))).toEqual([bezoek.id]);
    expect(ids(await call('GET', '/api/quote-requests?q=offertezoek%20jan&kind=Offertezoek'))).toEqual([offerte.id]);
    const kans = await make('/api/opportunities', { status: 'Nieuw', personId: anna.id });
    expect(ids(await call('GET', '/api/opportunities?q=janssens'))).toEqual([kans.id]);
    await make('/api/task-types', { name: 'Picker-bellen' });
    const task = await make('/api/tasks', { type: 'Picker-bellen', title: 'Terugbellen over zonnepanelen', contactId: jan.id });
    expect(ids(await call('GET', '/api/tasks?q=zonnepanelen'))).toEqual([task.id]);
    expect(ids(await call('GET', '/api/tasks?q=jansen'))).toEqual([task.id]);
  });
});

describe('q among 10,000 persons and their quote requests', () => {
  it('finds one person and their quote request by name, each answer well within a second', async () => {
    const db = new pg.Client({ connectionString: context.db.url });
    await db.connect();
    try {
      await db.query(`insert into "person" ("created_at", "updated_at", "first_name", "last_name", "email", "interests", "extra")
        select now(), now(), 'Voornaam' || n, 'Achternaam' || n, 'persoon' || n || '@massa.test', '[]', '{}' from generate_series(1, 10000) as n`);
      await db.query(`insert into "quote_request" ("created_at", "updated_at", "kind", "status_id", "person_id")
        select now(), now(), 'Offertezoek', (select "id" from "status" where "name" = 'Offertezoek - Offerte aangevraagd'), "id" from "person" where "email" like '%@massa.test'`);
    } finally {
      await db.end();
    }
    const timed = async (path: string) => {
      const started = performance.now();
      const res = await call('GET', path);
      return { ms: performance.now() - started, res };
    };
    await timed('/api/persons?q=warm'); // the first query of a kind prepares the ORM's metadata
    const persons = await timed('/api/persons?q=voornaam4321%20achternaam4321');
    expect(persons.res.body.items.map((p: { email: string }) => p.email)).toEqual(['persoon4321@massa.test']);
    const requests = await timed('/api/quote-requests?q=achternaam4321%20aangevraagd');
    expect(requests.res.body.total).toBe(1);
    const byMail = await timed('/api/persons?q=persoon99&limit=20');
    expect(byMail.res.body.total).toBe(111); // persoon99, persoon990…999, persoon9900…9999
    console.log(`q over 10,000 rows: persons ${persons.ms.toFixed(0)} ms, quote requests ${requests.ms.toFixed(0)} ms, by e-mail ${byMail.ms.toFixed(0)} ms`);
    for (const { ms } of [persons, requests, byMail]) expect(ms).toBeLessThan(1000);
  });
});

describe('preview on the record kind the template is used with', () => {
  let template: { id: string };
  let quoteRequest: { id: string };
  // A draft in the editor may name what its workflow cannot give (the checker refuses that on save).
  const draft = { body: '<p>{{ person.full_name }}: {{ quote_request.status }} ({{ owner.name }}) {{ person.mobile }} {{ task.title }}</p>' };

  beforeAll(async () => {
    template = await make('/api/templates', {
      key: 'offerte-status', name: 'Offerte status', channel: 'email',
      subject: 'Uw {{ quote_request.kind }}',
      body: '<p>{{ person.full_name }}: {{ quote_request.status }} ({{ owner.name }}) {{ person.mobile }}</p>',
    });
    await make('/api/workflows', { source: 'workflow "Offerte status" {\n  on quote_request.status changed to "Offertezoek - Offerte aangevraagd"\n  send email "offerte-status" to person\n}' });
    quoteRequest = await make('/api/quote-requests', { kind: 'Offertezoek', status: 'Offertezoek - Offerte aangevraagd', personId: jan.id });
  });

  it('previews a quote-request workflow template on a sample quote request, and says why a variable is empty', async () => {
    const res = await context.app.call('POST', `/api/templates/${template.id}/preview`, draft, undefined, { language: 'nl' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ subject: 'Uw Offertezoek', record: { type: 'quote_request', id: null, sample: true }, usedWith: ['quote_request'] });
    expect(res.body.body).toContain('Anna de Vries: Offertezoek - Offerte aangevraagd (Sanne Jansen)');
    expect(res.body.empty).toEqual([{
      variable: 'task.*', code: 'preview.not_used_with', params: { record: 'task', kind: 'quote_request' },
      reason: 'task.* is niet beschikbaar: deze sjabloon wordt niet gebruikt in een taak-workflow',
    }]);
  });

  it("previews on a chosen quote request with its person's real data, naming what is empty there", async () => {
    const res = await context.app.call('POST', `/api/templates/${template.id}/preview`, { ...draft, recordType: 'quote_request', recordId: quoteRequest.id }, undefined, { language: 'nl' });
    expect(res.status).toBe(200);
    expect(res.body.record).toEqual({ type: 'quote_request', id: quoteRequest.id, sample: false });
    expect(res.body.body).toContain('Jan Jansen: Offertezoek - Offerte aangevraagd ()');
    expect(res.body.empty.map((e: { reason: string }) => e.reason)).toEqual([
      'person.mobile is leeg bij deze persoon',
      'owner.* is leeg: deze kansactie heeft geen eigenaar',
      'task.* is niet beschikbaar bij een kansactie',
    ]);
  });

  it('gives the reasons in English when asked, and previews on a person', async () => {
    const res = await fetch(`${context.app.url}/api/templates/${template.id}/preview`, {
      method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json', 'accept-language': 'en' },
      body: JSON.stringify({ ...draft, recordType: 'person', recordId: anna.id }),
    });
    const body = (await res.json()) as { body: string; empty: { reason: string }[] };
    expect(body.body).toContain('Anna Janssens:');
    expect(body.empty.map((e) => e.reason)).toEqual(['quote_request.* is not available for a person', 'owner.* is not available for a person', 'task.* is not available for a person']);
  });

  it('refuses a half or unknown record choice with a 400 naming the field, and a missing record with a 404', async () => {
    const half = await call('POST', `/api/templates/${template.id}/preview`, { recordType: 'task' });
    expect(half.status).toBe(400);
    expect(half.body.message).toContain('recordId');
    expect((await call('POST', `/api/templates/${template.id}/preview`, { recordType: 'ship', recordId: '1' })).status).toBe(400);
    expect((await call('POST', `/api/templates/${template.id}/preview`, { recordType: 'task', recordId: '999999' })).status).toBe(404);
  });

  it('explains a rule on that quote request with each condition as data, for the UI to word', async () => {
    const rule = await make('/api/workflows', { source: 'workflow "Offerte uitleg" {\n  on quote_request.status changed to "Offertezoek - Offerte aangevraagd"\n  when quote_request.kind = "Offertezoek" and not person.mobile is empty\n  send email "offerte-status" to person\n}' });
    const res = await call('POST', `/api/workflows/${rule.id}/explain`, { entity: 'quote_request', id: quoteRequest.id });
    expect(res.status).toBe(200);
    expect(res.body.conditions.map((c: { test: unknown; holds: boolean }) => [c.test, c.holds])).toEqual([
      [{ kind: 'trigger', field: 'quote_request.status', to: 'Offertezoek - Offerte aangevraagd' }, true],
      [{ kind: 'compare', field: 'quote_request.kind', operator: '=', value: 'Offertezoek' }, true],
      [{ kind: 'empty', field: 'person.mobile', negated: false, inverted: true }, false],
    ]);
    expect(res.body.matches).toBe(false);
  });

  it('test-sends on a chosen record, the message naming its person', async () => {
    const sent = await call('POST', `/api/templates/${template.id}/test-send`, { to: 'test@loket.test', recordType: 'quote_request', recordId: quoteRequest.id });
    expect(sent.status).toBe(200);
    const message = await call('GET', `/api/messages/${sent.body.messageId}`);
    expect(message.body).toMatchObject({ subject: '[TEST] Uw Offertezoek', personId: jan.id, person: { id: jan.id, name: 'Jan Jansen' } });
  });
});

describe('GET /api/messages/:id', () => {
  it('shows the body, the headers sent, and every attempt with its time and error, after a failing then succeeding delivery', async () => {
    await make('/api/templates', { key: 'welkom-detail', name: 'Welkom', channel: 'email', subject: 'Welkom {{ person.first_name }}', body: '<p>Hallo {{ person.first_name }}</p>' });
    const workflow = await make('/api/workflows', { source: 'workflow "Welkom detail" {\n  on person created\n  when person.category = "Detail"\n  send email "welkom-detail" to person\n}' });
    await call('POST', '/api/clock/advance', { by: 'PT0S' }); // what earlier tests queued goes out first
    smtp.failNext = 1;
    const person = await make('/api/persons', { firstName: 'Dirk', lastName: 'Detail', email: 'dirk@detail.test', category: 'Detail' });
    const t0 = (await call('POST', '/api/clock/advance', { by: 'PT0S' })).body.now;
    const listed = await call('GET', '/api/messages?to=dirk@detail.test');
    expect(listed.body.items).toHaveLength(1);
    const id = listed.body.items[0].id;
    let detail = await call('GET', `/api/messages/${id}`);
    expect(detail.body).toMatchObject({ status: 'queued', attempts: 1, error: expect.stringMatching(/451/) });
    expect(detail.body.deliveryAttempts).toEqual([{ at: t0, outcome: 'failed', error: expect.stringMatching(/451 Mailbox temporarily unavailable/), transport: null }]);

    const t1 = (await call('POST', '/api/clock/advance', { by: 'PT1M' })).body.now;
    detail = await call('GET', `/api/messages/${id}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      status: 'sent', body: '<p>Hallo Dirk</p>', to: 'dirk@detail.test',
      person: { id: person.id, name: 'Dirk Detail', email: 'dirk@detail.test' },
      workflow: { id: workflow.id, name: 'Welkom detail' }, flow: null,
    });
    expect(detail.body.deliveryAttempts).toHaveLength(2);
    expect(detail.body.deliveryAttempts[1]).toMatchObject({ outcome: 'sent', error: null, transport: 'smtp' });
    expect(new Date(detail.body.deliveryAttempts[1].at).getTime()).toBeGreaterThan(new Date(t0).getTime());
    expect(new Date(detail.body.deliveryAttempts[1].at).getTime()).toBeLessThanOrEqual(new Date(t1).getTime());
    const header = (name: string) => detail.body.headers.find((h: { name: string }) => h.name === name)?.value;
    expect(header('To')).toBe('dirk@detail.test');
    expect(header('Subject')).toBe('Welkom Dirk');
    expect(header('Message-ID')).toBe(detail.body.messageId);
    const received = smtp.received.find((m) => m.to.includes('dirk@detail.test'))!;
    expect(received.messageId).toBe(header('Message-ID'));
  });

  it('answers 404 for an unknown message and names it', async () => {
    expect((await call('GET', '/api/messages/999999')).status).toBe(404);
    expect((await call('GET', '/api/messages/abc')).status).toBe(404);
  });

  it("drops a deleted person's messages with their attempts", async () => {
    const person = await make('/api/persons', { firstName: 'Weg', email: 'weg@detail.test' });
    const template = (await call('GET', '/api/templates?key=welkom-detail')).body.items[0];
    const sent = await call('POST', `/api/templates/${template.id}/test-send`, { to: 'weg@detail.test', personId: person.id });
    await call('POST', '/api/clock/advance', { by: 'PT1S' });
    expect((await call('GET', `/api/messages/${sent.body.messageId}`)).body.deliveryAttempts).toHaveLength(1);
    expect((await call('DELETE', `/api/persons/${person.id}`)).status).toBe(204);
    expect((await call('GET', `/api/messages/${sent.body.messageId}`)).status).toBe(404);
  });
});
