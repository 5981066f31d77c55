/**
 * Screenshots and reports of the browser tests, in `.e2e-artifacts/` at the repository root
 * (ignored by git), so a person can look at what the tests saw.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

/** Folder of the artifacts. */
export const ARTIFACTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '.e2e-artifacts');

/**
 * Saves a full-page screenshot as `<name>.png`. The page is scrolled to the top first, so the
 * fixed header is drawn where it belongs.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Writes a JSON report as `<name>.json`. */
export function writeReport(name: string, data: unknown): string {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.json`);
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  return file;
}
