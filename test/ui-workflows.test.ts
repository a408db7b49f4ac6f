import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Locator, Page } from 'playwright-core';
import { axeViolations, launchChromium, quiet, reloadIsAsked } from './support/browser.js';
import { useTestApp } from './support/lifecycle.js';

// The workflow forms in Chromium: nothing silently lost (switching off, rules customized in the DSL),
// unsaved changes that ask before they go, validator messages that say what is wrong.

const context = useTestApp();
const call = (method: string, path: string, body?: unknown) => context.app.call(method, path, body);
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
type Row = { id: string; name: string };
let statuses: Row[];

async function signIn(target: Page): Promise<void> {
  await target.goto(`${context.app.url}/login`);
  await target.getByLabel('E-mailadres').fill('admin@test.example');
  await target.getByLabel('Wachtwoord').fill('correct-horse-battery');
  await target.getByRole('button', { name: 'Inloggen' }).click();
  await target.waitForURL(/\/workflows\//);
}

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  for (const [key, name] of [['offerte', 'Offerte aangevraagd'], ['herinnering', 'Herinnering offerte'], ['taak', 'Taak afgehandeld']]) {
    expect((await call('POST', '/api/templates', { key, name, channel: 'email', subject: 'Over {{ person.first_name }}', body: '<p>Hallo</p>' })).status).toBe(201);
  }
  statuses = (await call('GET', '/api/workflow-settings/quote-request-statuses')).body.items;
  await signIn(page);
});
afterAll(async () => browser?.close());

/** Opens a status row's form and waits until it shows that row. */
async function openStatus(name: string): Promise<Locator> {
  if (!page.url().endsWith('/workflows/quote-request-statuses')) await page.goto(`${context.app.url}/workflows/quote-request-statuses`);
  // A customized row's cell also holds the link to its rule: the name is matched on its own.
  await page.getByRole('cell').getByText(name, { exact: true }).click();
  const form = page.getByRole('complementary', { name: 'Instellingen' });
  await form.getByRole('heading', { name, exact: true }).waitFor();
  return form;
}

const statusPath = (row: Row) => `/api/workflow-settings/quote-request-statuses/${row.id}`;
const byName = (name: string) => statuses.find((s) => s.name === name)!;

describe('nothing silently lost', () => {
  it('switching a status row with reminders off keeps every setting and the remind line; switched on, the form shows them again', async () => {
    const row = byName('Offertezoek - Offerte aangevraagd');
    const on = { active: true, sendReminder: true, templateKey: 'herinnering', delayDays: 2, recipient: 'owner', reminderIntervalDays: 4, reminderMaxCount: 3 };
    expect((await call('PUT', statusPath(row), on)).status).toBe(200);

    const form = await openStatus(row.name);
    expect(await form.getByLabel('Elke hoeveel dagen').inputValue()).toBe('4');
    await form.getByRole('switch', { name: 'Actief' }).click();
    await form.getByLabel('Elke hoeveel dagen').waitFor({ state: 'detached' });
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.getByRole('status').waitFor();

    const setting = (await call('GET', statusPath(row))).body;
    expect(setting).toMatchObject({ ...on, active: false, customized: false });
    const source = (await call('GET', `/api/workflows/${setting.workflowId}`)).body.source;
    expect(source).toContain(`workflow "Kansactie: ${row.name}" inactive {`);
    expect(source).toContain('after 2 days send email "herinnering" to owner');
    expect(source).toContain('remind every 4 days at most 3 times');
    expect(await form.getByLabel('DSL van deze workflow').textContent()).toContain('remind every 4 days at most 3 times');

    await form.getByRole('switch', { name: 'Actief' }).click();
    expect(await form.getByLabel('Na hoeveel dagen').inputValue()).toBe('2');
    expect(await form.getByLabel('Elke hoeveel dagen').inputValue()).toBe('4');
    expect(await form.getByLabel('Maximaal aantal').inputValue()).toBe('3');
    expect(await form.getByRole('combobox', { name: 'E-mailsjabloon' }).textContent()).toContain('Herinnering offerte');
    expect(await form.getByRole('combobox', { name: 'Ontvanger' }).textContent()).toContain('De eigenaar');
    expect(await form.getByRole('checkbox', { name: 'Verstuur herinnering' }).isChecked()).toBe(true);
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.getByRole('status').waitFor();
    expect((await call('GET', statusPath(row))).body).toMatchObject({ ...on, customized: false });
  });

  it('switching a task-type workflow off keeps its template and days; switched on, the form shows them again', async () => {
    const type = (await call('POST', '/api/task-types', { name: 'Terugbellen' })).body;
    const saved = await call('PUT', `/api/workflow-settings/task-types/${type.id}`, { onCompleted: { active: true, templateKey: 'taak', delayDays: 3 } });
    expect(saved.status).toBe(200);

    await page.goto(`${context.app.url}/workflows/task-types`);
    await page.getByRole('cell', { name: 'Terugbellen', exact: true }).click();
    const form = page.getByRole('complementary', { name: 'Instellingen' });
    await form.getByRole('heading', { name: 'Taak type: Terugbellen' }).waitFor();
    const use = form.getByRole('checkbox', { name: 'Gebruikt workflow afgehandelde taak' });
    expect(await use.isChecked()).toBe(true);
    await use.uncheck();
    await form.getByLabel('Aantal dagen email na afgehandelde taak').waitFor({ state: 'detached' });
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.getByRole('status').waitFor();

    const setting = (await call('GET', `/api/workflow-settings/task-types/${type.id}`)).body;
    expect(setting.onCompleted).toMatchObject({ active: false, templateKey: 'taak', delayDays: 3, customized: false });
    const source = (await call('GET', `/api/workflows/${setting.onCompleted.workflowId}`)).body.source;
    expect(source).toContain('workflow "Taak Terugbellen: afgehandeld" inactive {');
    expect(source).toContain('after 3 days send email "taak" to contact');

    await use.check();
    expect(await form.getByLabel('Aantal dagen email na afgehandelde taak').inputValue()).toBe('3');
    expect(await form.getByRole('combobox', { name: 'Template email afgehandelde taak' }).textContent()).toContain('Taak afgehandeld');
  });

  it('shows a row whose rule got a condition in the DSL read-only, links to the DSL editor, and the API refuses a form save (409)', async () => {
    const row = byName('Offertezoek - Bewoner is akkoord');
    const on = { active: true, sendReminder: false, templateKey: 'offerte', delayDays: 1, recipient: 'person' };
    const saved = (await call('PUT', statusPath(row), on)).body;
    const plain = (await call('GET', `/api/workflows/${saved.workflowId}`)).body.source as string;
    const withCondition = plain.replace(/\n {2}after 1 day/, '\n  when quote_request.kind = "Offertezoek"\n  after 1 day');
    expect(withCondition).not.toBe(plain);
    expect((await call('PUT', `/api/workflows/${saved.workflowId}`, { source: withCondition })).status).toBe(200);
    const source = (await call('GET', `/api/workflows/${saved.workflowId}`)).body.source as string;
    expect(source).toContain('when quote_request.kind = "Offertezoek"');

    const form = await openStatus(row.name);
    await form.getByRole('note').filter({ hasText: 'aangepast' }).waitFor();
    expect(await form.getByRole('switch', { name: 'Actief' }).isDisabled()).toBe(true);
    expect(await form.getByLabel('Na hoeveel dagen').isDisabled()).toBe(true);
    expect(await form.getByLabel('Na hoeveel dagen').inputValue()).toBe('1');
    expect(await form.getByRole('combobox', { name: 'E-mailsjabloon' }).getAttribute('aria-disabled')).toBe('true');
    expect(await form.getByRole('combobox', { name: 'Ontvanger' }).getAttribute('aria-disabled')).toBe('true');
    expect(await form.getByRole('checkbox', { name: 'Verstuur herinnering' }).isDisabled()).toBe(true);
    expect(await form.getByRole('button', { name: 'Opslaan' }).count()).toBe(0);
    const link = form.getByRole('link', { name: 'Openen in de DSL-editor' });
    expect(await link.getAttribute('href')).toBe(`/dsl?workflow=${saved.workflowId}`);

    const refused = await call('PUT', statusPath(row), { ...on, templateKey: 'herinnering' });
    expect(refused.status).toBe(409);
    expect(refused.body.details).toMatchObject({ parts: ['condition'] });
    expect((await call('GET', `/api/workflows/${saved.workflowId}`)).body.source).toBe(source);

    await link.click();
    await page.waitForURL(new RegExp(`/dsl\\?workflow=${saved.workflowId}$`));
  });
});

describe('customized while the form is open, and on a task type', () => {
  it('shows the 409 of a save over a rule changed in the DSL meanwhile, and then the row read-only', async () => {
    const row = byName('Offertezoek - Bewoner heeft afgewezen');
    const saved = (await call('PUT', statusPath(row), { active: true, templateKey: 'offerte', delayDays: 1, recipient: 'person' })).body;
    const form = await openStatus(row.name);
    await form.getByLabel('Na hoeveel dagen').fill('4');

    const plain = (await call('GET', `/api/workflows/${saved.workflowId}`)).body.source as string;
    const hours = plain.replace('after 1 day ', 'after 4 hours ');
    expect(hours).not.toBe(plain);
    expect((await call('PUT', `/api/workflows/${saved.workflowId}`, { source: hours })).status).toBe(200);

    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.getByRole('alert').waitFor();
    // The message names the parts (in the request's language); the API test checks `details.parts`.
    expect(await form.getByRole('alert').textContent()).toMatch(/\S/);
    await form.getByRole('link', { name: 'Openen in de DSL-editor' }).waitFor();
    expect(await form.getByRole('button', { name: 'Opslaan' }).count()).toBe(0);
    expect(await form.getByLabel('Na hoeveel dagen').isDisabled()).toBe(true);
    expect((await call('GET', `/api/workflows/${saved.workflowId}`)).body.source).toBe(hours);
  });

  it('keeps a task workflow changed in the DSL read-only while the other two stay editable, and saving leaves it as written', async () => {
    const type = (await call('POST', '/api/task-types', { name: 'Opvolgen' })).body;
    const saved = (await call('PUT', `/api/workflow-settings/task-types/${type.id}`, { onCompleted: { active: true, templateKey: 'taak', delayDays: 1 } })).body;
    const id = saved.onCompleted.workflowId;
    const withReminder = (await call('GET', `/api/workflows/${id}`)).body.source.replace('to contact\n', 'to contact\n  remind every 2 days at most 1 time\n');
    expect((await call('PUT', `/api/workflows/${id}`, { source: withReminder })).status).toBe(200);
    const source = (await call('GET', `/api/workflows/${id}`)).body.source;

    await page.goto(`${context.app.url}/workflows/task-types`);
    await page.getByRole('cell', { name: 'Opvolgen', exact: true }).click();
    const form = page.getByRole('complementary', { name: 'Instellingen' });
    await form.getByRole('heading', { name: 'Taak type: Opvolgen' }).waitFor();
    const completed = form.getByRole('group', { name: 'Gebruikt workflow afgehandelde taak' });
    expect(await completed.getByRole('link', { name: 'Openen in de DSL-editor' }).getAttribute('href')).toBe(`/dsl?workflow=${id}`);
    expect(await completed.getByRole('checkbox', { name: 'Gebruikt workflow afgehandelde taak' }).isDisabled()).toBe(true);
    expect(await completed.getByLabel('Aantal dagen email na afgehandelde taak').isDisabled()).toBe(true);

    await form.getByRole('checkbox', { name: 'Gebruikt workflow nieuwe taak' }).check();
    await form.getByRole('combobox', { name: 'Template email nieuwe taak' }).click();
    await page.getByRole('option', { name: 'Taak afgehandeld' }).click();
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.getByRole('status').waitFor();
    const after = (await call('GET', `/api/workflow-settings/task-types/${type.id}`)).body;
    expect(after.onNew).toMatchObject({ active: true, templateKey: 'taak', customized: false });
    expect(after.onCompleted).toMatchObject({ customized: true, workflowId: id });
    expect((await call('GET', `/api/workflows/${id}`)).body.source).toBe(source);
  });
});

describe('unsaved changes', () => {
  it('asks before another row replaces an edited form: cancel keeps the edit, discard switches', async () => {
    const [first, second] = [byName('Offertezoek - Offerte aanvraag in behandeling'), byName('Offertezoek - Geen reactie ontvangen')];
    const form = await openStatus(first.name);
    await form.getByRole('switch', { name: 'Actief' }).click();
    await form.getByLabel('Na hoeveel dagen').fill('5');

    await page.getByRole('cell', { name: second.name, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Wijzigingen weggooien?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await form.getByRole('heading', { level: 2 }).textContent()).toBe(first.name);
    expect(await form.getByLabel('Na hoeveel dagen').inputValue()).toBe('5');

    // Another tab asks too (the route's guard), and stays when cancelled.
    await page.getByRole('tab', { name: 'Taak types' }).click();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(page.url()).toMatch(/\/workflows\/quote-request-statuses$/);
    expect(await form.getByLabel('Na hoeveel dagen').inputValue()).toBe('5');

    await page.getByRole('cell', { name: second.name, exact: true }).click();
    await dialog.getByRole('button', { name: 'Weggooien' }).click();
    await form.getByRole('heading', { name: second.name, exact: true }).waitFor();
    expect((await call('GET', statusPath(first))).body).toMatchObject({ active: false, workflowId: null });

    // Nothing changed: no question.
    await page.getByRole('cell', { name: first.name, exact: true }).click();
    await form.getByRole('heading', { name: first.name, exact: true }).waitFor();
    expect(await dialog.count()).toBe(0);
  });

  it('asks the browser before a reload throws an edit away; dismissed, the edit stays', async () => {
    const other = await browser.newPage();
    try {
      await signIn(other);
      await other.goto(`${context.app.url}/workflows/quote-request-statuses`);
      await other.getByRole('cell', { name: statuses[0]!.name, exact: true }).click();
      const form = other.getByRole('complementary', { name: 'Instellingen' });
      await form.getByRole('switch', { name: 'Actief' }).click();
      await form.getByLabel('Na hoeveel dagen').fill('6');
      await reloadIsAsked(other);
      expect(await form.getByLabel('Na hoeveel dagen').inputValue()).toBe('6');
    } finally {
      await other.close();
    }
  });
});

describe('validator messages', () => {
  it('says "Minimaal 1" for a 0, "Verplicht" only for an empty field, and the same in English', async () => {
    const form = await openStatus(byName('Offertezoek - Offerte niet mogelijk').name);
    await form.getByRole('switch', { name: 'Actief' }).click();
    await form.getByRole('checkbox', { name: 'Verstuur herinnering' }).check();
    const interval = form.getByLabel('Elke hoeveel dagen');
    await interval.fill('0');
    await interval.blur();
    const errorAt = (label: string) => form.locator('mat-form-field', { has: page.getByLabel(label) }).locator('mat-error');
    await errorAt('Elke hoeveel dagen').waitFor();
    expect(await errorAt('Elke hoeveel dagen').textContent()).toBe('Minimaal 1');
    await form.getByLabel('Maximaal aantal').fill('200');
    await form.getByLabel('Maximaal aantal').blur();
    expect(await errorAt('Maximaal aantal').textContent()).toBe('Maximaal 100');
    await form.getByLabel('Na hoeveel dagen').fill('');
    await form.getByLabel('Na hoeveel dagen').blur();
    expect(await errorAt('Na hoeveel dagen').textContent()).toBe('Verplicht');

    await page.getByRole('radio', { name: 'English' }).click();
    // The form's own name is English now too ("Settings").
    const settings = page.getByRole('complementary', { name: 'Settings' });
    await settings.locator('mat-error').filter({ hasText: 'At least 1' }).waitFor();
    expect(await settings.locator('mat-error').allTextContents()).toEqual(['Required', 'At least 1', 'At most 100']);
    await page.getByRole('radio', { name: 'Nederlands' }).click();
    await form.locator('mat-error').filter({ hasText: 'Minimaal 1' }).waitFor();
  });

  it('shows a server refusal at its field', async () => {
    // Discard the edit of the previous test first.
    const row = byName('Offertezoek - Offertezoek akkoord');
    await page.getByRole('cell', { name: row.name, exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Weggooien' }).click();
    const form = page.getByRole('complementary', { name: 'Instellingen' });
    await form.getByRole('heading', { name: row.name, exact: true }).waitFor();
    await form.getByRole('switch', { name: 'Actief' }).click();
    await form.getByLabel('Na hoeveel dagen').fill('1');
    await form.getByRole('combobox', { name: 'Ontvanger' }).click();
    await page.getByRole('option', { name: 'De contactpersoon' }).click();
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.locator('[data-field="templateKey"]').waitFor();
    expect(await form.locator('[data-field="templateKey"]').textContent()).toMatch(/\S/);
    expect((await call('GET', statusPath(row))).body).toMatchObject({ workflowId: null });
    await form.getByRole('combobox', { name: 'E-mailsjabloon' }).click();
    await page.getByRole('option', { name: 'Offerte aangevraagd' }).click();
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.getByRole('status').waitFor();
    expect(await form.locator('[data-field="templateKey"]').count()).toBe(0);
  });
});

describe('accessibility', () => {
  it('has no serious or critical violations (axe-core) on the workflows page with a form open, a customized one too', async () => {
    const found: Record<string, string[]> = {};
    const check = async (label: string) => {
      await quiet(page);
      const violations = await axeViolations(page);
      if (violations.length > 0) found[label] = violations;
    };
    await page.goto(`${context.app.url}/workflows/quote-request-statuses`);
    await openStatus(byName('Offertezoek - Offerte aangevraagd').name);
    await check('status form');
    await openStatus(byName('Offertezoek - Bewoner is akkoord').name);
    await check('customized status form');
    await page.goto(`${context.app.url}/workflows/task-types`);
    await page.getByRole('cell', { name: 'Terugbellen', exact: true }).click();
    await page.getByRole('heading', { name: 'Taak type: Terugbellen' }).waitFor();
    await check('task-type form');
    expect(found).toEqual({});
    expect(pageErrors).toEqual([]);
  });
});
