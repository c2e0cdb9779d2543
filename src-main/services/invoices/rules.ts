import { mulDiv } from '../stock/money-math';

/**
 * The matching tolerances and money rules, in one place.
 *
 * Invoices are written in cents while the store keeps money in 1/10000 of a
 * yuan, so the checks allow the rounding a correct invoice can carry:
 *
 * - A line's amount may differ from qty x price by up to ¥0.01.
 * - A price above the agreed one is still a match when the line's overcharge
 *   is at most ¥0.01, or the price is at most 0.5% above the agreed price
 *   (suppliers round per-kilo prices of packs; half a percent is the usual
 *   accounts-payable allowance). Within the tolerance the billed price is paid.
 * - The printed net, tax and gross may each differ from what the lines add up
 *   to by up to ¥0.01. Tax may be computed per line or per rate on the total;
 *   the way closer to the printed figure is used.
 *
 * Claims are in cents: each line's difference is rounded to the cent (half
 * away from zero) and its tax is the rounded difference times the rate,
 * rounded to the cent again, like the red-letter invoice that settles it.
 */
export const AMOUNT_TOLERANCE = 100;
export const PRICE_TOLERANCE_BP = 50;
/** VAT on most goods; prefilled lines use the rate last billed for the item, else this. */
export const DEFAULT_TAX_RATE = 1300;

const CENT = 100;

/** Ten-thousandths rounded to whole cents, half away from zero. */
export const toCents = (value: number) => mulDiv(value, 1, CENT) * CENT;

/** Tax at `rate` basis points on a net amount, to the cent. */
export const taxOn = (net: number, rate: number) => mulDiv(net, rate, 10_000 * CENT) * CENT;

/** Value of `qty` (thousandths of the base unit) at `price` per unit of `factor` thousandths. */
export const valueAt = (qty: number, price: number, factor: number) => mulDiv(qty, price, factor);

/** A price per `from` base-thousandths re-expressed per `to` base-thousandths. */
export const priceIn = (price: number, from: number, to: number) => mulDiv(price, to, from);

/** True when `price` is within PRICE_TOLERANCE_BP of `agreed` (exact, in BigInt). */
export function withinPercent(price: number, agreed: number): boolean {
  return BigInt(price) * 10_000n <= BigInt(agreed) * BigInt(10_000 + PRICE_TOLERANCE_BP);
}

/** Tax of the invoice's lines both ways: per line, and per rate on each rate's total. */
export function linesTax(lines: readonly { lineTotal: number; taxRate: number }[]): {
  perLine: number;
  perRate: number;
} {
  const byRate = new Map<number, number>();
  let perLine = 0;
  for (const l of lines) {
    perLine += taxOn(l.lineTotal, l.taxRate);
    byRate.set(l.taxRate, (byRate.get(l.taxRate) ?? 0) + l.lineTotal);
  }
  let perRate = 0;
  for (const [rate, net] of byRate) perRate += taxOn(net, rate);
  return { perLine, perRate };
}
