import { useEffect, useRef } from 'react';

/** Keys closer together than this are a scanner, not a person (people type 80+ ms apart). */
const MAX_GAP_MS = 50;
const MIN_LENGTH = 4;

interface Burst {
  text: string;
  last: number;
  /** The field that had focus when the burst began, and what it held: the scan is taken back out of it. */
  el: HTMLInputElement | HTMLTextAreaElement | null;
  value: string;
}

function editable(el: Element | null): HTMLInputElement | HTMLTextAreaElement | null {
  return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el : null;
}

/** Puts a field back as it was, through the native setter so React's onChange sees it. */
function restore(el: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  if (el.value === value) return;
  const proto = el instanceof HTMLInputElement ? HTMLInputElement.prototype : HTMLTextAreaElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * Keyboard-wedge scanners, recognised anywhere on the screen: a burst of
 * keys arriving faster than a person types, ended by Enter or Tab, is one
 * scan, whatever has focus (the characters it typed into a field are taken
 * back out). Scans are handed over in order and never dropped: the caller
 * queues them (see useScanQueue). Ctrl+] is the GS a scanner sends between
 * GS1 fields in keyboard mode.
 */
export function useScanner(onScan: (text: string) => void, enabled = true): void {
  const cb = useRef(onScan);
  cb.current = onScan;
  useEffect(() => {
    if (!enabled) return;
    let burst: Burst | null = null;
    const onKey = (e: KeyboardEvent) => {
      // When the key arrived, not when this handler runs: a re-render that blocks the page for
      // 100 ms in the middle of a scan must not split it (the keys queue up and arrive late together).
      const now = e.timeStamp;
      if (burst && now - burst.last > MAX_GAP_MS) burst = null;
      if (e.key === 'Enter' || e.key === 'Tab') {
        const b = burst;
        burst = null;
        if (!b || b.text.length < MIN_LENGTH) return;
        e.preventDefault();
        e.stopPropagation();
        if (b.el) restore(b.el, b.value);
        cb.current(b.text);
        return;
      }
      const gs = e.ctrlKey && (e.key === ']' || e.code === 'BracketRight');
      if (!gs && (e.key.length !== 1 || e.ctrlKey || e.metaKey || e.altKey)) {
        burst = null;
        return;
      }
      if (!burst) {
        const el = editable(document.activeElement);
        burst = { text: '', last: now, el, value: el?.value ?? '' };
      }
      burst.text += gs ? '\u001d' : e.key;
      burst.last = now;
      if (gs) e.preventDefault();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [enabled]);
}

/** Runs `handle` for each scan in arrival order, one at a time, however fast they come. */
export function createScanQueue(handle: (text: string) => Promise<void>): (text: string) => void {
  let chain = Promise.resolve();
  return (text) => {
    chain = chain.then(() => handle(text)).catch(() => undefined);
  };
}
