import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchChromium, until, quiet } from './support/browser.js';
import { useTestApp } from './support/lifecycle.js';

const context = useTestApp();
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
let statuses: { items: { id: string; name: string }[]; total: number };

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  statuses = (await context.app.call('GET', '/api/workflow-settings/quote-request-statuses')).body;
  expect((await context.app.call('POST', '/api/templates', { key: 'offerte', name: 'Offerte aangevraagd', channel: 'email', subject: 'Uw offerte', body: '<p>Hallo {{ person.first_name }}</p>' })).status).toBe(201);
  expect(statuses.total).toBeGreaterThan(1);
});
afterAll(async () => browser?.close());

describe('admin UI in Chromium', () => {
  it('sends an anonymous visitor of a deep link to the login page and back after signing in', async () => {
    await page.goto(`${context.app.url}/workflows/quote-request-statuses`);
    await page.waitForURL(/\/login\?returnUrl=/);
    await page.getByLabel('E-mailadres').fill('admin@test.example');
    await page.getByLabel('Wachtwoord').fill('niet-goed');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/\S/);
    await page.getByLabel('Wachtwoord').fill('correct-horse-battery');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL(/\/workflows\/quote-request-statuses$/);
    await page.getByRole('cell', { name: statuses.items[0]!.name, exact: true }).waitFor();
    expect(await page.getByRole('columnheader').allTextContents()).toEqual(['Omschrijving', 'Actief', 'Verstuur herinnering']);
    expect(await page.locator('.count').textContent()).toBe(`Resultaten: ${statuses.total}`);
    expect(await page.getByRole('row').count()).toBe(statuses.total + 1);
  });

  it('keeps the page on a reload of a deep link, and switches tabs and pages by their links', async () => {
    await page.reload();
    await page.getByRole('cell', { name: statuses.items[1]!.name, exact: true }).waitFor();
    await page.getByRole('tab', { name: 'Taak types' }).click();
    await page.waitForURL(/\/workflows\/task-types$/);
    await page.getByRole('link', { name: 'Berichten' }).click();
    await page.waitForURL(/\/messages$/);
    await page.getByRole('heading', { name: 'Berichten' }).waitFor();
    expect(await page.locator('.count').textContent()).toBe('0 berichten');
  });

  it('edits a status workflow in its form: dependent fields, errors at the field, the DSL beside it', async () => {
    await page.goto(`${context.app.url}/workflows/quote-request-statuses`);
    await page.getByRole('cell', { name: statuses.items[0]!.name, exact: true }).click();
    const form = page.getByRole('complementary', { name: 'Instellingen' });
    await form.getByRole('heading', { name: statuses.items[0]!.name }).waitFor();
    expect(await form.getByLabel('Na hoeveel dagen').count()).toBe(0);
    await form.getByRole('switch', { name: 'Actief' }).click();
    await form.getByLabel('Na hoeveel dagen').fill('2');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.locator('[data-field="templateKey"]').waitFor();
    expect(await form.locator('[data-field="templateKey"]').textContent()).toMatch(/sjabloon/i);
    await form.getByRole('combobox', { name: 'E-mailsjabloon' }).click();
    await page.getByRole('option', { name: 'Offerte aangevraagd' }).click();
    await form.getByRole('combobox', { name: 'Ontvanger' }).click();
    await page.getByRole('option', { name: 'De contactpersoon' }).click();
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.getByRole('status').waitFor();
    const dsl = await form.getByLabel('DSL van deze workflow').textContent();
    expect(dsl).toContain('send email "offerte"');
    expect(dsl).toContain('after 2 days');
    // The change log beside it: who created the workflow, and its source after.
    const log = form.getByRole('region', { name: 'Wijzigingslog' });
    await log.locator('[data-audit-entry]').first().waitFor();
    expect(await log.locator('[data-audit-entry]').first().textContent()).toMatch(/aangemaakt/);
    await log.getByRole('button', { name: 'Toon wijziging' }).first().click();
    expect(await log.locator('pre').nth(1).textContent()).toContain('send email "offerte"');
    const row = (await context.app.call('GET', `/api/workflow-settings/quote-request-statuses/${statuses.items[0]!.id}`)).body;
    expect(row).toMatchObject({ active: true, templateKey: 'offerte', delayDays: 2, recipient: 'person' });
    await page.getByRole('row').nth(1).getByRole('cell').nth(1).filter({ hasText: 'Ja' }).waitFor();

    const person = (await context.app.call('POST', '/api/persons', { firstName: 'Uitleg', email: 'uitleg@example.nl' })).body;
    const request = await context.app.call('POST', '/api/quote-requests', { kind: statuses.items[0]!.name.split(' - ')[0], status: statuses.items[0]!.name, personId: person.id });
    expect(request.status).toBe(201);
    await form.getByRole('combobox', { name: 'Zoek de kansactie op naam' }).pressSequentially('uitleg');
    await page.getByRole('option', { name: /Uitleg/ }).click();
    await form.getByRole('button', { name: 'Uitleggen' }).click();
    await form.getByText('De workflow past nu op dit record.').waitFor();
    await form.locator('[data-explain] li.holds').first().waitFor();
  });

  it('edits a task type\'s three workflows with the seed\'s explanations', async () => {
    expect((await context.app.call('POST', '/api/task-types', { name: 'Nabellen offerte' })).status).toBe(201);
    await page.goto(`${context.app.url}/workflows/task-types`);
    await page.getByRole('cell', { name: 'Nabellen offerte', exact: true }).click();
    const form = page.getByRole('complementary', { name: 'Instellingen' });
    await form.getByRole('heading', { name: 'Taak type: Nabellen offerte' }).waitFor();
    await form.getByRole('checkbox', { name: 'Gebruikt workflow afgehandelde taak' }).check();
    await form.getByText('rekening houdend met het opgegeven aantal dagen').waitFor();
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.locator('[data-field="onCompleted.templateKey"]').waitFor();
    await form.getByRole('combobox', { name: 'Template email afgehandelde taak' }).click();
    await page.getByRole('option', { name: 'Offerte aangevraagd' }).click();
    await form.getByLabel('Aantal dagen email na afgehandelde taak').fill('3');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.getByRole('status').waitFor();
    expect(await form.getByLabel('DSL van deze workflow').textContent()).toContain('send email "offerte"');
    await page.getByRole('row', { name: /Nabellen offerte/ }).getByRole('cell').nth(3).filter({ hasText: 'Ja' }).waitFor();
  });

  it('edits a template with a live preview, a variable picker, field errors, saving and a test send', async () => {
    await page.getByRole('link', { name: 'Sjablonen' }).click();
    await page.getByRole('cell', { name: 'Offerte aangevraagd', exact: true }).click();
    const editor = page.getByRole('complementary', { name: 'Sjabloon bewerken' });
    await editor.locator('[data-preview="subject"]').waitFor();
    expect(await editor.locator('[data-preview="subject"]').textContent()).toBe('Uw offerte');
    await editor.getByLabel('Onderwerp').fill('Offerte voor {{ person.shoe }}');
    await editor.locator('[data-field="subject"]').waitFor();
    expect(await editor.locator('[data-field="subject"]').textContent()).toContain('onbekende variabele "person.shoe"');
    await editor.getByLabel('Onderwerp').fill('Offerte voor {{ person.first_name }}');
    await editor.locator('[data-field="subject"]').waitFor({ state: 'detached' });
    await editor.getByLabel('Tekst').fill('<p>Beste </p>');
    await editor.getByRole('button', { name: 'Achternaam', exact: true }).click();
    expect(await editor.getByLabel('Tekst').inputValue()).toBe('<p>Beste </p>{{ person.last_name }}');
    await editor.getByLabel('Tekst').press('End');
    await editor.getByLabel('Tekst').pressSequentially(', ');
    await editor.getByRole('combobox', { name: 'Andere variabele invoegen' }).click();
    await page.getByRole('option', { name: 'person.first_name', exact: true }).click();
    await until(async () => await editor.getByLabel('Tekst').inputValue() === '<p>Beste </p>{{ person.last_name }}, {{ person.first_name }}');
    await until(async () => ((await page.locator('iframe').first().getAttribute('srcdoc')) ?? '').includes('Beste'));
    await editor.getByRole('button', { name: 'Opslaan' }).click();
    await editor.getByRole('status').filter({ hasText: 'Opgeslagen' }).waitFor()
      .catch(async (error: Error) => { throw new Error(`${error.message}\nthe editor shows: ${(await editor.innerText()).slice(0, 1500)}`); });
    const saved = (await context.app.call('GET', '/api/templates?key=offerte')).body.items[0];
    expect(saved).toMatchObject({ subject: 'Offerte voor {{ person.first_name }}', body: '<p>Beste </p>{{ person.last_name }}, {{ person.first_name }}' });
    await editor.getByLabel('Naar e-mailadres').fill('test@example.nl');
    await editor.getByRole('button', { name: 'Verstuur test' }).click();
    await editor.getByRole('status').filter({ hasText: 'wachtrij' }).waitFor();
    expect((await context.app.call('GET', '/api/messages?to=test@example.nl')).body.total).toBe(1);
    await page.getByRole('link', { name: 'Berichten' }).click();
    await page.getByText('1 bericht', { exact: true }).waitFor();
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Mislukt' }).click();
    await page.getByText('0 berichten', { exact: true }).waitFor();
  });

  it('shows a flow: summary, participants paged on the server, the running switch, end and delete with confirmation', async () => {
    const source = 'flow "Nieuwsbrief" {\n  sender "Loket <info@loket.example>"\n  reply_to "info@loket.example"\n  trigger manual\n  wait 1 day\n  send email "offerte"\n}\n';
    const flow = (await context.app.call('POST', '/api/flows', { source })).body;
    expect((await context.app.call('POST', `/api/flows/${flow.id}/start`)).body.status).toBe('running');
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push((await context.app.call('POST', '/api/persons', { firstName: `P${i}`, email: `p${String(i).padStart(2, '0')}@example.nl` })).body.id);
    expect((await context.app.call('POST', `/api/flows/${flow.id}/participants`, { personIds: ids })).body.enrolled).toBe(30);

    await page.getByRole('link', { name: 'Flows', exact: true }).click();
    await page.getByRole('tab', { name: 'Wordt uitgevoerd' }).click();
    await page.getByText('1 flow', { exact: true }).waitFor();
    await page.getByRole('radio', { name: 'Tegels' }).click();
    await page.getByRole('heading', { name: 'Nieuwsbrief' }).getByRole('link').click();
    await page.waitForURL(new RegExp(`/flows/${flow.id}/summary$`));
    await page.locator('[data-stat="enrolled"]').filter({ hasText: '30' }).waitFor();
    await page.getByRole('tab', { name: 'Deelnemers' }).click();
    await page.getByText('30 deelnemers').waitFor();
    expect(await page.getByRole('row').count()).toBe(26);
    await page.getByRole('button', { name: 'Volgende pagina' }).click();
    await page.getByRole('cell', { name: 'p29@example.nl' }).waitFor();
    expect(await page.getByRole('row').count()).toBe(6);
    await page.reload();
    await page.getByText('30 deelnemers').waitFor();

    await page.getByRole('switch', { name: 'AAN' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Pauzeren' }).click();
    await page.locator('[data-status]').filter({ hasText: 'Gepauzeerd' }).waitFor();
    await page.getByRole('button', { name: 'Taken ▾' }).click();
    await page.getByRole('menuitem', { name: 'Beëindigen' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Beëindigen' }).click();
    await page.locator('[data-status]').filter({ hasText: 'Wordt niet uitgevoerd' }).waitFor();
    expect((await context.app.call('GET', `/api/flows/${flow.id}/stats`)).body.byStatus).toEqual({ cancelled: 30 });
    await page.getByRole('button', { name: 'Taken ▾' }).click();
    await page.getByRole('menuitem', { name: 'Verwijderen' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Verwijderen' }).click();
    await page.waitForURL(/\/flows$/);
    expect((await context.app.call('GET', `/api/flows/${flow.id}`)).status).toBe(404);
  });

  it('draws the step graph (click a step for its settings, problems marked) and the report charts', async () => {
    const source = 'flow "Diagramflow" {\n  trigger manual\n  mail: send email "offerte"\n  split "Soort" {\n    branch "Klant" when person.category = "Klant" {\n      wait 2 days\n    }\n    others leave\n  }\n  complete\n}\n';
    const flow = (await context.app.call('POST', '/api/flows', { source })).body;
    await page.goto(`${context.app.url}/flows/${flow.id}/diagram`);
    await page.locator('[data-step="mail"]').waitFor();
    expect(await page.locator('g.step').count()).toBe(4);
    expect(await page.locator('g.step.invalid').count()).toBe(1);
    // The split's `others leave` goes out of the flow: its own exit box.
    expect(await page.locator('g.end').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Flow verlaten')]));
    expect(await page.locator('[data-step="mail"] title').textContent()).toMatch(/sender/);
    await page.locator('[data-step="s1"]').click();
    const aside = page.getByRole('complementary', { name: 'Stap' });
    await aside.getByRole('heading', { name: /Opsplitsen/ }).waitFor();
    expect(await aside.locator('pre').textContent()).toContain('split "Soort" {');
    await page.locator('[data-step="mail"]').focus();
    await page.keyboard.press('Enter');
    await aside.getByText(/sender/).first().waitFor();
    await page.getByRole('tab', { name: 'Rapporten' }).click();
    await page.locator('[data-success]').filter({ hasText: 'Succesratio: 0,0% (0 van 0)' }).waitFor();
    expect(await page.locator('canvas').count()).toBe(4);
    // The change log on the source tab names who made the flow.
    await page.getByRole('tab', { name: 'DSL', exact: true }).click();
    const log = page.getByRole('region', { name: 'Wijzigingslog' });
    await log.locator('[data-audit-entry]').first().waitFor();
    expect(await log.locator('[data-audit-entry]').first().textContent()).toMatch(/aangemaakt/);
  });

  it('edits DSL in CodeMirror: highlighting, live diagnostics at their position, format, diff against the saved version, save', async () => {
    const source = 'flow "Editorflow" {\n  trigger manual\n  wait 1 day\n}\n';
    expect((await context.app.call('POST', '/api/flows', { source })).status).toBe(201);
    await page.getByRole('link', { name: 'DSL', exact: true }).click();
    await page.waitForURL(/\/dsl$/);
    await page.getByRole('combobox', { name: 'Regel' }).click();
    await page.getByRole('option', { name: 'Flow: Editorflow' }).click();
    const editor = page.locator('.cm-content');
    await editor.getByText('trigger').waitFor();
    expect(await page.locator('.st-keyword').first().textContent()).toBe('flow');
    expect(await page.locator('.st-string').first().textContent()).toBe('"Editorflow"');
    await page.locator('[data-problems]').filter({ hasText: '0 fouten' }).waitFor();

    // An error at line 3: the linter marks it where the server says.
    await editor.getByText('wait').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' extra');
    await page.locator('[data-problems]').filter({ hasText: /^1 fout,/ }).waitFor();
    await page.locator('.cm-lintRange-error').first().waitFor();
    expect(await page.locator('.cm-lintRange-error').first().textContent()).toBe('extra');
    for (let i = 0; i < ' extra'.length; i++) await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter');
    await page.keyboard.type('wait    2   days');
    await page.locator('[data-problems]').filter({ hasText: '0 fouten' }).waitFor();

    await page.getByRole('button', { name: 'Formatteren' }).click();
    await until(async () => ((await page.locator('.cm-content').first().textContent()) ?? '').includes('wait 2 days'));
    await page.getByRole('switch', { name: 'Verschil met opgeslagen versie' }).click();
    await page.locator('.cm-changedLine').first().waitFor();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'Opgeslagen' }).waitFor();
    const saved = (await context.app.call('GET', '/api/flows?q=Editorflow')).body.items[0];
    expect(saved.source).toMatch(/s2: wait 2 days/);
    expect(saved.version).toBe(2);
  });

  it('shows a content editor no buttons for what the API refuses it', async () => {
    const editor = await context.app.call('POST', '/api/employees', { name: 'Carla Content', email: 'carla@test.example', roles: ['content_editor'], password: 'inhoud-redacteur-2026' });
    expect(editor.status).toBe(201);
    const flow = (await context.app.call('GET', '/api/flows?q=Diagramflow')).body.items[0];
    const other = await browser.newPage({ viewport: { width: 800, height: 1000 } });
    try {
      await other.goto(`${context.app.url}/login`);
      await other.getByLabel('E-mailadres').fill('carla@test.example');
      await other.getByLabel('Wachtwoord').fill('inhoud-redacteur-2026');
      await other.getByRole('button', { name: 'Inloggen' }).click();
      await other.waitForURL(/\/workflows\/task-types$/);
      await other.goto(`${context.app.url}/workflows/quote-request-statuses`);
      await other.getByRole('cell', { name: statuses.items[0]!.name, exact: true }).click();
      const form = other.getByRole('complementary', { name: 'Instellingen' });
      await form.getByRole('heading', { name: statuses.items[0]!.name }).waitFor();
      expect(await form.getByRole('button', { name: 'Opslaan' }).count()).toBe(0);
      expect(await form.getByRole('switch', { name: 'Actief' }).isDisabled()).toBe(true);
      expect(await form.getByRole('region', { name: 'Wijzigingslog' }).count()).toBe(0);
      await other.goto(`${context.app.url}/flows/${flow.id}/summary`);
      await other.getByRole('heading', { name: 'Diagramflow' }).waitFor();
      expect(await other.getByRole('switch').isDisabled()).toBe(true);
      expect(await other.getByRole('button', { name: 'Taken ▾' }).count()).toBe(0);
      await other.goto(`${context.app.url}/templates`);
      await other.getByRole('cell', { name: 'Offerte aangevraagd', exact: true }).click();
      await other.getByRole('complementary', { name: 'Sjabloon bewerken' }).getByRole('button', { name: 'Opslaan' }).waitFor();
    } finally {
      await other.close();
    }
  });

  it('switches to English and back at runtime on the main pages, and keeps the choice over a reload', async () => {
    const flow = (await context.app.call('GET', '/api/flows?q=Diagramflow')).body.items[0];
    const headers = async () => page.getByRole('columnheader').allTextContents();
    await page.goto(`${context.app.url}/workflows/quote-request-statuses`);
    await page.getByRole('cell', { name: statuses.items[0]!.name, exact: true }).waitFor();
    expect(await headers()).toEqual(['Omschrijving', 'Actief', 'Verstuur herinnering']);

    await page.getByRole('radio', { name: 'English' }).click();
    await page.getByRole('columnheader', { name: 'Description' }).waitFor();
    expect(await headers()).toEqual(['Description', 'Active', 'Send reminder']);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByRole('tab', { name: 'Quote request statuses' }).waitFor();
    expect(await page.locator('.count').textContent()).toBe(`Results: ${statuses.total}`);
    expect(await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link').allTextContents()).toEqual(['Workflows', 'Templates', 'Flows', 'Forms', 'Messages', 'Suppressions', 'Contact policy', 'Assignment rules', 'DSL']);

    await page.reload();
    await page.getByRole('columnheader', { name: 'Description' }).waitFor();
    expect(await page.title()).toBe('Workflows · Stroom');
    await page.getByRole('cell', { name: statuses.items[0]!.name, exact: true }).click();
    await page.getByRole('complementary', { name: 'Settings' }).getByRole('switch', { name: 'Active' }).waitFor();

    await page.getByRole('link', { name: 'Templates' }).click();
    await page.getByRole('heading', { name: 'Templates', level: 1 }).waitFor();
    expect(await headers()).toEqual(['Name', 'Key', 'Channel', 'Subject', 'Last changed', 'Used in', 'Tasks']);
    await page.getByRole('link', { name: 'Flows', exact: true }).click();
    await page.getByRole('tab', { name: 'Running' }).waitFor();
    expect(await headers()).toEqual(['Name', 'Status', 'Active participants', 'Completed', 'Changed', 'Tasks']);
    await page.goto(`${context.app.url}/flows/${flow.id}/participants`);
    await page.getByRole('tab', { name: 'Participants' }).waitFor();
    expect(await page.getByRole('tab').allTextContents()).toEqual(['Summary', 'Flow', 'Reports', 'Participants', 'Flow content', 'Simulate', 'DSL']);
    await page.getByRole('button', { name: 'Next page' }).waitFor();
    await page.getByRole('link', { name: 'Messages' }).click();
    await page.getByRole('heading', { name: 'Messages' }).waitFor();
    expect(await headers()).toEqual(['Status', 'Channel', 'Recipient', 'Subject', 'Rule or flow', 'Date']);
    expect(await page.title()).toBe('Messages · Stroom');
    await page.getByRole('link', { name: 'DSL', exact: true }).click();
    await page.getByRole('button', { name: 'Format' }).waitFor();

    await page.getByRole('radio', { name: 'Nederlands' }).click();
    await page.getByRole('button', { name: 'Formatteren' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    await page.getByRole('link', { name: 'Berichten' }).click();
    await page.getByRole('heading', { name: 'Berichten' }).waitFor();
    expect(await headers()).toEqual(['Status', 'Kanaal', 'Ontvanger', 'Onderwerp', 'Regel of flow', 'Datum']);
    await page.reload();
    await page.getByRole('columnheader', { name: 'Kanaal' }).waitFor();
    expect(await page.title()).toBe('Berichten · Stroom');
  });

  it('has no serious or critical accessibility violations (axe-core) on the main pages', async () => {
    const flow = (await context.app.call('GET', '/api/flows?q=Diagramflow')).body.items[0];
    const found: Record<string, string[]> = {};
    for (const path of ['/workflows/quote-request-statuses', '/templates', '/flows', '/messages', '/dsl', `/flows/${flow.id}/summary`, `/flows/${flow.id}/diagram`, `/flows/${flow.id}/participants`]) {
      await page.goto(`${context.app.url}${path}`);
      await page.locator('h1').first().waitFor();
      await quiet(page);
      // Evaluated rather than added as a <script>: the service's CSP allows no inline scripts.
      const violations = await axeViolations(page);
      if (violations.length > 0) found[path] = violations;
    }
    expect(found).toEqual({});
  });

  it('shows the participants an edit of a paused flow affects, and moves those on a removed step to the chosen step', async () => {
    const source = 'flow "Pauzeflow" {\n  sender "Loket <info@loket.example>"\n  reply_to "info@loket.example"\n  trigger manual\n  wachten: wait 3 days\n  mail: send email "offerte"\n  laatste: wait 1 day\n}\n';
    const flow = (await context.app.call('POST', '/api/flows', { source })).body;
    await context.app.call('POST', `/api/flows/${flow.id}/start`);
    const people = [];
    for (const n of [1, 2]) people.push((await context.app.call('POST', '/api/persons', { firstName: `Pauze${n}`, email: `pauze${n}@example.nl` })).body.id);
    expect((await context.app.call('POST', `/api/flows/${flow.id}/participants`, { personIds: people })).body.enrolled).toBe(2);
    for (let i = 0; i < 50 && (await context.app.call('GET', `/api/flows/${flow.id}/stats`)).body.bySteps.wachten !== 2; i++) await new Promise((r) => setTimeout(r, 100));
    await context.app.call('POST', `/api/flows/${flow.id}/pause`);

    await page.goto(`${context.app.url}/dsl`);
    await page.getByRole('combobox', { name: 'Regel' }).click();
    await page.getByRole('option', { name: 'Flow: Pauzeflow' }).click();
    await page.locator('.cm-content').getByText('wachten').first().waitFor();
    const stored: string = (await context.app.call('GET', `/api/flows/${flow.id}`)).body.source;
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+a');
    await page.keyboard.insertText(stored.replace('  wachten: wait 3 days\n', ''));
    await page.getByRole('button', { name: 'Opslaan' }).click();
    const impact = page.getByRole('region', { name: 'Gevolgen voor deelnemers' });
    await impact.getByText('wordt verwijderd; 2 deelnemer(s)').waitFor();
    await impact.getByRole('combobox', { name: 'Deelnemers van wachten naar' }).click();
    await page.getByRole('option', { name: 'laatste', exact: true }).click();
    await impact.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'Opgeslagen' }).waitFor();
    expect((await context.app.call('GET', `/api/flows/${flow.id}/stats`)).body.bySteps).toEqual({ laatste: 2 });

    await page.goto(`${context.app.url}/flows/${flow.id}/source`);
    await page.getByText('Versie 1 ·').waitFor();
    await page.getByRole('button', { name: 'Vergelijk met huidige' }).click();
    await page.locator('.cm-mergeView .cm-deletedLine, .cm-mergeView .cm-changedLine').first().waitFor();
    expect(await page.locator('.cm-mergeView').textContent()).toContain('wachten: wait 3 days');
  });

  it('ran without a script error', () => {
    expect(pageErrors).toEqual([]);
  });

  it('answers API and tracking addresses itself, not with the UI', async () => {
    const health = await fetch(`${context.app.url}/api/health`, { headers: { accept: 'text/html' } });
    expect(health.headers.get('content-type')).toMatch(/json/);
    const unknownToken = await fetch(`${context.app.url}/l/AAAAAAAAAAAAAAAAAAAAAA`, { redirect: 'manual', headers: { accept: 'text/html' } });
    expect(unknownToken.status).toBe(404);
    expect(await unknownToken.text()).toContain('Link niet gevonden');
  });
});
