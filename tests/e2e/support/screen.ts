import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Reading what a screen shows, for the assertions that go with each
 * screenshot: a screenshot proves nothing by itself, the texts and figures
 * it must show are checked first.
 */

/** Waits for the page's title (an antd Typography.Title is a heading). */
export const heading = (page: Page, name: string | RegExp) =>
  page
    .getByRole('heading', { name, exact: typeof name === 'string' })
    .first()
    .waitFor();

/**
 * The text of the first grid row showing `text`, all its parts together (a
 * pinned column is drawn in a separate container with the same row index),
 * with runs of white space made single spaces.
 */
export async function gridRow(scope: Page | Locator, text: string | RegExp): Promise<string> {
  const first = scope.locator('.ag-row:not(.ag-row-pinned)').filter({ hasText: text }).first();
  await first.waitFor();
  const index = await first.getAttribute('row-index');
  const parts = await scope.locator(`.ag-row:not(.ag-row-pinned)[row-index="${index}"]`).allInnerTexts();
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** The text of the grid's row at a display index (0 = the top row as sorted). */
export async function gridRowAt(scope: Page | Locator, index: number): Promise<string> {
  const row = scope.locator(`.ag-row:not(.ag-row-pinned)[row-index="${index}"]`);
  await row.first().waitFor();
  return (await row.allInnerTexts()).join(' ').replace(/\s+/g, ' ').trim();
}

/** The pinned totals row of a grid. */
export async function gridTotals(scope: Page | Locator): Promise<string> {
  const row = scope.locator('.ag-row-pinned');
  await row.first().waitFor();
  return (await row.allInnerTexts()).join(' ').replace(/\s+/g, ' ').trim();
}

/** The grid's column headers, left to right as rendered. */
export async function gridHeaders(scope: Page | Locator): Promise<string[]> {
  await scope.locator('.ag-header-cell-text').first().waitFor();
  return (await scope.locator('.ag-header-cell-text').allInnerTexts()).map((s) => s.trim());
}

/** No toast and no select list still open or closing: what a screenshot shows is the screen itself. */
export async function settled(page: Page): Promise<void> {
  await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 15_000 }).toBe(0);
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
}
