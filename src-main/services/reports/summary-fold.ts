import type { SummaryColumn } from '../../../src-shared/api/methods/reports';

/**
 * How the period summary (进销存) folds per-kind totals into its columns: a
 * pure function of the totals, shared by the store's report and HQ's
 * cross-store summary so both apply the same rules to the same integers.
 */

/** Where each kind lands in the summary and with which sign (outbound columns show what left, positive). */
const COLUMN_OF: Record<string, [Exclude<SummaryColumn, 'opening' | 'closing'>, 1 | -1]> = {
  receipt: ['receipt', 1],
  return_supplier: ['receipt', 1],
  transfer_in: ['transferIn', 1],
  transfer_out: ['transferOut', -1],
  issue: ['usage', -1],
  sale: ['usage', -1],
  maintenance: ['usage', -1],
  waste: ['waste', -1],
  // What a transfer lacked on arrival is this store's loss (a surplus shows as negative waste).
  transfer_variance: ['waste', -1],
  count_adjust: ['adjust', 1],
  area_in: ['internal', 1],
  area_out: ['internal', 1],
};
export const MOVE_COLUMNS = ['receipt', 'transferIn', 'transferOut', 'usage', 'waste', 'adjust', 'internal'] as const;
const OUTBOUND = new Set<string>(['transferOut', 'usage', 'waste']);

export type Figures = Record<`${SummaryColumn}${'Qty' | 'Value'}`, number>;

export function emptyFigures(): Figures {
  const f = {} as Figures;
  for (const c of ['opening', ...MOVE_COLUMNS, 'closing'] as SummaryColumn[]) {
    f[`${c}Qty`] = 0;
    f[`${c}Value`] = 0;
  }
  return f;
}

/** Adds one kind's period total to its column. */
export function addKind(f: Figures, kind: string, qty: number, value: number): void {
  const [col, sign] = COLUMN_OF[kind] ?? ['internal', 1];
  f[`${col}Qty`] += sign * qty;
  f[`${col}Value`] += sign * value;
}

/** Sets closing = opening + movements; false when the row has nothing to show (left out of the report). */
export function closeFigures(f: Figures): boolean {
  f.closingQty = f.openingQty;
  f.closingValue = f.openingValue;
  for (const c of MOVE_COLUMNS) {
    const s = OUTBOUND.has(c) ? -1 : 1;
    f.closingQty += s * f[`${c}Qty`];
    f.closingValue += s * f[`${c}Value`];
  }
  const moved = MOVE_COLUMNS.some((c) => f[`${c}Qty`] !== 0 || f[`${c}Value`] !== 0);
  return moved || f.openingQty !== 0 || f.openingValue !== 0;
}
