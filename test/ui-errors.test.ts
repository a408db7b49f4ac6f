import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser.js';
import { useTestApp } from './support/lifecycle.js';

const context = useTestApp();
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
/** The Accept-Language of every API call the page made. */
const asked: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  // The browser's own language is English: the UI's choice, not the browser's, decides what the server is asked for.
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) asked.push(request.headers()['accept-language'] ?? '');
  });
  const template = { key: 'offerte', name: 'Offerte aangevraagd', channel: 'email', subject: 'Uw offerte', body: '<p>Hallo {{ person.first_name }}</p>' };
  expect((await context.app.call('POST', '/api/templates', template)).status).toBe(201);
});
afterAll(async () => browser?.close());

describe("the server's messages in the UI's language", () => {
  it('shows a failed sign-in in Dutch, and in English after the switch', async () => {
    await page.goto(`${context.app.url}/login`);
    await page.getByLabel('E-mailadres').fill('admin@test.example');
    await page.getByLabel('Wachtwoord').fill('niet-goed');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    expect(await page.getByRole('alert').textContent()).toBe('E-mailadres of wachtwoord klopt niet');
    expect(asked.at(-1)).toBe('nl');

    await page.getByRole('radio', { name: 'English' }).click();
    // The Dutch message does not stay beside English labels.
    await page.getByRole('alert').waitFor({ state: 'detached' });
    await page.getByLabel('Email address').fill('admin@test.example');
    await page.getByLabel('Password').fill('still-wrong');
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await page.getByRole('alert').textContent()).toBe('Wrong e-mail address or password');
    expect(asked.at(-1)).toBe('en');
  });

  it("shows the server's refusal of a field at that field, in English and in Dutch", async () => {
    await page.getByLabel('Password').fill('correct-horse-battery');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Templates' }).click();
    await page.getByRole('cell', { name: 'Offerte aangevraagd', exact: true }).click();
    const english = page.getByRole('complementary', { name: 'Edit template' });
    await english.locator('[data-preview="subject"]').waitFor();
    // Only the server knows the merge variables: the preview's 400 names the field and the variable.
    await english.getByLabel('Subject').fill('Offerte voor {{ person.shoe }}');
    await english.locator('[data-field="subject"]').waitFor();
    expect(await english.locator('[data-field="subject"]').textContent()).toBe('unknown variable "person.shoe"');

    await page.getByRole('radio', { name: 'Nederlands' }).click();
    const dutch = page.getByRole('complementary', { name: 'Sjabloon bewerken' });
    await dutch.getByLabel('Onderwerp').fill('Offerte voor {{ person.schoen }}');
    await dutch.locator('[data-field="subject"]', { hasText: 'schoen' }).waitFor();
    expect(await dutch.locator('[data-field="subject"]').textContent()).toBe('onbekende variabele "person.schoen"');
    expect(asked.at(-1)).toBe('nl');
    expect(pageErrors).toEqual([]);
  });
});
