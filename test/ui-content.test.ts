// Content in Chromium: an e-mail designed from blocks with a merge variable, previewed on a person,
// saved and test-sent (the received HTML is the preview's), an SMS text with its live counter, the
// templates list with "where used" and a delete refused in words; axe on every new page.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { simpleParser } from 'mailparser';
import { join } from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { axeViolations, launchChromium, until } from './support/browser.js';
import { useTestAppWithSmtp } from './support/smtp-app.js';

const SCREENSHOTS = join(import.meta.dirname, '..', 'docs', 'screenshots');
const { smtp, context } = useTestAppWithSmtp();
const call = (method: string, path: string, body?: unknown) => context.app.call(method, path, body);
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
let designedId: string;

/** The e-mail's HTML as the preview frame shows it, without the guard the frame adds. */
function withoutGuard(srcdoc: string): string {
  return srcdoc.replace(/<meta http-equiv="Content-Security-Policy"[^>]*><base target="_blank">/, '');
}

/** A 1×1 PNG. */
const PNG_PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

const canvas = (): FrameLocator => page.frameLocator('iframe.gjs-frame');

beforeAll(async () => {
  expect((await call('POST', '/api/persons', { firstName: 'Fenna', lastName: 'Bos', email: 'fenna@voorbeeld.test' })).status).toBe(201);
  expect((await call('POST', '/api/templates', { key: 'herinnering', name: 'Herinnering offerte', channel: 'email', subject: 'Nog even dit', body: '<p>Hallo</p>' })).status).toBe(201);
  expect((await call('POST', '/api/workflows', { source: 'workflow "Offerte nagaan" {\n  on person created\n  send email "herinnering" to person\n}\n' })).status).toBe(201);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${context.app.url}/login`);
  await page.getByLabel('E-mailadres').fill('admin@test.example');
  await page.getByLabel('Wachtwoord').fill('correct-horse-battery');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
});
afterAll(async () => browser?.close());

describe('the templates page', () => {
  it('lists templates with channel, last change and where they are used, and searches', async () => {
    await page.goto(`${context.app.url}/templates`);
    const row = page.getByRole('row').filter({ hasText: 'Herinnering offerte' });
    await row.getByRole('link', { name: 'workflow Offerte nagaan' }).waitFor();
    expect(await page.getByRole('columnheader').allTextContents()).toEqual(['Naam', 'Sleutel', 'Kanaal', 'Onderwerp', 'Laatst gewijzigd', 'Gebruikt in', 'Taken']);
    await page.getByLabel('Zoeken in sjablonen').fill('bestaat niet');
    await page.getByText('0 sjablonen').waitFor();
    await page.getByLabel('Zoeken in sjablonen').fill('herinner');
    await page.getByText('1 sjabloon', { exact: true }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('refuses to delete a template a rule uses, and says which rule in words', async () => {
    await page.getByRole('button', { name: 'Taken voor Herinnering offerte' }).click();
    await page.getByRole('menuitem', { name: 'Verwijderen' }).click();
    await page.getByRole('dialog', { name: 'Sjabloon Herinnering offerte verwijderen?' }).getByRole('button', { name: 'Verwijderen' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'kan niet weg' });
    await alert.waitFor();
    expect(await alert.textContent()).toBe('Herinnering offerte kan niet weg: het wordt gebruikt in workflow "Offerte nagaan". Haal het daar eerst weg.');
    expect((await call('GET', '/api/templates?key=herinnering')).body.total).toBe(1);
  });

  it('copies a template', async () => {
    await page.getByRole('button', { name: 'Taken voor Herinnering offerte' }).click();
    await page.getByRole('menuitem', { name: 'Kopiëren' }).click();
    await page.getByRole('status').filter({ hasText: 'Kopie gemaakt: Herinnering offerte (kopie).' }).waitFor();
    expect((await call('GET', '/api/templates?key=herinnering-kopie')).body.items[0]).toMatchObject({ name: 'Herinnering offerte (kopie)', subject: 'Nog even dit', body: '<p>Hallo</p>' });
    await page.getByLabel('Zoeken in sjablonen').fill('');
    await page.getByText('2 sjablonen', { exact: true }).waitFor();
    await page.getByRole('cell', { name: 'Herinnering offerte', exact: true }).click();
    await page.getByRole('complementary', { name: 'Sjabloon bewerken' }).locator('[data-preview="subject"]').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'templates.png') });
  });
});

describe('the e-mail designer', () => {
  it('creates a designed e-mail and opens it in the block designer', async () => {
    await page.goto(`${context.app.url}/templates`);
    await page.getByRole('button', { name: 'Nieuw sjabloon' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nieuw sjabloon' });
    await dialog.getByLabel('Naam').fill('Najaarsactie isolatie');
    expect(await dialog.getByLabel('Sleutel').inputValue()).toBe('najaarsactie-isolatie');
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Maken en openen' }).click();
    await page.waitForURL(/\/templates\/\d+$/);
    designedId = page.url().split('/').at(-1)!;
    await canvas().getByText('Najaarsactie isolatie').waitFor().catch((error: Error) => { throw new Error(`${error.message}; page errors: ${pageErrors.join(' / ')}`); });
    expect((await call('GET', `/api/templates/${designedId}`)).body).toMatchObject({ format: 'mjml', channel: 'email', key: 'najaarsactie-isolatie' });
  });

  it('builds the e-mail from blocks and inserts a variable as a chip', async () => {
    // A two-column row, then a button into its column, by clicking the blocks.
    await page.locator('.gjs-block').filter({ hasText: '2 kolommen' }).click();
    await page.locator('.gjs-block').filter({ hasText: 'Knop' }).click();
    await canvas().getByText('Button').waitFor();
    await page.locator('.gjs-block').filter({ hasText: 'Tekst' }).click();
    const text = canvas().getByText('Insert text here');
    await text.waitFor();
    await text.dblclick();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Goed nieuws, ');
    await page.getByRole('button', { name: 'Voornaam' }).click();
    // The starter's greeting has one chip; the variable just chosen is the second, in the new text.
    await until(async () => (await canvas().locator('.merge-variable').count()) === 2);
    expect(await canvas().locator('.merge-variable').nth(1).textContent()).toBe('{{ person.first_name }}');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'email-designer.png') });
  });

  it('uploads an image in the designer: stored with a public address e-mail clients load without logging in; a non-image is refused in words', async () => {
    await page.locator('.gjs-block').filter({ hasText: 'Afbeelding' }).click();
    const placeholder = canvas().locator('img[src^="data:image/svg+xml"]').last();
    await placeholder.waitFor();
    await placeholder.dblclick();
    const upload = page.locator('.gjs-mdl-dialog input[type=file]');
    await upload.setInputFiles({ name: 'geen-plaatje.png', mimeType: 'image/png', buffer: Buffer.from('<script>alert(1)</script>') });
    await page.locator('[data-upload-error]').filter({ hasText: /afbeelding/i }).waitFor();
    await upload.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG_PIXEL });
    const asset = page.locator('.gjs-am-asset').filter({ hasText: 'logo.png' });
    await asset.waitFor();
    await asset.dblclick();
    // The address is the service's public one (PUBLIC_URL), so that it works in a recipient's mail client.
    // (PUBLIC_URL is a placeholder in these tests, so the canvas cannot show it: attached, not visible.)
    const image = canvas().locator('img[src*="/img/"]');
    await image.waitFor({ state: 'attached' });
    const src = new URL((await image.getAttribute('src'))!);
    expect(src.pathname).toMatch(/^\/img\/[A-Za-z0-9_-]{20,}$/);
    const served = await fetch(context.app.url + src.pathname);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG_PIXEL)).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  it('shows the MJML in the code view with the variable in it', async () => {
    await page.getByRole('tab', { name: 'Code (MJML)' }).click();
    const code = page.locator('[data-mjml-code] .cm-content');
    await until(async () => ((await code.textContent()) ?? '').includes('{{ person.first_name }}'));
    expect(await code.textContent()).toContain('<mj-button');
    expect(await page.locator('.cm-merge-variable').first().textContent()).toMatch(/\{\{ .* \}\}/);
  });

  it('previews on a chosen person at desktop and phone width, saves, and test-sends exactly the previewed HTML', async () => {
    await page.getByRole('tab', { name: 'Voorbeeld' }).click();
    const frame = page.locator('st-email-preview iframe');
    const srcdoc = async () => (await frame.getAttribute('srcdoc')) ?? '';
    await until(async () => /Goed nieuws,(\s|&nbsp;)<span class="merge-variable">Anna<\/span>/.test(await srcdoc()), 15_000, async () => (await srcdoc()).slice(-3000));
    const picker = page.getByRole('combobox', { name: 'Persoon zoeken' });
    await picker.pressSequentially('fenna', { delay: 20 });
    await page.getByRole('option', { name: /Fenna Bos/ }).click();
    await until(async () => ((await frame.getAttribute('srcdoc')) ?? '').includes('<span class="merge-variable">Fenna</span>'));
    await page.getByRole('radio', { name: 'Mobiel' }).click();
    await page.locator('[data-width="375"]').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'email-preview-mobile.png'), fullPage: true });
    const previewed = withoutGuard((await frame.getAttribute('srcdoc'))!);

    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'Opgeslagen' }).waitFor();
    const saved = (await call('GET', `/api/templates/${designedId}`)).body;
    expect(saved.body).toContain('<mj-button');
    expect(saved.html).toContain('{{ person.first_name }}');

    await page.getByLabel('Naar e-mailadres').fill('proef@voorbeeld.test');
    await page.getByRole('button', { name: 'Verstuur test' }).click();
    await page.getByRole('status').filter({ hasText: 'wachtrij' }).waitFor();
    await call('POST', '/api/clock/advance', { by: 'PT1S' });
    const mail = smtp.received.find((m) => m.to.includes('proef@voorbeeld.test'));
    expect(mail).toBeDefined();
    const parsed = await simpleParser(mail!.raw);
    expect(parsed.subject).toBe('[TEST] Najaarsactie isolatie');
    expect(parsed.html).toBe(previewed);
    expect(parsed.text?.replace(/\u00a0/g, ' ')).toContain('Goed nieuws, Fenna');
  });
});

describe('SMS texts', () => {
  it('counts characters and parts while typing, as the sender counts: 161 GSM-7 characters are two parts, one emoji makes it UCS-2', async () => {
    await page.goto(`${context.app.url}/templates`);
    await page.getByRole('button', { name: 'Nieuw sjabloon' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nieuw sjabloon' });
    await dialog.getByRole('radio', { name: 'Sms' }).check();
    await dialog.getByLabel('Naam').fill('Herinnering afspraak sms');
    await dialog.getByRole('button', { name: 'Maken en openen' }).click();
    await page.waitForURL(/\/templates\/\d+$/);
    const text = page.getByLabel('Tekst');
    await text.fill('a'.repeat(161));
    const typed = page.locator('[data-sms-count="Getypt"]');
    await until(async () => ((await typed.textContent()) ?? '').includes('161 tekens · 2 sms-delen · GSM-7'));
    expect(await typed.textContent()).toContain('nog 145 tekens in dit deel');
    await text.fill('Tot morgen om 10:00 {{ person.first_name }} 👋');
    await until(async () => ((await typed.textContent()) ?? '').includes('UCS-2'));
    expect(await typed.textContent()).toContain('1 sms-deel');
    expect(await page.locator('[data-sms-unicode]').textContent()).toContain('“👋”');
    // The preview renders on a person and counts the rendered text.
    const rendered = page.locator('[data-sms-count="Op deze persoon"]');
    await until(async () => ((await page.locator('[data-preview="body"]').textContent()) ?? '').includes('Tot morgen om 10:00 Anna 👋'));
    expect(await rendered.textContent()).toContain('UCS-2');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'Opgeslagen' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'sms-editor.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
