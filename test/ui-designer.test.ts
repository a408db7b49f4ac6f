import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Locator, Page } from 'playwright-core';
import { axeViolations, dragTo, launchChromium } from './support/browser.js';
import { assignStepIds, flowOf, freshStepId, insertStep, newStep, parse, print } from '@stroom/dsl';
import { useTestApp } from './support/lifecycle.js';

// The flow designer in Chromium: a flow built from nothing by drag and drop, the keyboard and forms;
// saved with a warning, refused at start with the problems, fixed, started; moved, undone, copied.

/** The page's document, as the functions run inside Chromium see it (the tests compile without the DOM library). */
interface PageElement { textContent: string | null; getAttribute(name: string): string | null }
declare const document: { querySelector(selector: string): PageElement | null; querySelectorAll(selector: string): ArrayLike<PageElement> & Iterable<PageElement> };

const SCREENSHOTS = join(process.cwd(), 'docs', 'screenshots');
const FIXTURES = join(process.cwd(), 'dsl', 'fixtures');
/** Every fixture file of the language that holds a flow, with the text the server would store (each step labelled). */
const flowFixtures = readdirSync(FIXTURES).filter((name) => name.endsWith('.stroom')).sort().flatMap((name) => {
  const { ast, diagnostics } = parse(readFileSync(join(FIXTURES, name), 'utf8'));
  if (diagnostics.some((d) => d.severity === 'error') || !ast.declarations.some((d) => d.kind === 'flow')) return [];
  return [{ name, program: assignStepIds(ast, []) }];
});
const context = useTestApp();
const call = (method: string, path: string, body?: unknown) => context.app.call(method, path, body);
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
let flowId: string;

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 1400 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  expect((await call('POST', '/api/forms', { key: 'contact', name: 'Contactformulier' })).status).toBe(201);
  expect((await call('POST', '/api/selections', { name: 'Uitvallers' })).status).toBe(201);
  await page.goto(`${context.app.url}/login`);
  await page.getByLabel('E-mailadres').fill('admin@test.example');
  await page.getByLabel('Wachtwoord').fill('correct-horse-battery');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL(/\/workflows\//);
});
afterAll(async () => browser?.close());

const drag = (from: Locator, to: Locator) => dragTo(page, from, to);

const palette = (key: string) => page.locator(`[data-palette="${key}"]`);
const slot = (name: string) => page.locator(`[data-slot="${name}"]`);
const cards = () => page.locator('.canvas [data-step]');
const panel = () => page.locator('aside.panel');
async function titles(): Promise<string[]> {
  return page.locator('.canvas [data-step] .title').allTextContents();
}
async function storedSource(): Promise<string> {
  return (await call('GET', `/api/flows/${flowId}`)).body.source;
}

describe('the flow designer', () => {
  it('builds a flow from nothing: form trigger by form, e-mail by dragging, wait by keyboard, complete by dragging', async () => {
    await page.goto(`${context.app.url}/flows/new`);
    await page.getByRole('heading', { name: 'Nieuwe flow' }).waitFor();
    // The step menu has the four groups with the seed's names.
    for (const group of ['Bericht verzenden', 'Deelnemer bijwerken', 'Activiteit maken', 'Interne acties']) await page.getByRole('heading', { name: group }).waitFor();
    expect(await page.locator('[data-palette]').count()).toBe(19);

    await page.getByLabel('Naam', { exact: true }).fill('Leadflow');
    await page.getByLabel('Naam', { exact: true }).press('Tab');
    await page.getByRole('button', { name: /Start van de flow/ }).click();
    await panel().getByRole('combobox', { name: 'Trigger' }).click();
    await page.getByRole('option', { name: 'Formulier ingevuld' }).click();
    await panel().getByLabel('Afzender', { exact: true }).fill('Loket <info@loket.example>');
    await panel().getByLabel('Afzender', { exact: true }).press('Tab');

    await drag(palette('send_email'), slot('flow:0'));
    await expect1(cards(), 1);
    await panel().getByLabel('Sleutel van het sjabloon (ook een nog te schrijven)').fill('welkom');
    await panel().getByLabel('Sleutel van het sjabloon (ook een nog te schrijven)').press('Tab');

    // The keyboard path: choose the slot at the end, then the step from the menu.
    await page.getByRole('button', { name: 'Sleuf aan het eind: stap hier invoegen' }).focus();
    await page.keyboard.press('Enter');
    await palette('wait').focus();
    await page.keyboard.press('Enter');
    await expect1(cards(), 2);
    await panel().getByLabel('Aantal').fill('2');
    await panel().getByLabel('Aantal').press('Tab');

    await drag(palette('complete'), slot('flow:2'));
    await expect1(cards(), 3);
    await expectTitles(['E-mail versenden', 'Wachttijd', 'Voltooid']);
    await page.screenshot({ path: join(SCREENSHOTS, 'designer-build.png'), fullPage: true });
  });

  it('shows the live DSL text of the same tree', async () => {
    await page.getByRole('tab', { name: 'DSL' }).click();
    const text = await page.getByLabel('DSL-tekst van de flow').inputValue();
    expect(text).toBe([
      'flow "Leadflow" {', '  sender "Loket <info@loket.example>"', '  trigger form "contact" submitted', '',
      '  s1: send email "welkom"', '  s2: wait 2 days', '  s3: complete', '}', '',
    ].join('\n'));
    await page.getByRole('tab', { name: 'Diagram' }).click();
  });

  it('saves with a warning (the template does not exist yet), then start is refused with the problems', async () => {
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL(/\/flows\/\d+\/edit$/);
    flowId = page.url().match(/\/flows\/(\d+)\/edit$/)![1]!;
    const warnings = page.locator('.warnings');
    await warnings.waitFor();
    expect(await warnings.textContent()).toContain('welkom');
    expect(await storedSource()).toContain('s1: send email "welkom"');
    await page.locator('[data-step="s1"] .warning').waitFor();

    await page.getByRole('button', { name: 'Starten' }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'De flow kan nog niet starten' });
    await refused.waitFor();
    // Both problems of the e-mail step: its template does not exist, and the flow has no reply-to address.
    const items = await refused.getByRole('listitem').allTextContents();
    expect(items).toHaveLength(2);
    for (const item of items) expect(item).toMatch(/^Stap s1: /);
    expect(items.some((item) => item.includes('welkom'))).toBe(true);
    expect((await call('GET', `/api/flows/${flowId}`)).body.status).toBe('not_running');
    await page.screenshot({ path: join(SCREENSHOTS, 'designer-start-refused.png'), fullPage: true });
  });

  it('moves a step by dragging and undoes the move', async () => {
    await drag(page.locator('[data-step="s2"]'), slot('flow:0'));
    await page.waitForFunction(() => document.querySelector('.canvas [data-step]')?.getAttribute('data-step') === 's2');
    await expectTitles(['Wachttijd', 'E-mail versenden', 'Voltooid']);
    await page.getByRole('button', { name: 'Ongedaan maken' }).click();
    await expectTitles(['E-mail versenden', 'Wachttijd', 'Voltooid']);
    await page.getByRole('button', { name: 'Opnieuw' }).click();
    await expectTitles(['Wachttijd', 'E-mail versenden', 'Voltooid']);
    await page.getByRole('button', { name: 'Ongedaan maken' }).click();
  });

  it('deletes a split with its branch steps after a confirmation that counts them', async () => {
    await drag(palette('split'), slot('flow:2'));
    await page.locator('[data-branch="Tak 1"] [data-slot]').first().waitFor();
    await drag(palette('wait'), page.locator('[data-branch="Tak 1"] [data-slot]').first());
    await expect1(cards(), 5);
    const split = page.locator('.card', { hasText: 'Opsplitsen' });
    await split.getByRole('button', { name: 'Verwijderen' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.textContent()).toContain('2 stappen');
    await dialog.getByRole('button', { name: 'Verwijderen' }).click();
    await expect1(cards(), 3);
  });

  it('starts once the template exists and the reply-to address is filled in', async () => {
    expect((await call('POST', '/api/templates', { key: 'welkom', name: 'Welkom', channel: 'email', subject: 'Welkom', body: '<p>Hallo</p>' })).status).toBe(201);
    await page.getByRole('button', { name: /Start van de flow/ }).click();
    await panel().getByLabel('Antwoordadres').fill('info@loket.example');
    await panel().getByLabel('Antwoordadres').press('Tab');
    await page.getByRole('button', { name: 'Starten' }).click();
    await page.getByText('De flow wordt uitgevoerd.').waitFor();
    expect((await call('GET', `/api/flows/${flowId}`)).body.status).toBe('running');
    expect(await storedSource()).toContain('  reply_to "info@loket.example"\n');
    // The designer leads to the simulation of what it saved (one person or a whole selection).
    expect(await page.getByRole('link', { name: 'Simuleren' }).getAttribute('href')).toBe(`/flows/${flowId}/simulate`);
  });

  it('copies the flow into a new, not running one', async () => {
    await page.getByRole('button', { name: 'Kopiëren' }).click();
    await page.getByText('Kopie gemaakt: Leadflow (kopie)').waitFor();
    const copyId = page.url().match(/\/flows\/(\d+)\/edit$/)![1]!;
    expect(copyId).not.toBe(flowId);
    const copy = (await call('GET', `/api/flows/${copyId}`)).body;
    expect(copy).toMatchObject({ name: 'Leadflow (kopie)', status: 'not_running' });
    expect(await page.getByLabel('Naam', { exact: true }).inputValue()).toBe('Leadflow (kopie)');
    await expectTitles(['E-mail versenden', 'Wachttijd', 'Voltooid']);
  });

  it('redraws the diagram from text edited on the DSL tab; a text that does not parse leaves the diagram alone', async () => {
    await page.getByRole('tab', { name: 'DSL' }).click();
    const text = page.getByLabel('DSL-tekst van de flow');
    const before = await text.inputValue();
    await text.fill(before.replace(/(\w+: wait 2 days)/, '$1\n  bel: create sale "Warmtepomp" type "Advies" stage open'));
    await page.getByRole('tab', { name: 'Diagram' }).click();
    await expectTitles(['E-mail versenden', 'Wachttijd', 'Verkoop maken', 'Voltooid']);
    await page.getByRole('tab', { name: 'DSL' }).click();
    await text.fill('flow "kapot" {');
    await page.getByRole('tab', { name: 'DSL' }).locator('..').waitFor();
    await page.locator('.problems[role="alert"]').waitFor();
    await page.getByRole('tab', { name: 'Diagram' }).click();
    await expectTitles(['E-mail versenden', 'Wachttijd', 'Verkoop maken', 'Voltooid']);
    await page.getByRole('button', { name: 'Ongedaan maken' }).click();
    await expectTitles(['E-mail versenden', 'Wachttijd', 'Voltooid']);
  });

  it('loses nothing of any fixture flow (comments included) when a step is placed and deleted in the designer', async () => {
    expect(flowFixtures.length).toBeGreaterThanOrEqual(3);
    await page.goto(`${context.app.url}/flows/new`);
    await page.getByRole('heading', { name: 'Nieuwe flow' }).waitFor();
    for (const { name, program } of flowFixtures) {
      const stored = print(program);
      await page.getByRole('tab', { name: 'DSL' }).click();
      const text = page.getByLabel('DSL-tekst van de flow');
      await text.fill(stored);
      await text.blur();
      expect({ name, text: await text.inputValue() }).toEqual({ name, text: stored });
      await page.getByRole('tab', { name: 'Diagram' }).click();
      // Placed by keyboard at the end of the flow: the text is exactly the package's own insert.
      const id = freshStepId(program);
      const expected = print(insertStep(program, { container: { kind: 'flow' }, index: flowOf(program).steps.length }, newStep('wait', id)));
      await page.locator('.canvas > st-step-tree > .steps > li:last-child .slot-button').click();
      await palette('wait').click();
      await page.locator(`[data-step="${id}"]`).waitFor();
      await page.getByRole('tab', { name: 'DSL' }).click();
      expect({ name, text: await text.inputValue() }).toEqual({ name, text: expected });
      await page.getByRole('tab', { name: 'Diagram' }).click();
      await page.locator(`[data-step="${id}"]`).getByRole('button', { name: 'Verwijderen' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Verwijderen' }).click();
      await page.locator(`[data-step="${id}"]`).waitFor({ state: 'detached' });
      await page.getByRole('tab', { name: 'DSL' }).click();
      expect({ name, text: await text.inputValue() }).toEqual({ name, text: stored });
    }
  });

  it('shows a content editor the designer read-only', async () => {
    expect((await call('POST', '/api/employees', { name: 'Carla Content', email: 'carla@test.example', roles: ['content_editor'], password: 'inhoud-redacteur-2026' })).status).toBe(201);
    const other = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    try {
      await other.goto(`${context.app.url}/login`);
      await other.getByLabel('E-mailadres').fill('carla@test.example');
      await other.getByLabel('Wachtwoord').fill('inhoud-redacteur-2026');
      await other.getByRole('button', { name: 'Inloggen' }).click();
      await other.waitForURL(/\/workflows\//);
      await other.goto(`${context.app.url}/flows/${flowId}/edit`);
      await other.getByText('U kunt deze flow bekijken maar niet wijzigen').waitFor();
      await other.locator('[data-step]').first().waitFor();
      for (const button of ['Opslaan', 'Starten', 'Kopiëren']) expect(await other.getByRole('button', { name: button }).isDisabled()).toBe(true);
      expect(await other.locator('[data-palette="wait"]').isDisabled()).toBe(true);
      expect(await other.locator('[data-step] .remove').count()).toBe(0);
      expect(await other.locator('.slot-button').first().isDisabled()).toBe(true);
    } finally {
      await other.close();
    }
  });

  it('sets once per person, an exclusion list picked by type-ahead, success criteria, a completion that proposes another flow and a leave into a selection by forms', async () => {
    await page.goto(`${context.app.url}/flows/new`);
    await page.getByRole('heading', { name: 'Nieuwe flow' }).waitFor();
    await page.getByRole('button', { name: /Start van de flow/ }).click();
    await panel().getByRole('combobox', { name: 'Opnieuw starten', exact: true }).click();
    await page.getByRole('option', { name: 'Eén keer per persoon', exact: true }).click();
    await panel().getByRole('checkbox', { name: 'Verkoop gemaakt' }).check();
    await panel().getByRole('combobox', { name: 'Als het succes bereikt is' }).click();
    await page.getByRole('option', { name: 'Doorgaan met de flow' }).click();
    // Type-ahead: the server searches the selections by name.
    await panel().getByLabel('Uitsluitingslijst (selectie)').pressSequentially('Uitv');
    await page.getByRole('option', { name: 'Uitvallers' }).click();
    await palette('leave').click();
    await panel().getByRole('combobox', { name: 'Bij verlaten toevoegen aan selectie' }).fill('Uitvallers');
    await panel().getByRole('combobox', { name: 'Bij verlaten toevoegen aan selectie' }).press('Tab');
    await page.getByRole('button', { name: 'Sleuf 1: stap hier invoegen' }).click();
    await palette('complete').click();
    await panel().getByRole('combobox', { name: 'Met succes: aanbieden aan flow' }).fill('Nazorg');
    await panel().getByRole('combobox', { name: 'Met succes: aanbieden aan flow' }).press('Tab');
    await page.getByRole('tab', { name: 'DSL' }).click();
    expect(await page.getByLabel('DSL-tekst van de flow').inputValue()).toBe([
      'flow "Nieuwe flow" {', '  trigger manual', '  exclude selection "Uitvallers"', '  once per person', '  success when sale created then continue', '',
      '  s2: complete {', '    on success move to flow "Nazorg"', '  }', '  s1: leave {', '    add to selection "Uitvallers"', '  }', '}', '',
    ].join('\n'));
    await page.getByRole('tab', { name: 'Diagram' }).click();
  });

  it('sets a follow-up\'s moment and assignee and a request\'s owner by forms', async () => {
    await page.getByRole('tab', { name: 'Diagram' }).click();
    await palette('create_follow_up').click();
    await panel().getByRole('combobox', { name: 'Wanneer' }).click();
    await page.getByRole('option', { name: 'Na een wachttijd' }).click();
    await panel().getByRole('combobox', { name: 'Toewijzen aan' }).click();
    await page.getByRole('option', { name: 'Onze servicecontactpersoon' }).click();
    await palette('create_request').click();
    await panel().getByRole('combobox', { name: 'Eigenaar' }).click();
    await page.getByRole('option', { name: 'Een medewerker (e-mailadres)' }).click();
    await panel().getByRole('combobox', { name: 'E-mailadres van de medewerker' }).fill('jan@loket.example');
    await panel().getByRole('combobox', { name: 'E-mailadres van de medewerker' }).press('Tab');
    await page.getByRole('tab', { name: 'DSL' }).click();
    const text = await page.getByLabel('DSL-tekst van de flow').inputValue();
    expect(text).toContain('  s3: create follow_up "" type "" after 3 workdays assign service_contact\n');
    expect(text).toContain('  s4: create request "" type "" status "" owner "jan@loket.example"\n');
    await page.getByRole('tab', { name: 'Diagram' }).click();
  });

  it('saving a paused flow shows what the edit does to its participants and moves them as chosen', async () => {
    const made = await call('POST', '/api/flows', { source: 'flow "Gepauzeerd" {\n  sender "Loket <info@loket.example>"\n  reply_to "info@loket.example"\n  trigger manual\n\n  wacht: wait 5 days\n  klaar: complete\n}\n' });
    expect(made.status).toBe(201);
    const id = made.body.id as string;
    expect((await call('POST', `/api/flows/${id}/start`)).status).toBe(200);
    const person = await call('POST', '/api/persons', { firstName: 'Pien', email: 'pien@test.example' });
    expect((await call('POST', `/api/flows/${id}/participants`, { personIds: [person.body.id] })).body.enrolled).toBe(1);
    expect((await call('POST', `/api/flows/${id}/pause`)).status).toBe(200);
    await page.goto(`${context.app.url}/flows/${id}/edit`);
    await page.locator('[data-step="wacht"]').getByRole('button', { name: 'Verwijderen' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Verwijderen' }).click();
    await page.locator('[data-step="wacht"]').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Opslaan' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Stap wacht wordt verwijderd; 1 deelnemer(s) staan erop.').waitFor();
    await dialog.getByRole('combobox', { name: 'Deelnemers van wacht naar' }).click();
    await page.getByRole('option', { name: 'klaar' }).click();
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'Opgeslagen' }).waitFor();
    expect((await call('GET', `/api/flows/${id}`)).body.source).not.toContain('wacht:');
    const participants = (await call('GET', `/api/flows/${id}/participants`)).body.items as { stepId: string; status: string }[];
    expect(participants).toEqual([expect.objectContaining({ stepId: 'klaar', status: 'active' })]);
  });

  it('has no serious or critical violations (axe-core) on the designer with a step open', async () => {
    const lead = await call('POST', '/api/flows', { source: [
      'flow "Leads opvolgen" {', '  sender "Loket <info@loket.example>"', '  reply_to "info@loket.example"', '  trigger form "contact" submitted',
      '  filter person.category = "lead"', '', '  # eerst de welkomstmail', '  welkom: send email "welkom"',
      '  klik: wait for link clicked in welkom at most 7 days else leave {', '    add to selection "Uitvallers"', '  }',
      '  soort: split "Soort lead" {', '    branch "Warm" when person.category = "warm" {', '      verkoop: create sale "Warmtepomp" type "Advies" stage open', '    }',
      '    others {', '      wacht: wait 3 days', '    }', '  }', '  klaar: complete', '}', '',
    ].join('\n') });
    expect({ status: lead.status, body: lead.body }).toMatchObject({ status: 201 });
    await page.goto(`${context.app.url}/flows/${lead.body.id}/edit`);
    await page.locator('[data-step="soort"] .card-main').click();
    await panel().getByLabel('Naam van de tak').waitFor();
    const violations = await axeViolations(page);
    expect(violations).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'designer-settings.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});

/** Waits until the cards' titles read `expected` (the page renders after the click's task). */
async function expectTitles(expected: string[]): Promise<void> {
  await page.waitForFunction((want) => JSON.stringify([...document.querySelectorAll('.canvas [data-step] .title')].map((e) => e.textContent)) === want,
    JSON.stringify(expected), { timeout: 5000 }).catch(() => undefined);
  expect(await titles()).toEqual(expected);
}

/** Waits until the locator matches `n` elements. */
async function expect1(locator: Locator, n: number): Promise<void> {
  await page.waitForFunction(([selector, count]) => document.querySelectorAll(selector as string).length === count, ['.canvas [data-step]', n] as const);
  expect(await locator.count()).toBe(n);
}
