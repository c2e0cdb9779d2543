import type { SummaryColumn } from '../../../src-shared/api/methods/reports';
import type { Ctx } from '../context';
import { coverBefore, coverRange } from './covers';
import { byCode, itemInfo, kindTotals, type ItemInfo, type TotalsFilter } from './totals';

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
const MOVE_COLUMNS = ['receipt', 'transferIn', 'transferOut', 'usage', 'waste', 'adjust', 'internal'] as const;
const OUTBOUND = new Set<string>(['transferOut', 'usage', 'waste']);

type Figures = Record<`${SummaryColumn}${'Qty' | 'Value'}`, number>;
export type SummaryRowOut = ItemInfo & Figures;

function emptyFigures(): Figures {
  const f = {} as Figures;
  for (const c of ['opening', ...MOVE_COLUMNS, 'closing'] as SummaryColumn[]) {
    f[`${c}Qty`] = 0;
    f[`${c}Value`] = 0;
  }
  return f;
}

export interface SummaryInput extends TotalsFilter {
  from: string;
  to: string;
}

/**
 * 进销存 for business days `from`..`to`: opening at the start of `from`
 * (whole months before it from the monthly totals, the days of its month
 * before it from the daily ones), the period's movements by group, and
 * closing = opening + movements. Items with nothing to show are left out.
 */
export function periodSummary(ctx: Ctx, input: SummaryInput) {
  const totals = kindTotals(ctx, [coverBefore(input.from), coverRange(input.from, input.to)], input);
  const info = itemInfo(ctx, input.category);
  const rows = new Map<string, SummaryRowOut>();
  for (const t of totals) {
    const item = info.get(t.itemId);
    if (!item) continue;
    let row = rows.get(t.itemId);
    if (!row) rows.set(t.itemId, (row = { ...item, ...emptyFigures() }));
    if (t.bucket === 0) {
      row.openingQty += t.qty;
      row.openingValue += t.value;
    } else {
      const [col, sign] = COLUMN_OF[t.kind] ?? ['internal', 1];
      row[`${col}Qty`] += sign * t.qty;
      row[`${col}Value`] += sign * t.value;
    }
  }
  const out: SummaryRowOut[] = [];
  for (const row of rows.values()) {
    row.closingQty = row.openingQty;
    row.closingValue = row.openingValue;
    for (const c of MOVE_COLUMNS) {
      const s = OUTBOUND.has(c) ? -1 : 1;
      row.closingQty += s * row[`${c}Qty`];
      row.closingValue += s * row[`${c}Value`];
    }
    const moved = MOVE_COLUMNS.some((c) => row[`${c}Qty`] !== 0 || row[`${c}Value`] !== 0);
    if (moved || row.openingQty !== 0 || row.openingValue !== 0) out.push(row);
  }
  out.sort(byCode);
  return { rows: out, categories: categorySubtotals(out) };
}

function categorySubtotals(rows: SummaryRowOut[]) {
  const cats = new Map<string, Record<string, number | string>>();
  for (const r of rows) {
    let c = cats.get(r.category);
    if (!c) {
      c = { category: r.category, categoryZh: r.categoryZh, categoryEn: r.categoryEn, items: 0 };
      for (const col of ['opening', ...MOVE_COLUMNS, 'closing']) c[`${col}Value`] = 0;
      cats.set(r.category, c);
    }
    c.items = (c.items as number) + 1;
    for (const col of ['opening', ...MOVE_COLUMNS, 'closing'] as SummaryColumn[]) {
      c[`${col}Value`] = (c[`${col}Value`] as number) + r[`${col}Value`];
    }
  }
  return [...cats.values()].sort((a, b) => (String(a.category) < String(b.category) ? -1 : 1)) as never as (Pick<
    SummaryRowOut,
    'category' | 'categoryZh' | 'categoryEn'
  > & { items: number } & Record<`${SummaryColumn}Value`, number>)[];
}
