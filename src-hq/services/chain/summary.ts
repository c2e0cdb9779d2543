import { sql, type SQL } from 'drizzle-orm';
import { addKind, closeFigures, emptyFigures, type Figures } from '../../../src-main/services/reports/summary-fold';
import { rows, type Q } from '../../db/client';
import { itemLabels, type ItemLabel } from './items';
import { anyStore, storeLabels, type StoreLabel } from './scope';

export interface SummaryFilter {
  month: string;
  category?: string | null;
  /** Item by item too (a hundred stores' items are millions of totals: only when asked). */
  items?: boolean;
}

/**
 * A group's sum of one kind. Besides the month's own kinds: '<' is
 * everything before the month (the opening, read directly), '=' the whole
 * ledger and '>' everything after the month (the opening derived as the
 * whole ledger minus the month and after, when the item totals would
 * otherwise be read for every month before it).
 */
interface KindSum {
  key: string;
  kind: string;
  qty: number;
  value: number;
}

/**
 * Folds kind sums into summary figures by the store's own rules
 * (summary-fold), so HQ's figures are the stores' figures added up.
 * `derived`: the opening comes as '=' minus '>' minus the month's kinds.
 */
function fold(sums: readonly KindSum[], derived: boolean): Map<string, Figures> {
  const out = new Map<string, Figures>();
  for (const s of sums) {
    let fig = out.get(s.key);
    if (!fig) out.set(s.key, (fig = emptyFigures()));
    if (s.kind === '<' || s.kind === '=') {
      fig.openingQty += s.qty;
      fig.openingValue += s.value;
    } else if (s.kind === '>') {
      fig.openingQty -= s.qty;
      fig.openingValue -= s.value;
    } else {
      if (derived) {
        fig.openingQty -= s.qty;
        fig.openingValue -= s.value;
      }
      addKind(fig, s.kind, s.qty, s.value);
    }
  }
  return out;
}

const inCategory = (category?: string | null): SQL =>
  category ? sql`AND item_id IN (SELECT id FROM items WHERE category = ${category})` : sql``;

/** Per item (or per store, for a category) from the item totals: the month by kind, the rest for the opening. */
function itemTotals(q: Q, by: 'item_id' | 'store_id', storeIds: readonly string[], f: SummaryFilter) {
  const key = sql.raw(by);
  return rows<KindSum>(
    q,
    sql`SELECT ${key} AS key, kind, sum(qty)::bigint AS qty, sum(value)::bigint AS value
        FROM (
          SELECT ${key}, CASE WHEN month = ${f.month} THEN kind ELSE '>' END AS kind, qty, value
          FROM chain_item_monthly
          WHERE month >= ${f.month} AND store_id = ${anyStore(storeIds)} ${inCategory(f.category)}
          UNION ALL
          SELECT ${key}, '=' AS kind, qty, value
          FROM chain_item_balances WHERE store_id = ${anyStore(storeIds)} ${inCategory(f.category)}
        ) t
        GROUP BY 1, 2`,
  );
}

/**
 * The store's period summary (进销存) for a month across stores: per store
 * (value only: quantities of different units do not add up) and the
 * chain's total, and on request per item (quantity and value, all the
 * stores together). Read from the running totals, never the ledger.
 */
export async function chainSummary(q: Q, storeIds: readonly string[], f: SummaryFilter) {
  const stores = await storeLabels(q, storeIds);
  const byStore = f.category
    ? fold(await itemTotals(q, 'store_id', storeIds, f), true)
    : fold(
        await rows<KindSum>(
          q,
          sql`SELECT store_id AS key, CASE WHEN month < ${f.month} THEN '<' ELSE kind END AS kind,
                     sum(qty)::bigint AS qty, sum(value)::bigint AS value
              FROM chain_store_monthly WHERE month <= ${f.month} AND store_id = ${anyStore(storeIds)}
              GROUP BY 1, 2`,
        ),
        false,
      );
  const total = emptyFigures();
  const storeRows: (StoreLabel & Figures)[] = [];
  for (const s of stores) {
    const fig = byStore.get(s.id) ?? emptyFigures();
    closeFigures(fig);
    storeRows.push({ ...s, ...fig });
    for (const k of Object.keys(total) as (keyof Figures)[]) total[k] += fig[k];
  }
  const itemRows: (ItemLabel & Figures)[] = [];
  if (f.items) {
    const items = await itemLabels(q);
    for (const [itemId, fig] of fold(await itemTotals(q, 'item_id', storeIds, f), true)) {
      if (closeFigures(fig)) itemRows.push({ ...itemOf(items, itemId), ...fig });
    }
    itemRows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
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
