import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DEMO_LEADS, DEMO_PERSONS } from '../server/seed/demo-data.js';
import { axeViolations, launchChromium } from './support/browser.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** A fresh embedded database with demo on shows a product in use: content, switched-on workflows, a running flow with a history, a paused flow. */
const dataDir = mkdtempSync(join(tmpdir(), 'stroom-demo-'));
let app: TestApp;
let browser: Browser;
/** Where the browser part leaves its screenshots, to look at (DEMO_SCREENSHOTS, else a temporary folder). */
const shots = process.env.DEMO_SCREENSHOTS ?? mkdtempSync(join(tmpdir(), 'stroom-demo-shots-'));
const get = async (path: string) => {
  const answer = await app.call('GET', path);
  expect(answer.status).toBe(200);
  return answer.body;
};

beforeAll(async () => {
  app = await startTestApp({ DATABASE_URL: undefined, DATA_DIR: dataDir, SEED_DEMO: 'on' });
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('demo data on a fresh embedded database', () => {
  it('holds the CRM records, designed e-mails and an SMS text', async () => {
    const newLeads = DEMO_LEADS.filter((lead) => !DEMO_PERSONS.some((p) => p.email === lead.person.email));
    expect((await get('/api/persons?limit=1')).total).toBe(DEMO_PERSONS.length + newLeads.length);
    const templates = (await get('/api/templates?limit=100')).items as { key: string; channel: string; format: string; subject: string; body: string; html: string; warnings: unknown[] }[];
    const emails = templates.filter((t) => t.channel === 'email');
    expect(emails.length).toBeGreaterThanOrEqual(3);
    for (const email of emails) {
      // Designed in MJML (so they open in the visual designer), compiled to responsive HTML at save.
      expect(email).toMatchObject({ format: 'mjml', warnings: [] });
      expect(email.body).toMatch(/^<mjml/);
      expect(email.body).toMatch(/<mj-button [^>]*href="https:\/\/energieloket\.example\/[^"]+"/);
      expect(email.body).not.toMatch(/<!-- (inhoud|knop-tekst|knop-adres) -->/);
      expect(email.html).toContain('<meta name="viewport"');
      expect(email.html).toContain('@media only screen');
      expect(email.html).toContain('{{ unsubscribe_url }}');
      expect(email.html).toMatch(/<a\s+href="https:\/\/energieloket\.example\/[^"]+"/);
    }
    expect(templates.filter((t) => t.channel === 'sms')).toHaveLength(1);
  });

  it('has two seed-004 status workflows switched on, whose e-mails went out', async () => {
    const rows = (await get('/api/workflow-settings/quote-request-statuses')).items as { name: string; active: boolean; templateKey: string }[];
    expect(rows.filter((r) => r.active).map((r) => [r.name, r.templateKey])).toEqual([
      ['Offertezoek - Offerte aangevraagd', 'offerte-aangevraagd'],
      ['Bezoek - Afspraak gemaakt', 'afspraak-bevestiging'],
    ]);
    const workflowMails = (await get('/api/messages?limit=100')).items.filter((m: { workflowId?: string | null }) => m.workflowId);
    expect(workflowMails.map((m: { to: string; status: string }) => [m.to, m.status]).sort()).toEqual([['daan.smit@example.nl', 'sent'], ['eva.visser@example.nl', 'sent']]);
  });

  it('runs the lead flow with participants spread over its steps and statuses, and real figures', async () => {
    const flows = (await get('/api/flows')).items as { id: string; name: string; status: string }[];
    expect(flows.map((f) => [f.name, f.status]).sort()).toEqual([['Nieuwe leads opvolgen', 'running'], ['Zonnepanelen voor klanten', 'paused']]);
    const leads = flows.find((f) => f.status === 'running')!;
    const stats = await get(`/api/flows/${leads.id}/stats`);
    const count = (story: string) => DEMO_LEADS.filter((l) => l.story === story).length;
    expect(stats.byStatus).toEqual({
      completed_success: count('buys'),
      completed: count('customer'),
      dropout: count('unsubscribes'),
      active: count('ignores') + count('opens') + count('clicks') + count('reads'),
    });
    expect(stats.refused).toEqual({ excluded: count('optedOut') });
    expect(stats.successRate).toBeGreaterThan(0);
    expect(stats.bySteps).toEqual({ klik: count('ignores') + count('opens'), gelezen: count('clicks'), bedenktijd: count('reads') });
    expect(stats.messages.sent).toBeGreaterThan(DEMO_LEADS.length);
    expect(stats.enrolmentsPerDay.reduce((sum: number, d: { n: number }) => sum + d.n, 0)).toBe(stats.enrolled);

    const steps = new Map(((await get(`/api/flows/${leads.id}/step-stats`)).items as { stepId: string; sent: number; opened: number; clicked: number; passed: number }[]).map((s) => [s.stepId, s]));
    const clickers = count('customer') + count('clicks') + count('reads') + count('buys');
    expect(steps.get('welkom')).toMatchObject({ sent: stats.enrolled, clicked: clickers, opened: clickers + count('opens') + count('unsubscribes') });
    expect(steps.get('advies')).toMatchObject({ sent: count('clicks') + count('reads') + count('buys'), opened: count('reads') + count('buys') });
    expect(steps.get('sms_advies')!.sent).toBeGreaterThan(0);

    const participants = await get(`/api/flows/${leads.id}/participants?limit=100`);
    expect(participants.total).toBe(stats.enrolled);
    const reasons = participants.items.filter((p: { status: string }) => p.status === 'dropout').map((p: { reason: string }) => p.reason);
    expect(reasons).toEqual(Array(count('unsubscribes')).fill('unsubscribed'));
    const sales = (await get('/api/sales?limit=100')).items as { stage: string }[];
    expect(sales.filter((s) => s.stage === 'sold')).toHaveLength(count('buys'));
    expect((await get('/api/follow-ups?limit=100')).total).toBe(count('clicks') + count('reads') + count('buys'));
  });

  it('has the contact form with its submissions and the flows that use it, and a paused flow with participants', async () => {
    const usage = (await get('/api/form-usage')).items;
    expect(usage).toHaveLength(1);
    expect(usage[0]).toMatchObject({ key: 'neem-contact-op', submissions: DEMO_LEADS.length });
    expect(usage[0].flows.map((f: { name: string; uses: string[] }) => [f.name, f.uses])).toEqual([['Nieuwe leads opvolgen', ['trigger']], ['Zonnepanelen voor klanten', ['success']]]);
    const paused = ((await get('/api/flows')).items as { id: string; status: string }[]).find((f) => f.status === 'paused')!;
    expect((await get(`/api/flows/${paused.id}/stats`)).enrolled).toBe(3);
  });
});

describe('demo data in the admin UI', () => {
  const pageErrors: string[] = [];
  let page: Page;
  beforeAll(async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${app.url}/login`);
    await page.getByLabel('E-mailadres').fill('admin@test.example');
    await page.getByLabel('Wachtwoord').fill('correct-horse-battery');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL(/workflows/);
  }, 60_000);
  const shoot = async (name: string) => {
    await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => undefined);
    await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
  };

  it('lists the running and the paused flow with their participants', async () => {
    await page.goto(`${app.url}/flows`);
    const running = page.locator('tr[data-flow="Nieuwe leads opvolgen"]');
    await running.waitFor();
    expect(await running.locator('[data-state]').textContent()).toBe('Wordt uitgevoerd');
    expect(await page.locator('tr[data-flow="Zonnepanelen voor klanten"] [data-state]').textContent()).toBe('Gepauzeerd');
    await shoot('demo-flows');
  }, 60_000);

  it('shows the lead flow\'s summary, reports and participants with real figures', async () => {
    const leads = ((await app.call('GET', '/api/flows')).body.items as { id: string; name: string }[]).find((f) => f.name === 'Nieuwe leads opvolgen')!;
    const enrolled = DEMO_LEADS.filter((l) => l.story !== 'optedOut').length;
    await page.goto(`${app.url}/flows/${leads.id}/summary`);
    await page.getByText('Voltooid met succes').first().waitFor();
    const summary = (await page.locator('main').textContent())!;
    expect(summary).toContain(String(enrolled));
    expect(summary).toMatch(/Succesratio\s*20\s?%/);
    await shoot('demo-flow-summary');

    await page.goto(`${app.url}/flows/${leads.id}/reports`);
    await page.locator('canvas').first().waitFor();
    expect(await page.locator('canvas').count()).toBeGreaterThanOrEqual(3);
    await shoot('demo-flow-reports');

    await page.goto(`${app.url}/flows/${leads.id}/participants`);
    await page.getByRole('row', { name: /sem\.hendriks@example\.nl/ }).waitFor();
    expect(await page.getByRole('row', { name: /Voltooid met succes/ }).count()).toBe(DEMO_LEADS.filter((l) => l.story === 'buys').length);
    expect(await page.getByRole('row', { name: /Uitgevallen/ }).count()).toBe(DEMO_LEADS.filter((l) => l.story === 'unsubscribes').length);
    await shoot('demo-flow-participants');
  }, 90_000);

  it('shows the contact form with its submissions and flows', async () => {
    await page.goto(`${app.url}/forms`);
    const row = page.locator('tr[data-form="neem-contact-op"]');
    await row.waitFor();
    expect(await row.locator('[data-submissions]').textContent()).toBe(String(DEMO_LEADS.length));
    await shoot('demo-forms');
    expect(pageErrors).toEqual([]);
    console.log(`demo screenshots in ${shots}`);
  }, 60_000);
});
