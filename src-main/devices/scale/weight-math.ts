import type { Weight, WeightUnit } from '../../../src-shared/devices';

/** Same weight with `decimals` decimals, or null when that would lose digits. */
export function rescale(w: Weight, decimals: number): Weight | null {
  if (decimals === w.decimals) return w;
  if (decimals > w.decimals) {
    const amount = w.amount * 10 ** (decimals - w.decimals);
    return Number.isSafeInteger(amount) ? { amount, decimals, unit: w.unit } : null;
  }
  const div = 10 ** (w.decimals - decimals);
  return w.amount % div === 0 ? { amount: w.amount / div, decimals, unit: w.unit } : null;
}

/** kg <-> g by moving the decimal point; null for pounds against metric. */
export function toUnit(w: Weight, unit: WeightUnit): Weight | null {
  if (w.unit === unit) return w;
  if (w.unit === 'g' && unit === 'kg') return { amount: w.amount, decimals: w.decimals + 3, unit };
  if (w.unit === 'kg' && unit === 'g') {
    if (w.decimals >= 3) return { amount: w.amount, decimals: w.decimals - 3, unit };
    const amount = w.amount * 10 ** (3 - w.decimals);
    return Number.isSafeInteger(amount) ? { amount, decimals: 0, unit } : null;
  }
  return null;
}

/** The weight exactly in `unit` with `decimals` decimals, or null. */
export function convert(w: Weight, unit: WeightUnit, decimals: number): Weight | null {
  const u = toUnit(w, unit);
  return u && rescale(u, decimals);
}

/** a - b in a's unit, at the finer of the two resolutions; null if the units do not mix. */
export function subtract(a: Weight, b: Weight): Weight | null {
  const bu = toUnit(b, a.unit);
  if (!bu) return null;
  const d = Math.max(a.decimals, bu.decimals);
  const x = rescale(a, d);
  const y = rescale(bu, d);
  return x && y && { amount: x.amount - y.amount, decimals: d, unit: a.unit };
}
