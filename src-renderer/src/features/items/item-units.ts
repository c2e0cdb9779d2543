import type { MessageKey } from '../../../../src-shared/i18n';
import { formatQty, parseScaled, QTY_SCALE } from '../../../../src-shared/quantity';

export type BaseUnit = 'g' | 'ml' | 'pc';

/** The base unit as the user reads it (克 / g). */
export const baseUnitKey = (u: BaseUnit): MessageKey => `items.unit.${u}`;

/** "1箱 = 10000克" for a grid cell; empty when the item has no such unit. */
export function unitText(
  t: (k: MessageKey, p?: Record<string, string | number>) => string,
  unit: string | null,
  factor: number | null,
  base: BaseUnit,
): string {
  if (!unit || factor === null) return '';
  return t('items.unitFactor', { unit, qty: formatQty(factor), base: t(baseUnitKey(base)) });
}

/** Typed text in `unitFactor` thousandths-of-base per unit -> thousandths of base; null if not a number. */
export function toBase(text: string, unitFactor: number): number | null {
  const q = parseScaled(text, QTY_SCALE);
  if (q === null) return null;
  // BigInt: 1e12 x 1e10 does not fit a double exactly. Rounded half up (inputs are never negative).
  return Number((BigInt(q) * BigInt(unitFactor) + 500n) / 1000n);
}

/** Thousandths of base -> text in a unit of `unitFactor`, exact when it divides, else to 3 decimals. */
export function fromBase(qty: number, unitFactor: number): string {
  return formatQty(Number((BigInt(qty) * 1000n + BigInt(unitFactor) / 2n) / BigInt(unitFactor)));
}
