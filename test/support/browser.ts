import { existsSync } from 'node:fs';
import axe from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';

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
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate('typeof axe !== "undefined"'))) await page.evaluate(axe.source);
  return page.evaluate("axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))") as Promise<string[]>;
}
