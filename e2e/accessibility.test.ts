/**
 * The app as a visitor meets it: the language switch (texts change, the choice survives a reload),
 * the demo chain's overview, and an axe-core check (WCAG 2.1 A and AA) of every page and dialog in
 * Dutch and in English. Serious and critical violations fail the test; every page is also saved
 * as a screenshot in `.e2e-artifacts/` and all findings in `axe-report.json` there.
 */
import type { ChainDetail } from '@ketenregie/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialog, headingText, openPage, waitForPage, type Language } from './support/app-page.ts';
import { screenshot, writeReport } from './support/artifacts.ts';
import { runAxe, type AxeFinding } from './support/axe.ts';
import { describeInBrowser, launchBrowser, type TestBrowser } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/app-server.ts';

const DEMO = '/chains/spoedeisende-medische-hulp';
/** An empty chain, created in `beforeAll`, for the empty states of its pages. */
const EMPTY = '/chains/lege-keten';

/** One state of the app to check: a page, and optionally what to do there first (open a dialog). */
interface PageState {
  readonly name: string;
  readonly path: string;
  readonly prepare?: (page: Page) => Promise<void>;
}

/** Submits the open dialog's form empty, so that its validation messages are on screen. */
async function submitDialogForm(page: Page): Promise<void> {
  await dialog(page).locator('button[type="submit"]').click();
  await dialog(page).locator('[aria-invalid="true"]').first().waitFor();
}

const PAGE_STATES: readonly PageState[] = [
  { name: 'chain-list', path: '/' },
  { name: 'chain-overview', path: DEMO },
  {
    name: 'chain-delete-dialog',
    path: DEMO,
    prepare: async (page) => {
      await page.getByTestId('delete-chain').click();
      await dialog(page).waitFor();
    },
  },
  { name: 'chain-overview-empty', path: EMPTY },
  { name: 'chain-new', path: '/chains/new' },
  {
    name: 'chain-new-invalid',
    path: '/chains/new',
    prepare: async (page) => {
      await page.locator('main button[type="submit"]').click();
      await page.locator('[aria-invalid="true"]').first().waitFor();
    },
  },
  { name: 'chain-edit', path: `${DEMO}/edit` },
  { name: 'templates', path: '/chains/from-template' },
  {
    name: 'template-dialog',
    path: '/chains/from-template',
    prepare: async (page) => {
      await page.getByTestId('use-template').first().click();
      await dialog(page).waitFor();
    },
  },
  { name: 'partners', path: `${DEMO}/partners` },
  { name: 'partners-empty', path: `${EMPTY}/partners` },
  {
    name: 'partner-add-invalid',
    path: `${DEMO}/partners`,
    prepare: async (page) => {
      await page.getByTestId('add-partner').click();
      await submitDialogForm(page);
    },
  },
  {
    name: 'partner-edit',
    path: `${DEMO}/partners`,
    prepare: async (page) => {
      await page.getByTestId('edit-partner').first().click();
      await dialog(page).waitFor();
    },
  },
  {
    name: 'partner-delete-dialog',
    path: `${DEMO}/partners`,
    prepare: async (page) => {
      await page.getByTestId('delete-partner').first().click();
      await dialog(page).waitFor();
    },
  },
  { name: 'links', path: `${DEMO}/links` },
  { name: 'links-empty', path: `${EMPTY}/links` },
  {
    name: 'link-add-invalid',
    path: `${DEMO}/links`,
    prepare: async (page) => {
      await page.getByTestId('add-link').click();
      await dialog(page).getByTestId('has-norm').check();
      await submitDialogForm(page);
    },
  },
  {
    name: 'link-edit',
    path: `${DEMO}/links`,
    prepare: async (page) => {
      await page.getByTestId('edit-link').nth(3).click();
      await dialog(page).waitFor();
    },
  },
  {
    name: 'link-delete-dialog',
    path: `${DEMO}/links`,
    prepare: async (page) => {
      await page.getByTestId('delete-link').last().click();
      await dialog(page).waitFor();
    },
  },
  { name: 'not-found', path: '/no-such-page' },
  { name: 'chain-not-found', path: '/chains/no-such-chain' },
];

describeInBrowser('the app in the browser', () => {
  let server: TestServer;
  let browser: TestBrowser;
  let page: Page;
  const report: Record<string, AxeFinding[]> = {};

  beforeAll(async () => {
    server = await startTestServer({ demo: true });
    await server.api('POST', '/chains', {
      slug: 'lege-keten',
      name: 'Lege keten',
      targetGroup: 'Nog te bepalen.',
      societalGoal: 'Nog te bepalen.',
    });
    browser = await launchBrowser();
    page = await browser.newPage();
  });

  afterAll(async () => {
    writeReport('axe-report', report);
    await browser?.close();
    await server?.close();
  });

  it('speaks Dutch by default, switches to English, and remembers the choice after a reload', async () => {
    await page.goto(`${server.url}/`);
    await waitForPage(page);
    expect(await headingText(page)).toBe('Ketens');
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    expect(await page.title()).toBe('Ketens · Ketenregie');
    const switcher = page.getByTestId('language-switch');
    expect(await switcher.getByRole('button', { pressed: true }).textContent()).toContain('NL');

    await switcher.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => headingText(page)).toBe('Chains');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.title()).toBe('Chains · Ketenregie');
    expect(await page.getByRole('link', { name: 'New chain' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Skip to main content' }).count()).toBe(1);

    await page.reload();
    await waitForPage(page);
    expect(await headingText(page)).toBe('Chains');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await switcher.getByRole('button', { pressed: true }).textContent()).toContain('EN');

    await switcher.getByRole('button', { name: 'Nederlands' }).click();
    await expect.poll(() => headingText(page)).toBe('Ketens');
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
  });

  it('shows the demo chain: primary process with norms, power/interest grid, partners and trajectory data', async () => {
    const demo = await server.api<ChainDetail>('GET', DEMO);
    await openPage(page, server.url, '/');
    await page.getByRole('link', { name: demo.chain.name }).click();
    await waitForPage(page);
    await expect.poll(() => headingText(page)).toBe(demo.chain.name);
    expect(await page.title()).toBe(`${demo.chain.name} · Ketenregie`);

    const process = page.getByTestId('primary-process');
    expect(await process.getByRole('listitem').count()).toBe(demo.links.length);
    const steps = await process.getByRole('heading').allTextContents();
    expect(steps[0]).toBe(`Stap 1: ${demo.links[0]?.name}`);
    expect(await process.innerText()).toMatch(/≤ 60 min vanaf 112-melding/);

    const grid = page.getByRole('img', { name: 'Invloed-belangmatrix' });
    expect(await grid.count()).toBe(1);
    expect(await grid.locator('[data-partner]').count()).toBe(demo.partners.length);
    const gridText = await grid.textContent();
    for (const quadrant of ['NAUW BETREKKEN', 'TEVREDEN HOUDEN', 'INFORMEREN', 'MONITOREN']) {
      expect(gridText).toContain(quadrant);
    }
    expect(await page.getByTestId('grid-legend').getByRole('listitem').count()).toBe(demo.partners.length);
    expect(await page.getByTestId('partner-table').locator('tbody tr').count()).toBe(demo.partners.length);

    const trajectories = await page.getByTestId('trajectory-summary').innerText();
    expect(trajectories).toContain(new Intl.NumberFormat('nl-NL').format(demo.trajectories.cases));
    await screenshot(page, 'demo-overview-nl');
  });

  for (const language of ['nl', 'en'] satisfies Language[]) {
    describe(`axe-core, WCAG 2.1 A/AA, in ${language === 'nl' ? 'Dutch' : 'English'}`, () => {
      for (const state of PAGE_STATES) {
        it(`has no serious or critical violations on ${state.name}`, async () => {
          await openPage(page, server.url, state.path, language);
          await state.prepare?.(page);
          await page.waitForTimeout(250);
          expect(await page.getAttribute('html', 'lang')).toBe(language);
          const { all, blocking } = await runAxe(page);
          report[`${language}/${state.name}`] = all;
          await screenshot(page, `${language}-${state.name}`);
          expect(blocking).toEqual([]);
        });
      }
    });
  }

  it('had no uncaught errors in the page', () => {
    expect(browser.pageErrors).toEqual([]);
  });
});
