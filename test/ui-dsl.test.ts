// The DSL editor page in Chromium: problems panel, did-you-mean and its quick fix, new rules,
// completion inside quotes, Format's reason, the diff toggle, a running flow, deep links, axe-core.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchChromium, until } from './support/browser.js';
import { useTestApp } from './support/lifecycle.js';

const context = useTestApp();
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
let workflowId: string;
let runningFlowId: string;

const MISSPELLED = 'workflow "Welkomstmail" {\n  on person created\n  when person.catgory = "Klant"\n  send email "welkon" to person\n}\n';

async function editorText(): Promise<string> {
  return page.evaluate("[...document.querySelectorAll('.cm-content .cm-line')].map((line) => line.textContent).join('\\n')") as Promise<string>;
}

/** Replaces the whole text of the editor, as a user pasting it. */
async function typeSource(source: string): Promise<void> {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText(source);
}

const panel = () => page.getByRole('region', { name: 'Problemen' });

beforeAll(async () => {
  const call = context.app.call.bind(context.app);
  expect((await call('POST', '/api/templates', { key: 'welkom', name: 'Welkom', channel: 'email', subject: 'Welkom', body: '<p>Hallo</p>' })).status).toBe(201);
  expect((await call('POST', '/api/selections', { name: 'Afmeldingen' })).status).toBe(201);
  const workflow = await call('POST', '/api/workflows', { source: MISSPELLED.replace('catgory', 'category').replace('welkon', 'welkom') });
  expect(workflow.status).toBe(201);
  workflowId = workflow.body.id;
  const flowSource = 'flow "Lopende flow" {\n  sender "Loket <info@loket.example>"\n  reply_to "info@loket.example"\n  trigger manual\n  wait 1 day\n}\n';
  const flow = await call('POST', '/api/flows', { source: flowSource });
  expect(flow.status).toBe(201);
  runningFlowId = flow.body.id;
  expect((await call('POST', `/api/flows/${runningFlowId}/start`)).status).toBe(200);

  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${context.app.url}/login`);
  await page.getByLabel('E-mailadres').fill('admin@test.example');
  await page.getByLabel('Wachtwoord').fill('correct-horse-battery');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
});
afterAll(async () => browser?.close());

describe('the DSL editor page', () => {
  it('opens the rule of a deep link (/dsl?workflow=<id>)', async () => {
    await page.goto(`${context.app.url}/dsl?workflow=${workflowId}`);
    await page.locator('.cm-content').getByText('Welkomstmail').waitFor();
    await page.getByRole('combobox', { name: 'Regel' }).filter({ hasText: 'Welkomstmail' }).waitFor();
    await panel().getByText('Geen problemen').waitFor();
  });

  it('lists every diagnostic in the problems panel with position, severity and did-you-mean; choosing one moves the cursor there', async () => {
    await typeSource(MISSPELLED);
    const rows = panel().getByRole('listitem');
    await until(async () => (await rows.count()) === 2);
    expect(await rows.nth(0).textContent()).toMatch(/regel 3, kolom 8\s*fout\s*onbekend veld 'catgory' van person\s*bedoelde u 'category'\?/);
    expect(await rows.nth(1).textContent()).toMatch(/regel 4, kolom 14\s*fout\s*onbekend sjabloon "welkon"\s*bedoelde u 'welkom'\?/);
    await page.locator('.cm-gutter-lint .cm-lint-marker-error').first().waitFor();

    await rows.nth(1).getByRole('button', { name: /regel 4/ }).click();
    await until(async () => (await page.locator('.cm-activeLine').textContent())?.includes('send email "welkon"') ?? false);
    expect(await page.evaluate("document.activeElement?.classList.contains('cm-content')")).toBe(true);

    await rows.nth(0).getByRole('button', { name: /regel 3/ }).focus();
    await page.keyboard.press('Enter');
    await until(async () => (await page.locator('.cm-activeLine').textContent())?.includes('person.catgory') ?? false);
  });

  it('applies a suggestion as a quick fix', async () => {
    await panel().getByRole('button', { name: "Vervang door 'welkom'" }).click();
    await until(async () => (await editorText()).includes('send email "welkom" to person'));
    await until(async () => (await panel().getByRole('listitem').count()) === 1);
    await panel().getByRole('button', { name: "Vervang door 'category'" }).click();
    await panel().getByText('Geen problemen').waitFor();
    expect(await editorText()).toContain('when person.category = "Klant"');
  });

  it('offers the quick fix in the tooltip of the marked text too', async () => {
    await typeSource(MISSPELLED.replace('catgory', 'category'));
    const marked = page.locator('.cm-lintRange-error', { hasText: 'welkon' });
    await marked.waitFor();
    await marked.hover();
    const tooltip = page.locator('.cm-tooltip-lint');
    await tooltip.getByText("bedoelde u 'welkom'?").waitFor();
    await tooltip.getByRole('button', { name: "Vervang door 'welkom'" }).click();
    await until(async () => (await editorText()).includes('send email "welkom" to person'), 15_000, editorText);
    await panel().getByText('Geen problemen').waitFor();
  });

  it('indents a new line inside a block and closes brackets', async () => {
    await typeSource('workflow "Inspringen" {');
    await page.keyboard.press('Enter');
    await page.keyboard.type('on person created');
    await page.keyboard.press('Enter');
    await page.keyboard.type('when person.category in [');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('}');
    await until(async () => (await editorText()) === 'workflow "Inspringen" {\n  on person created\n  when person.category in []\n}', 15_000, editorText);
  });

  it('suggests the keyword meant for a misspelled one, and shows the messages in English after switching', async () => {
    await typeSource(MISSPELLED.replace('  send email "welkon"', '  sned email "welkom"').replace('catgory', 'category'));
    await panel().getByText("bedoelde u 'send'?").waitFor();
    await page.getByRole('radio', { name: 'English' }).click();
    await page.getByRole('region', { name: 'Problems' }).getByText("did you mean 'send'?").waitFor();
    expect(await page.getByRole('region', { name: 'Problems' }).textContent()).toContain("expected a workflow line (on, when, after, send or remind) or '}', found 'sned'");
    await page.getByRole('radio', { name: 'Nederlands' }).click();
    await panel().waitFor();
  });

  it('says why Format cannot run on text with a syntax error', async () => {
    await page.getByRole('button', { name: 'Formatteren' }).click();
    await page.getByRole('alert').filter({ hasText: 'Opmaken kan niet: regel 4 heeft een syntaxfout' }).waitFor();
    expect(await editorText()).toContain('sned email');
  });

  it('reports a missing } where the block opened', async () => {
    await typeSource('workflow "Open" {\n  on person created\n  send email "welkom" to person\n');
    await panel().getByText('dit blok, hier geopend, wordt niet gesloten').waitFor();
    expect(await panel().getByRole('listitem').first().textContent()).toMatch(/^regel 1, kolom 17/);
  });

  it('creates a workflow from text with "Nieuw", offering template keys inside quotes; the diff toggle waits for a saved version', async () => {
    await page.getByRole('button', { name: 'Nieuw' }).click();
    await page.getByRole('menuitem', { name: 'Workflow' }).click();
    // The text of the previous test is not saved: "Nieuw" asks before it replaces it.
    await page.getByRole('dialog', { name: 'Wijzigingen weggooien?' }).getByRole('button', { name: 'Weggooien' }).click();
    await page.getByText('Nieuwe workflow, nog niet opgeslagen').waitFor();
    expect(await page.getByRole('switch', { name: 'Verschil met opgeslagen versie' }).isDisabled()).toBe(true);
    expect(await editorText()).toContain('send email "sjabloon-sleutel" to person');

    const text = (await editorText()).replace('Nieuwe workflow', 'Aangemaakt in de editor').replace('"sjabloon-sleutel"', '""');
    await typeSource(text);
    await page.locator('.cm-line').filter({ hasText: 'send email' }).click();
    await page.keyboard.press('End');
    for (let i = 0; i < '" to person'.length; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('wel');
    // Chosen with the mouse: CodeMirror ignores Enter for a moment after the list (re)opens.
    await page.locator('.cm-tooltip-autocomplete li', { hasText: 'welkom' }).click();
    await until(async () => (await editorText()).includes('send email "welkom" to person'), 15_000, editorText);

    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('status').filter({ hasText: /^\s*Opgeslagen\s*$/ }).waitFor();
    const created = (await context.app.call('GET', '/api/workflows?q=Aangemaakt')).body.items[0];
    expect(created.source).toContain('send email "welkom" to person');
    await page.waitForURL(new RegExp(`/dsl\\?workflow=${created.id}$`));
    expect(await page.getByRole('switch', { name: 'Verschil met opgeslagen versie' }).isDisabled()).toBe(false);
  });

  it('shows errors of a refused new rule as diagnostics', async () => {
    await page.getByRole('button', { name: 'Nieuw' }).click();
    await page.getByRole('menuitem', { name: 'Flow', exact: true }).click();
    await typeSource('flow "Welkomstmail" {\n  trigger manual\n  exclude selection "Afmelding"\n}\n');
    await panel().getByText("bedoelde u 'Afmeldingen'?").waitFor();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('alert').filter({ hasText: 'regel 3, kolom 21: onbekende selectie "Afmelding" (bedoelde u \'Afmeldingen\'?)' }).waitFor();
  });

  it('keeps a running flow read-only, saying to pause it first, without any edit preview (/dsl?flow=<id>)', async () => {
    await page.goto(`${context.app.url}/dsl?flow=${runningFlowId}`);
    await page.locator('.cm-content').getByText('Lopende flow').waitFor();
    await page.locator('[data-running]').filter({ hasText: 'pauzeer de flow eerst' }).waitFor();
    expect(await page.getByRole('button', { name: 'Opslaan' }).count()).toBe(0);
    expect(await page.locator('.cm-content').getAttribute('contenteditable')).toBe('false');
    expect(await page.getByRole('button', { name: 'Formatteren' }).isDisabled()).toBe(true);
  });

  it('opens a rule chosen in the list, and the address links to it', async () => {
    await page.getByRole('combobox', { name: 'Regel' }).click();
    await page.getByRole('option', { name: 'Workflow: Welkomstmail' }).click();
    await page.locator('.cm-content').getByText('Welkomstmail').waitFor();
    await page.waitForURL(new RegExp(`/dsl\\?workflow=${workflowId}$`));
    expect(await page.locator('[data-running]').count()).toBe(0);
  });

  it('has no serious or critical accessibility violations (axe-core) with problems listed', async () => {
    await typeSource(MISSPELLED);
    await until(async () => (await panel().getByRole('listitem').count()) === 2);
    const violations = await axeViolations(page);
    expect(violations).toEqual([]);
  });

  it('ran without a script error', () => {
    expect(pageErrors).toEqual([]);
  });
});

