import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchChromium, logIn, until } from './support/browser.js';
import { designerPage } from './support/designer-page.js';
import { useTestApp } from './support/lifecycle.js';
import { ADMIN_TOKEN } from './support/test-app.js';

// The designer's settings forms in Chromium, one control at a time: each change is read back from
// the DSL tab, the one source of truth, so a form that writes the wrong text fails here.

const SCREENSHOTS = join(process.cwd(), 'docs', 'screenshots');
const context = useTestApp();
const call = (method: string, path: string, body?: unknown) => context.app.call(method, path, body);
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  for (const form of [{ key: 'contact', name: 'Contactformulier' }, { key: 'offerte', name: 'Offerte aanvragen' }]) expect((await call('POST', '/api/forms', form)).status).toBe(201);
  for (const name of ['Uitvallers', 'Nieuwsbrief']) expect((await call('POST', '/api/selections', { name })).status).toBe(201);
  expect((await call('POST', '/api/projects', { name: 'Zon op dak' })).status).toBe(201);
  expect((await call('POST', '/api/groups', { name: 'Adviseurs' })).status).toBe(201);
  // More employees than a picker shows at once: the server's search (`q`) must find the one typed.
  for (let i = 1; i <= 30; i++) expect((await call('POST', '/api/employees', { name: `Medewerker ${i}`, email: `medewerker${i}@loket.example` })).status).toBe(201);
  for (const [name, email] of [['Eva Adviseur', 'eva@loket.example'], ['Bram Binnendienst', 'bram@loket.example']]) {
    expect((await call('POST', '/api/employees', { name, email })).status).toBe(201);
  }
  expect((await call('POST', '/api/templates', { key: 'sms-welkom', name: 'SMS welkom', channel: 'sms', body: 'Welkom {{ person.first_name }}' })).status).toBe(201);
  const form = new FormData();
  form.append('file', new Blob(['%PDF-1.4 brochure'], { type: 'application/pdf' }), 'brochure.pdf');
  expect((await fetch(`${context.app.url}/api/files`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}` }, body: form })).status).toBe(201);

  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1500, height: 1400 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await logIn(page, context.app.url);
});
afterAll(async () => browser?.close());

const { panel, builder, dsl, expectLine, choose, field, type, pick, openNewFlow, openStart, place } = designerPage(() => page, () => context.app.url);

describe('the designer\'s settings forms', () => {
  it('builds a filter from rows (and / or), and keeps what rows cannot show as text', async () => {
    await openNewFlow();
    await openStart();
    const filter = builder('filter');
    await filter.getByRole('button', { name: 'Regel toevoegen' }).click();
    await type(filter, 'Waarde 1', 'lead');
    await expectLine('  filter person.category = "lead"\n');
    await filter.getByRole('button', { name: 'Regel toevoegen' }).click();
    await type(filter, 'Veld 2', 'person.email');
    await choose(filter, 'Vergelijking 2', 'is niet leeg');
    await expectLine('  filter person.category = "lead" and person.email is not empty\n');
    await choose(filter, 'Regels combineren', 'Aan een van de regels voldoen (of)');
    await expectLine('  filter person.category = "lead" or person.email is not empty\n');
    await filter.getByRole('button', { name: 'Regel 2 verwijderen' }).click();
    await expectLine('  filter person.category = "lead"\n');
    // `in` takes a list; a number field gets a number.
    await choose(filter, 'Vergelijking 1', 'is een van');
    await type(filter, 'Waarde 1', 'lead, prospect');
    await expectLine('  filter person.category in ["lead", "prospect"]\n');

    // What rows cannot show stays text, and stays as written.
    await filter.getByRole('button', { name: 'Als tekst bewerken' }).click();
    await type(filter, 'Voorwaarde als tekst', 'not (person.category = "klant" or person.unsubscribed = true)');
    await expectLine('  filter not (person.category = "klant" or person.unsubscribed = true)\n');
    await filter.getByText('Deze voorwaarde is alleen als tekst te tonen').waitFor();
    await type(filter, 'Voorwaarde als tekst', 'person.category = = "x"');
    await filter.getByRole('alert').waitFor();
    expect(await dsl()).toContain('  filter not (person.category = "klant" or person.unsubscribed = true)\n');
    // Emptied, the filter goes.
    await type(filter, 'Voorwaarde als tekst', '');
    await page.waitForTimeout(100);
    expect(await dsl()).not.toContain('filter');
  });

  it('gives a flow several triggers, one of them a field change built from rows', async () => {
    await openStart();
    await panel().getByRole('button', { name: 'Trigger toevoegen' }).click();
    await choose(panel(), 'Trigger 2', 'Veldwijziging (voorwaarde)');
    const change = builder('trigger1');
    await change.getByRole('combobox', { name: 'Vergelijking 1' }).waitFor();
    await type(change, 'Waarde 1', 'Lead');
    await expectLine('  trigger manual\n  trigger when person.category changed to "Lead"\n');
    await panel().getByRole('button', { name: 'Trigger toevoegen' }).click();
    await choose(panel(), 'Trigger 3', 'Toegevoegd aan selectie');
    await pick(panel(), 'Selectie', 'Nieuws', 'Nieuwsbrief');
    await expectLine('  trigger selection "Nieuwsbrief" added\n');
    await panel().getByRole('button', { name: 'Trigger 1 verwijderen' }).click();
    const text = await dsl();
    expect(text).not.toContain('trigger manual');
    expect(text).toContain('  trigger when person.category changed to "Lead"\n  trigger selection "Nieuwsbrief" added\n');
    await panel().getByText('Personen die een andere flow aanbiedt').waitFor();
  });

  it('sets the SMS sender, a send window and the time zone', async () => {
    await type(panel(), 'SMS-afzender', 'Loket');
    await panel().getByRole('checkbox', { name: 'Alleen versturen binnen een verzendvenster' }).check();
    await expectLine('  sms_sender "Loket"\n  send_window workdays 08:00-20:00\n');
    await choose(panel(), 'Dagen', 'Van dag tot dag');
    await choose(panel(), 'Tot en met dag', 'zaterdag');
    await type(panel(), 'Vanaf', '09:30');
    await type(panel(), 'Tot', '17:00');
    await expectLine('  send_window mon-sat 09:30-17:00\n');
    await pick(panel(), 'Tijdzone', 'Amster', 'Europe/Amsterdam');
    await expectLine('  timezone "Europe/Amsterdam"\n');
    await choose(panel(), 'Als het contactbeleid een bericht tegenhoudt', 'Overslaan en verder naar de volgende stap');
    await expectLine('  timezone "Europe/Amsterdam"\n  when limited skip\n');
    await choose(panel(), 'Als het contactbeleid een bericht tegenhoudt', 'Zoals het contactbeleid zegt');
    await until(async () => !(await dsl()).includes('when limited'), 5000);
  });

  it('sets success criteria of every kind, and stop or continue', async () => {
    await panel().getByRole('checkbox', { name: 'Verzoek gemaakt' }).check();
    await panel().getByRole('button', { name: '+ Formulier ingevuld' }).click();
    await choose(panel(), 'Formulier ingevuld', 'Offerte aanvragen (offerte)');
    await panel().getByRole('button', { name: '+ Toegevoegd aan selectie/project' }).click();
    await choose(panel(), 'Toegevoegd aan', 'project');
    await pick(panel().locator('.criterion'), 'Naam', 'Zon', 'Zon op dak');
    await panel().getByRole('button', { name: '+ Persoon bijgewerkt' }).click();
    await type(panel(), 'Naar (leeg: elke waarde)', 'Klant');
    await choose(panel(), 'Als het succes bereikt is', 'Doorgaan met de flow');
    await expectLine('  success when request created or form "offerte" submitted or added to project "Zon op dak" or person.category changed to "Klant" then continue\n');
    await panel().getByRole('button', { name: 'Criterium 2 verwijderen' }).click();
    await expectLine('  success when request created or form "offerte" submitted or person.category changed to "Klant" then continue\n');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'designer-flow-settings.png'), fullPage: true });
  });

  it('sets a sale\'s description, project, date and owner, picking the employee by server search', async () => {
    await place('create_sale');
    await type(panel(), 'Titel', 'Warmtepomp');
    await type(panel(), 'Type', 'Advies');
    await type(panel(), 'Beschrijving', 'Uit de flow');
    await pick(panel(), 'Project', 'Zon', 'Zon op dak');
    await choose(panel(), 'Verkoopdatum', 'Na een wachttijd');
    await choose(panel(), 'Eigenaar', 'Een medewerker (e-mailadres)');
    await pick(panel(), 'E-mailadres van de medewerker', 'Eva', 'Eva Adviseur <eva@loket.example>');
    await expectLine('create sale "Warmtepomp" type "Advies" stage open description "Uit de flow" project "Zon op dak" date after 30 days owner "eva@loket.example"\n');
    await choose(panel(), 'Eigenaar', 'Niet ingesteld');
    await choose(panel(), 'Verkoopdatum', 'Geschat door verkooptype');
    await expectLine('create sale "Warmtepomp" type "Advies" stage open description "Uit de flow" project "Zon op dak" date by_type\n');
  });

  it('sets a follow-up\'s project and agenda and a request\'s category, priority, message and owner', async () => {
    await place('create_follow_up');
    await type(panel(), 'Titel', 'Bellen');
    await type(panel(), 'Type', 'Telefoontje');
    await pick(panel(), 'Project', 'Zon', 'Zon op dak');
    await type(panel(), 'Agenda (details voor in de agenda)', 'Vraag naar de offerte');
    await choose(panel(), 'Toewijzen aan', 'Een medewerker (e-mailadres)');
    await pick(panel(), 'E-mailadres van de medewerker', 'Bram', 'Bram Binnendienst <bram@loket.example>');
    await expectLine('create follow_up "Bellen" type "Telefoontje" project "Zon op dak" at first_available assign "bram@loket.example" agenda "Vraag naar de offerte"\n');

    await place('create_request');
    await type(panel(), 'Titel', 'Terugbellen');
    await type(panel(), 'Type', 'Vraag');
    await type(panel(), 'Status', 'Open');
    await type(panel(), 'Categorie', 'Advies');
    await type(panel(), 'Prioriteit', 'Hoog');
    await type(panel(), 'Bericht', 'Graag terugbellen');
    await choose(panel(), 'Eigenaar', 'Niet toegewezen');
    await expectLine('create request "Terugbellen" type "Vraag" status "Open" category "Advies" priority "Hoog" owner unassigned message "Graag terugbellen"\n');
  });

  it('distributes over employees found by type-ahead, with a fallback, or over a group', async () => {
    await place('distribute');
    await choose(panel(), 'Contactpersonen verdelen over', 'Gekozen medewerkers');
    await pick(panel(), 'Medewerker toevoegen', 'Eva', 'Eva Adviseur <eva@loket.example>');
    await pick(panel(), 'Medewerker toevoegen', 'medewerker17', 'Medewerker 17 <medewerker17@loket.example>');
    await pick(panel(), 'Als niemand beschikbaar is, toewijzen aan', 'Bram', 'Bram Binnendienst <bram@loket.example>');
    await expectLine('distribute to owner among "eva@loket.example", "medewerker17@loket.example" fallback "bram@loket.example"\n');
    await panel().getByRole('button', { name: 'Medewerker 1 verwijderen' }).click();
    await expectLine('distribute to owner among "medewerker17@loket.example" fallback "bram@loket.example"\n');
    await choose(panel(), 'Contactpersonen verdelen over', 'Een groep');
    await pick(panel(), 'Groep', 'Advi', 'Adviseurs');
    await expectLine('distribute to owner group "Adviseurs" fallback "bram@loket.example"\n');
  });

  it('sends an SMS from a template and lets those without a mobile number leave into a selection', async () => {
    await place('send_sms');
    await panel().getByText('0 tekens · 1 sms-deel · GSM-7').waitFor();
    await field(panel(), 'SMS-tekst').fill('x'.repeat(161));
    await panel().getByText('161 tekens · 2 sms-delen · GSM-7').waitFor();
    // Counted as the service sends it: one emoji makes the whole text UCS-2, 70 characters per part.
    await field(panel(), 'SMS-tekst').fill(`Hoi ${'x'.repeat(66)} 😀`);
    await panel().getByText('73 tekens · 2 sms-delen · UCS-2 (unicode)').waitFor();
    await choose(panel(), 'Inhoud', 'Een SMS-sjabloon');
    await choose(panel(), 'SMS-sjabloon', 'SMS welkom (sms-welkom)');
    await choose(panel(), 'Zonder mobiel nummer', 'De flow verlaten (uitvaller)');
    await pick(panel(), 'Bij verlaten toevoegen aan selectie', 'Uitv', 'Uitvallers');
    await expectLine('send sms template "sms-welkom" if no mobile leave {\n    add to selection "Uitvallers"\n  }\n');
  });

  it('sets a script\'s limits', async () => {
    await place('run_script');
    await type(panel(), 'Script', 'return 1;');
    await type(panel(), 'Tijdlimiet (ms)', '500');
    await type(panel(), 'Geheugenlimiet (MB)', '32');
    await expectLine(' timeout 500 ms memory 32 MB\n');
  });

  it('updates the person from rows: a yes/no field gets true, a field of its own is increased', async () => {
    await place('update_person');
    await panel().getByRole('button', { name: 'Rij toevoegen' }).click();
    const first = panel().locator('st-update-person-form .row').nth(0);
    await type(first, 'Veld', 'unsubscribed');
    await type(first, 'Waarde', 'true');
    await expectLine('    set unsubscribed = true\n');
    await panel().getByRole('button', { name: 'Rij toevoegen' }).click();
    const second = panel().locator('st-update-person-form .row').nth(1);
    await type(second, 'Veld', 'extra.score');
    await choose(second, 'Actie', 'Verhogen');
    await type(second, 'Waarde', '5');
    await expectLine('    set unsubscribed = true\n    increase extra.score by 5\n');
  });

  it('notifies by e-mail with its own subject and text, sends SMS from a sender of its own, distributes only to the unassigned', async () => {
    await place('notify_email');
    await choose(panel(), 'Inhoud', 'Eigen onderwerp en tekst');
    await type(panel(), 'Onderwerp', 'Nieuwe lead');
    await type(panel(), 'Tekst', 'Bel {{ person.full_name }}');
    await expectLine('notify email to our_contact subject "Nieuwe lead" "Bel {{ person.full_name }}"\n');
    await choose(panel(), 'Inhoud', 'Een e-mailsjabloon');
    await expectLine('notify email to our_contact template ""\n');
    await place('notify_sms');
    await type(panel(), 'Van (afzender)', 'Loket');
    await expectLine('notify sms to our_contact "" from "Loket"\n');
    await place('distribute');
    await panel().getByRole('checkbox', { name: 'Alleen een nieuwe eigenaar als de persoon er nog geen heeft' }).check();
    await expectLine('distribute to owner group "" if unassigned\n');
  });

  it('makes a new e-mail from the step, opens it in the content editor, and attaches a file found by name', async () => {
    await page.locator('input[name="flowName"]').fill('Zon op dak');
    await page.locator('input[name="flowName"]').press('Tab');
    await place('send_email');
    // The panel shows the new step once its e-mail form is there (until then, the step placed before).
    await panel().getByRole('button', { name: 'Nieuwe e-mail' }).waitFor();
    const id = (await panel().locator('.step-id').textContent())!.trim();
    const popup = page.waitForEvent('popup');
    await panel().getByRole('button', { name: 'Nieuwe e-mail' }).click();
    const editor = await popup;
    await editor.waitForURL(/\/templates\/\d+$/);
    const templateId = editor.url().match(/\/templates\/(\d+)$/)![1]!;
    const template = (await call('GET', `/api/templates/${templateId}`)).body;
    expect(template).toMatchObject({ key: `zon-op-dak-${id}`, channel: 'email' });
    const name = editor.locator('input').and(editor.getByLabel('Naam', { exact: true }));
    await name.waitFor();
    expect(await name.inputValue()).toBe(`Zon op dak (${id})`);
    await editor.close();
    await expectLine(`  ${id}: send email "zon-op-dak-${id}"`);
    // A second new e-mail of the same step gets a key of its own.
    await panel().getByRole('button', { name: 'Nieuwe e-mail' }).click();
    await expectLine(`  ${id}: send email "zon-op-dak-${id}-2"`);
    await panel().getByRole('link', { name: 'E-mail openen in de editor' }).waitFor();

    await pick(panel(), 'Bijlage toevoegen (bestand)', 'broch', 'brochure.pdf');
    await expectLine(`  ${id}: send email "zon-op-dak-${id}-2" attach "brochure.pdf"\n`);
    await panel().getByRole('button', { name: 'Bijlage 1 verwijderen' }).click();
    await expectLine(`  ${id}: send email "zon-op-dak-${id}-2"\n`);
  });

  it('waits for a click in a chosen e-mail step, or for a chosen form', async () => {
    const emailStep = (await panel().locator('.step-id').textContent())!.trim();
    await place('wait_for');
    await choose(panel(), 'Van de e-mail in stap', `${emailStep}: zon-op-dak-${emailStep}-2`);
    await expectLine(`wait for link clicked in ${emailStep} at most 7 days else continue\n`);
    await choose(panel(), 'Actie', 'Formulier ingevuld');
    await choose(panel(), 'Formulier', 'Contactformulier (contact)');
    await type(panel(), 'Maximaal wachten', '2');
    await choose(panel(), 'Eenheid', 'weken');
    await expectLine('wait for form "contact" submitted at most 2 weeks else continue\n');
  });

  it('splits on behaviour and on data from rows, and lets "Alle anderen" leave into a selection', async () => {
    await place('split');
    await type(panel(), 'Naam', 'Reactie');
    const first = builder('branch0');
    await pick(first, 'Veld 1', 'clicked', 'participant.clicked');
    await choose(first, 'Vergelijking 1', 'is');
    await type(first, 'Waarde 1', 'true');
    await expectLine('    branch "Tak 1" when participant.clicked = true {\n');
    await panel().getByRole('button', { name: 'Tak toevoegen' }).click();
    const second = builder('branch1');
    await type(second, 'Veld 1', 'person.category');
    await choose(second, 'Vergelijking 1', 'is');
    await type(second, 'Waarde 1', 'warm');
    await expectLine('    branch "Tak 2" when person.category = "warm" {\n');
    await choose(panel(), 'Alle anderen', 'Verlaten de flow');
    await pick(panel(), 'Bij verlaten toevoegen aan selectie', 'Uitv', 'Uitvallers');
    await expectLine('    others leave {\n      add to selection "Uitvallers"\n    }\n');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'designer-condition-builder.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it('keeps comments and settings the forms do not touch when a form edits the flow', async () => {
    const source = [
      'flow "Bewaren" {', '  # wie het bericht krijgt', '  sender "Loket <info@loket.example>"', '  trigger manual', '  filter not person.unsubscribed = true', '',
      '  # eerst wachten', '  wacht: wait 90 minutes', '  klaar: complete', '}', '',
    ].join('\n');
    const made = await call('POST', '/api/flows', { source });
    expect(made.status).toBe(201);
    await page.goto(`${context.app.url}/flows/${made.body.id}/edit`);
    await page.locator('[data-step="wacht"]').waitFor();
    await openStart();
    await type(panel(), 'Antwoordadres', 'info@loket.example');
    await builder('filter').getByText('Deze voorwaarde is alleen als tekst te tonen').waitFor();
    await page.locator('[data-step="wacht"] .card-main').click();
    // 90 minutes: a unit the menu does not offer stays choosable and unchanged.
    expect(await panel().getByRole('combobox', { name: 'Eenheid' }).textContent()).toContain('minuten');
    expect(await dsl()).toBe(source.replace('  trigger manual', '  reply_to "info@loket.example"\n  trigger manual'));
  });
});
