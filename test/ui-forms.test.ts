import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchChromium, until } from './support/browser.js';
import { useTestApp } from './support/lifecycle.js';
import { freePort } from './support/service-process.js';

// The public address is built from PUBLIC_URL, so the service must know its own port beforehand.
const port = await freePort();
const context = useTestApp({ CLOCK: 'manual', PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` });
let browser: Browser;
const pageErrors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  const flow = await context.app.call('POST', '/api/flows', { source: 'flow "Offertes opvolgen" {\n  trigger form "offerte-aanvragen" submitted\n\n  wait 1 day\n}\n' });
  expect(flow.status).toBe(201);
});
afterAll(async () => browser?.close());

async function signedIn(width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${context.app.url}/login`);
  await page.getByLabel('E-mailadres').fill('admin@test.example');
  await page.getByLabel('Wachtwoord').fill('correct-horse-battery');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL(/workflows/);
  return page;
}

const submissionsOf = (page: Page, key: string) => page.locator(`tr[data-form="${key}"] [data-submissions]`).textContent();

describe('the Forms page', () => {
  it('creates a form, shows its flow, address and snippet; a web page posting the snippet raises the count; renames it', async () => {
    const page = await signedIn(1280);
    await page.getByRole('link', { name: 'Formulieren' }).click();
    await page.waitForURL(/\/forms$/);
    await page.getByLabel('Naam', { exact: true }).first().fill('Offerte aanvragen');
    expect(await page.getByLabel('Sleutel', { exact: true }).first().inputValue()).toBe('offerte-aanvragen');
    await page.getByRole('button', { name: 'Formulier maken' }).click();
    const row = page.locator('tr[data-form="offerte-aanvragen"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('Offertes opvolgen');
    expect(await row.textContent()).toContain('start de flow');
    expect(await submissionsOf(page, 'offerte-aanvragen')).toBe('0');

    const address = `${context.app.url}/f/offerte-aanvragen`;
    expect(await page.locator('[data-address]').textContent()).toBe(address);
    const snippet = (await page.locator('[data-snippet]').textContent())!;
    expect(snippet).toContain(`<form action="${address}" method="post">`);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: context.app.url });
    // The clipboard is written asynchronously: each check waits for what it checks.
    await page.getByRole('button', { name: 'HTML kopiëren' }).click();
    await page.getByRole('status').filter({ hasText: 'De HTML is gekopieerd.' }).first().waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'De HTML is gekopieerd.' }).count()).toBe(1);
    await until(async () => (await page.evaluate('navigator.clipboard.readText()')) === snippet);
    await page.getByRole('button', { name: 'Adres kopiëren' }).click();
    await until(async () => (await page.evaluate('navigator.clipboard.readText()')) === address);

    // A visitor of some web site fills in the copied form: the browser posts it to the public address.
    const site = await browser.newPage();
    await site.setContent(`<!doctype html><html lang="nl"><body>${snippet}</body></html>`);
    await site.getByLabel('E-mailadres').fill('bezoeker@example.nl');
    await site.getByLabel('Voornaam').fill('Vera');
    await site.getByLabel('Uw vraag').fill('Graag een offerte voor isolatie');
    await site.getByRole('button', { name: 'Versturen' }).click();
    await site.waitForURL(address);
    expect(await site.locator('h1').textContent()).toBe('Bedankt!');
    await site.close();
    const person = (await context.app.call('GET', '/api/persons?q=bezoeker@example.nl')).body.items[0];
    expect(person).toMatchObject({ firstName: 'Vera', email: 'bezoeker@example.nl' });

    await page.reload();
    await until(async () => (await submissionsOf(page, 'offerte-aanvragen').catch(() => null)) === '1');

    await page.getByRole('button', { name: 'Formulier Offerte aanvragen openen' }).click();
    const detail = page.locator('st-form-detail');
    await detail.getByLabel('Sleutel', { exact: true }).fill('offerte');
    await detail.getByRole('button', { name: 'Opslaan' }).click();
    await page.locator('tr[data-form="offerte"]').waitFor();
    expect(await page.locator('[data-address]').textContent()).toBe(`${context.app.url}/f/offerte`);
    const flows = (await context.app.call('GET', '/api/flows')).body.items;
    expect((await context.app.call('GET', `/api/flows/${flows[0].id}`)).body.source).toContain('trigger form "offerte" submitted');
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 120_000);

  it.each([1280, 375])('has no serious or critical axe-core violations at %i px, with a form open', async (width) => {
    const page = await signedIn(width);
    await page.goto(`${context.app.url}/forms`);
    // Opened by keyboard: a mouse would leave a hover layer and a ripple fading under the pointer while axe measures.
    await page.getByRole('button', { name: /^Formulier .* openen$/ }).first().focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-snippet]').waitFor();
    expect(await page.evaluate('document.activeElement?.tagName')).toBe('H2');
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')).toBeLessThanOrEqual(0);
    await page.close();
  }, 60_000);
});
