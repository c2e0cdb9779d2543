/// <reference lib="dom" />
import type { Page } from 'playwright-core';

/**
 * A keyboard-wedge scanner as the page sees one: each character as keydown,
 * typed into the focused field unless a handler prevents it, keyup, back to
 * back, then Enter. Driven inside the page because Playwright's own typing
 * goes through one CDP round trip per key (30-60 ms apart on a busy 2-core
 * machine: slower than a person, not a scanner).
 *
 * Each key carries the time it left the scanner (`interKeyMs` apart), as the
 * browser stamps real key events with the OS input time. A synthetic event
 * would otherwise be stamped when dispatched, so a 60 ms re-render after one
 * key on a loaded machine would split a scan no real scanner splits.
 */
export function scan(page: Page, text: string, interKeyMs = 4): Promise<void> {
  return page.evaluate(
    ([value, gap]) => {
      const start = performance.now();
      let sent = 0;
      const stamped = <E extends Event>(e: E, at: number): E => {
        Object.defineProperty(e, 'timeStamp', { value: at });
        return e;
      };
      const key = (k: string) => {
        const at = start + gap * sent++;
        const target = (document.activeElement as HTMLElement | null) ?? document.body;
        const down = stamped(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }), at);
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
        target.dispatchEvent(stamped(new KeyboardEvent('keyup', { key: k, bubbles: true }), at + 1));
      };
      for (const ch of value) key(ch);
      key('Enter');
    },
    [text, interKeyMs] as const,
  );
}
