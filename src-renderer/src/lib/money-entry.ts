import { MONEY_SCALE, formatScaled, parseScaled } from '../../../src-shared/quantity';

/* Money as typed into forms (prices, rates) and the exact line arithmetic behind them; display is lib/money.ts. */

/** A money input's text: empty, or a plain amount with up to four decimals. */
export const PRICE_PATTERN = /^\s*\d{1,12}([.,]\d{0,4})?\s*$/;

/** Yuan as typed ('12.5') -> ten-thousandths; null when empty or not a plain non-negative decimal. */
export function parseYuan(text: string | null | undefined): number | null {
  if (text === null || text === undefined || String(text).trim() === '') return null;
  const v = parseScaled(String(text), MONEY_SCALE);
  return v === null || v < 0 ? null : v;
}

/** Ten-thousandths -> the text the money inputs show (up to four decimals, none lost). */
export const yuanText = (value: number) => formatScaled(value, MONEY_SCALE);

/** a x b / c rounded half away from zero, exact in BigInt (products of money and quantities pass 2^53). */
export function mulDiv(a: number, b: number, c: number): number {
  const n = BigInt(a) * BigInt(b);
  const d = BigInt(c);
  const q = n / d;
  const r = n - q * d;
  const abs = (x: bigint) => (x < 0n ? -x : x);
  return Number(abs(r) * 2n >= abs(d) ? q + (n < 0n !== d < 0n ? -1n : 1n) : q);
}

/** Value of a line: packs (thousandths of a pack) x price per pack. */
export const lineValue = (packsMilli: number, price: number) => mulDiv(packsMilli, price, 1000);
