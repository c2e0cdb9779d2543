/**
 * Variable-measure EAN-13 (restricted circulation, prefixes 02 and 20-29):
 * each chain chooses where the item reference and the weight or price sit,
 * e.g. `20 IIIII WWWWW C` (weight, kg with 3 decimals) or `29 IIIII PPPPP C`
 * (price, yuan with 2 decimals). A layout describes one such choice; a store
 * may use several (one per prefix).
 */
import type { Weight } from '../devices';
import { gs1CheckDigit, hasValidCheckDigit } from './check-digit';

export interface VariableLayout {
  /** Leading digits that select this layout, e.g. '20', '29', '02' (1-3 digits). */
  prefix: string;
  /** Digits of the item reference that follow the prefix. */
  itemDigits: number;
  valueKind: 'weight' | 'price';
  /** Digits of the value; prefix + itemDigits + valueDigits must be 12 (the 13th is the check digit). */
  valueDigits: number;
  /** Implied decimals of the value: weight in kg (3 = grams), price in yuan (2 = fen). */
  decimals: number;
  /** Optional label for settings screens. */
  name?: string;
}

export interface VariableDecoded {
  layout: VariableLayout;
  /** The item reference as printed (leading zeros kept): what the item master stores. */
  itemRef: string;
  /** The value as an integer in units of 10^-decimals (1.234 kg with 3 decimals = 1234). */
  value: number;
  /** For weight layouts: the value as a Weight in kg. */
  weight?: Weight;
  /** For price layouts: the value in ten-thousandths of a yuan (the project's money scale). */
  price4?: number;
}

/** The example layouts of docs/devices.md; a chain configures its own. */
export const EXAMPLE_LAYOUTS: readonly VariableLayout[] = [
  { prefix: '20', itemDigits: 5, valueKind: 'weight', valueDigits: 5, decimals: 3, name: '20 IIIII WWWWW C' },
  { prefix: '29', itemDigits: 5, valueKind: 'price', valueDigits: 5, decimals: 2, name: '29 IIIII PPPPP C' },
];

/** Why a layout is unusable, or null when it is fine. */
export function layoutProblem(layout: VariableLayout): string | null {
  if (!/^\d{1,3}$/.test(layout.prefix)) return `prefix "${layout.prefix}" must be 1-3 digits`;
  if (!/^(02|2)/.test(layout.prefix)) {
    return `prefix "${layout.prefix}" is not restricted circulation (02, 20-29)`;
  }
  if (layout.prefix.length + layout.itemDigits + layout.valueDigits !== 12) {
    return 'prefix + item digits + value digits must be 12';
  }
  if (layout.itemDigits < 1 || layout.valueDigits < 1) return 'item and value need at least one digit each';
  if (layout.decimals < 0 || layout.decimals > layout.valueDigits) return 'decimals out of range';
  if (layout.valueKind === 'price' && layout.decimals > 4) return 'a price has at most 4 decimals';
  return null;
}

/** The 13-digit code for `itemRef` (digits, zero-padded) and `value` (integer, see VariableDecoded.value). */
export function encodeVariable(layout: VariableLayout, itemRef: string | number, value: number): string {
  const problem = layoutProblem(layout);
  if (problem) throw new Error(`variable-measure layout: ${problem}`);
  const item = String(itemRef);
  if (!/^\d+$/.test(item) || item.length > layout.itemDigits) {
    throw new Error(`item reference "${item}" must be at most ${layout.itemDigits} digits`);
  }
  if (!Number.isSafeInteger(value) || value < 0 || String(value).length > layout.valueDigits) {
    throw new Error(`value ${value} does not fit ${layout.valueDigits} digits`);
  }
  const data = layout.prefix + item.padStart(layout.itemDigits, '0') + String(value).padStart(layout.valueDigits, '0');
  return data + String(gs1CheckDigit(data));
}

/**
 * Reads a 13-digit code with the first layout whose prefix it starts with (longest
 * prefix first). Null when no layout matches or the check digit is wrong.
 */
export function decodeVariable(layouts: readonly VariableLayout[], code: string): VariableDecoded | null {
  if (!/^\d{13}$/.test(code) || !hasValidCheckDigit(code)) return null;
  const layout = matchLayout(layouts, code);
  if (!layout) return null;
  const p = layout.prefix.length;
  const itemRef = code.slice(p, p + layout.itemDigits);
  const value = Number(code.slice(p + layout.itemDigits, 12));
  const out: VariableDecoded = { layout, itemRef, value };
  if (layout.valueKind === 'weight') out.weight = { amount: value, decimals: layout.decimals, unit: 'kg' };
  else out.price4 = value * 10 ** (4 - layout.decimals);
  return out;
}

/** The layout a 13-digit code's prefix selects (ignoring the check digit), or undefined. */
export function matchLayout(layouts: readonly VariableLayout[], code: string): VariableLayout | undefined {
  return [...layouts]
    .filter((l) => layoutProblem(l) === null && code.startsWith(l.prefix))
    .sort((a, b) => b.prefix.length - a.prefix.length)[0];
}
