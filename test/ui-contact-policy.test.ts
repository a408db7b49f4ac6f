import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchChromium, until } from './support/browser.js';
import { SETTINGS } from './support/flow-helpers.js';
import { useTestApp } from './support/lifecycle.js';

// The contact policy page: the policy as text with the lines it refuses, saving it, and a
// person's contact history (sent, deferred, skipped) in words.

const SCREENSHOTS = join(process.cwd(), 'docs', 'screenshots');
const context = useTestApp({ CLOCK: 'manual' });
const call = (method: string, path: string, body?: unknown) => context.app.call(method, path, body);
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${context.app.url}/login`);
  await page.getByLabel('E-mailadres').fill('admin@test.example');
  await page.getByLabel('Wachtwoord').fill('correct-horse-battery');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL(/\/workflows\//);
});
afterAll(async () => browser?.close());

describe('the contact policy page', () => {
  it('shows the lines it refuses, saves a valid policy, and shows a person\'s history with why a message waited', async () => {
    await page.goto(`${context.app.url}/contact-policy`);
    await page.getByRole('heading', { name: 'Contactbeleid', level: 1 }).waitFor();
    const source = page.getByLabel('Beleid (DSL)');
    await until(async () => (await source.inputValue()) === 'policy {\n}\n', 15_000, async () => JSON.stringify(await source.inputValue()));
    await source.fill('policy {\n  email at most 1 per 7 dagen\n}\n');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Niet opgeslagen: de tekst bevat fouten.').waitFor();
    expect(await page.locator('#policy-problems li').first().textContent()).toContain('Regel 2, kolom 25:');

    await source.fill('policy {\n  email at most 1 per 7 days\n  sms quiet hours 21:00-08:00\n}\n');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Opgeslagen.').waitFor();
    expect((await call('GET', '/api/contact-policy')).body.source).toBe('policy {\n  email at most 1 per 7 days\n  sms quiet hours 21:00-08:00\n}\n');

    // A person in two flows: the second e-mail waits a week.
    expect((await call('POST', '/api/templates', { key: 'actie', name: 'Actie', channel: 'email', subject: 'Actie', body: '<p>Actie</p>' })).status).toBe(201);
    const anna = (await call('POST', '/api/persons', { firstName: 'Anna', email: 'anna@example.nl' })).body.id;
    for (const name of ['Voorjaar', 'Zomer']) {
      const flow = (await call('POST', '/api/flows', { source: `flow "${name}" {\n${SETTINGS}  trigger manual\n  send email "actie"\n}\n` })).body.id;
      await call('POST', `/api/flows/${flow}/start`);
      await call('POST', `/api/flows/${flow}/participants`, { personIds: [anna] });
    }
    await call('POST', '/api/clock/advance', { by: 'PT0S' });
    await page.getByLabel('Persoonsnummer').fill(anna);
    await page.getByRole('button', { name: 'Tonen' }).click();
    const rows = page.locator('table tr.mat-mdc-row');
    await rows.nth(1).waitFor();
    const texts = await rows.allTextContents();
    expect(texts.some((text) => text.includes('uitgesteld tot') && text.includes('email at most 1 per 7 days'))).toBe(true);
    expect(texts.some((text) => text.includes('verstuurd'))).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'contact-policy.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
