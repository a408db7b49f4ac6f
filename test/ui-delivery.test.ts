import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EntityManager } from '@mikro-orm/core';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchChromium } from './support/browser.js';
import { Outbox } from '../server/messaging/outbox.js';
import { useTestApp } from './support/lifecycle.js';

const context = useTestApp({ CLOCK: 'manual' });
let browser: Browser;
const pageErrors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  // A hard bounce reported by a provider, and a transactional e-mail to that address afterwards.
  expect((await context.app.call('POST', '/api/events', { type: 'email.bounced', data: { address: 'weg@example.nl', kind: 'hard', status: '5.1.1' } })).status).toBe(202);
  expect((await context.app.call('POST', '/api/clock/advance', { by: 'PT0S' })).status).toBe(200);
  await context.app.app.get(EntityManager).fork().transactional((em) =>
    context.app.app.get(Outbox).enqueue(em, { channel: 'email', key: 'ui:suppressed', to: 'weg@example.nl', subject: 'Uw offerte', body: 'x' }));
  expect((await context.app.call('POST', '/api/clock/advance', { by: 'PT1S' })).status).toBe(200);
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

describe('the suppression list in the admin UI', () => {
  it('lists suppressed addresses with reason and time, adds one by hand, refuses a non-address at the field and removes one', async () => {
    const page = await signedIn(1280);
    await page.getByRole('link', { name: 'Blokkeerlijst' }).click();
    await page.waitForURL(/\/suppressions$/);
    const bounced = page.getByRole('row', { name: /weg@example\.nl/ });
    await bounced.waitFor();
    expect(await bounced.textContent()).toContain('adres bestaat niet (harde bounce)');
    expect(await bounced.textContent()).toMatch(/\d{2}-\d{2}-\d{4} \d{2}:\d{2}/);

    await page.getByLabel('E-mailadres').fill('geen adres');
    await page.getByRole('button', { name: 'Blokkeren' }).click();
    expect(await page.getByRole('alert').textContent()).toMatch(/e-mailadres/i);

    await page.getByLabel('E-mailadres').fill('Hand@Example.nl');
    await page.getByRole('button', { name: 'Blokkeren' }).click();
    const manual = page.getByRole('row', { name: /hand@example\.nl/ });
    await manual.waitFor();
    expect(await manual.textContent()).toContain('met de hand geblokkeerd');
    expect(await page.getByText('2 geblokkeerde adressen').count()).toBe(1);

    await page.getByRole('button', { name: 'hand@example.nl van de blokkeerlijst verwijderen' }).click();
    await manual.waitFor({ state: 'detached' });
    expect((await context.app.call('GET', '/api/suppressions')).body.items.map((s: { address: string }) => s.address)).toEqual(['weg@example.nl']);

    // The messages list says why the e-mail to the bounced address was not sent.
    await page.getByRole('link', { name: 'Berichten' }).click();
    await page.waitForURL(/\/messages$/);
    await page.getByRole('columnheader').first().waitFor();
    const message = page.getByRole('row', { name: /weg@example\.nl/ });
    await message.waitFor();
    expect(await message.textContent()).toContain('Geblokkeerd');
    expect(await message.locator('[data-suppressed]').textContent()).toBe('adres bestaat niet (harde bounce)');
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it.each([1280, 375])('has no serious or critical axe-core violations at %i px', async (width) => {
    const page = await signedIn(width);
    await page.goto(`${context.app.url}/suppressions`);
    await page.getByRole('row', { name: /weg@example\.nl/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')).toBeLessThanOrEqual(0);
    await page.close();
  }, 60_000);
});
