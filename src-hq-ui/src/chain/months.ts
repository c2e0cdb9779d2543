import { addMonths } from '../../../src-shared/time';

/** This month in the browser's calendar ('YYYY-MM'). */
export function thisMonth(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

/** The months a chain view offers: this one first, then the year before it. */
export function recentMonths(n = 13, now = new Date()): string[] {
  const m = thisMonth(now);
  return Array.from({ length: n }, (_, i) => addMonths(m, -i));
}
