import { MONEY_SCALE, QTY_SCALE, formatMoney, formatQty } from '../../../src-shared/quantity';

/**
 * The magnitudes the ledger accepts. Quantities are thousandths of the base
 * unit and money ten-thousandths of the currency (src-shared/quantity.ts), all
 * JavaScript numbers that must stay exact integers (below 2^53, ~9.007e15).
 * The store's currency can be any, so the limits are set for the weakest one
 * in use (VND, IDR: ~25,000 to the dollar) and are still far below overflow.
 */

/** One movement of one item: 100 t, 100,000 l or 100 million pieces. */
export const MAX_QTY = 100_000_000_000;
/** The value of one movement: a billion currency units (as a price or order value in procurement). */
export const MAX_MOVE_VALUE = 1_000_000_000 * MONEY_SCALE;
/**
 * Cost of one base unit (g, ml or piece) a movement may carry: a million
 * currency units. It is what keeps a tiny quantity at an absurd value from
 * setting an item's average (and every later issue) to nonsense.
 */
export const MAX_UNIT_COST = 1_000_000 * MONEY_SCALE;
/**
 * The value of one item's whole stock: a hundred billion currency units, a
 * ninth of what a number holds exactly, so one item's costing arithmetic
 * (running sums, q x V / Q through mulDiv) never loses a unit. Store-wide
 * totals add items whose real values are many orders of magnitude below it.
 */
export const MAX_STOCK_VALUE = 100_000_000_000 * MONEY_SCALE;

export type BoundKey = 'error.stock.qty' | 'error.stock.valueRange' | 'error.stock.unitCost' | 'error.stock.stockValue';

export interface BoundIssue {
  field: 'qty' | 'value';
  key: BoundKey;
  params: Record<string, string | number>;
}

/** |qty| within MAX_QTY, not zero; `signed` allows negative quantities (count adjustments). */
export function qtyIssue(qty: number, signed: boolean): BoundIssue | null {
  const ok = Number.isSafeInteger(qty) && qty !== 0 && Math.abs(qty) <= MAX_QTY && (signed || qty > 0);
  return ok ? null : { field: 'qty', key: 'error.stock.qty', params: { max: formatQty(MAX_QTY) } };
}

/**
 * A movement's value (given or computed by costing) within MAX_MOVE_VALUE,
 * and, when given, at most MAX_UNIT_COST per base unit.
 */
export function valueIssue(
  qty: number,
  value: number,
  given: boolean,
  item: { code: string; baseUnit: string },
): BoundIssue | null {
  if (!Number.isSafeInteger(value) || Math.abs(value) > MAX_MOVE_VALUE) {
    return {
      field: 'value',
      key: 'error.stock.valueRange',
      params: { item: item.code, max: formatMoney(MAX_MOVE_VALUE) },
    };
  }
  // value / (qty / QTY_SCALE) > MAX_UNIT_COST, compared exactly (the products pass 2^53).
  if (given && BigInt(Math.abs(value)) * BigInt(QTY_SCALE) > BigInt(MAX_UNIT_COST) * BigInt(Math.abs(qty))) {
    return {
      field: 'value',
      key: 'error.stock.unitCost',
      params: { item: item.code, unit: item.baseUnit, max: formatMoney(MAX_UNIT_COST) },
    };
  }
  return null;
}

/** The item's stock value after a movement, within MAX_STOCK_VALUE. */
export function stockValueIssue(value: number, item: { code: string }): BoundIssue | null {
  return Math.abs(value) > MAX_STOCK_VALUE
    ? { field: 'value', key: 'error.stock.stockValue', params: { item: item.code, max: formatMoney(MAX_STOCK_VALUE) } }
    : null;
}
