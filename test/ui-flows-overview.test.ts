import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchChromium, until } from './support/browser.js';
import { SETTINGS } from './support/flow-helpers.js';
import { useTestApp } from './support/lifecycle.js';

// The flows overview (new, open, edit, copy, delete from a row menu, a right-click menu and a tile
// menu; sorted columns) and a flow's page as a marketer reads it: the summary in words, the diagram
// with per-step figures, participants by step title, "Deelnemers toevoegen", the flow's content,
// a refused start in words, and what a content editor may not do.

const SCREENSHOTS = join(process.cwd(), 'docs', 'screenshots');
const context = useTestApp();
const call = (method: string, path: string, body?: unknown) => context.app.call(method, path, body);
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
let leadId: string;
const persons: string[] = [];

const LEAD = `flow "Leadopvolging" {
${SETTINGS}  trigger form "contact" submitted
  filter person.category = "lead"
  welkom: send email "welkom-lead"
  wacht: wait 2 days
  bedankt: send email "nog-te-schrijven"
  klaar: complete
}
`;

async function login(target: Page, email: string, password: string): Promise<void> {
  await target.goto(`${context.app.url}/login`);
  await target.getByLabel('E-mailadres').fill(email);
  await target.getByLabel('Wachtwoord').fill(password);
  await target.getByRole('button', { name: 'Inloggen' }).click();
  await target.waitForURL(/\/workflows\//);
}

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  expect((await call('POST', '/api/forms', { key: 'contact', name: 'Contactformulier' })).status).toBe(201);
  expect((await call('POST', '/api/templates', { key: 'welkom-lead', name: 'Welkom lead', channel: 'email', subject: 'Welkom', body: '<p>Hallo {{ person.first_name }}</p>' })).status).toBe(201);
  for (const [first, category] of [['Anna', 'lead'], ['Bram', 'lead'], ['Cees', 'klant']] as const) {
    const res = await call('POST', '/api/persons', { firstName: first, lastName: 'Test', email: `${first.toLowerCase()}@voorbeeld.example`, category });
    expect(res.status).toBe(201);
    persons.push(res.body.id);
  }
  const lead = await call('POST', '/api/flows', { source: LEAD });
  if (lead.status !== 201) throw new Error(JSON.stringify(lead.body));
  leadId = lead.body.id;
  for (const name of ['Zomeractie', 'Aardbeienactie']) expect((await call('POST', '/api/flows', { source: `flow "${name}" {\n${SETTINGS}  trigger manual\n  klaar: complete\n}\n` })).status).toBe(201);
  await login(page, 'admin@test.example', 'correct-horse-battery');
});
afterAll(async () => browser?.close());

const row = (name: string) => page.locator(`tr[data-flow="${name}"]`);

describe('the flows overview', () => {
  it('sorts the list by name both ways and uses the seed labels for the tabs', async () => {
    await page.goto(`${context.app.url}/flows`);
    await row('Zomeractie').waitFor();
    for (const tab of ['Alle', 'Recent', 'Wordt uitgevoerd']) await page.getByRole('tab', { name: tab }).waitFor();
    const names = () => page.locator('tr[data-flow]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-flow')));
    const sortedAs = async (expected: string[]) => {
      await until(async () => JSON.stringify(await names()) === JSON.stringify(expected), 5000).catch(() => undefined);
      expect(await names()).toEqual(expected);
    };
    await page.getByRole('button', { name: 'Naam' }).click();
    await sortedAs(['Aardbeienactie', 'Leadopvolging', 'Zomeractie']);
    await page.getByRole('button', { name: 'Naam' }).click();
    await sortedAs(['Zomeractie', 'Leadopvolging', 'Aardbeienactie']);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('copies from the row menu and deletes from the right-click menu after a confirmation', async () => {
    await page.goto(`${context.app.url}/flows`);
    await row('Zomeractie').getByRole('button', { name: 'Taken voor Zomeractie' }).click();
    await page.getByRole('menuitem', { name: 'Kopiëren' }).click();
    await row('Zomeractie (kopie)').waitFor();
    const copies = (await call('GET', '/api/flows?limit=100')).body.items.filter((f: { name: string }) => f.name === 'Zomeractie (kopie)');
    expect(copies).toHaveLength(1);
    expect(copies[0].status).toBe('not_running');

    await row('Zomeractie (kopie)').click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Verwijderen' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Flow Zomeractie (kopie) verwijderen?').waitFor();
    await dialog.getByRole('button', { name: 'Verwijderen' }).click();
    await row('Zomeractie (kopie)').waitFor({ state: 'detached' });
    expect((await call('GET', `/api/flows/${copies[0].id}`)).status).toBe(404);
  });

  it('shows the refusal to delete a running flow in words, from a tile menu', async () => {
    const running = await call('POST', '/api/flows', { source: `flow "Loopt al" {\n${SETTINGS}  trigger manual\n  klaar: complete\n}\n` });
    expect((await call('POST', `/api/flows/${running.body.id}/start`)).status).toBe(200);
    await page.goto(`${context.app.url}/flows`);
    await page.getByRole('radio', { name: 'Tegels' }).click();
    await page.locator('mat-card[data-flow="Loopt al"]').getByRole('button', { name: 'Taken voor Loopt al' }).click();
    await page.getByRole('menuitem', { name: 'Verwijderen' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Verwijderen' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/pauzeer|beëindig/i);
    expect((await call('GET', `/api/flows/${running.body.id}`)).status).toBe(200);
    await page.getByRole('radio', { name: 'Lijst' }).click();
  });

  it('makes a new flow from a name and opens it in the designer', async () => {
    await page.goto(`${context.app.url}/flows`);
    await page.getByRole('button', { name: 'Nieuwe flow' }).click();
    await page.getByRole('dialog').getByLabel('Naam').fill('Voorjaarsactie');
    await page.getByRole('dialog').getByRole('button', { name: 'Maken en openen' }).click();
    await page.waitForURL(/\/flows\/\d+\/edit$/);
    const made = (await call('GET', '/api/flows?limit=100')).body.items.find((f: { name: string }) => f.name === 'Voorjaarsactie');
    expect(made).toMatchObject({ status: 'not_running' });
  });
});

describe("a flow's page", () => {
  it('reads the start refused in words, then runs; the summary says the trigger, filter and settings in words', async () => {
    await page.goto(`${context.app.url}/flows/${leadId}/summary`);
    for (const tab of ['Samenvatting', 'Flow', 'Rapporten', 'Deelnemers', 'Inhoud flow', 'Simuleren', 'DSL']) await page.getByRole('tab', { name: tab, exact: true }).waitFor();
    const basics = page.locator('[data-basics]');
    await basics.getByText('Formulier ingevuld: "contact"').waitFor();
    expect(await basics.textContent()).toContain('person.category = "lead"');
    expect(await basics.textContent()).toContain('Wordt niet uitgevoerd');

    // The template "nog-te-schrijven" does not exist: the start is refused, naming the step by its title.
    await page.getByRole('switch').click();
    const problems = page.locator('[data-start-problems]');
    await problems.waitFor();
    expect(await problems.textContent()).toContain('nog-te-schrijven');
    expect(await problems.textContent()).toContain('E-mail versenden');

    expect((await call('POST', '/api/templates', { key: 'nog-te-schrijven', name: 'Bedankt', channel: 'email', subject: 'Bedankt', body: 'Bedankt' })).status).toBe(201);
    await page.getByRole('switch').click();
    await page.getByText('Wordt uitgevoerd', { exact: true }).first().waitFor();
    await problems.waitFor({ state: 'detached' });
    expect((await call('GET', `/api/flows/${leadId}`)).body.status).toBe('running');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'flow-page-summary.png') });
  });

  it('adds participants from the dialog and shows enrolled and refused with the reason', async () => {
    await page.goto(`${context.app.url}/flows/${leadId}/participants`);
    await page.getByRole('button', { name: 'Deelnemers toevoegen' }).click();
    const dialog = page.getByRole('dialog');
    for (const name of ['Anna', 'Cees']) {
      await dialog.getByLabel('Persoon zoeken').fill(name);
      await page.getByRole('option', { name: new RegExp(name) }).click();
    }
    await dialog.locator('[data-chosen]').getByText('Cees Test').waitFor();
    await dialog.getByRole('button', { name: 'Toevoegen' }).click();
    const result = dialog.locator('[data-enrol-result]');
    await result.waitFor({ timeout: 10_000 }).catch(async (error: unknown) => {
      await page.screenshot({ path: '/tmp/enrol-failed.png' });
      throw error;
    });
    expect(await result.textContent()).toContain('1 aangemeld');
    expect(await result.textContent()).toContain('Cees Test: Filter');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'flow-enrol-dialog.png') });
    await dialog.getByRole('button', { name: 'Sluiten' }).click();

    // The participant stands on the wait after the first e-mail; the column says the step by its title.
    await until(async () => (await call('GET', `/api/flows/${leadId}/participants`)).body.items.some((p: { stepId: string }) => p.stepId === 'wacht'));
    await page.reload();
    await page.getByRole('cell', { name: 'Wachttijd · 2 dagen' }).waitFor();
  });

  it('shows per step on the diagram who is on it, who passed and what its e-mails did; a step says its settings in words', async () => {
    await page.goto(`${context.app.url}/flows/${leadId}/diagram`);
    await until(async () => ((await page.locator('[data-figures="welkom"]').textContent()) ?? '').includes('1 voorbij'));
    expect(await page.locator('[data-figures="wacht"]').textContent()).toContain('1 nu');
    expect(await page.locator('[data-figures="welkom"]').textContent()).toContain('✉ 1');
    await page.locator('[data-step="welkom"]').click();
    await page.locator('[data-step-words]').getByText('Sjabloon "welkom-lead"').waitFor();
    expect(await page.locator('[data-step-figures]').textContent()).toContain('E-mails verstuurd');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'flow-page-diagram.png') });
  });

  it("lists the flow's content, each linking to its editor", async () => {
    await page.goto(`${context.app.url}/flows/${leadId}/content`);
    const content = page.locator('[data-flow-content]');
    await content.getByRole('link', { name: 'Welkom lead' }).waitFor();
    expect(await content.getByRole('link', { name: 'Welkom lead' }).getAttribute('href')).toMatch(/^\/templates\/\d+$/);
    await content.getByRole('link', { name: 'Contactformulier' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('simulates one person: the steps with their times, the e-mails they would get; a refusal in words', async () => {
    await page.goto(`${context.app.url}/flows/${leadId}/simulate`);
    const choose = async (name: string) => {
      await page.getByRole('combobox', { name: 'Persoon' }).fill(name);
      await page.getByRole('option', { name: new RegExp(name) }).click();
      await page.getByRole('button', { name: 'Simuleren', exact: true }).click();
    };
    await choose('Bram');
    const steps = page.locator('[data-simulation-steps] tbody tr');
    await until(async () => (await steps.count()) >= 3);
    // Anna, a real participant waiting in the flow, is not part of Bram's walk.
    const rows = await steps.allTextContents();
    expect(rows).toHaveLength(4);
    expect(rows[3]).toContain('Voltooid');
    expect(rows[0]).toContain('E-mail versenden');
    expect(rows[1]).toContain('Wachttijd · 2 dagen');
    expect(rows[2]).toContain('E-mail versenden');
    const messages = await page.locator('[data-simulation-messages] tbody tr').allTextContents();
    expect(messages).toHaveLength(2);
    expect(messages[0]).toContain('bram@voorbeeld.example');
    expect(messages[0]).toContain('Welkom');
    expect(messages[1]).toContain('Bedankt');
    expect(await page.locator('[data-truncated]').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'flow-simulation.png') });
    // Nothing was stored: Bram takes no part in the flow.
    expect((await call('GET', `/api/flows/${leadId}/participants`)).body.items.map((p: { personId: string }) => p.personId)).not.toContain(persons[1]);

    await choose('Cees');
    await page.getByRole('status').filter({ hasText: 'niet worden ingeschreven' }).waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'niet worden ingeschreven' }).textContent()).toContain('voldoet niet aan het filter van de flow');
  });

  it('forecasts a selection: who would enter, messages per day, arrivals per step, in words and a chart', async () => {
    const selection = await call('POST', '/api/selections', { name: 'Voorspel-leads' });
    expect(selection.status).toBe(201);
    expect((await call('POST', `/api/selections/${selection.body.id}/members`, { personIds: persons })).status).toBeLessThan(300);
    await page.goto(`${context.app.url}/flows/${leadId}/simulate`);
    await page.getByRole('radio', { name: 'Voorspelling voor een selectie' }).click();
    await page.getByRole('combobox', { name: 'Selectie' }).fill('Voorspel');
    await page.getByRole('option', { name: 'Voorspel-leads' }).click();
    await page.getByLabel('Aangenomen opens (%)').fill('30');
    await page.getByLabel('Aangenomen kliks (%)').fill('5');
    await page.getByRole('button', { name: 'Voorspellen', exact: true }).click();
    const steps = page.locator('[data-forecast-steps] tbody tr');
    await until(async () => (await steps.count()) === 4);
    // Anna already takes part (she was enrolled above), Cees is no lead: only Bram would enter.
    expect(await page.locator('[data-forecast-admitted]').textContent()).toBe('1');
    expect(await page.locator('[data-forecast-messages]').textContent()).toBe('2');
    const refused = await page.locator('[data-forecast-refused]').textContent();
    expect(refused).toContain('voldoet niet aan het filter van de flow');
    expect(refused).toContain('neemt al deel');
    const rows = await steps.allTextContents();
    expect(rows[0]).toContain('E-mail versenden');
    expect(rows[0]).toMatch(/1$/);
    expect(rows[3]).toContain('Voltooid');
    await page.locator('[data-forecast] canvas').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'flow-forecast.png') });
    // Nothing was stored: Bram takes no part in the flow.
    expect((await call('GET', `/api/flows/${leadId}/participants`)).body.items.map((p: { personId: string }) => p.personId)).not.toContain(persons[1]);
  });

  it('shows a content editor no switch to move, a design to view, and no tasks', async () => {
    expect((await call('POST', '/api/employees', { name: 'Carla Content', email: 'carla@test.example', roles: ['content_editor'], password: 'inhoud-redacteur-2026' })).status).toBe(201);
    const other = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    try {
      await login(other, 'carla@test.example', 'inhoud-redacteur-2026');
      await other.goto(`${context.app.url}/flows/${leadId}/summary`);
      await other.getByRole('link', { name: 'Ontwerp bekijken' }).waitFor();
      expect(await other.getByRole('switch').isDisabled()).toBe(true);
      expect(await other.getByRole('button', { name: 'Taken ▾' }).count()).toBe(0);
      await other.goto(`${context.app.url}/flows`);
      expect(await other.getByRole('button', { name: 'Nieuwe flow' }).isDisabled()).toBe(true);
      await other.locator('tr[data-flow="Zomeractie"]').getByRole('button', { name: 'Taken voor Zomeractie' }).click();
      expect(await other.getByRole('menuitem', { name: 'Kopiëren' }).isDisabled()).toBe(true);
      expect(await other.getByRole('menuitem', { name: 'Verwijderen' }).isDisabled()).toBe(true);
    } finally {
      await other.close();
    }
    expect(pageErrors).toEqual([]);
  });
});
