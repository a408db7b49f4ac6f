import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchChromium } from './support/browser.js';
import { SETTINGS } from './support/flow-helpers.js';
import { useTestApp } from './support/lifecycle.js';

// A flow's experiment readout on the Rapporten tab: per branch, the difference to the holdout and the verdict.

const SCREENSHOTS = join(process.cwd(), 'docs', 'screenshots');
const context = useTestApp({ CLOCK: 'manual' });
const call = (method: string, path: string, body?: unknown) => context.app.call(method, path, body);
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
  await page.goto(`${context.app.url}/login`);
  await page.getByLabel('E-mailadres').fill('admin@test.example');
  await page.getByLabel('Wachtwoord').fill('correct-horse-battery');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL(/\/workflows\//);
});
afterAll(async () => browser?.close());

describe('the experiment readout', () => {
  it('shows each branch against the holdout with its interval and p-value, and the verdict in words', async () => {
    for (const key of ['kort', 'lang']) expect((await call('POST', '/api/templates', { key, name: key, channel: 'email', subject: key, body: `<p>${key}</p>` })).status).toBe(201);
    const source = `flow "Onderwerpregels" {\n${SETTINGS}  trigger manual\n  success when person.category changed to "Klant"\n\n  proef: split random "Kort of lang" {\n    branch "Kort" 40% {\n      send email "kort"\n    }\n    branch "Lang" 40% {\n      send email "lang"\n    }\n    holdout 20%\n  }\n  wait 30 days\n}\n`;
    const flow = (await call('POST', '/api/flows', { source })).body.id;
    expect((await call('POST', `/api/flows/${flow}/start`)).status).toBe(200);
    const ids: string[] = [];
    for (let i = 0; i < 120; i++) ids.push((await call('POST', '/api/persons', { firstName: `P${i}`, email: `p${i}@example.nl` })).body.id);
    await call('POST', `/api/flows/${flow}/participants`, { personIds: ids });
    await call('POST', '/api/clock/advance', { by: 'PT0S' });
    const participants = (await call('GET', `/api/flows/${flow}/participants?limit=1000`)).body.items as { personId: string; experiments: Record<string, string> }[];
    const lang = participants.filter((p) => p.experiments['proef'] === 'Lang').map((p) => p.personId);
    const kort = participants.filter((p) => p.experiments['proef'] === 'Kort').map((p) => p.personId);
    for (const id of [...lang.slice(0, Math.round(lang.length * 0.6)), ...kort.slice(0, Math.round(kort.length * 0.2))]) await call('PATCH', `/api/persons/${id}`, { category: 'Klant' });
    await call('POST', '/api/clock/advance', { by: 'PT0S' });

    await page.goto(`${context.app.url}/flows/${flow}/reports`);
    const verdict = page.locator('[data-verdict]');
    await verdict.waitFor();
    expect(await verdict.textContent()).toBe('Lang beter dan holdout, 99% zeker');
    const rows = await page.locator('[data-experiment="proef"] tr.mat-mdc-row').allTextContents();
    expect(rows).toHaveLength(3);
    expect(rows[1]).toMatch(/procentpunt t\.o\.v\. Holdout \(niets\)/);
    expect(rows[2]).toContain('controlegroep');
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('[data-experiment="proef"]').screenshot({ path: join(SCREENSHOTS, 'flow-experiment.png') });
  }, 180_000);
});
