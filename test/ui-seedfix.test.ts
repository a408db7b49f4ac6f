// In Chromium: the assignment rules page, a fixed e-mail address as a status row's recipient, the
// results table's link to a rule customized in the DSL, and the Rapporten tab's figures per e-mail step.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchChromium, logIn } from './support/browser.js';
import { useTestApp } from './support/lifecycle.js';

const context = useTestApp({ CLOCK: 'manual' });
const call = (method: string, path: string, body?: unknown) => context.app.call(method, path, body);
let browser: Browser;
const pageErrors: string[] = [];
const employees: Record<string, string> = {};

beforeAll(async () => {
  browser = await launchChromium();
  const group = (await call('POST', '/api/groups', { name: 'Adviseurs' })).body.id;
  employees.eva = (await call('POST', '/api/employees', { name: 'Eva Jansen', email: 'eva@loket.example', groupId: group })).body.id;
  employees.vik = (await call('POST', '/api/employees', { name: 'Vik de Vries', email: 'vik@loket.example' })).body.id;
  expect((await call('POST', '/api/templates', { key: 'offerte', name: 'Offerte aangevraagd', channel: 'email', subject: 'Offerte', body: '<p>Hallo</p>' })).status).toBe(201);
});
afterAll(async () => browser?.close());

async function signedIn(width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await logIn(page, context.app.url);
  return page;
}

describe('assignment rules page', () => {
  it('adds a rule for a group, changes it to employees and removes it', async () => {
    const page = await signedIn(1280);
    await page.getByRole('link', { name: 'Toewijzingsregels' }).click();
    await page.waitForURL(/\/assignment-rules$/);
    await page.getByText('Nog geen regels').waitFor();
    await page.getByLabel('Verzoektype').fill('Klacht');
    await page.getByRole('combobox', { name: 'Groep' }).click();
    await page.getByRole('option', { name: 'Adviseurs' }).click();
    await page.getByRole('button', { name: 'Regel toevoegen' }).click();
    const row = page.getByRole('row', { name: /Klacht/ });
    await row.getByText('Adviseurs').waitFor();
    expect((await call('GET', '/api/assignment-rules')).body.items).toEqual([expect.objectContaining({ requestType: 'Klacht', employeeIds: [] })]);

    await page.getByRole('button', { name: 'Regel voor Klacht wijzigen' }).click();
    await page.getByRole('radio', { name: 'Medewerkers' }).check();
    await page.getByRole('combobox', { name: 'Medewerkers' }).click();
    await page.getByRole('option', { name: 'Eva Jansen' }).click();
    await page.getByRole('option', { name: 'Vik de Vries' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Wijziging opslaan' }).click();
    await row.getByText('Eva Jansen, Vik de Vries').waitFor();
    expect((await call('GET', '/api/assignment-rules')).body.items[0]).toMatchObject({ groupId: null, employeeIds: [employees.eva, employees.vik] });

    // A rule naming nobody is refused with the reason.
    await page.getByLabel('Verzoektype').fill('Leeg');
    await page.getByRole('radio', { name: 'Medewerkers' }).check();
    await page.getByRole('button', { name: 'Regel toevoegen' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('de groep of de medewerkers');

    await page.getByRole('button', { name: 'Regel voor Klacht verwijderen' }).click();
    await page.getByText('Nog geen regels').waitFor();
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it.each([1280, 375])('has no serious or critical axe-core violations at %i px', async (width) => {
    expect((await call('POST', '/api/assignment-rules', { requestType: `Advies ${width}`, employeeIds: [employees.vik] })).status).toBe(201);
    const page = await signedIn(width);
    await page.goto(`${context.app.url}/assignment-rules`);
    await page.getByRole('row', { name: new RegExp(`Advies ${width}`) }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')).toBeLessThanOrEqual(0);
    await page.close();
  }, 60_000);
});

describe('the per-status form and its table', () => {
  it('sends to a fixed e-mail address, and a row customized in the DSL links to its rule from the table', async () => {
    const rows = (await call('GET', '/api/workflow-settings/quote-request-statuses')).body.items as { id: string; name: string }[];
    const row = rows.find((r) => r.name === 'Offertezoek - Offerte aangevraagd')!;
    const page = await signedIn(1280);
    await page.goto(`${context.app.url}/workflows/quote-request-statuses`);
    await page.getByRole('cell', { name: row.name, exact: true }).click();
    const form = page.getByRole('complementary', { name: 'Instellingen' });
    await form.getByRole('heading', { name: row.name }).waitFor();
    await form.getByRole('switch', { name: 'Actief' }).click();
    await form.getByRole('combobox', { name: 'E-mailsjabloon' }).click();
    await page.getByRole('option', { name: 'Offerte aangevraagd' }).click();
    await form.getByLabel('Na hoeveel dagen').fill('2');
    await form.getByRole('combobox', { name: 'Ontvanger' }).click();
    await page.getByRole('option', { name: 'Een vast e-mailadres' }).click();
    await form.getByLabel('E-mailadres van de ontvanger').fill('balie@loket.example');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.getByRole('status').waitFor();
    const saved = (await call('GET', `/api/workflow-settings/quote-request-statuses/${row.id}`)).body;
    expect(saved).toMatchObject({ active: true, recipient: 'balie@loket.example', delayDays: 2, customized: false });
    expect((await call('GET', `/api/workflows/${saved.workflowId}`)).body.source).toContain('to "balie@loket.example"');

    // Given a condition in the DSL, the row is customized: the table links to the rule in the editor.
    const source = (await call('GET', `/api/workflows/${saved.workflowId}`)).body.source as string;
    const customized = source.replace(/\n {2}after 2 days/, '\n  when quote_request.kind = "Offertezoek"\n  after 2 days');
    expect(customized).not.toBe(source);
    expect((await call('PUT', `/api/workflows/${saved.workflowId}`, { source: customized })).status).toBe(200);
    await page.reload();
    const link = page.getByRole('row', { name: new RegExp(row.name) }).getByRole('link', { name: 'Aangepast in DSL: openen' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`/dsl?workflow=${saved.workflowId}`);
    await link.click();
    await page.waitForURL(new RegExp(`/dsl\\?workflow=${saved.workflowId}$`));
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});

describe('the Rapporten tab', () => {
  it('shows per e-mail step what its messages did', async () => {
    const created = await call('POST', '/api/flows', { source: 'flow "Cijfers" {\n  sender "Loket <info@loket.example>"\n  reply_to "info@loket.example"\n  trigger manual\n  welkom: send email "offerte"\n}\n' });
    expect(created.status).toBe(201);
    expect((await call('POST', `/api/flows/${created.body.id}/start`)).status).toBe(200);
    const persons: string[] = [];
    for (const name of ['a', 'b']) persons.push((await call('POST', '/api/persons', { firstName: name, email: `${name}@example.nl` })).body.id);
    expect((await call('POST', `/api/flows/${created.body.id}/participants`, { personIds: persons })).status).toBe(200);
    expect((await call('POST', '/api/clock/advance', { by: 'PT1M' })).status).toBe(200);
    const page = await signedIn(1280);
    await page.goto(`${context.app.url}/flows/${created.body.id}/reports`);
    const table = page.locator('[data-email-steps]');
    await table.getByRole('columnheader', { name: 'Geopend (uniek)' }).waitFor();
    const cells = await table.getByRole('row').nth(1).getByRole('cell').allTextContents();
    expect(cells.map((c) => c.trim())).toEqual(['E-mail versenden · Sjabloon "offerte"', '2', '2', '0', '0', '0', '0', '0']);
    expect(await axeViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 60_000);
});
