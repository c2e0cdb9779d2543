import { sql } from 'drizzle-orm';
import { ACTIVE_STATES } from '../../../src-shared/repairs/workflow';
import { addDays, dayKeyer } from '../../../src-shared/time';
import { wasteBasisPoints } from '../../../src-shared/waste-rate';
import { addKind, emptyFigures } from '../../../src-main/services/reports/summary-fold';
import { rows, type Q } from '../../db/client';
import { storeList } from '../stores/views';
import { anyStore, storeLabels } from './scope';

/** Weeks of stock value the trend shows, ending today. */
export const TREND_WEEKS = 12;

/**
 * The chain at a glance for one month: per store its stock value now, the
 * month's usage, waste and waste %, open and overdue repairs (active work
 * orders past their resolution target, or already breached) and its sync
 * health; and the chain's stock value at the end of each of the last weeks.
 */
export async function chainDashboard(q: Q, storeIds: readonly string[], i: { month: string; now: number }) {
  const scope = new Set(storeIds);
  // storeIds is already the caller's scope (storeIdsInScope): the list is narrowed to it here.
  const health = (await storeList(q, null)).filter((s) => scope.has(s.id));
  const labels = await storeLabels(q, storeIds);
  // Per-store totals: the month by kind, and every month for the stock value now.
  const kinds = await rows<{ storeId: string; kind: string; qty: number; value: number }>(
    q,
    sql`SELECT store_id AS "storeId", CASE WHEN month = ${i.month} THEN kind ELSE '' END AS kind,
               sum(qty)::bigint AS qty, sum(value)::bigint AS value
        FROM chain_store_monthly WHERE store_id = ${anyStore(storeIds)}
        GROUP BY 1, 2`,
  );
  const repairs = await rows<{ storeId: string; open: number; overdue: number }>(
    q,
    sql`SELECT store_id AS "storeId", count(*)::int AS open,
               count(*) FILTER (WHERE resolution_breached_at IS NOT NULL OR resolution_due_at < ${i.now})::int AS overdue
        FROM mirror.work_orders
        WHERE store_id = ${anyStore(storeIds)} AND status = ANY(string_to_array(${ACTIVE_STATES.join(',')}, ','))
        GROUP BY 1`,
  );
  const figures = new Map<string, ReturnType<typeof emptyFigures>>();
  const stockOf = new Map<string, number>();
  for (const k of kinds) {
    stockOf.set(k.storeId, (stockOf.get(k.storeId) ?? 0) + k.value);
    if (k.kind === '') continue;
    let f = figures.get(k.storeId);
    if (!f) figures.set(k.storeId, (f = emptyFigures()));
    addKind(f, k.kind, k.qty, k.value);
  }
  const repairsOf = new Map(repairs.map((r) => [r.storeId, r]));
  const stores = health.map((h) => {
    const f = figures.get(h.id) ?? emptyFigures();
    return {
      ...h,
      stockValue: stockOf.get(h.id) ?? 0,
      receiptValue: f.receiptValue,
      usageValue: f.usageValue,
      wasteValue: f.wasteValue,
      wasteBp: wasteBasisPoints(f.wasteValue, f.usageValue),
      openRepairs: repairsOf.get(h.id)?.open ?? 0,
      overdueRepairs: repairsOf.get(h.id)?.overdue ?? 0,
    };
  });
  const zone = mostCommon(labels.map((l) => l.timezone)) ?? 'UTC';
  return { month: i.month, stores, trend: await valueTrend(q, storeIds, dayKeyer(zone)(i.now), stockOf) };
}

function mostCommon(values: readonly string[]): string | undefined {
  const n = new Map<string, number>();
  for (const v of values) n.set(v, (n.get(v) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/**
 * The chain's stock value at the end of today and of the same weekday in
 * each week before: today's value minus the daily changes after each point.
 * Days are the stores' business days; "today" is the day in the time zone
 * most of the stores keep (one line for the chain needs one calendar).
 */
async function valueTrend(q: Q, storeIds: readonly string[], today: string, stockOf: Map<string, number>) {
  const first = addDays(today, -7 * (TREND_WEEKS - 1));
  const days = await rows<{ day: string; value: number }>(
    q,
    sql`SELECT day, sum(value)::bigint AS value FROM chain_store_daily
        WHERE store_id = ${anyStore(storeIds)} AND day > ${first} GROUP BY 1`,
  );
  const current = [...stockOf.values()].reduce((a, b) => a + b, 0);
  const points = [];
  for (let w = TREND_WEEKS - 1; w >= 0; w--) {
    const day = addDays(today, -7 * w);
    const after = days.filter((d) => d.day > day).reduce((a, d) => a + d.value, 0);
    points.push({ day, value: current - after });
  }
  return points;
}
