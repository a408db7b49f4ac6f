import { existsSync } from 'node:fs';
import axe from 'axe-core';
import { expect } from '@jest/globals';
import { chromium, type Browser, type Dialog, type Locator, type Page } from 'playwright-core';

/** Debian's Chromium; no tool downloads a browser of its own. */
export const CHROMIUM = process.env.CHROME_BIN ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROME_BIN)`);
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}

/**
 * Polls from the test's side until `holds`: page.waitForFunction evaluates its predicate in the page
 * when the first check fails, and the service's CSP (no 'unsafe-eval') refuses that.
 */
export async function until(holds: () => Promise<boolean>, timeoutMs = 15_000, state?: () => Promise<string>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await holds())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms${state ? `: ${await state()}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The serious and critical axe-core violations of the page as it stands. axe is evaluated rather than
 * added as a <script> (the service's CSP allows no inline script), once per document.
 */
/**
 * Waits (at most 5 s) until the page has made no request for half a second. An e-mail shown in a
 * frame may point at images on hosts this machine cannot reach, so a page need never get there:
 * a test waits for what it checks, this only lets late requests finish first.
 */
export async function quiet(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => undefined);
}

export async function axeViolations(page: Page): Promise<string[]> {
  // Measured at rest: a label or hint in the middle of its fade-in has not its final colour yet.
  await page.evaluate(`Promise.race([
    Promise.all(document.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations !== Infinity).map((a) => a.finished.catch(() => undefined))),
    new Promise((resolve) => setTimeout(resolve, 2000)),
  ])`);
  if (!(await page.evaluate('typeof axe !== "undefined"'))) await page.evaluate(axe.source);
  return page.evaluate("axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))") as Promise<string[]>;
}

/** Logs in on the login page as the given employee (the test app's admin unless told) and waits for the first page. */
export async function logIn(page: Page, url: string, email = 'admin@test.example', password = 'correct-horse-battery'): Promise<void> {
  await page.goto(`${url}/login`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL(/\/workflows\//);
}

/** Drags with the mouse in small moves, as the Angular CDK needs to see a drag start and pass over the target. */
export async function dragTo(page: Page, from: Locator, to: Locator): Promise<void> {
  await from.scrollIntoViewIfNeeded();
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + a.height / 2 + 10, { steps: 10 });
  // The drag has started once the CDK draws its preview; then the pointer travels to the target.
  await page.locator('.cdk-drag-preview').waitFor({ timeout: 5000 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 20 });
  await page.mouse.move(b.x + b.width / 2 + 1, b.y + b.height / 2, { steps: 3 });
  await page.mouse.up();
}

/**
 * A reload of an edited page: the browser asks (beforeunload); dismissed, the page stays and the
 * reload runs into its time limit. On a busy machine the question came after a 3 s limit, which had
 * given up the reload (and with it the dialog) first: the limit is generous, and the dialog is
 * answered (awaited) before the reload's outcome is read.
 */
export async function reloadIsAsked(page: Page): Promise<void> {
  const asked = new Promise<Dialog>((resolve) => page.once('dialog', resolve));
  const reloading = page.reload({ timeout: 20_000 }).then(() => 'reloaded', () => 'stayed');
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();
  expect(await reloading).toBe('stayed');
}
