/// <reference lib="dom" />
import type { Page } from 'playwright-core';

/** One input event the page received from the user: its kind and the test id of what it landed on. */
export interface UserInput {
  type: 'pointerdown' | 'keydown';
  target: string;
}

declare global {
  interface Window {
    __userInputs?: UserInput[];
  }
}

/**
 * Records, in every document the page loads, each pointer press (a tap or a
 * click) and key press the browser itself delivered (`isTrusted`: what a
 * finger, mouse or keyboard did, not what a script dispatched), in the
 * capture phase so no handler can hide one. Call before the first `goto`.
 */
export async function recordUserInputs(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__userInputs = [];
    const record = (e: Event) => {
      if (!e.isTrusted) return;
      const el = e.target instanceof Element ? e.target.closest('[data-testid]') : null;
      window.__userInputs!.push({
        type: e.type as UserInput['type'],
        target: el?.getAttribute('data-testid') ?? (e.target as Element | null)?.tagName?.toLowerCase() ?? '',
      });
    };
    window.addEventListener('pointerdown', record, true);
    window.addEventListener('keydown', record, true);
  });
}

/** Starts counting afresh (e.g. at the scan a task starts from). */
export const resetUserInputs = (page: Page) => page.evaluate(() => void (window.__userInputs = []));

export const userInputs = (page: Page) => page.evaluate(() => window.__userInputs ?? []);
