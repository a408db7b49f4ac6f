import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, launchChromium, until, quiet } from './support/browser.js';
import { useTestApp } from './support/lifecycle.js';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 740 };
/** Fifteen pages, each checked by axe-core: more than the default minute on a busy machine. */
const AXE_TIMEOUT_MS = 240_000;
const context = useTestApp();
let browser: Browser;
const pageErrors: string[] = [];
let flowId: string;
let pausedId: string;
let idleId: string;
let messageId: string;
let workflowId: string;

async function call(method: string, path: string, body?: unknown, status = method === 'POST' ? [200, 201] : [200]) {
  const answer = await context.app.call(method, path, body);
  if (!status.includes(answer.status)) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** A browser context at the given size, signed in as the administrator (through the login page). */
async function signedIn(viewport: { width: number; height: number }): Promise<{ browserContext: BrowserContext; page: Page }> {
  const browserContext = await browser.newContext({ viewport });
  const page = await browserContext.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${context.app.url}/login`);
  await page.getByLabel('E-mailadres').fill('admin@test.example');
  await page.getByLabel('Wachtwoord').fill('correct-horse-battery');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL(/\/workflows\/task-types$/);
  return { browserContext, page };
}

/** A signed-in page at the given size for the tests of one describe block. */
function useSignedInPage(viewport: { width: number; height: number }): { page: Page } {
  const signed = {} as { page: Page; browserContext: BrowserContext };
  beforeAll(async () => Object.assign(signed, await signedIn(viewport)));
  afterAll(async () => signed.browserContext?.close());
  return signed;
}

/** Opens a route and waits until it has drawn its heading and finished its requests. */
async function visit(page: Page, path: string): Promise<void> {
  await page.goto(`${context.app.url}${path}`);
  await page.locator('h1').first().waitFor();
  await quiet(page);
}

/** How far the page is wider than the window (0: nothing makes the whole page scroll sideways). */
async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth') as Promise<number>;
}

/**
 * The text a reader sees, without DSL code, names and addresses: visible text nodes outside
 * `pre`, `code`, `[translate="no"]`, the editor and the svg's tooltips.
 */
async function visibleText(page: Page): Promise<string> {
  return page.evaluate(`(() => {
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !node.textContent.trim()) continue;
      if (parent.closest('pre, code, [translate="no"], .cm-editor, title, script, style, .cdk-visually-hidden')) continue;
      const box = parent.closest('svg') ?? parent;
      if (typeof box.checkVisibility === 'function' && !box.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      out.push(node.textContent.trim());
    }
    return out.join(' | ');
  })()`) as Promise<string>;
}

beforeAll(async () => {
  browser = await launchChromium();

  // Demo-like data: a template, a task type, companies and persons, a running flow with steps and
  // participants, a paused and an idle flow, and a message in the outbox.
  const template = await call('POST', '/api/templates', { key: 'welkom', name: 'Welkomstmail', channel: 'email', subject: 'Welkom bij ons', body: '<p>Hallo {{ person.first_name }}</p>' });
  await call('POST', '/api/task-types', { name: 'Terugbellen' });
  const company = await call('POST', '/api/companies', { name: 'Bakkerij Jansen' });
  const people: string[] = [];
  for (const [first, last] of [['Anna', 'de Vries'], ['Bram', 'Jansen'], ['Cor', 'Bakker']]) {
    people.push((await call('POST', '/api/persons', { firstName: first, lastName: last, email: `${first.toLowerCase()}@bakkerij.example`, companyId: company.id })).id);
  }
  const source = [
    'flow "Welkomstreeks" {',
    '  sender "Loket <info@loket.example>"',
    '  reply_to "info@loket.example"',
    '  trigger manual',
    '  welkom: send email "welkom"',
    '  wacht: wait 2 days',
    '  soort: split "Soort klant" {',
    '    branch "Bakkerij" when person.category = "Bakkerij" {',
    '      extra: wait 1 day',
    '    }',
    '  }',
    '  klaar: complete',
    '}',
    '',
  ].join('\n');
  flowId = (await call('POST', '/api/flows', { source })).id;
  await call('POST', `/api/flows/${flowId}/start`);
  await call('POST', `/api/flows/${flowId}/participants`, { personIds: people });
  // One participant unsubscribes (a dropout with its reason), one is refused a second enrolment.
  await call('PATCH', `/api/persons/${people[2]}`, { unsubscribed: true });
  await call('POST', `/api/flows/${flowId}/participants`, { personIds: [people[0]] });
  pausedId = (await call('POST', '/api/flows', { source: source.replace('Welkomstreeks', 'Zomeractie') })).id;
  await call('POST', `/api/flows/${pausedId}/start`);
  await call('POST', `/api/flows/${pausedId}/pause`);
  idleId = (await call('POST', '/api/flows', { source: source.replace('Welkomstreeks', 'Najaarsactie') })).id;
  await call('POST', `/api/templates/${template.id}/test-send`, { to: 'test@bakkerij.example' });
  messageId = (await call('GET', '/api/messages?to=test@bakkerij.example')).items[0].id;
  workflowId = (await call('POST', '/api/workflows', { source: 'workflow "Welkom nieuwe klant" {\n  on person created\n  when person.category = "Bakkerij"\n  send email "welkom" to person\n}\n' })).id;
});
afterAll(async () => browser?.close());

/** Every route of the UI; the flows list twice (list and tiles). */
function routes(): { path: string; name: string; prepare?: (page: Page) => Promise<void> }[] {
  const flow = `/flows/${flowId}`;
  return [
    { path: '/workflows/task-types', name: 'workflows: task types' },
    { path: '/workflows/quote-request-statuses', name: 'workflows: quote request statuses' },
    { path: '/workflows/quote-request-statuses', name: 'workflows: a status form', prepare: async (page) => {
      await page.getByRole('row').nth(1).click();
      await page.getByRole('complementary').getByRole('heading', { level: 2 }).waitFor();
    } },
    { path: '/workflows/opportunity-statuses', name: 'workflows: opportunity statuses' },
    { path: '/workflows/intake-measures', name: 'workflows: intake measures' },
    { path: '/templates', name: 'templates' },
    { path: '/templates', name: 'template editor with its preview', prepare: async (page) => {
      await page.getByRole('cell', { name: 'Welkomstmail', exact: true }).click();
      await page.locator('[data-preview="subject"]').filter({ hasText: 'Welkom bij ons' }).waitFor();
    } },
    { path: '/flows', name: 'flows as a list' },
    { path: '/flows', name: 'flows as tiles', prepare: async (page) => {
      await page.getByRole('radio', { name: /^(Tegels|Tiles)$/ }).click();
      await page.locator('mat-card').first().waitFor();
    } },
    { path: `${flow}/summary`, name: 'flow summary', prepare: async (page) => page.locator('[data-stat="enrolled"]').waitFor() },
    { path: `${flow}/diagram`, name: 'flow diagram', prepare: async (page) => {
      await page.locator('[data-step="welkom"]').click();
      await page.locator('[data-step-words]').waitFor();
    } },
    { path: `${flow}/reports`, name: 'flow reports', prepare: async (page) => page.locator('[data-success]').waitFor() },
    { path: `${flow}/participants`, name: 'flow participants', prepare: async (page) => page.getByRole('cell', { name: 'anna@bakkerij.example' }).waitFor() },
    { path: `${flow}/source`, name: 'flow source' },
    { path: '/messages', name: 'messages' },
    { path: '/suppressions', name: 'suppressions' },
    { path: '/dsl', name: 'dsl editor' },
    { path: `/messages/${messageId}`, name: 'message detail' },
    { path: `/dsl?workflow=${workflowId}`, name: 'dsl editor with a rule open', prepare: async (page) => {
      await page.locator('.cm-content').getByText('Welkom nieuwe klant').waitFor();
    } },
    // Last: the edited text makes leaving the page ask.
    { path: `/dsl?workflow=${workflowId}`, name: 'dsl editor with problems', prepare: async (page) => {
      await page.locator('.cm-content').getByText('Welkom nieuwe klant').waitFor();
      await page.locator('.cm-content').click();
      await page.keyboard.press('Control+a');
      await page.keyboard.insertText('workflow "Welkom nieuwe klant" {\n  on person created\n  when person.catgory = "Bakkerij"\n  sned email "welkom" to person\n}\n');
      await page.getByRole('region', { name: /^(Problemen|Problems)$/ }).getByText(/bedoelde u|did you mean/).waitFor();
    } },
  ];
}

describe.each([['desktop', DESKTOP], ['phone', PHONE]] as const)('every page at %s width', (label, viewport) => {
  const signed = useSignedInPage(viewport);

  it(`has no serious or critical axe-core violations and no sideways scrolling of the page (${label})`, async () => {
    const { page } = signed;
    const found: Record<string, string[]> = {};
    const anonymous = await browser.newContext({ viewport });
    try {
      const login = await anonymous.newPage();
      await login.goto(`${context.app.url}/login`);
      await login.getByLabel('Wachtwoord').waitFor();
      const problems = await axeViolations(login);
      const overflow = await sidewaysOverflow(login);
      if (overflow > 0) problems.push(`page ${overflow}px wider than the window`);
      if (problems.length > 0) found['login'] = problems;
    } finally {
      await anonymous.close();
    }
    for (const route of routes()) {
      await visit(page, route.path);
      await route.prepare?.(page);
      const problems = await axeViolations(page);
      const overflow = await sidewaysOverflow(page);
      if (overflow > 0) problems.push(`page ${overflow}px wider than the window`);
      if (problems.length > 0) found[route.name] = problems;
    }
    expect(found).toEqual({});
  }, AXE_TIMEOUT_MS);
});

describe('at phone width', () => {
  const signed = useSignedInPage(PHONE);

  it('folds the navigation into a menu that works by keyboard and closes after choosing', async () => {
    const { page } = signed;
    await visit(page, '/workflows/task-types');
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).count()).toBe(0);
    const button = page.getByRole('button', { name: 'Menu openen' });
    await button.focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu', { name: 'Hoofdmenu' });
    await menu.waitFor();
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual(['Workflows', 'Sjablonen', 'Flows', 'Formulieren', 'Berichten', 'Blokkeerlijst', 'Contactbeleid', 'Toewijzingsregels', 'DSL', 'Uitloggen']);
    // The first item has the focus; arrow keys move through the items, Enter chooses.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/templates$/);
    await menu.waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'Sjablonen', level: 1 }).waitFor();
    // By pointer as well; Escape closes without choosing.
    await button.click();
    await menu.getByRole('menuitem', { name: 'Flows', exact: true }).click();
    await page.waitForURL(/\/flows$/);
    await button.click();
    await menu.waitFor();
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    expect(page.url()).toMatch(/\/flows$/);
    // Wider again, the links are back in the toolbar and the button is gone.
    await page.setViewportSize(DESKTOP);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Sjablonen' }).waitFor();
    expect(await button.count()).toBe(0);
    await page.setViewportSize(PHONE);
    await button.waitFor();
  });

  it('stacks a workflow\'s and a template\'s form under its list, and the wide tables scroll inside their box', async () => {
    const { page } = signed;
    await visit(page, '/workflows/quote-request-statuses');
    const table = page.locator('table').first();
    await page.getByRole('row').nth(1).click();
    const form = page.getByRole('complementary', { name: 'Instellingen' });
    await form.getByRole('switch', { name: 'Actief' }).waitFor();
    const [tableBox, formBox] = [await table.boundingBox(), await form.boundingBox()];
    expect(formBox!.y).toBeGreaterThanOrEqual(tableBox!.y + tableBox!.height);
    expect(formBox!.x + formBox!.width).toBeLessThanOrEqual(PHONE.width);

    await visit(page, '/templates');
    await page.getByRole('cell', { name: 'Welkomstmail', exact: true }).click();
    const editor = page.getByRole('complementary', { name: 'Sjabloon bewerken' });
    await editor.getByLabel('Onderwerp').waitFor();
    const [listBox, editorBox] = [await page.locator('table').first().boundingBox(), await editor.boundingBox()];
    expect(editorBox!.y).toBeGreaterThanOrEqual(listBox!.y + listBox!.height);
    expect(await sidewaysOverflow(page)).toBe(0);

    await visit(page, `/flows/${flowId}/participants`);
    await page.getByRole('cell', { name: 'anna@bakkerij.example' }).waitFor();
    const scroller = page.locator('.table-scroll').first();
    const widths = await scroller.evaluate((el) => ({ inner: el.scrollWidth, outer: el.clientWidth }));
    expect(widths.inner).toBeGreaterThan(widths.outer);
    expect(await sidewaysOverflow(page)).toBe(0);
  });

  it('zooms the flow diagram with its buttons, ctrl + wheel and a two-finger pinch', async () => {
    const { page } = signed;
    await visit(page, `/flows/${flowId}/diagram`);
    const svg = page.getByRole('group', { name: 'Stappen van de flow' });
    await page.locator('[data-step="welkom"]').waitFor();
    const width = async () => Number(await svg.getAttribute('width'));
    // Fitted to the phone at first: the whole diagram in the width of its box.
    const fitted = await width();
    expect(fitted).toBeLessThanOrEqual(PHONE.width);
    await page.getByRole('button', { name: 'Inzoomen' }).click();
    await until(async () => (await width()) > fitted * 1.2);
    const zoomed = await width();
    expect(await page.locator('[data-zoom]').textContent()).toMatch(/^\d+%$/);
    await page.getByRole('button', { name: 'Uitzoomen' }).click();
    await page.getByRole('button', { name: 'Uitzoomen' }).click();
    await until(async () => (await width()) < fitted);
    await page.getByRole('button', { name: 'Passend maken' }).click();
    await until(async () => Math.abs((await width()) - fitted) < 1);
    const box = (await svg.boundingBox())!;
    await page.mouse.move(box.x + 20, box.y + 20);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -300);
    await page.keyboard.up('Control');
    await until(async () => (await width()) > fitted);
    expect(zoomed).toBeGreaterThan(fitted);

    // Two fingers moving apart zoom in (touch pointer events, as a phone sends them).
    await page.getByRole('button', { name: 'Passend maken' }).click();
    await until(async () => Math.abs((await width()) - fitted) < 1);
    await page.evaluate(`(() => {
      const canvas = document.querySelector('.canvas');
      const send = (type, id, x) => canvas.dispatchEvent(new PointerEvent(type, { pointerId: id, pointerType: 'touch', clientX: x, clientY: 200, bubbles: true }));
      send('pointerdown', 1, 150); send('pointerdown', 2, 200);
      send('pointermove', 2, 250); send('pointermove', 2, 300);
      send('pointerup', 1, 150); send('pointerup', 2, 300);
    })()`);
    await until(async () => (await width()) > fitted * 1.5);
    expect(await sidewaysOverflow(page)).toBe(0);
  });
});

describe('the flow\'s states', () => {
  const signed = useSignedInPage(DESKTOP);

  it('reads running, paused and not running differently in the list, the tiles and the flow\'s header', async () => {
    const { page } = signed;
    await visit(page, '/flows');
    const stateOf = (name: string) => page.getByRole('row', { name: new RegExp(name) }).locator('.state');
    await page.getByRole('cell', { name: 'Najaarsactie', exact: true }).waitFor();
    expect(await stateOf('Welkomstreeks').textContent()).toBe('Wordt uitgevoerd');
    expect(await stateOf('Zomeractie').textContent()).toBe('Gepauzeerd');
    expect(await stateOf('Najaarsactie').textContent()).toBe('Wordt niet uitgevoerd');
    await page.getByRole('radio', { name: 'Tegels' }).click();
    const tile = (name: string) => page.locator('mat-card', { hasText: name }).locator('.state');
    expect(await tile('Zomeractie').textContent()).toBe('Gepauzeerd');
    expect(await tile('Najaarsactie').textContent()).toBe('Wordt niet uitgevoerd');

    await visit(page, `/flows/${pausedId}/summary`);
    expect(await page.locator('[data-status]').textContent()).toBe('Gepauzeerd');
    expect(await page.getByRole('switch', { name: 'UIT · gepauzeerd' }).isChecked()).toBe(false);
    await visit(page, `/flows/${idleId}/summary`);
    expect(await page.locator('[data-status]').textContent()).toBe('Wordt niet uitgevoerd');
    expect(await page.getByRole('switch', { name: 'UIT', exact: true }).isChecked()).toBe(false);

    await page.getByRole('radio', { name: 'English' }).click();
    await page.locator('[data-status]').filter({ hasText: 'Not running' }).waitFor();
    await visit(page, '/flows');
    await page.getByRole('cell', { name: 'Zomeractie', exact: true }).waitFor();
    expect(await stateOf('Zomeractie').textContent()).toBe('Paused');
    expect(await stateOf('Welkomstreeks').textContent()).toBe('Running');
    await page.getByRole('radio', { name: 'Nederlands' }).click();
    await stateOf('Zomeractie').filter({ hasText: 'Gepauzeerd' }).waitFor();
  });

  it('asks before pausing a running flow, says what pausing does, and keeps it running on cancel', async () => {
    const { page } = signed;
    await visit(page, `/flows/${flowId}/summary`);
    // Hidden from the accessibility tree while the dialog is open (modal), so found with includeHidden.
    const onOff = page.getByRole('switch', { name: 'AAN', includeHidden: true });
    await onOff.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Flow pauzeren' }).waitFor();
    expect(await dialog.textContent()).toMatch(/huidige stap.*wachtrij/s);
    // While it asks, the switch still says the flow runs.
    expect(await onOff.isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await onOff.isChecked()).toBe(true);
    expect((await call('GET', `/api/flows/${flowId}`)).status).toBe('running');

    await onOff.click();
    await dialog.getByRole('button', { name: 'Pauzeren' }).click();
    await page.locator('[data-status]').filter({ hasText: 'Gepauzeerd' }).waitFor();
    expect((await call('GET', `/api/flows/${flowId}`)).status).toBe('paused');
    expect(await page.getByRole('switch', { name: 'UIT · gepauzeerd' }).isChecked()).toBe(false);
    // Resuming does not ask.
    await page.getByRole('switch', { name: 'UIT · gepauzeerd' }).click();
    await page.locator('[data-status]').filter({ hasText: 'Wordt uitgevoerd' }).waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect((await call('GET', `/api/flows/${flowId}`)).status).toBe('running');
  });

  it('asks before ending a flow', async () => {
    const { page } = signed;
    await visit(page, `/flows/${pausedId}/summary`);
    await page.getByRole('button', { name: 'Taken ▾' }).click();
    await page.getByRole('menuitem', { name: 'Beëindigen' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Flow beëindigen' }).waitFor();
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await call('GET', `/api/flows/${pausedId}`)).status).toBe('paused');
    await page.getByRole('button', { name: 'Taken ▾' }).click();
    await page.getByRole('menuitem', { name: 'Beëindigen' }).click();
    await dialog.getByRole('button', { name: 'Beëindigen' }).click();
    await page.locator('[data-status]').filter({ hasText: 'Wordt niet uitgevoerd' }).waitFor();
    expect((await call('GET', `/api/flows/${pausedId}`)).status).toBe('not_running');
  });
});

describe('the Dutch UI', () => {
  // Words that only English would show; Dutch shares none of them as a word of its own.
  const ENGLISH = /\b(the|and|step|steps|participants?|running|paused|not running|enrolled|enrolments?|refused|success|completed|active|queued|cancelled|dropout|days?|hours?|others|selection|template|wait|send|sent|failed|settings|summary|reports?|source|next|previous|page)\b|[a-z]+_[a-z_]+/i;
  const signed = useSignedInPage(DESKTOP);

  it('shows no English in the shell, the flows list and every tab of a flow', async () => {
    const { page } = signed;
    const found: Record<string, string> = {};
    const check = async (name: string) => {
      const text = await visibleText(page);
      const match = ENGLISH.exec(text);
      if (match) found[name] = `"${match[0]}" in: ${text.slice(Math.max(0, match.index - 80), match.index + 80)}`;
    };
    for (const route of routes().filter((r) => r.path.startsWith('/flows'))) {
      await visit(page, route.path);
      await route.prepare?.(page);
      await check(route.name);
    }
    // A dropout's reason, in words.
    await visit(page, `/flows/${flowId}/participants`);
    await page.getByRole('row', { name: /cor@bakkerij\.example/ }).filter({ hasText: 'Uitgevallen · afgemeld' }).waitFor();
    await check('flow participants with a dropout');
    // The split selected, and its "everyone else" edge in the diagram.
    await visit(page, `/flows/${flowId}/diagram`);
    await page.locator('[data-step="soort"]').click();
    await check('flow diagram, the split selected');
    expect(await page.locator('svg text').allTextContents()).toEqual(expect.arrayContaining(['2 dagen', 'Bakkerij', 'alle anderen']));
    expect(found).toEqual({});
    // The same reading finds English where it is meant to be (so the check above can fail).
    await page.getByRole('radio', { name: 'English' }).click();
    await page.getByRole('tab', { name: 'Participants' }).waitFor();
    expect(ENGLISH.exec(await visibleText(page))?.[0]).toBeDefined();
    await page.getByRole('radio', { name: 'Nederlands' }).click();
    await page.getByRole('tab', { name: 'Deelnemers' }).waitFor();
  });

  it('ran without a script error', () => {
    expect(pageErrors).toEqual([]);
  });
});
