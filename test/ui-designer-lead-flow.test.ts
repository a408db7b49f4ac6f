import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Locator, Page } from 'playwright-core';
import { axeViolations, dragTo, launchChromium, logIn, until } from './support/browser.js';
import { flowHelpers, tokensIn } from './support/flow-helpers.js';
import { useTestApp } from './support/lifecycle.js';
import { SmtpSink } from './support/smtp-sink.js';

// The lead flow of the product's documentation, built by a marketer in Chromium from nothing, by
// drag and drop and forms only: a form trigger, a filter on the category, an e-mail, a wait for a
// click of at most 7 days that leaves as dropout into a selection, a split on data with "Alle
// anderen", a sale, success when a sale is created, and the end. Saved with warnings, refused at
// start, fixed, started; persons enrolled from the flow page's dialog; then the API shows the
// participants moving and the SMTP server receives the e-mails (on the manual clock).

const SCREENSHOTS = join(process.cwd(), 'docs', 'screenshots');
const smtp = new SmtpSink();
beforeAll(async () => {
  await smtp.start();
});
afterAll(async () => smtp.stop());
const context = useTestApp({ CLOCK: 'manual', get SMTP_URL() { return smtp.url; } } as Record<string, string>);
const { call, advance, mailsTo, person, participant, hit } = flowHelpers(context, smtp);
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
let flowId: string;
let templateKey: string;
const people: Record<'anna' | 'bert' | 'cees', string> = { anna: '', bert: '', cees: '' };

beforeAll(async () => {
  expect((await call('POST', '/api/forms', { key: 'contact', name: 'Neem contact met me op' })).status).toBe(201);
  expect((await call('POST', '/api/selections', { name: 'Geen reactie' })).status).toBe(201);
  people.anna = await person({ firstName: 'Anna', lastName: 'Warm', email: 'anna@example.nl', category: 'lead', interests: ['warmtepomp'] });
  people.bert = await person({ firstName: 'Bert', lastName: 'Stil', email: 'bert@example.nl', category: 'lead' });
  people.cees = await person({ firstName: 'Cees', lastName: 'Klant', email: 'cees@example.nl', category: 'klant' });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1500, height: 1500 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await logIn(page, context.app.url);
});
afterAll(async () => browser?.close());

const panel = () => page.locator('aside.panel');
const palette = (key: string) => page.locator(`[data-palette="${key}"]`);
const slot = (name: string) => page.locator(`[data-slot="${name}"]`);
const cards = () => page.locator('.canvas [data-step]');

function field(scope: Locator, label: string): Locator {
  return scope.locator('input, textarea').and(scope.getByLabel(label, { exact: true }));
}

async function type(scope: Locator, label: string, text: string): Promise<void> {
  await field(scope, label).fill(text);
  await field(scope, label).press('Tab');
}

async function choose(scope: Locator, label: string, option: string): Promise<void> {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function pick(scope: Locator, label: string, typed: string, option: string): Promise<void> {
  await field(scope, label).fill('');
  await field(scope, label).pressSequentially(typed);
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Drags a box of the step menu onto a slot and waits for the new card (its settings open). */
async function place(key: string, target: Locator): Promise<string> {
  const before = await cards().count();
  await dragTo(page, palette(key), target);
  await until(async () => (await cards().count()) === before + 1);
  return (await panel().locator('.step-id').textContent())!.trim();
}

async function dslText(): Promise<string> {
  await page.getByRole('tab', { name: 'DSL' }).click();
  const text = await page.getByLabel('DSL-tekst van de flow').inputValue();
  await page.getByRole('tab', { name: 'Diagram' }).click();
  return text;
}

/** The lead flow as the forms must write it (the step ids are the designer's own). */
const LEAD_FLOW = (reply: string, template: string) => [
  'flow "Leads opvolgen" {',
  '  sender "Energieloket <info@energieloket.example>"',
  ...(reply ? [`  reply_to "${reply}"`] : []),
  '  trigger form "contact" submitted',
  '  filter person.category = "lead"',
  '  success when sale created',
  '',
  `  s1: send email "${template}"`,
  '  s2: wait for link clicked in s1 at most 7 days else leave {',
  '    add to selection "Geen reactie"',
  '  }',
  '  s3: split "Soort lead" {',
  '    branch "Warmtepomp" when person.interests contains "warmtepomp" {',
  '      s4: create sale "Warmtepomp" type "Advies" stage open amount 2500',
  '    }',
  '    others continue',
  '  }',
  '  s5: complete',
  '}',
  '',
].join('\n');

describe('the lead flow, built in the designer', () => {
  it('is built from nothing by drag and drop and forms only', async () => {
    await page.goto(`${context.app.url}/flows/new`);
    await page.getByRole('heading', { name: 'Nieuwe flow' }).waitFor();
    await type(page.locator('.designer-head'), 'Naam', 'Leads opvolgen');

    // The start: a form trigger, a filter on the category (a builder row), the sender, success on a sale.
    await page.getByRole('button', { name: /Start van de flow/ }).click();
    await choose(panel(), 'Trigger', 'Formulier ingevuld');
    await choose(panel(), 'Formulier', 'Neem contact met me op (contact)');
    const filter = panel().locator('[data-condition="filter"]');
    await filter.getByRole('button', { name: 'Regel toevoegen' }).click();
    await type(filter, 'Waarde 1', 'lead');
    await type(panel(), 'Afzender', 'Energieloket <info@energieloket.example>');
    await panel().getByRole('checkbox', { name: 'Verkoop gemaakt' }).check();

    // The e-mail, under the key of a template that is still to be written.
    expect(await place('send_email', slot('flow:0'))).toBe('s1');
    await type(panel(), 'Sleutel van het sjabloon (ook een nog te schrijven)', 'welkom-lead');

    // Wait for a click in that e-mail, at most 7 days (the default); then leave as dropout into a selection.
    expect(await place('wait_for', slot('flow:1'))).toBe('s2');
    await choose(panel(), 'Van de e-mail in stap', 's1: welkom-lead');
    expect(await field(panel(), 'Maximaal wachten').inputValue()).toBe('7');
    await choose(panel(), 'Na de maximale wachttijd', 'De flow verlaten (uitvaller)');
    await pick(panel(), 'Bij verlaten toevoegen aan selectie', 'Geen', 'Geen reactie');

    // A split on data; "Alle anderen" go on after it.
    expect(await place('split', slot('flow:2'))).toBe('s3');
    await type(panel(), 'Naam', 'Soort lead');
    await type(panel(), 'Naam van de tak', 'Warmtepomp');
    const branch = panel().locator('[data-condition="branch0"]');
    await type(branch, 'Veld 1', 'person.interests');
    await choose(branch, 'Vergelijking 1', 'bevat');
    await type(branch, 'Waarde 1', 'warmtepomp');
    expect(await panel().getByRole('combobox', { name: 'Alle anderen' }).textContent()).toContain('Gaan door na de splitsing');
    await page.locator('.branch-name', { hasText: 'Alle anderen' }).waitFor();

    // The sale inside the branch, and the end after the split.
    expect(await place('create_sale', page.locator('[data-branch="Warmtepomp"] [data-slot]').first())).toBe('s4');
    await type(panel(), 'Titel', 'Warmtepomp');
    await type(panel(), 'Type', 'Advies');
    await type(panel(), 'Bedrag (€)', '2500');
    expect(await place('complete', slot('flow:3'))).toBe('s5');

    expect(await dslText()).toBe(LEAD_FLOW('', 'welkom-lead'));
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'designer-lead-flow.png'), fullPage: true });
  });

  it('saves with warnings, and start is refused with every missing setting', async () => {
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL(/\/flows\/\d+\/edit$/);
    flowId = page.url().match(/\/flows\/(\d+)\/edit$/)![1]!;
    const warnings = page.locator('.warnings');
    await warnings.waitFor();
    expect(await warnings.textContent()).toContain('welkom-lead');
    expect((await call('GET', `/api/flows/${flowId}`)).body).toMatchObject({ status: 'not_running', source: LEAD_FLOW('', 'welkom-lead') });

    await page.getByRole('button', { name: 'Starten' }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'De flow kan nog niet starten' });
    await refused.waitFor();
    const items = await refused.getByRole('listitem').allTextContents();
    expect(items.some((item) => item.startsWith('Stap s1: ') && item.includes('welkom-lead'))).toBe(true);
    expect(items.some((item) => item.startsWith('Stap s1: ') && item.includes('reply_to'))).toBe(true);
    expect((await call('POST', `/api/flows/${flowId}/start`)).status).toBe(409);
    expect((await call('GET', `/api/flows/${flowId}`)).body.status).toBe('not_running');
  });

  it('is fixed in the forms (a reply-to address, a new e-mail made from the step) and starts', async () => {
    await page.getByRole('button', { name: /Start van de flow/ }).click();
    await type(panel(), 'Antwoordadres', 'info@energieloket.example');
    await page.locator('[data-step="s1"] .card-main').click();
    const popup = page.waitForEvent('popup');
    await panel().getByRole('button', { name: 'Nieuwe e-mail' }).click();
    const editor = await popup;
    await editor.waitForURL(/\/templates\/\d+$/);
    const templateId = editor.url().match(/\/templates\/(\d+)$/)![1]!;
    await editor.close();
    templateKey = (await call('GET', `/api/templates/${templateId}`)).body.key;
    expect(templateKey).toBe('leads-opvolgen-s1');
    // The content writer fills the new e-mail in (here through the API): a greeting and a link.
    const written = await call('PUT', `/api/templates/${templateId}`, {
      key: templateKey, name: 'Welkom lead', channel: 'email', subject: 'Welkom {{ person.first_name }}',
      body: '<p>Hallo {{ person.first_name }}, bekijk <a href="https://energieloket.example/warmtepomp">de warmtepomp</a>.</p>',
    });
    expect(written.status).toBe(200);

    await page.getByRole('button', { name: 'Starten' }).click();
    await page.getByText('De flow wordt uitgevoerd.').waitFor();
    expect((await call('GET', `/api/flows/${flowId}`)).body).toMatchObject({ status: 'running', source: LEAD_FLOW('info@energieloket.example', templateKey) });
  });

  it('enrols persons from the flow page\'s dialog; the filter refuses the customer', async () => {
    await page.goto(`${context.app.url}/flows/${flowId}/participants`);
    await page.getByRole('button', { name: 'Deelnemers toevoegen' }).click();
    const dialog = page.getByRole('dialog');
    for (const name of ['Anna', 'Bert', 'Cees']) {
      await dialog.getByLabel('Persoon zoeken').fill(name);
      await page.getByRole('option', { name: new RegExp(name) }).click();
    }
    await dialog.getByRole('button', { name: 'Toevoegen' }).click();
    const result = dialog.locator('[data-enrol-result]');
    await result.waitFor();
    expect(await result.textContent()).toContain('2 aangemeld');
    expect(await result.textContent()).toContain('Cees Klant: Filter');
    expect(await participant(flowId, people.cees)).toBeUndefined();
  });

  it('sends the e-mails; a click moves Anna through the split to a sale and success, Bert drops out after 7 days', async () => {
    await advance('PT0S');
    const [toAnna] = mailsTo('anna@example.nl');
    expect(toAnna?.subject).toBe('Welkom Anna');
    expect(mailsTo('bert@example.nl').map((m) => m.subject)).toEqual(['Welkom Bert']);
    expect(mailsTo('cees@example.nl')).toEqual([]);
    expect(await participant(flowId, people.anna)).toMatchObject({ status: 'active', stepId: 's2' });
    expect(await participant(flowId, people.bert)).toMatchObject({ status: 'active', stepId: 's2' });

    expect((await hit('GET', `/l/${tokensIn(toAnna!, 'l')[0]}`)).status).toBe(302);
    await advance('PT0S');
    expect(await participant(flowId, people.anna)).toMatchObject({ status: 'completed_success' });
    const sales = (await call('GET', `/api/sales?personId=${people.anna}`)).body.items;
    expect(sales).toEqual([expect.objectContaining({ title: 'Warmtepomp', type: 'Advies', stage: 'open', amount: 2500 })]);

    await advance('P6DT23H');
    expect(await participant(flowId, people.bert)).toMatchObject({ status: 'active', stepId: 's2' });
    await advance('PT1H');
    expect(await participant(flowId, people.bert)).toMatchObject({ status: 'dropout', reason: 'time-out' });
    const selection = (await call('GET', '/api/selections?q=Geen')).body.items[0];
    const members = (await call('GET', `/api/selections/${selection.id}/members`)).body.items.map((p: { id: string }) => p.id);
    expect(members).toEqual([people.bert]);
    expect(pageErrors).toEqual([]);
  });
});
