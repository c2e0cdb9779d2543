import type { SummaryColumn } from '../../../src-shared/api/methods/reports';
import type { Ctx } from '../context';
import { coverBefore, coverRange } from './covers';
import { addKind, closeFigures, emptyFigures, MOVE_COLUMNS, type Figures } from './summary-fold';
import { byCode, itemInfo, kindTotals, type ItemInfo, type TotalsFilter } from './totals';

export type SummaryRowOut = ItemInfo & Figures;

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
    } else addKind(row, t.kind, t.qty, t.value);
  }
  const out: SummaryRowOut[] = [];
  for (const row of rows.values()) if (closeFigures(row)) out.push(row);
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
