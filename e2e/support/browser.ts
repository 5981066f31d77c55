/**
 * Real Chromium for the browser tests: Debian's `/usr/bin/chromium` driven by playwright-core,
 * headless, with a fresh profile per launch. Without Chromium the browser tests are skipped with a
 * clear message, unless KETENREGIE_REQUIRE_FULL_SUITE=1 demands the full suite (then they fail).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { describe, it } from 'vitest';

/** Where Debian's `chromium` package installs the browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags for a quiet, sandbox-free headless run in containers and CI. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Shown (or thrown) when Chromium is not installed. */
export const MISSING_CHROMIUM = `browser tests skipped: Chromium not found at ${CHROMIUM_PATH}; apt-get install -y chromium`;

/** True when the browser tests can run here. */
export const chromiumAvailable = existsSync(CHROMIUM_PATH);

/**
 * `describe` for browser tests: runs them when Chromium is there; otherwise skips them with a
 * message, or fails when KETENREGIE_REQUIRE_FULL_SUITE=1.
 */
export function describeInBrowser(name: string, body: () => void): void {
  if (chromiumAvailable) {
    describe(name, body);
    return;
  }
  if (process.env.KETENREGIE_REQUIRE_FULL_SUITE === '1') {
    describe(name, () => {
      it('needs Chromium (KETENREGIE_REQUIRE_FULL_SUITE=1)', () => {
        throw new Error(MISSING_CHROMIUM.replace('browser tests skipped', 'browser tests cannot run'));
      });
    });
    return;
  }
  console.warn(MISSING_CHROMIUM);
  describe.skip(name, body);
}

/** A browser with its own profile directory, removed again on close. */
export interface TestBrowser {
  readonly context: BrowserContext;
  /** Opens a new tab that fails the test on uncaught page errors. */
  newPage(): Promise<Page>;
  /** Errors thrown in any page since launch (uncaught exceptions). */
  readonly pageErrors: string[];
  close(): Promise<void>;
}

/** Launches Chromium with a fresh user-data directory. */
export async function launchBrowser(): Promise<TestBrowser> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'ketenregie-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1366, height: 900 },
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
  });
  const pageErrors: string[] = [];
  const watch = (page: Page) => page.on('pageerror', (error) => pageErrors.push(error.message));
  context.pages().forEach(watch);
  context.on('page', watch);
  return {
    context,
    pageErrors,
    newPage: () => context.newPage(),
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
