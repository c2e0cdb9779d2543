/// <reference lib="dom" />
import type { Page } from 'playwright-core';

/**
 * A keyboard-wedge scanner as the page sees one: each character as keydown,
 * typed into the focused field unless a handler prevents it, keyup, back to
 * back, then Enter. Driven inside the page because Playwright's own typing
 * goes through one CDP round trip per key (30-60 ms apart on a busy 2-core
 * machine: slower than a person, not a scanner).
 */
export function scan(page: Page, text: string, gapMs = 0): Promise<void> {
  return page.evaluate(
    async ([value, gap]) => {
      const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
      const key = (k: string) => {
        const target = (document.activeElement as HTMLElement | null) ?? document.body;
        const down = new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true });
        const typed = target.dispatchEvent(down);
        if (typed && k.length === 1 && (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement)) {
          target.setRangeText(
            k,
            target.selectionStart ?? target.value.length,
            target.selectionEnd ?? target.value.length,
            'end',
          );
          target.dispatchEvent(new Event('input', { bubbles: true }));
        }
        target.dispatchEvent(new KeyboardEvent('keyup', { key: k, bubbles: true }));
      };
      // Back to back unless a gap is asked for: synthetic events are stamped when dispatched, so a
      // sleep between keys that a long render stretches would split a scan no real scanner splits.
      for (const ch of value) {
        key(ch);
        if (gap > 0) await sleep(gap);
      }
      key('Enter');
    },
    [text, gapMs] as const,
  );
}
