// Unsaved changes in the template editor and the DSL editor, in Chromium: choosing another template or
// rule, "Nieuw", another page and a reload ask before an edit is thrown away.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, reloadIsAsked } from './support/browser.js';
import { useTestApp } from './support/lifecycle.js';

const context = useTestApp();
const call = (method: string, path: string, body?: unknown) => context.app.call(method, path, body);
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
let welkomId: string;
let firstRule: string;
const FIRST = 'workflow "Eerste regel" {\n  on person created\n  send email "welkom" to person\n}\n';
const SECOND = 'workflow "Tweede regel" {\n  on person created\n  send email "herinnering" to person\n}\n';

async function signIn(target: Page): Promise<void> {
  await target.goto(`${context.app.url}/login`);
  await target.getByLabel('E-mailadres').fill('admin@test.example');
  await target.getByLabel('Wachtwoord').fill('correct-horse-battery');
  await target.getByRole('button', { name: 'Inloggen' }).click();
  await target.waitForURL((url) => !url.pathname.startsWith('/login'));
}

async function editorText(target: Page): Promise<string> {
  return target.evaluate("[...document.querySelectorAll('.cm-content .cm-line')].map((line) => line.textContent).join('\\n')") as Promise<string>;
}

const discardDialog = () => page.getByRole('dialog', { name: 'Wijzigingen weggooien?' });

async function answer(button: 'Annuleren' | 'Weggooien'): Promise<void> {
  await discardDialog().waitFor();
  await discardDialog().getByRole('button', { name: button }).click();
  await discardDialog().waitFor({ state: 'detached' });
}

beforeAll(async () => {
  const welkom = await call('POST', '/api/templates', { key: 'welkom', name: 'Welkom', channel: 'email', subject: 'Welkom bij ons', body: '<p>Hallo</p>' });
  expect(welkom.status).toBe(201);
  welkomId = welkom.body.id;
  expect((await call('POST', '/api/templates', { key: 'herinnering', name: 'Herinnering', channel: 'email', subject: 'Nog even dit', body: '<p>Hallo</p>' })).status).toBe(201);
  const first = await call('POST', '/api/workflows', { source: FIRST });
  expect(first.status).toBe(201);
  firstRule = first.body.id;
  expect((await call('POST', '/api/workflows', { source: SECOND })).status).toBe(201);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await signIn(page);
});
afterAll(async () => browser?.close());

describe('the template editor', () => {
  const editor = () => page.getByRole('complementary', { name: 'Sjabloon bewerken' });

  it('asks before another template replaces an edited one: cancel keeps the edit, discard switches', async () => {
    await page.goto(`${context.app.url}/templates`);
    await page.getByRole('cell', { name: 'Welkom', exact: true }).click();
    await editor().getByRole('heading', { name: /^Welkom/ }).waitFor();
    await editor().getByLabel('Onderwerp').fill('Een ander onderwerp');

    await page.getByRole('cell', { name: 'Herinnering', exact: true }).click();
    await answer('Annuleren');
    expect(await editor().getByRole('heading', { level: 2 }).textContent()).toMatch(/^Welkom/);
    expect(await editor().getByLabel('Onderwerp').inputValue()).toBe('Een ander onderwerp');

    // Another page asks too (the route's guard), and stays when cancelled.
    await page.getByRole('navigation').getByRole('link', { name: 'Flows', exact: true }).click();
    await answer('Annuleren');
    expect(page.url()).toMatch(/\/templates$/);
    expect(await editor().getByLabel('Onderwerp').inputValue()).toBe('Een ander onderwerp');

    await page.getByRole('cell', { name: 'Herinnering', exact: true }).click();
    await answer('Weggooien');
    await editor().getByRole('heading', { name: /^Herinnering/ }).waitFor();
    expect((await call('GET', `/api/templates/${welkomId}`)).body.subject).toBe('Welkom bij ons');

    // Nothing changed: no question.
    await page.getByRole('cell', { name: 'Welkom', exact: true }).click();
    await editor().getByRole('heading', { name: /^Welkom/ }).waitFor();
    expect(await editor().getByLabel('Onderwerp').inputValue()).toBe('Welkom bij ons');
    expect(await discardDialog().count()).toBe(0);
  });

  it('does not ask after the edit is saved', async () => {
    await editor().getByLabel('Onderwerp').fill('Welkom bij Stroom');
    await editor().getByRole('button', { name: 'Opslaan' }).click();
    await editor().getByRole('status').filter({ hasText: 'Opgeslagen' }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Flows', exact: true }).click();
    await page.waitForURL(/\/flows$/);
    expect(await discardDialog().count()).toBe(0);
    expect((await call('GET', `/api/templates/${welkomId}`)).body.subject).toBe('Welkom bij Stroom');
  });

  it('asks the browser before a reload throws an edit away; dismissed, the edit stays', async () => {
    const other = await browser.newPage();
    try {
      await signIn(other);
      await other.goto(`${context.app.url}/templates`);
      await other.getByRole('cell', { name: 'Herinnering', exact: true }).click();
      const form = other.getByRole('complementary', { name: 'Sjabloon bewerken' });
      await form.getByLabel('Tekst').fill('<p>Nieuwe tekst</p>');
      await reloadIsAsked(other);
      expect(await form.getByLabel('Tekst').inputValue()).toBe('<p>Nieuwe tekst</p>');
    } finally {
      await other.close();
    }
  });
});

describe('the DSL editor', () => {
  const ruleList = () => page.getByRole('combobox', { name: 'Regel' });

  async function edit(): Promise<void> {
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('# nog niet opgeslagen\n');
  }

  it('asks before another rule or "Nieuw" replaces edited text: cancel keeps the edit, discard switches', async () => {
    await page.goto(`${context.app.url}/dsl?workflow=${firstRule}`);
    await page.locator('.cm-content').getByText('Eerste regel').waitFor();
    await edit();

    await ruleList().click();
    await page.getByRole('option', { name: 'Workflow: Tweede regel' }).click();
    await answer('Annuleren');
    expect(await editorText(page)).toContain('# nog niet opgeslagen');
    expect(await ruleList().textContent()).toContain('Eerste regel');

    await page.getByRole('button', { name: 'Nieuw' }).click();
    await page.getByRole('menuitem', { name: 'Workflow' }).click();
    await answer('Annuleren');
    expect(await editorText(page)).toContain('# nog niet opgeslagen');
    expect(await page.getByText('Nieuwe workflow, nog niet opgeslagen').count()).toBe(0);

    await page.getByRole('navigation').getByRole('link', { name: 'Flows', exact: true }).click();
    await answer('Annuleren');
    expect(page.url()).toMatch(/\/dsl\?workflow=/);
    expect(await editorText(page)).toContain('# nog niet opgeslagen');

    await ruleList().click();
    await page.getByRole('option', { name: 'Workflow: Tweede regel' }).click();
    await answer('Weggooien');
    await page.locator('.cm-content').getByText('Tweede regel').waitFor();
    expect((await call('GET', `/api/workflows/${firstRule}`)).body.source).not.toContain('nog niet opgeslagen');

    // Nothing changed: no question.
    await ruleList().click();
    await page.getByRole('option', { name: 'Workflow: Eerste regel' }).click();
    await page.locator('.cm-content').getByText('Eerste regel').waitFor();
    expect(await discardDialog().count()).toBe(0);
  });

  it('asks before "Nieuw" replaces an edited new rule, and discards on request', async () => {
    await page.getByRole('button', { name: 'Nieuw' }).click();
    await page.getByRole('menuitem', { name: 'Workflow' }).click();
    await page.getByText('Nieuwe workflow, nog niet opgeslagen').waitFor();
    expect(await discardDialog().count()).toBe(0);
    await edit();
    await page.getByRole('button', { name: 'Nieuw' }).click();
    await page.getByRole('menuitem', { name: 'Flow', exact: true }).click();
    await answer('Weggooien');
    await page.getByText('Nieuwe flow, nog niet opgeslagen').waitFor();
    expect(await editorText(page)).not.toContain('# nog niet opgeslagen');
  });

  it('asks the browser before a reload throws edited text away; dismissed, the text stays', async () => {
    const other = await browser.newPage();
    try {
      await signIn(other);
      await other.goto(`${context.app.url}/dsl?workflow=${firstRule}`);
      await other.locator('.cm-content').getByText('Eerste regel').waitFor();
      await other.locator('.cm-content').click();
      await other.keyboard.press('Control+End');
      await other.keyboard.insertText('# nog niet opgeslagen\n');
      await reloadIsAsked(other);
      expect(await editorText(other)).toContain('# nog niet opgeslagen');
    } finally {
      await other.close();
    }
  });

  it('ran without a script error', () => {
    expect(pageErrors).toEqual([]);
  });
});
