import { parseScaled } from '../../../../src-shared/quantity';
import { mulDiv, parseYuan } from '../../lib/money-entry';

/**
 * The invoice's sums as the screen shows them while typing, by the same
 * rules as the server (src-main/services/invoices/rules.ts): a line's amount
 * is qty x price to the cent unless typed; tax is per line, to the cent.
 */
export interface LineValues {
  itemId?: string | null;
  supplierCode?: string;
  description?: string;
  /** Quantity as typed, in `unit`. */
  qty?: string;
  unit?: string;
  /** Yuan as typed. */
  unitPrice?: string;
  lineTotal?: string;
  taxRate?: number;
}

const toCents = (v: number) => mulDiv(v, 1, 100) * 100;
export const taxOn = (net: number, rate: number) => mulDiv(net, rate, 1_000_000) * 100;

/** qty x price to the cent; null while either is not a number yet. */
export function computedAmount(l: LineValues | undefined): number | null {
  const qty = l?.qty ? parseScaled(l.qty, 1000) : null;
  const price = parseYuan(l?.unitPrice);
  return qty !== null && qty > 0 && price !== null ? toCents(mulDiv(qty, price, 1000)) : null;
}

/** The amount typed, else the computed one. */
export const lineAmount = (l: LineValues | undefined) => parseYuan(l?.lineTotal) ?? computedAmount(l);

export function linesTotals(lines: readonly (LineValues | undefined)[]): { net: number; tax: number; gross: number } {
  let net = 0;
  let tax = 0;
  for (const l of lines) {
    const a = lineAmount(l) ?? 0;
    net += a;
    tax += taxOn(a, l?.taxRate ?? 0);
  }
  return { net, tax, gross: net + tax };
}
