import { MOVE_KINDS, type MoveKind } from '../../../src-shared/stock-kinds';
import { mulDiv } from './money-math';

/**
 * Moving weighted average cost per item, exact (integers, BigInt products).
 *
 * The stock value is always exactly the sum of the movements' values, so a
 * valuation at any date is a sum over the ledger's daily totals.
 *
 * Rules:
 * 1. Inbound with its own value (receipt, transfer in): adds its quantity and value.
 * 2. Outbound (issue, waste, transfer out, ...): leaves at the current average,
 *    value = round(q * V / Q). Taking all that is left takes exactly V, so no
 *    rounding residue ever stays behind. Beyond zero (negative stock allowed),
 *    the part below zero is valued at the last positive average.
 * 3. Count gains and internal area moves in: valued at the current (or last) average.
 * 4. A reversal takes back exactly the value of the row it reverses.
 * 5. A transfer variance carries the value of its share of the transfer, either way.
 * With negative stock allowed, the part issued below zero is valued at the last
 * average; the receipt that refills it settles any difference through the new
 * average (no hidden revaluation row).
 * Rounding: half away from zero, on each movement's value only.
 */
export interface CostState {
  qty: number;
  value: number;
  /** The last state with positive stock: its average prices movements below zero. */
  lastQty: number;
  lastValue: number;
}

export const emptyCost = (): CostState => ({ qty: 0, value: 0, lastQty: 0, lastValue: 0 });

/** Value at the current average of `q` (positive) units, falling back to the last positive average. */
export function atAverage(s: CostState, q: number): number {
  if (s.qty > 0) return mulDiv(q, s.value, s.qty);
  return s.lastQty > 0 ? mulDiv(q, s.lastValue, s.lastQty) : 0;
}

/** Value leaving with an outbound of `q` (positive) units. */
export function outboundValue(s: CostState, q: number): number {
  if (s.qty <= 0) return atAverage(s, q);
  if (q < s.qty) return mulDiv(q, s.value, s.qty);
  // Everything that is left, plus anything below zero at that same average.
  return s.value + (q > s.qty ? mulDiv(q - s.qty, s.value, s.qty) : 0);
}

export interface CostedMove {
  kind: MoveKind;
  /** Signed quantity. */
  qty: number;
  /** For inbound rows valued by input, and for reversals: the given value (signed). */
  value: number;
  /** A reversal's value is fixed by the row it reverses. */
  fixedValue: boolean;
}

/**
 * Whether a movement carries a value given from outside rather than one costing
 * computes: inbound receipts and transfers (their cost), and transfer variances
 * in both directions (the transfer's own cost). Reversals are fixed as well.
 */
export function hasGivenValue(kind: MoveKind, qty: number): boolean {
  const valued = MOVE_KINDS[kind].valued;
  return valued === 'document' || (valued === 'input' && qty > 0);
}

/** The signed value this movement carries under the rules above (does not change `s`). */
export function moveValue(s: CostState, m: CostedMove): number {
  if (m.fixedValue) return m.value;
  if (m.qty < 0) return 0 - outboundValue(s, -m.qty); // 0 - x: never -0
  return MOVE_KINDS[m.kind].valued === 'input' ? m.value : atAverage(s, m.qty);
}

/** Applies a movement with its value to the state. */
export function applyMove(s: CostState, qty: number, value: number): void {
  s.qty += qty;
  s.value += value;
  if (s.qty > 0) {
    s.lastQty = s.qty;
    s.lastValue = s.value;
  }
}
