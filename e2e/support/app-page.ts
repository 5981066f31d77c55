/**
 * Helpers that drive the app the way a person does: open a page in a language, wait until it has
 * rendered its heading, pick options in Mantine's select boxes.
 */
import type { Locator, Page } from 'playwright-core';

/** Languages of the interface. */
export type Language = 'nl' | 'en';

/** Opens `path` with the given interface language stored, and waits for the page heading. */
export async function openPage(page: Page, baseUrl: string, urlPath: string, language: Language = 'nl'): Promise<void> {
  if (!page.url().startsWith(baseUrl)) await page.goto(`${baseUrl}/favicon.svg`);
  await page.evaluate((lng) => window.localStorage.setItem('ketenregie.language', lng), language);
  await page.goto(`${baseUrl}${urlPath}`);
  await waitForPage(page);
}

/** Waits until the page has rendered its heading and no skeleton is loading. */
export async function waitForPage(page: Page): Promise<void> {
  await page.locator('[data-page-heading]').first().waitFor({ state: 'visible' });
  await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' });
}

/** The text of the page's main heading. */
export async function headingText(page: Page): Promise<string> {
  return (await page.locator('[data-page-heading]').first().innerText()).trim();
}

/** Opens a Mantine Select or MultiSelect and clicks the option with the given name. */
export async function chooseOption(page: Page, field: Locator, option: string): Promise<void> {
  await field.click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** The dialog currently open. */
export function dialog(page: Page): Locator {
  return page.getByRole('dialog');
}
