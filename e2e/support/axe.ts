/**
 * Accessibility checks with axe-core, injected into the page under test and run with the WCAG 2.1
 * A and AA rules. The test fails on serious and critical violations; all findings are written
 * to the artifacts folder for review.
 */
import axe from 'axe-core';
import type { AxeResults, Result } from 'axe-core';
import type { Page } from 'playwright-core';

/** Rule tags of WCAG 2.0 and 2.1, levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** A violation in a short form that reads well in a test failure. */
export interface AxeFinding {
  readonly rule: string;
  readonly impact: string;
  readonly help: string;
  readonly targets: string[];
}

declare global {
  interface Window {
    axe?: typeof axe;
  }
}

function summarise(result: Result): AxeFinding {
  return {
    rule: result.id,
    impact: result.impact ?? 'unknown',
    help: result.help,
    targets: result.nodes.slice(0, 5).map((node) => `${node.target.join(' ')} — ${node.failureSummary ?? ''}`),
  };
}

/**
 * Runs axe on the current page. The source is evaluated through the DevTools protocol, so the
 * app's Content-Security-Policy (no inline scripts) stays in force.
 */
export async function runAxe(page: Page): Promise<{ all: AxeFinding[]; blocking: AxeFinding[] }> {
  const loaded = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!loaded) await page.evaluate(axe.source);
  const results: AxeResults = await page.evaluate((tags) => {
    if (!window.axe) throw new Error('axe-core did not load');
    return window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
  }, WCAG_TAGS);
  const all = results.violations.map(summarise);
  return { all, blocking: all.filter((finding) => finding.impact === 'serious' || finding.impact === 'critical') };
}
