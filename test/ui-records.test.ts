import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchChromium, until, quiet } from './support/browser.js';
import { useTestApp } from './support/lifecycle.js';
import { SmtpSink } from './support/smtp-sink.js';

// Records chosen by name in the template preview and the explain panel; the message detail with
// its body, headers and attempts; the error reason readable in the list (issue #18, points 4 and 5).

/** A port no one listens on now: the app gets it, so that its PUBLIC_URL (tracked links, pixels) is its own address. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const smtp = new SmtpSink();
let port = 0;
beforeAll(async () => {
  await smtp.start(); // before the app starts: it reads the sink's address
  port = await freePort();
});
const context = useTestApp({
  CLOCK: 'manual',
  get SMTP_URL() { return smtp.url; },
  get PORT() { return String(port); },
  get PUBLIC_URL() { return `http://127.0.0.1:${port}`; },
} as Record<string, string>);
const call = (method: string, path: string, body?: unknown) => context.app.call(method, path, body);
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const STATUS = 'Offertezoek - Offerte aangevraagd';
let jan: { id: string };
let quoteRequest: { id: string };

/** Signs in through the login page (again after the clock moved past the session's end). */
async function signIn(): Promise<void> {
  await page.goto(`${context.app.url}/login`);
  await page.getByLabel('E-mailadres').fill('admin@test.example');
  await page.getByLabel('Wachtwoord').fill('correct-horse-battery');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL(/\/workflows\//);
}

beforeAll(async () => {
  jan = (await call('POST', '/api/persons', { firstName: 'Jan', lastName: 'Jansen', email: 'jan.jansen@voorbeeld.test' })).body;
  await call('POST', '/api/persons', { firstName: 'Janneke', lastName: 'Visser', email: 'janneke@voorbeeld.test', mobile: '+31612345678' });
  for (let i = 0; i < 30; i++) await call('POST', '/api/persons', { firstName: `Vulling${i}`, lastName: 'Jantjes', email: `vulling${i}@voorbeeld.test` });
  expect((await call('POST', '/api/templates', { key: 'offerte-picker', name: 'Offerte picker', channel: 'email', subject: 'Offerte voor {{ person.first_name }}', body: '<p style="color: #1b6e20">Hallo {{ person.full_name }}, bel {{ person.mobile }}</p>' })).status).toBe(201);
  const rows = (await call('GET', '/api/workflow-settings/quote-request-statuses')).body.items as { id: string; name: string }[];
  const row = rows.find((r) => r.name === STATUS)!;
  const saved = await call('PUT', `/api/workflow-settings/quote-request-statuses/${row.id}`, { active: true, templateKey: 'offerte-picker', delayDays: 1, recipient: 'person' });
  expect(saved.status).toBe(200);
  quoteRequest = (await call('POST', '/api/quote-requests', { kind: 'Offertezoek', status: STATUS, personId: jan.id })).body;
  await call('POST', '/api/quote-requests', { kind: 'Bezoek', status: 'Bezoek - Afspraak gemaakt', personId: jan.id });

  browser = await launchChromium();
  // A Dutch browser: texts the server words (the reasons of empty variables) follow Accept-Language.
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await signIn();
});
afterAll(async () => {
  await browser?.close();
  await smtp.stop();
});

describe('records chosen by name, and the message detail (Chromium)', () => {
  it('previews a template on a person chosen by typing part of the name, and says why a variable is empty', async () => {
    await page.goto(`${context.app.url}/templates`);
    await page.getByRole('cell', { name: 'Offerte picker', exact: true }).click();
    const editor = page.getByRole('complementary', { name: 'Sjabloon bewerken' });
    // A quote-request workflow uses it: sample data of a quote request until a record is chosen.
    await editor.locator('[data-preview-on]').filter({ hasText: 'Voorbeeldgegevens van een kansactie: kies een record voor echte gegevens. Deze sjabloon wordt gebruikt bij kansacties.' }).waitFor();
    expect(await editor.locator('[data-preview="subject"]').textContent()).toBe('Offerte voor Anna');
    await editor.getByRole('combobox', { name: 'Soort record' }).click();
    await page.getByRole('option', { name: 'Persoon', exact: true }).click();

    const picker = editor.getByRole('combobox', { name: 'Persoon zoeken' });
    await picker.pressSequentially('jan jans', { delay: 20 });
    const option = page.getByRole('option', { name: /Jan Jansen/ });
    await option.waitFor();
    expect(await option.textContent()).toContain('jan.jansen@voorbeeld.test');
    await until(async () => (await page.getByRole('option').count()) === 1); // not Janneke Visser, nor the Jantjes's: every word must occur
    await picker.press('ArrowDown');
    await picker.press('Enter');
    expect(await picker.inputValue()).toBe('Jan Jansen');
    await until(async () => ((await editor.locator('iframe').getAttribute('srcdoc')) ?? '').includes('<p style="color: #1b6e20">Hallo Jan Jansen, bel'));
    expect(await editor.locator('[data-preview="subject"]').textContent()).toBe('Offerte voor Jan');
    await editor.locator('[data-preview-on]').filter({ hasText: 'Gegevens van Jan Jansen' }).waitFor();
    const empty = editor.getByRole('region', { name: 'Lege variabelen in dit voorbeeld' });
    expect(await empty.locator('li').allTextContents()).toEqual(['person.mobile: person.mobile is leeg bij deze persoon']);

    // The test send renders on the same person.
    await editor.getByLabel('Naar e-mailadres').fill('proef@loket.test');
    await editor.getByRole('button', { name: 'Verstuur test' }).click();
    await editor.getByRole('status').filter({ hasText: 'wachtrij' }).waitFor();
    const sent = (await call('GET', '/api/messages?to=proef@loket.test')).body.items[0];
    expect(sent).toMatchObject({ personId: jan.id, subject: '[TEST] Offerte voor Jan' });
    await quiet(page);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('explains the rule on a quote request chosen by its person\'s name, every text in Dutch', async () => {
    await page.goto(`${context.app.url}/workflows/quote-request-statuses`);
    await page.getByRole('cell', { name: STATUS, exact: true }).click();
    const form = page.getByRole('complementary', { name: 'Instellingen' });
    await form.getByRole('button', { name: 'Uitleggen' }).click();
    await form.getByRole('alert').filter({ hasText: 'Kies eerst een record.' }).waitFor();
    const picker = form.getByRole('combobox', { name: 'Zoek de kansactie op naam' });
    await picker.pressSequentially('jansen', { delay: 20 });
    await page.getByRole('option', { name: /Bezoek · Jan Jansen · Afspraak gemaakt/ }).waitFor();
    await page.getByRole('option', { name: /Offertezoek · Jan Jansen · Offerte aangevraagd/ }).click();
    await form.getByRole('button', { name: 'Uitleggen' }).click();
    const explained = form.getByRole('region', { name: 'Uitleg' });
    await explained.getByText('De workflow past nu op dit record.').waitFor();
    expect((await explained.locator('li').first().textContent())!.replace(/\s+/g, ' ').trim())
      .toBe(`✓voldaan: quote_request.status is "${STATUS}" (de waarde waarop de workflow start) — huidige waarde: "${STATUS}"`);
    expect(await explained.textContent()).not.toMatch(/the state|value:|trigger changes/);
    expect(await explained.getByText(/^E-mail op \d\d-\d\d-\d{4} \d\d:\d\d$/).count()).toBe(1);
    const pending = (await call('POST', `/api/workflows/${(await call('GET', '/api/workflows')).body.items[0].id}/explain`, { entity: 'quote_request', id: quoteRequest.id })).body.pending;
    expect(pending).toHaveLength(1);
  });

  it('shows why a message failed in the list, and opens its detail: body, headers, every attempt, rule and person', async () => {
    await call('POST', '/api/clock/advance', { by: 'PT0S' }); // the test message of the first test goes out
    smtp.failNext = 1;
    await call('POST', '/api/clock/advance', { by: 'P1D' }); // the workflow's e-mail to Jan, a day after the status
    const listed = (await call('GET', '/api/messages?to=jan.jansen@voorbeeld.test')).body.items;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ status: 'queued', attempts: 1 });

    await signIn();
    await page.goto(`${context.app.url}/messages`);
    const row = page.getByRole('row').filter({ hasText: 'jan.jansen@voorbeeld.test' });
    await row.locator('[data-error]').filter({ hasText: '451 Mailbox temporarily unavailable' }).waitFor();
    expect(await row.locator('[data-error]').isVisible()).toBe(true);
    await quiet(page);
    expect(await axeViolations(page)).toEqual([]);

    await call('POST', '/api/clock/advance', { by: 'PT1M' });
    await page.reload();
    await page.getByRole('row').filter({ hasText: 'jan.jansen@voorbeeld.test' }).getByRole('link', { name: 'Offerte voor Jan' }).click();
    await page.waitForURL(new RegExp(`/messages/${listed[0].id}$`));
    await page.getByRole('heading', { name: 'Offerte voor Jan', level: 1 }).waitFor();
    expect(await page.locator('[data-person]').textContent()).toContain('Jan Jansen <jan.jansen@voorbeeld.test>');
    const source = page.locator('[data-source]');
    expect((await source.textContent())!.replace(/\s+/g, ' ')).toContain(`Workflow: Kansactie: ${STATUS}`);
    expect(await page.locator('[data-message-body] iframe').getAttribute('srcdoc')).toContain('<p style="color: #1b6e20">Hallo Jan Jansen, bel');
    expect(await page.locator('[data-message-body] iframe').getAttribute('sandbox')).toBe('');
    const headerRows = page.locator('[data-headers] tr.mat-mdc-row');
    const headers: Record<string, string> = {};
    for (let i = 0; i < (await headerRows.count()); i++) {
      const cells = await headerRows.nth(i).getByRole('cell').allTextContents();
      headers[cells[0]!.trim()] = cells[1]!.trim();
    }
    expect(headers).toMatchObject({ 'Message-ID': listed[0].messageId, To: 'jan.jansen@voorbeeld.test', Subject: 'Offerte voor Jan' });
    const attempts = await page.locator('[data-attempts] tr.mat-mdc-row').allTextContents();
    expect(attempts).toHaveLength(2);
    expect(attempts[0]).toMatch(/Mislukt.*451 Mailbox temporarily unavailable/);
    expect(attempts[1]).toMatch(/Bezorgd.*smtp/);
    await quiet(page);
    expect(await axeViolations(page)).toEqual([]);

    // A deep link survives a reload; an unknown one says so.
    await page.reload();
    await page.locator('[data-attempts]').waitFor();
    expect(await page.title()).toBe('Bericht · Stroom');
    await page.goto(`${context.app.url}/messages/999999`);
    await page.getByRole('alert').filter({ hasText: 'Dit bericht bestaat niet (meer).' }).waitFor();
    expect(pageErrors).toEqual([]);
  });

  it("shows a flow e-mail's unsubscribe headers and its flow, and viewing it fetches neither its open pixel nor anything else", async () => {
    const source = 'flow "Nieuwsbrief picker" {\n  sender "Loket <info@loket.example>"\n  reply_to "info@loket.example"\n  trigger manual\n  send email "offerte-picker"\n}\n';
    const flow = (await call('POST', '/api/flows', { source })).body;
    expect((await call('POST', `/api/flows/${flow.id}/start`)).status).toBe(200);
    expect((await call('POST', `/api/flows/${flow.id}/participants`, { personIds: [jan.id] })).body.enrolled).toBe(1);
    await call('POST', '/api/clock/advance', { by: 'PT1M' });
    const message = (await call('GET', `/api/messages?flow=${flow.id}`)).body.items[0];
    expect(message.body).toContain(`${context.app.url}/o/`); // the open pixel, on this very service, is in what was sent

    const loaded: string[] = [];
    page.on('response', (response) => loaded.push(response.url()));
    await signIn();
    await page.goto(`${context.app.url}/messages/${message.id}`);
    await page.locator('[data-attempts]').waitFor();
    await quiet(page);
    page.removeAllListeners('response');
    expect(loaded.filter((url) => /\/[olu]\//.test(new URL(url).pathname))).toEqual([]);
    expect((await call('GET', `/api/change-events?entity=email&id=${jan.id}`)).body.items).toEqual([]);
    expect(await page.locator('[data-message-body] iframe').getAttribute('sandbox')).toBe('');
    expect((await page.locator('[data-source]').textContent())!.replace(/\s+/g, ' ')).toContain('Flow: Nieuwsbrief picker');
    await page.locator('[data-source]').getByRole('link', { name: 'Nieuwsbrief picker' }).waitFor();
    const headers = await page.locator('[data-headers] tr.mat-mdc-row').allTextContents();
    expect(headers.some((h) => h.startsWith('List-Unsubscribe<') && h.includes('/u/'))).toBe(true);
    expect(headers).toContain('List-Unsubscribe-PostList-Unsubscribe=One-Click');

    // Not even an image on the service's own address: the sandboxed frame's origin is no one's (CSP 'self' is not it).
    const pixel = (await call('POST', '/api/templates', { key: 'eigen-pixel', name: 'Eigen pixel', channel: 'email', subject: 'Pixel', body: '<p>Met pixel</p><img src="/o/bekeken" alt="">' })).body;
    const sent = (await call('POST', `/api/templates/${pixel.id}/test-send`, { to: 'pixel@loket.test' })).body;
    page.on('response', (response) => loaded.push(response.url()));
    await page.goto(`${context.app.url}/messages/${sent.messageId}`);
    await page.getByRole('heading', { name: '[TEST] Pixel' }).waitFor();
    await quiet(page);
    page.removeAllListeners('response');
    expect(await page.locator('[data-message-body] iframe').getAttribute('srcdoc')).toContain('/o/bekeken');
    expect(loaded.filter((url) => url.includes('/o/'))).toEqual([]);
  });

  it('words the explanation and the message detail in English after the switch, with no Dutch left', async () => {
    const message = (await call('GET', '/api/messages?to=jan.jansen@voorbeeld.test')).body.items.find((m: { workflowId: string | null }) => m.workflowId);
    await page.goto(`${context.app.url}/workflows/quote-request-statuses`);
    await page.getByRole('radio', { name: 'English' }).click();
    await page.getByRole('cell', { name: STATUS, exact: true }).click();
    const form = page.getByRole('complementary', { name: 'Settings' });
    const picker = form.getByRole('combobox', { name: 'Find the quote request by name' });
    await picker.pressSequentially('offertezoek jansen', { delay: 20 });
    await page.getByRole('option', { name: /Offertezoek · Jan Jansen · Offerte aangevraagd/ }).click();
    await form.getByRole('button', { name: 'Explain' }).click();
    const explained = form.getByRole('region', { name: 'Explanation' });
    await explained.getByText('The workflow matches this record now.').waitFor();
    expect((await explained.locator('li').first().textContent())!.replace(/\s+/g, ' ').trim())
      .toBe(`✓met: quote_request.status is "${STATUS}" (the value the workflow starts on) — current value: "${STATUS}"`);
    expect(await explained.textContent()).not.toMatch(/voldaan|waarde|gepland|huidige/i);

    await page.goto(`${context.app.url}/messages/${message.id}`);
    await page.getByRole('heading', { name: 'Delivery attempts' }).waitFor();
    const attempts = await page.locator('[data-attempts] tr.mat-mdc-row').allTextContents();
    expect(attempts[0]).toMatch(/Failed/);
    expect(attempts[1]).toMatch(/Delivered/);
    expect(await page.locator('[data-message-summary]').textContent()).toMatch(/Status.*Sent.*Channel.*E-?mail.*Recipient.*Person.*Came from/s);
    expect(await page.title()).toBe('Message · Stroom');
    await page.getByRole('radio', { name: 'Nederlands' }).click();
    await page.getByRole('heading', { name: 'Bezorgpogingen' }).waitFor();
  });
});
