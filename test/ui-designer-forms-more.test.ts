import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchChromium, logIn } from './support/browser.js';
import { designerPage } from './support/designer-page.js';
import { useTestApp } from './support/lifecycle.js';

// The designer's forms for date triggers, the exit rule and re-entry, transactional sends, webhook
// headers and body, and random splits, in Chromium: each change is read back from the DSL tab.

const context = useTestApp({ WEBHOOK_SECRETS: '{"crm": "Bearer s3cret", "erp": "Token 42"}' });
const call = (method: string, path: string, body?: unknown) => context.app.call(method, path, body);
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  expect((await call('POST', '/api/selections', { name: 'Uitvallers' })).status).toBe(201);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1500, height: 1400 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await logIn(page, context.app.url);
});
afterAll(async () => browser?.close());

const { panel, builder, dsl, expectLine, choose, field, type, pick, openNewFlow, openStart, place } = designerPage(() => page, () => context.app.url);

describe('the designer\'s forms for entering and leaving, sends, webhooks and experiments', () => {
  it('adds a trigger some days before or after a date of a record, and a yearly one on a person\'s own field', async () => {
    await openNewFlow();
    await openStart();
    await panel().getByRole('button', { name: 'Trigger toevoegen' }).click();
    await choose(panel(), 'Trigger 2', 'Voor of na een datum');
    await expectLine('  trigger manual\n  trigger 30 days after person.created_at\n');
    const date = panel().locator('[data-trigger="1"]');
    await type(date, 'Aantal', '14');
    await choose(date, 'Eenheid', 'werkdagen');
    await choose(date, 'Voor of na', 'vóór');
    // Another record keeps the field when it has one of that name.
    await choose(date, 'Datum van', 'Verkoop');
    await expectLine('  trigger 14 workdays before sale.created_at\n');
    await choose(date, 'Datumveld', 'sale.date');
    await expectLine('  trigger 14 workdays before sale.date\n');
    // A person's own field is typed by name; what is no name is refused and said so.
    await choose(date, 'Datum van', 'Persoon');
    await choose(date, 'Datumveld', 'Eigen veld van de persoon (extra)');
    await type(date, 'Naam van het eigen veld', 'contract einde');
    await date.getByRole('alert').waitFor();
    await type(date, 'Naam van het eigen veld', 'contract_end');
    await expectLine('  trigger 14 workdays before person.extra.contract_end\n');
    expect(await date.getByRole('alert').count()).toBe(0);

    await panel().getByRole('button', { name: 'Trigger toevoegen' }).click();
    await choose(panel(), 'Trigger 3', 'Jaarlijks op een datum');
    await expectLine('  trigger 14 workdays before person.extra.contract_end\n  trigger yearly on person.extra.birthday\n');
    const yearly = panel().locator('[data-trigger="2"]');
    await type(yearly, 'Naam van het eigen veld', 'extra.verjaardag');
    await expectLine('  trigger yearly on person.extra.verjaardag\n');
    await choose(yearly, 'Datumveld', 'person.created_at');
    await expectLine('  trigger yearly on person.created_at\n');
    expect(await axeViolations(page)).toEqual([]);
    await date.scrollIntoViewIfNeeded();
    await panel().locator('st-triggers-section').screenshot({ path: '/tmp/forms25-triggers.png' });
  });

  it('sets the exit rule with where leavers go, and once per person, a restart after days, or always', async () => {
    const exit = builder('exit');
    await exit.getByRole('button', { name: 'Regel toevoegen' }).click();
    await type(exit, 'Waarde 1', 'klant');
    await expectLine('  exit when person.category = "klant"\n');
    await pick(panel().locator('st-exit-section'), 'Bij verlaten toevoegen aan selectie', 'Uitv', 'Uitvallers');
    await expectLine('  exit when person.category = "klant" then leave {\n    add to selection "Uitvallers"\n  }\n');
    // A new condition keeps where leavers go.
    await type(exit, 'Waarde 1', 'oud-klant');
    await expectLine('  exit when person.category = "oud-klant" then leave {\n    add to selection "Uitvallers"\n  }\n');

    await choose(panel(), 'Opnieuw starten', 'Eén keer per persoon');
    await expectLine('  }\n  once per person\n');
    await choose(panel(), 'Opnieuw starten', 'Opnieuw na een aantal dagen');
    await expectLine('  }\n  restart after 30 days\n');
    expect(await dsl()).not.toContain('once per person');
    await type(panel(), 'Dagen na het einde van de vorige keer', '60');
    await expectLine('  restart after 60 days\n');
    expect(await axeViolations(page)).toEqual([]);
    await choose(panel(), 'Opnieuw starten', 'Altijd toegestaan');
    await page.waitForTimeout(100);
    const text = await dsl();
    expect(text).not.toContain('restart');
    expect(text).not.toContain('once per person');
    // Without rows the exit rule goes.
    await exit.getByRole('button', { name: 'Regel 1 verwijderen' }).click();
    await page.waitForTimeout(100);
    expect(await dsl()).not.toContain('exit when');
  });

  it('marks an e-mail and an SMS as transactional, and back', async () => {
    await place('send_email');
    await type(panel(), 'Sleutel van het sjabloon (ook een nog te schrijven)', 'bevestiging');
    await panel().getByRole('checkbox', { name: 'Transactioneel (uitgezonderd van het contactbeleid)' }).check();
    await expectLine('send email "bevestiging" transactional\n');
    await place('send_sms');
    await field(panel(), 'SMS-tekst').fill('Uw code is 1234');
    await field(panel(), 'SMS-tekst').press('Tab');
    await panel().getByRole('checkbox', { name: 'Transactioneel (uitgezonderd van het contactbeleid)' }).check();
    await expectLine('send sms "Uw code is 1234" transactional\n');
    await panel().getByRole('checkbox', { name: 'Transactioneel (uitgezonderd van het contactbeleid)' }).uncheck();
    await expectLine('send sms "Uw code is 1234"\n');
    expect(await dsl()).toContain('send email "bevestiging" transactional\n');
  });

  it('calls a webhook with headers whose secrets are picked by name, a JSON body and a time-out', async () => {
    await place('call_webhook');
    await type(panel(), 'Adres (https)', 'https://crm.example/hook');
    await panel().getByRole('button', { name: 'Kopregel toevoegen' }).click();
    await expectLine('call webhook POST "https://crm.example/hook" header "Authorization" secret "crm"\n');
    await panel().getByRole('button', { name: 'Kopregel toevoegen' }).click();
    await type(panel(), 'Naam van kopregel 2', 'X-Api-Key');
    await choose(panel(), 'Geheim van kopregel 2', 'erp');
    await expectLine('call webhook POST "https://crm.example/hook" header "Authorization" secret "crm" header "X-Api-Key" secret "erp"\n');
    await panel().getByRole('button', { name: 'Kopregel 1 verwijderen' }).click();
    await expectLine('call webhook POST "https://crm.example/hook" header "X-Api-Key" secret "erp"\n');
    await type(panel(), 'Body (JSON)', '{"email": "{{ person.email }}"}');
    await type(panel(), 'Time-out (ms)', '5000');
    await expectLine('call webhook POST "https://crm.example/hook" header "X-Api-Key" secret "erp" body """{"email": "{{ person.email }}"}""" timeout 5000 ms\n');
    expect(await axeViolations(page)).toEqual([]);
    await type(panel(), 'Body (JSON)', '');
    await expectLine('call webhook POST "https://crm.example/hook" header "X-Api-Key" secret "erp" timeout 5000 ms\n');
  });

  it('makes a split random: branches with shares, a holdout, a live error until they make 100%, and an automatic winner', async () => {
    await place('split');
    await type(panel(), 'Naam', 'Onderwerpregel');
    await choose(panel(), 'Soort splitsing', 'Willekeurig (experiment)');
    await expectLine('split random "Onderwerpregel" {\n    branch "Tak 1" 100% {\n');
    expect(await dsl()).not.toMatch(/Onderwerpregel[\s\S]*others/);
    await panel().getByRole('button', { name: 'Tak toevoegen' }).click();
    await expectLine('    branch "Tak 1" 50% {\n    }\n    branch "Tak 2" 50% {\n');
    await type(panel(), 'Naam van tak 2', 'Kort');
    await type(panel(), 'Controlegroep', '10');
    await panel().getByRole('alert').filter({ hasText: 'samen 110%' }).waitFor();
    await type(panel(), 'Aandeel van tak 1', '45');
    await panel().getByRole('alert').filter({ hasText: 'samen 105%' }).waitFor();
    await type(panel(), 'Aandeel van tak 2', '45');
    await expectLine('    branch "Tak 1" 45% {\n    }\n    branch "Kort" 45% {\n    }\n    holdout 10%\n');
    expect(await panel().getByRole('alert').count()).toBe(0);
    // The card sums the experiment up.
    await page.getByText('2 tak(ken): Tak 1 45%; Kort 45%; controlegroep 10%').waitFor();
    await panel().getByRole('checkbox', { name: 'Automatisch een winnaar kiezen' }).check();
    await type(panel(), 'Deelnemers per tak', '200');
    await choose(panel(), 'Met zekerheid', '99%');
    await expectLine('    holdout 10%\n    pick winner after 200 per branch at 99%\n  }\n');
    expect(await axeViolations(page)).toEqual([]);
    await panel().screenshot({ path: '/tmp/forms25-random-split.png' });
    // Back to conditions: each branch gets a condition to fill in, and the experiment's clauses go.
    await choose(panel(), 'Soort splitsing', 'Op voorwaarde');
    await expectLine('split "Onderwerpregel" {\n    branch "Tak 1" when person.email is not empty {\n');
    expect(await dsl()).not.toContain('holdout');
    expect(pageErrors).toEqual([]);
  });
});
