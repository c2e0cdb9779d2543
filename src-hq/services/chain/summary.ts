import { sql } from 'drizzle-orm';
import { addKind, closeFigures, emptyFigures, type Figures } from '../../../src-main/services/reports/summary-fold';
import { rows, type Q } from '../../db/client';
import { itemLabels, type ItemLabel } from './items';
import { anyStore, storeLabels, type StoreLabel } from './scope';

export interface SummaryFilter {
  month: string;
  category?: string | null;
}

/** One group's totals: `kind` '' holds the balance, '>' the months after the period (both only to derive the opening). */
interface KindSum {
  key: string;
  kind: string;
  qty: number;
  value: number;
}

/**
 * The store's period summary (进销存) for a month across stores, grouped by
 * item (quantity and value, chain totals) and by store (value only:
 * quantities of different units do not add up). Read from the running
 * totals: the month's movements by kind, and the opening derived as the
 * whole ledger minus everything dated in the month or later, which reads
 * one month of totals for the current month instead of every month before
 * it. The totals are folded into the summary's columns by the store's own
 * rules (summary-fold), so HQ's figures are the stores' figures added up.
 */
export async function chainSummary(q: Q, storeIds: readonly string[], f: SummaryFilter) {
  const stores = await storeLabels(q, storeIds);
  const items = await itemLabels(q);
  const inCategory = f.category ? sql`AND item_id IN (SELECT id FROM items WHERE category = ${f.category})` : sql``;
  const sums = await rows<KindSum & { grp: number }>(
    q,
    sql`SELECT CASE WHEN grouping(item_id) = 0 THEN 0 ELSE 1 END AS grp, coalesce(item_id, store_id) AS key, kind,
               sum(qty)::bigint AS qty, sum(value)::bigint AS value
        FROM (
          SELECT store_id, item_id, CASE WHEN month = ${f.month} THEN kind ELSE '>' END AS kind, qty, value
          FROM chain_item_monthly
          WHERE month >= ${f.month} AND store_id = ${anyStore(storeIds)} ${inCategory}
          UNION ALL
          SELECT store_id, item_id, '' AS kind, qty, value
          FROM chain_item_balances WHERE store_id = ${anyStore(storeIds)} ${inCategory}
        ) t
        GROUP BY GROUPING SETS ((item_id, kind), (store_id, kind))`,
  );
  const byItem = new Map<string, Figures>();
  const byStore = new Map<string, Figures>();
  for (const s of sums) {
    const into = s.grp === 0 ? byItem : byStore;
    let fig = into.get(s.key);
    if (!fig) into.set(s.key, (fig = emptyFigures()));
    if (s.kind === '') {
      fig.openingQty += s.qty;
      fig.openingValue += s.value;
    } else if (s.kind === '>') {
      fig.openingQty -= s.qty;
      fig.openingValue -= s.value;
    } else {
      // The month's own movements are in the balance too: out of the opening, into their column.
      fig.openingQty -= s.qty;
      fig.openingValue -= s.value;
      addKind(fig, s.kind, s.qty, s.value);
    }
  }
  const itemRows: (ItemLabel & Figures)[] = [];
  for (const [itemId, fig] of byItem) {
    if (closeFigures(fig)) itemRows.push({ ...itemOf(items, itemId), ...fig });
  }
  itemRows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const total = emptyFigures();
  const storeRows: (StoreLabel & Figures)[] = [];
  for (const s of stores) {
    const fig = byStore.get(s.id) ?? emptyFigures();
    closeFigures(fig);
    storeRows.push({ ...s, ...fig });
    for (const k of Object.keys(total) as (keyof Figures)[]) total[k] += fig[k];
  }
  return { month: f.month, stores: storeRows, total, items: itemRows };
}

/** A row whose item HQ's catalogue lacks (never matched at enrollment) still shows, by its id. */
export function itemOf(items: Map<string, ItemLabel>, itemId: string): ItemLabel {
  return (
    items.get(itemId) ?? {
      itemId,
      code: itemId,
      nameZh: itemId,
      nameEn: itemId,
      category: '',
      categoryZh: '',
      categoryEn: '',
      baseUnit: '',
    }
  );
}
