// Screenshots of the admin UI's main pages for the README: starts the built service on a fresh embedded
// database with demo data, adds a few templates, flows and messages through the API, and photographs
// the pages (at 1280×800, tablet and phone width) with Debian's Chromium (playwright-core; no browser download). Run `npm run build && npm run build:ui` first.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const OUT = 'docs/screenshots';
const CHROMIUM = process.env.CHROME_BIN ?? '/usr/bin/chromium';
const TOKEN = 'screenshots-admin-token-0123456789';
const ADMIN = { email: 'admin@stroom.example', password: 'screenshots-2026' };

const freePort = () => new Promise((resolve) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => resolve(port));
  });
});

async function startService(dataDir) {
  const port = await freePort();
  const env = { ...process.env, PORT: String(port), DATA_DIR: dataDir, SEED_DEMO: 'on', LOG_LEVEL: 'warn', ADMIN_API_TOKEN: TOKEN, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['dist/server/main.js'], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 480; i++) {
    if (child.exitCode !== null) throw new Error(`the service stopped (exit ${child.exitCode})`);
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) return { url, child };
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill();
  throw new Error('the service did not answer /api/health within 2 minutes');
}

function apiOf(url) {
  return async (method, path, body) => {
    const response = await fetch(url + path, {
      method, headers: { authorization: `Bearer ${TOKEN}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined,
    });
    const json = await response.json().catch(() => undefined);
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
}

/** Templates, two flows with participants, one switched-on status workflow and a few messages. */
async function addExamples(api) {
  await api('POST', '/api/templates', { key: 'offerte', name: 'Offerte aangevraagd', channel: 'email', subject: 'Uw offerte, {{ person.first_name }}', body: '<p>Beste {{ person.first_name }},</p><p>Uw offerteaanvraag is ontvangen. We nemen binnen drie werkdagen contact met u op.</p><p>Met vriendelijke groet,<br>Het Energieloket</p>' });
  await api('POST', '/api/templates', { key: 'herinnering', name: 'Herinnering offerte', channel: 'email', subject: 'Herinnering: uw offerte', body: '<p>Beste {{ person.first_name }}, heeft u onze offerte al bekeken?</p>' });
  await api('POST', '/api/templates', { key: 'welkom-sms', name: 'Welkom (SMS)', channel: 'sms', body: 'Welkom bij het Energieloket, {{ person.first_name }}!' });
  const statuses = await api('GET', '/api/workflow-settings/quote-request-statuses');
  await api('PUT', `/api/workflow-settings/quote-request-statuses/${statuses.items[1].id}`, { active: true, sendReminder: true, templateKey: 'offerte', delayDays: 2, recipient: 'person', reminderIntervalDays: 7, reminderMaxCount: 2 });

  const people = (await api('GET', '/api/persons', undefined)).items.map((p) => p.id);
  for (let i = 0; i < 20; i++) people.push((await api('POST', '/api/persons', { firstName: `Bewoner${i + 1}`, lastName: 'Zuid', email: `bewoner${i + 1}@example.nl` })).id);
  const newsletter = await api('POST', '/api/flows', {
    source: 'flow "Nieuwsbrief Buurtaanpak" {\n  sender "Energieloket <info@energieloket.example>"\n  reply_to "info@energieloket.example"\n  trigger manual\n  welkom: send email "offerte"\n  wait 2 days\n  split "Soort" {\n    branch "Klant" when person.category = "Klant" {\n      send email "herinnering"\n    }\n    others leave\n  }\n  complete\n}\n',
  });
  await api('POST', `/api/flows/${newsletter.id}/start`);
  await api('POST', `/api/flows/${newsletter.id}/participants`, { personIds: people });
  await api('POST', '/api/flows', { source: 'flow "Welkom nieuwe klant" {\n  trigger manual\n  send email "offerte"\n  wait 1 day\n  send sms "welkom-sms"\n}\n' });
  // A status whose rule got a condition in the DSL editor: its form is read-only and links there.
  const customized = await api('PUT', `/api/workflow-settings/quote-request-statuses/${statuses.items[2].id}`, { active: true, sendReminder: false, templateKey: 'offerte', delayDays: 1, recipient: 'person' });
  const plain = (await api('GET', `/api/workflows/${customized.workflowId}`)).source;
  await api('PUT', `/api/workflows/${customized.workflowId}`, { source: plain.replace(/\n {2}after 1 day/, '\n  when quote_request.kind = "Offertezoek"\n  after 1 day') });
  for (const to of ['eva.visser@example.nl', 'daan.smit@example.nl']) await api('POST', '/api/templates/' + (await api('GET', '/api/templates?key=herinnering')).items[0].id + '/test-send', { to });
  return { newsletter, status: statuses.items[1], customized: statuses.items[2] };
}

async function shoot(page, name) {
  await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => undefined); // a picker may keep a search open
  await page.screenshot({ path: join(OUT, `${name}.png`) });
  console.log(`${OUT}/${name}.png`);
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'stroom-screenshots-'));
  const { url, child } = await startService(dataDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const api = apiOf(url);
    const { newsletter, status, customized } = await addExamples(api);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });

    await page.goto(`${url}/login`);
    await page.getByLabel('E-mailadres').fill(ADMIN.email);
    await shoot(page, 'login');
    await page.getByLabel('Wachtwoord').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL(/\/workflows\//);

    await page.goto(`${url}/workflows/quote-request-statuses`);
    await page.getByRole('cell', { name: status.name, exact: true }).click();
    await page.getByRole('complementary', { name: 'Instellingen' }).getByLabel('DSL van deze workflow').waitFor();
    await shoot(page, 'workflows-status-form');

    // Its cell also holds the link "Aangepast in DSL: openen".
    await page.getByRole('cell', { name: customized.name }).click();
    await page.getByRole('complementary', { name: 'Instellingen' }).getByRole('note').filter({ hasText: 'aangepast' }).waitFor();
    await page.getByRole('complementary', { name: 'Instellingen' }).getByLabel('DSL van deze workflow').filter({ hasText: 'Offertezoek' }).waitFor();
    await shoot(page, 'workflows-customized-status-form');

    await page.goto(`${url}/templates`);
    await page.getByRole('cell', { name: 'Offerte aangevraagd', exact: true }).click();
    await page.locator('iframe').waitFor();
    await shoot(page, 'template-editor');

    await page.getByRole('cell', { name: 'Welkom (SMS)', exact: true }).click();
    const sms = page.getByRole('complementary', { name: 'Sjabloon bewerken' });
    await sms.getByRole('button', { name: 'Achternaam', exact: true }).waitFor();
    await sms.getByLabel('Tekst').click();
    await sms.getByLabel('Tekst').press('End');
    await sms.getByLabel('Tekst').pressSequentially(' Uw adviseur: ');
    await sms.getByRole('button', { name: 'Naam', exact: true }).click();
    await sms.locator('[data-preview="body"]').filter({ hasText: 'adviseur' }).waitFor();
    await shoot(page, 'sms-editor');
    await page.getByRole('cell', { name: 'Offerte aangevraagd', exact: true }).click();
    const discard = page.getByRole('button', { name: 'Weggooien' });
    if (await discard.isVisible().catch(() => false)) await discard.click();
    await page.locator('iframe').waitFor();

    const person = (await api('GET', '/api/persons?limit=1')).items[0];
    const editor = page.getByRole('complementary', { name: 'Sjabloon bewerken' });
    await editor.getByRole('combobox', { name: 'Soort record' }).click();
    await page.getByRole('option', { name: 'Persoon', exact: true }).click();
    const picker = editor.getByRole('combobox', { name: 'Persoon zoeken' });
    await picker.pressSequentially(`${person.firstName} ${person.lastName}`, { delay: 20 });
    await page.getByRole('option', { name: new RegExp(person.lastName) }).first().click();
    await editor.locator('[data-preview="subject"]').filter({ hasText: person.firstName }).waitFor();
    await editor.locator('iframe').evaluate((frame) => frame.scrollIntoView({ block: 'end' }));
    await shoot(page, 'template-preview-person');

    await page.goto(`${url}/flows`);
    await page.getByRole('cell', { name: 'Nieuwsbrief Buurtaanpak', exact: true }).waitFor();
    await shoot(page, 'flows');

    // The demo's own lead flow (its history made by the engine at the first start) and its contact form.
    const leads = (await api('GET', '/api/flows')).items.find((f) => f.name === 'Nieuwe leads opvolgen');
    await page.goto(`${url}/flows/${leads.id}/summary`);
    await page.getByText('Voltooid met succes').first().waitFor();
    await shoot(page, 'demo-flow-summary');
    await page.goto(`${url}/forms`);
    await page.getByRole('button', { name: 'Formulier Neem contact met me op openen' }).click();
    await page.locator('[data-snippet]').waitFor();
    await shoot(page, 'forms');

    await page.goto(`${url}/flows/${newsletter.id}/diagram`);
    await page.locator('[data-step="welkom"]').click();
    await shoot(page, 'flow-diagram');

    await page.goto(`${url}/flows/${newsletter.id}/reports`);
    await page.locator('canvas').first().waitFor();
    await page.waitForTimeout(500);
    await shoot(page, 'flow-reports');

    await page.goto(`${url}/dsl`);
    await page.getByRole('combobox', { name: 'Regel' }).click();
    await page.getByRole('option', { name: 'Flow: Welkom nieuwe klant' }).click();
    await page.locator('.cm-content').getByText('wait').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' extra');
    await page.locator('.cm-lintRange-error').first().waitFor();
    await page.locator('.cm-lintRange-error').first().hover();
    await page.locator('.cm-tooltip-lint').waitFor();
    await shoot(page, 'dsl-editor');

    await page.mouse.move(0, 0); // away from the diagnostic's tooltip
    await page.locator('.cm-content').focus();
    await page.keyboard.press('Control+a');
    await page.keyboard.insertText('flow "Welkom nieuwe klant" {\n  trigger manual\n  send email "oferte"\n  wait 1 day\n  send sms "welkom-sm"\n}\n');
    const problems = page.getByRole('region', { name: 'Problemen' });
    await problems.getByText("bedoelde u 'offerte'?").waitFor();
    await problems.scrollIntoViewIfNeeded();
    await shoot(page, 'dsl-editor-problems');

    await page.goto(`${url}/messages`);
    await page.getByRole('cell', { name: 'eva.visser@example.nl', exact: true }).waitFor();
    await shoot(page, 'messages');

    const message = (await api('GET', '/api/messages?to=eva.visser@example.nl')).items[0];
    await page.goto(`${url}/messages/${message.id}`);
    await page.locator('h1').waitFor();
    await page.locator('iframe').first().waitFor();
    await shoot(page, 'message-detail');
    await page.goto(`${url}/messages`);
    await page.getByRole('cell', { name: 'eva.visser@example.nl', exact: true }).waitFor();

    await page.getByRole('radio', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Messages' }).waitFor();
    await page.goto(`${url}/workflows/quote-request-statuses`);
    await page.getByRole('cell', { name: status.name, exact: true }).click();
    await page.getByRole('complementary', { name: 'Settings' }).getByLabel('DSL of this workflow').waitFor();
    await shoot(page, 'workflows-status-form-english');
    await page.getByRole('radio', { name: 'Nederlands' }).click();

    await page.setViewportSize({ width: 800, height: 1024 });
    await page.goto(`${url}/flows/${newsletter.id}/summary`);
    await page.locator('[data-stat="enrolled"]').waitFor();
    await shoot(page, 'tablet-flow-summary');
    await page.goto(`${url}/workflows/quote-request-statuses`);
    await page.getByRole('cell', { name: status.name, exact: true }).click();
    await page.getByRole('complementary', { name: 'Instellingen' }).getByLabel('DSL van deze workflow').scrollIntoViewIfNeeded();
    await shoot(page, 'tablet-workflows-status-form');

    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto(`${url}/flows`);
    await page.getByRole('cell', { name: 'Nieuwsbrief Buurtaanpak', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Menu openen' }).click();
    await page.getByRole('menu').waitFor();
    await shoot(page, 'phone-menu');
    await page.keyboard.press('Escape');
    await page.goto(`${url}/flows/${newsletter.id}/diagram`);
    await page.locator('[data-step="welkom"]').waitFor();
    await shoot(page, 'phone-flow-diagram');
    await page.goto(`${url}/flows/${newsletter.id}/summary`);
    await page.getByRole('switch', { name: 'AAN' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Pauzeren' }).waitFor();
    await shoot(page, 'phone-pause-confirmation');
  } finally {
    await browser.close();
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
