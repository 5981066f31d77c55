/**
 * Browser flows of the chain model against a real server: create a chain, add a partner and a
 * link, reload and find them again; validation next to the fields (in the browser and from the
 * server); a version conflict that offers to reload; deleting with confirmation; reordering;
 * creating a chain from a template.
 */
import type { ChainDetail } from '@ketenregie/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chooseOption, dialog, headingText, openPage, waitForPage } from './support/app-page.ts';
import { screenshot, writeReport } from './support/artifacts.ts';
import { runAxe } from './support/axe.ts';
import { describeInBrowser, launchBrowser, type TestBrowser } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/app-server.ts';

describeInBrowser('chain flows in the browser', () => {
  let server: TestServer;
  let browser: TestBrowser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer({ demo: false });
    browser = await launchBrowser();
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Adds a partner through the dialog on the partners page. */
  async function addPartner(name: string, sector: string, role: string): Promise<void> {
    await page.getByRole('button', { name: 'Partner toevoegen' }).click();
    const form = dialog(page);
    await form.getByRole('textbox', { name: 'Naam van de organisatie' }).fill(name);
    await chooseOption(page, form.getByRole('combobox', { name: 'Sector' }), sector);
    await form.getByRole('checkbox', { name: role }).check();
    await form
      .getByRole('radiogroup', { name: 'Belang bij het resultaat' })
      .getByRole('radio', { name: '4 – hoog' })
      .check();
    await form
      .getByRole('radiogroup', { name: 'Invloed op de keten' })
      .getByRole('radio', { name: '3 – gemiddeld' })
      .check();
    await form.getByRole('radiogroup', { name: 'Commitment' }).getByRole('radio', { name: '5 – zeer hoog' }).check();
    await form.getByRole('button', { name: 'Partner toevoegen' }).click();
    await dialog(page).waitFor({ state: 'detached' });
  }

  /** Adds a link through the dialog on the primary-process page. */
  async function addLink(name: string, partner: string, norm?: { amount: string; unit: string }): Promise<void> {
    await page.getByRole('button', { name: 'Schakel toevoegen' }).click();
    const form = dialog(page);
    await form.getByRole('textbox', { name: 'Naam van de schakel' }).fill(name);
    await chooseOption(page, form.getByRole('combobox', { name: 'Verantwoordelijke partners' }), partner);
    await form.getByRole('textbox', { name: 'Naam van de schakel' }).click();
    if (norm) {
      await form.getByRole('switch', { name: 'Deze schakel heeft een normtijd' }).check();
      await form.getByRole('textbox', { name: 'Maximale tijd' }).fill(norm.amount);
      await chooseOption(page, form.getByRole('combobox', { name: 'Eenheid' }), norm.unit);
    }
    await form.getByRole('button', { name: 'Schakel toevoegen' }).click();
    await dialog(page).waitFor({ state: 'detached' });
  }

  it('invites to create the first chain when there are none', async () => {
    await openPage(page, server.url, '/');
    const empty = page.getByRole('heading', { name: 'Nog geen ketens', level: 2 });
    await empty.waitFor();
    expect(await page.getByRole('link', { name: 'Nieuwe keten' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Vanuit sjabloon' }).count()).toBe(1);
    const { all, blocking } = await runAxe(page);
    writeReport('axe-report-empty-list', all);
    await screenshot(page, 'nl-chain-list-empty');
    expect(blocking).toEqual([]);
  });

  it('creates a chain, adds a partner and a link, and finds them again after a reload', async () => {
    await openPage(page, server.url, '/');
    await page.getByRole('link', { name: 'Nieuwe keten' }).click();
    await page.waitForURL(`${server.url}/chains/new`);
    await waitForPage(page);
    await expect.poll(() => page.title()).toBe('Nieuwe keten · Ketenregie');

    await page.getByRole('textbox', { name: 'Naam van de keten' }).fill('Re-integratie Noordvallei');
    expect(await page.getByRole('textbox', { name: 'Korte naam voor het webadres' }).inputValue()).toBe(
      're-integratie-noordvallei',
    );
    await page
      .getByRole('textbox', { name: 'Doelgroep' })
      .fill('Inwoners met een uitkering die weer aan het werk willen.');
    await page
      .getByRole('textbox', { name: 'Maatschappelijk doel' })
      .fill('Duurzaam werk binnen een jaar na de intake.');
    await page.getByRole('button', { name: 'Keten aanmaken' }).click();
    await page.waitForURL(`${server.url}/chains/re-integratie-noordvallei`);
    await waitForPage(page);
    await expect.poll(() => headingText(page)).toBe('Re-integratie Noordvallei');

    await page.getByRole('link', { name: 'Ketenpartners (0)' }).click();
    await waitForPage(page);
    await addPartner('UWV Noordvallei', 'Uitkeringsinstantie', 'Uitvoerder');
    await addPartner('Gemeente Noordvallei', 'Gemeente', 'Opdrachtgever');
    const partnerTable = page.getByTestId('partner-editor-table');
    await expect
      .poll(() => partnerTable.getByRole('rowheader').allInnerTexts())
      .toEqual([expect.stringContaining('Gemeente Noordvallei'), expect.stringContaining('UWV Noordvallei')]);
    await screenshot(page, 'flow-partners-added');

    await page.getByRole('link', { name: 'Primair proces (0)' }).click();
    await waitForPage(page);
    await addLink('Intake', 'UWV Noordvallei');
    await addLink('Eerste werkgesprek', 'Gemeente Noordvallei', { amount: '5', unit: 'dagen' });
    const linkTable = page.getByTestId('link-editor-table');
    await expect
      .poll(() => linkTable.getByRole('rowheader').allInnerTexts())
      .toEqual([expect.stringContaining('Intake'), expect.stringContaining('Eerste werkgesprek')]);
    await expect.poll(() => linkTable.innerText()).toContain('≤ 5 dagen vanaf Intake');

    await page.reload();
    await waitForPage(page);
    expect(await page.getByRole('link', { name: 'Ketenpartners (2)' }).count()).toBe(1);
    expect(await linkTable.getByRole('rowheader').allInnerTexts()).toEqual([
      expect.stringContaining('Intake'),
      expect.stringContaining('Eerste werkgesprek'),
    ]);

    await page.getByRole('link', { name: 'Overzicht' }).click();
    await waitForPage(page);
    const process = page.getByTestId('primary-process');
    await expect
      .poll(() => process.getByRole('heading').allTextContents())
      .toEqual(['Stap 1: Intake', 'Stap 2: Eerste werkgesprek']);
    expect(await process.innerText()).toContain('≤ 5 dagen vanaf Intake');
    expect(await page.getByTestId('partner-table').innerText()).toContain('UWV Noordvallei');
    await screenshot(page, 'flow-overview-after-reload');
  });

  it('shows validation problems next to the fields, from the browser and from the server', async () => {
    await server.api('POST', '/chains', {
      slug: 'bestaande-keten',
      name: 'Bestaande keten',
      targetGroup: 'Een keten die er al is.',
      societalGoal: 'De korte naam bezet houden.',
    });
    await openPage(page, server.url, '/chains/new');
    await page.getByRole('button', { name: 'Keten aanmaken' }).click();
    const name = page.getByRole('textbox', { name: 'Naam van de keten' });
    await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');
    const described = await name.evaluate((input) =>
      (input.getAttribute('aria-describedby') ?? '')
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' | '),
    );
    expect(described).toContain('Vul dit veld in.');
    await screenshot(page, 'flow-validation-client');

    await name.fill('Nog een spoedketen');
    const slug = page.getByRole('textbox', { name: 'Korte naam voor het webadres' });
    await slug.fill('Spoed Keten');
    await page.getByRole('textbox', { name: 'Doelgroep' }).fill('Iedereen met acute zorgvraag.');
    await page.getByRole('textbox', { name: 'Maatschappelijk doel' }).fill('Snelle hulp.');
    await page.getByRole('button', { name: 'Keten aanmaken' }).click();
    await expect.poll(() => slug.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText('Gebruik kleine letters, cijfers en losse koppeltekens').count()).toBe(1);

    await slug.fill('bestaande-keten');
    await page.getByRole('button', { name: 'Keten aanmaken' }).click();
    await page.getByText('Deze korte naam is al in gebruik. Kies een andere.').waitFor();
    expect(await slug.getAttribute('aria-invalid')).toBe('true');
    expect(page.url()).toBe(`${server.url}/chains/new`);
    await screenshot(page, 'flow-validation-server');
  });

  it('refuses a stale edit with a clear message and reloads the latest version on request', async () => {
    await openPage(page, server.url, '/chains/re-integratie-noordvallei/edit');
    const name = page.getByRole('textbox', { name: 'Naam van de keten' });
    await name.fill('Re-integratie Noordvallei (mijn versie)');

    const current = await server.api<ChainDetail>('GET', '/chains/re-integratie-noordvallei');
    await server.api('PATCH', `/chains/${current.chain.id}`, {
      version: current.chain.version,
      name: 'Re-integratie Noordvallei (andere collega)',
    });

    await page.getByRole('button', { name: 'Opslaan' }).click();
    const conflict = page.getByTestId('version-conflict');
    await conflict.waitFor();
    expect(await conflict.innerText()).toContain('Iemand anders heeft dit intussen gewijzigd');
    expect(await name.inputValue()).toBe('Re-integratie Noordvallei (mijn versie)');
    const stored = await server.api<ChainDetail>('GET', `/chains/${current.chain.id}`);
    expect(stored.chain.name).toBe('Re-integratie Noordvallei (andere collega)');
    await screenshot(page, 'flow-version-conflict');

    await conflict.getByRole('button', { name: 'Nieuwste versie laden' }).click();
    await expect.poll(() => name.inputValue()).toBe('Re-integratie Noordvallei (andere collega)');
    await name.fill('Re-integratie Noordvallei');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL(`${server.url}/chains/re-integratie-noordvallei`);
    await waitForPage(page);
    await expect.poll(() => headingText(page)).toBe('Re-integratie Noordvallei');
  });

  it('moves a link with the order buttons, keeps focus on it, and explains an order that breaks a norm', async () => {
    const chain = await server.api<ChainDetail>('GET', '/chains/re-integratie-noordvallei');
    const gemeente = chain.partners.find((partner) => partner.name === 'Gemeente Noordvallei');
    await server.api('POST', `/chains/${chain.chain.id}/links`, {
      key: 'nazorg',
      name: 'Nazorg',
      partnerIds: [gemeente?.id],
    });
    await openPage(page, server.url, '/chains/re-integratie-noordvallei/links');
    const table = page.getByTestId('link-editor-table');

    await page.getByRole('button', { name: 'Eerste werkgesprek een plaats omhoog' }).click();
    const blocked = page.getByRole('alert').filter({ hasText: 'Deze volgorde kan niet' });
    await blocked.waitFor();
    expect(await blocked.innerText()).toContain(
      'de norm van "Eerste werkgesprek" wordt gemeten vanaf de vorige schakel',
    );
    await screenshot(page, 'flow-order-blocked');

    await page.getByRole('button', { name: 'Nazorg een plaats omhoog' }).click();
    await expect
      .poll(() => table.getByRole('rowheader').allInnerTexts())
      .toEqual([
        expect.stringContaining('Intake'),
        expect.stringContaining('Nazorg'),
        expect.stringContaining('Eerste werkgesprek'),
      ]);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Nazorg een plaats omhoog');
    expect(await page.getByRole('alert').filter({ hasText: 'Deze volgorde kan niet' }).count()).toBe(0);
    const stored = await server.api<ChainDetail>('GET', '/chains/re-integratie-noordvallei');
    expect(stored.links.map((link) => link.name)).toEqual(['Intake', 'Nazorg', 'Eerste werkgesprek']);
  });

  it('asks for confirmation before deleting, and keeps what others still depend on', async () => {
    const chain = await server.api<ChainDetail>('GET', '/chains/re-integratie-noordvallei');
    await server.api('POST', `/chains/${chain.chain.id}/partners`, {
      key: 'werkgeversservicepunt',
      name: 'Werkgeversservicepunt',
      sector: 'employer',
      roles: ['executor'],
      interestLevel: 3,
      influence: 2,
      commitment: 3,
    });
    await openPage(page, server.url, '/chains/re-integratie-noordvallei/links');
    const table = page.getByTestId('link-editor-table');

    await page.getByRole('button', { name: 'Verwijderen Nazorg' }).click();
    await dialog(page).getByRole('heading', { name: 'Schakel verwijderen?' }).waitFor();
    await screenshot(page, 'flow-delete-confirmation');
    await dialog(page).getByRole('button', { name: 'Annuleren' }).click();
    await dialog(page).waitFor({ state: 'detached' });
    expect(await table.getByRole('rowheader').count()).toBe(3);

    await page.getByRole('button', { name: 'Verwijderen Nazorg' }).click();
    await dialog(page).getByRole('button', { name: 'Ja, schakel verwijderen' }).click();
    await dialog(page).waitFor({ state: 'detached' });
    await expect
      .poll(() => table.getByRole('rowheader').allInnerTexts())
      .toEqual([expect.stringContaining('Intake'), expect.stringContaining('Eerste werkgesprek')]);

    await page.getByRole('button', { name: 'Verwijderen Intake' }).click();
    expect(await dialog(page).innerText()).toContain('Deze schakel kan niet worden verwijderd');
    expect(await dialog(page).getByRole('button', { name: 'Ja, schakel verwijderen' }).count()).toBe(0);
    await dialog(page).getByRole('button', { name: 'Annuleren' }).click();
    await dialog(page).waitFor({ state: 'detached' });

    await page.getByRole('link', { name: /^Ketenpartners/ }).click();
    await waitForPage(page);
    await page.getByRole('button', { name: 'Verwijderen Gemeente Noordvallei' }).click();
    expect(await dialog(page).innerText()).toContain('nog verantwoordelijk voor een of meer schakels');
    expect(await dialog(page).getByRole('button', { name: 'Ja, partner verwijderen' }).count()).toBe(0);
    await dialog(page).getByRole('button', { name: 'Annuleren' }).click();
    await dialog(page).waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Verwijderen Werkgeversservicepunt' }).click();
    await dialog(page).getByRole('button', { name: 'Ja, partner verwijderen' }).click();
    await dialog(page).waitFor({ state: 'detached' });
    await expect
      .poll(() => page.getByTestId('partner-editor-table').getByRole('rowheader').allInnerTexts())
      .toEqual([expect.stringContaining('Gemeente Noordvallei'), expect.stringContaining('UWV Noordvallei')]);
  });

  it('creates a chain from a template', async () => {
    await openPage(page, server.url, '/');
    await page.getByRole('link', { name: 'Vanuit sjabloon' }).click();
    await page.waitForURL(`${server.url}/chains/from-template`);
    await waitForPage(page);
    await page.getByRole('button', { name: 'Gebruik dit sjabloon: Jeugdbescherming' }).click();
    await dialog(page)
      .getByRole('textbox', { name: /Naam van de keten/ })
      .fill('Jeugdbescherming Zuid');
    await dialog(page)
      .getByRole('textbox', { name: /Korte naam/ })
      .fill('jeugdbescherming-zuid');
    await dialog(page).getByRole('button', { name: 'Keten aanmaken' }).click();
    await page.waitForURL(`${server.url}/chains/jeugdbescherming-zuid`);
    await waitForPage(page);
    await expect.poll(() => headingText(page)).toBe('Jeugdbescherming Zuid');
    expect(await page.getByTestId('primary-process').getByRole('listitem').count()).toBeGreaterThan(3);
  });

  it('shows what went wrong with a retry button when the server cannot answer, and recovers', async () => {
    const unavailable = JSON.stringify({ error: { code: 'unavailable', message: 'database down', details: [] } });
    await page.route('**/api/v1/chains', (route) =>
      route.fulfill({ status: 503, contentType: 'application/json', body: unavailable }),
    );
    await openPage(page, server.url, '/');
    const alert = page.getByRole('alert').filter({ hasText: 'De database is tijdelijk niet beschikbaar' });
    await alert.waitFor();
    await screenshot(page, 'flow-error-state');

    await page.unroute('**/api/v1/chains');
    await alert.getByRole('button', { name: 'Opnieuw proberen' }).click();
    await page.getByRole('link', { name: 'Re-integratie Noordvallei' }).waitFor();
    expect(await alert.count()).toBe(0);
  });

  it('had no uncaught errors in the page', () => {
    expect(browser.pageErrors).toEqual([]);
  });
});
