import { expect } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';

/**
 * The steps the designer's browser tests take on a page: open a flow or its start, place a step, fill
 * and choose in the settings panel, and read the result back from the DSL tab (the one source of truth).
 */
export function designerPage(page: () => Page, baseUrl: () => string) {
  const panel = () => page().locator('aside.panel');
  const builder = (name: string) => panel().locator(`[data-condition="${name}"]`);

  /** The flow's text as the DSL tab shows it (then back to the diagram). */
  async function dsl(): Promise<string> {
    await page().getByRole('tab', { name: 'DSL' }).click();
    const text = await page().getByLabel('DSL-tekst van de flow').inputValue();
    await page().getByRole('tab', { name: 'Diagram' }).click();
    return text;
  }

  /** Waits until the DSL text holds `line` (edits apply after the field is left). */
  async function expectLine(line: string): Promise<void> {
    let text = '';
    for (let i = 0; i < 20; i++) {
      text = await dsl();
      if (text.includes(line)) return;
      await page().waitForTimeout(100);
    }
    expect(text).toContain(line);
  }

  async function choose(scope: Locator, label: string, option: string): Promise<void> {
    await scope.getByRole('combobox', { name: label, exact: true }).click();
    await page().getByRole('option', { name: option, exact: true }).click();
  }

  /** The text field labelled `label` (not the suggestion list a type-ahead field labels the same way). */
  function field(scope: Locator, label: string): Locator {
    return scope.locator('input, textarea').and(scope.getByLabel(label, { exact: true }));
  }

  async function type(scope: Locator, label: string, text: string): Promise<void> {
    const input = field(scope, label);
    await input.fill(text);
    await input.press('Tab');
  }

  /** Types into a type-ahead field and picks the server's suggestion. */
  async function pick(scope: Locator, label: string, typed: string, option: string): Promise<void> {
    await field(scope, label).fill('');
    await field(scope, label).pressSequentially(typed);
    await page().getByRole('option', { name: option, exact: true }).click();
  }

  async function openNewFlow(): Promise<void> {
    await page().goto(`${baseUrl()}/flows/new`);
    await page().getByRole('heading', { name: 'Nieuwe flow' }).waitFor();
  }

  async function openStart(): Promise<void> {
    await page().getByRole('button', { name: /Start van de flow/ }).click();
  }

  /** Places a step from the menu at the end of the flow and opens its settings. */
  async function place(key: string): Promise<void> {
    await page().locator(`[data-palette="${key}"]`).click();
  }

  return { panel, builder, dsl, expectLine, choose, field, type, pick, openNewFlow, openStart, place };
}
