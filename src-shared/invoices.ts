import { sizeText } from './pack-size';
import { formatScaled } from './quantity';

/**
 * Display helpers for invoices and claims, the same on screen, in print and
 * in the exported files.
 */

/** Basis points as a percentage: 1300 -> '13%', 650 -> '6.5%'. */
export const rateText = (bp: number) => `${formatScaled(bp, 100)}%`;

/**
 * A quantity in the unit it was billed in ('2.5 箱') when it comes out exact
 * to a thousandth of that unit, else in the item's own units ('2.345 kg').
 * An unknown item (no base unit) counts in its written unit (factor 1000).
 */
export function qtyInUnit(qty: number, unit: string, unitFactor: number, baseUnit: string | null): string {
  const milli = qty * 1000;
  if (unitFactor > 0 && Number.isSafeInteger(milli) && milli % unitFactor === 0) {
    return `${formatScaled(milli / unitFactor, 1000)} ${unit}`;
  }
  return baseUnit ? sizeText(qty, baseUnit) : `${formatScaled(qty, 1000)} ${unit}`;
}
