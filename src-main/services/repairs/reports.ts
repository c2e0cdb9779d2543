import { addDays } from '../../../src-shared/repairs/pm-schedule';
import { reliability, type ReliabilityFailure } from '../../../src-shared/repairs/reliability';
import { PRIORITIES } from '../../../src-shared/repairs/settings';
import type { equipment } from '../../db/schema';
import { sql } from '../../db/sql';
import type { Ctx } from '../context';
import { figures } from './costs-read';
import { isoOf, minutes, repairSettings, startOfDay } from './common';
import { CLOCK_COLUMNS, liveClocks, type ClockColumns } from './wo-rows';
import type { WoRecord } from './wo-store';

/** Maintenance reports (contracts in src-shared/api/methods/repair-reports.ts). */

export interface Period {
  from: string;
  to: string;
}

/** [start of `from`, start of the day after `to`) in the store's zone. */
export function periodMs(ctx: Ctx, p: Period): [number, number] {
  return [startOfDay(ctx, p.from), startOfDay(ctx, addDays(p.to, 1))];
}

type Eq = Pick<typeof equipment.$inferSelect, 'id' | 'code' | 'name' | 'category' | 'installDay'>;

const equipmentOfCategory = sql<Eq, [string | null, string | null]>(
  `SELECT id, code, name, category, install_day AS installDay FROM equipment
     WHERE (? IS NULL OR category = ?) ORDER BY category, code`,
);

function equipmentList(ctx: Ctx, category?: string | null): Eq[] {
  return equipmentOfCategory.all(ctx.sqlite, category ?? null, category ?? null);
}

type FailureRow = Pick<WoRecord, 'equipmentId' | 'reportedAt' | 'down' | 'downStart' | 'upAt'>;
const FAILURE_COLS =
  'equipment_id AS equipmentId, reported_at AS reportedAt, down, down_start AS downStart, up_at AS upAt';
const CORRECTIVE = "kind = 'corrective' AND status <> 'cancelled'";

/**
 * The failures a period needs: those reported in it, and earlier ones whose
 * equipment was still down when it began (both read through indexes: the
 * report time, and the partial index of down intervals by up time).
 */
const failuresOfPeriod = sql<FailureRow, [number, number, number, number, number, number]>(
  `SELECT ${FAILURE_COLS} FROM work_orders WHERE reported_at >= ? AND reported_at < ? AND ${CORRECTIVE}
     UNION ALL
     SELECT ${FAILURE_COLS} FROM work_orders WHERE down = 1 AND up_at > ? AND down_start < ? AND reported_at < ? AND ${CORRECTIVE}
     UNION ALL
     SELECT ${FAILURE_COLS} FROM work_orders WHERE down = 1 AND up_at IS NULL AND reported_at < ? AND ${CORRECTIVE}`,
);
/** The same for one piece of equipment (its work-order index). */
const failuresOfEquipment = sql<FailureRow, [string, number, number]>(
  `SELECT ${FAILURE_COLS} FROM work_orders WHERE equipment_id = ? AND ${CORRECTIVE}
     AND (reported_at >= ? OR (down = 1 AND (up_at IS NULL OR up_at > ?)))`,
);

const asFailure = (r: FailureRow): ReliabilityFailure => ({ ...r, down: r.down === 1 });

export function periodFailures(ctx: Ctx, from: number, to: number): ReliabilityFailure[] {
  return failuresOfPeriod.all(ctx.sqlite, from, to, from, from, from, from).map(asFailure);
}

/** The failures of one piece of equipment a period from `from` (until now) needs. */
export function equipmentFailures(ctx: Ctx, equipmentId: string, from: number): ReliabilityFailure[] {
  return failuresOfEquipment.all(ctx.sqlite, equipmentId, from, from).map(asFailure);
}

export function reliabilityReport(ctx: Ctx, i: Period & { category?: string | null }) {
  const [from, to] = periodMs(ctx, i);
  const eqs = equipmentList(ctx, i.category);
  const r = reliability(
    eqs.map((e) => ({
      id: e.id,
      category: e.category,
      inServiceFrom: e.installDay ? startOfDay(ctx, e.installDay) : null,
    })),
    periodFailures(ctx, from, to),
    from,
    to,
    ctx.now,
  );
  const count = new Map<string, number>();
  for (const e of eqs) count.set(e.category, (count.get(e.category) ?? 0) + 1);
  return {
    perEquipment: eqs.map((e) => ({
      equipmentId: e.id,
      code: e.code,
      name: e.name,
      category: e.category,
      ...r.perEquipment.get(e.id)!,
    })),
    perCategory: [...r.perCategory].map(([category, f]) => ({ category, equipment: count.get(category) ?? 0, ...f })),
    total: r.total,
  };
}

type SlaRow = Pick<WoRecord, 'id' | 'number' | 'priority' | 'status'> &
  ClockColumns & { equipmentCode: string; equipmentName: string };

const slaRowsOfPeriod = sql<SlaRow, [number, number]>(
  `SELECT w.id, w.number, w.priority, w.status, e.code AS equipmentCode, e.name AS equipmentName, ${CLOCK_COLUMNS}
     FROM work_orders w JOIN equipment e ON e.id = w.equipment_id
     WHERE w.reported_at >= ? AND w.reported_at < ? AND w.kind = 'corrective' AND w.status <> 'cancelled'
     ORDER BY w.reported_at`,
);

/** SLA compliance of corrective work orders reported in the period (preventive work has due days, not SLAs). */
export function slaReport(ctx: Ctx, i: Period) {
  const [from, to] = periodMs(ctx, i);
  const warn = repairSettings(ctx).slaWarnPercent;
  const rows = slaRowsOfPeriod.all(ctx.sqlite, from, to);
  const by = new Map(
    PRIORITIES.map((p) => [
      p,
      { priority: p, workOrders: 0, responseMet: 0, responseMissed: 0, resolutionMet: 0, resolutionMissed: 0 },
    ]),
  );
  const breaches = [];
  for (const r of rows) {
    const b = by.get(r.priority)!;
    b.workOrders++;
    const { response, resolution } = liveClocks(r, ctx.now, warn);
    const clocks = [
      ['response', response],
      ['resolution', resolution],
    ] as const;
    for (const [kind, c] of clocks) {
      if (c.state === 'none') continue;
      if (c.breached) b[`${kind}Missed`]++;
      else if (c.state === 'stopped') b[`${kind}Met`]++;
      if (c.breached) {
        breaches.push({
          workOrderId: r.id,
          number: r.number,
          equipmentCode: r.equipmentCode,
          equipmentName: r.equipmentName,
          priority: r.priority,
          status: r.status,
          clock: kind,
          targetMinutes: minutes(c.targetMs),
          overMinutes: minutes(-c.leftMs),
          breachedAt: isoOf(c.breachedAt ?? c.dueAt ?? ctx.now),
          open: c.state !== 'stopped',
        });
      }
    }
  }
  const bp = (met: number, missed: number) => (met + missed ? Math.round((met * 10_000) / (met + missed)) : null);
  return {
    byPriority: [...by.values()].map((b) => ({
      ...b,
      responseBp: bp(b.responseMet, b.responseMissed),
      resolutionBp: bp(b.resolutionMet, b.resolutionMissed),
    })),
    breaches,
  };
}

/** Corrective work orders with a fault code reported in a span, by equipment and fault, oldest first. */
const faultsByEquipment = sql<
  Pick<WoRecord, 'number' | 'equipmentId' | 'faultCode' | 'reportedAt'> &
    Pick<Eq, 'code' | 'name' | 'category'> & { faultNameZh: string; faultNameEn: string },
  [number, number]
>(
  `SELECT w.number, w.equipment_id AS equipmentId, w.fault_code AS faultCode, w.reported_at AS reportedAt,
       e.code, e.name, e.category, coalesce(f.name_zh, '') AS faultNameZh, coalesce(f.name_en, '') AS faultNameEn
     FROM work_orders w JOIN equipment e ON e.id = w.equipment_id LEFT JOIN fault_codes f ON f.code = w.fault_code
     WHERE w.reported_at >= ? AND w.reported_at < ? AND w.kind = 'corrective' AND w.status <> 'cancelled' AND w.fault_code <> ''
     ORDER BY w.equipment_id, w.fault_code, w.reported_at`,
);

/** Failures of the same equipment and fault within the repeat window of the previous one. */
export function repeatsReport(ctx: Ctx, i: Period) {
  const [from, to] = periodMs(ctx, i);
  const window = repairSettings(ctx).repeatWindowDays * 86_400_000;
  const rows = faultsByEquipment.all(ctx.sqlite, from - window, to);
  const groups = new Map<string, typeof rows>();
  for (const r of rows) {
    const k = `${r.equipmentId}\u0000${r.faultCode}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(r);
  }
  const out = [];
  for (const g of groups.values()) {
    let repeats = 0;
    const inPeriod = g.filter((r) => r.reportedAt >= from);
    g.forEach((r, n) => {
      if (n > 0 && r.reportedAt >= from && r.reportedAt - g[n - 1]!.reportedAt <= window) repeats++;
    });
    if (!repeats) continue;
    const first = g[0]!;
    out.push({
      equipmentId: first.equipmentId,
      code: first.code,
      name: first.name,
      category: first.category,
      faultCode: first.faultCode,
      faultNameZh: first.faultNameZh,
      faultNameEn: first.faultNameEn,
      failures: inPeriod.length,
      repeats,
      numbers: inPeriod.map((r) => r.number),
      firstAt: isoOf(inPeriod[0]!.reportedAt),
      lastAt: isoOf(inPeriod[inPeriod.length - 1]!.reportedAt),
    });
  }
  return out.sort((a, b) => b.repeats - a.repeats || b.failures - a.failures || a.code.localeCompare(b.code));
}

type EquipmentSum = { id: string; v: number; m?: number };
const IN_PERIOD = 'w.reported_at >= ? AND w.reported_at < ?';
const woCountByEquipment = sql<EquipmentSum, [number, number]>(
  `SELECT w.equipment_id AS id, count(*) AS v FROM work_orders w WHERE ${IN_PERIOD} GROUP BY w.equipment_id`,
);
const partsCostByEquipment = sql<EquipmentSum, [number, number]>(
  `SELECT w.equipment_id AS id, -sum(m.value) AS v FROM work_orders w JOIN work_order_parts p ON p.work_order_id = w.id
   JOIN stock_moves m ON m.seq = p.move_seq WHERE ${IN_PERIOD} GROUP BY w.equipment_id`,
);
const labourByEquipment = sql<EquipmentSum, [number, number]>(
  `SELECT w.equipment_id AS id, sum(l.cost) AS v, sum(l.minutes) AS m FROM work_orders w
   JOIN work_order_labour l ON l.work_order_id = w.id WHERE ${IN_PERIOD} GROUP BY w.equipment_id`,
);
const vendorCostByEquipment = sql<EquipmentSum, [number, number]>(
  `SELECT w.equipment_id AS id, sum(i.amount) AS v FROM work_orders w JOIN vendor_invoices i ON i.work_order_id = w.id
   WHERE ${IN_PERIOD} GROUP BY w.equipment_id`,
);

/** Costs per equipment and category of the work orders reported in the period. */
export function costsReport(ctx: Ctx, i: Period) {
  const [from, to] = periodMs(ctx, i);
  const sums = (st: typeof woCountByEquipment) => new Map(st.all(ctx.sqlite, from, to).map((r) => [r.id, r]));
  const count = sums(woCountByEquipment);
  const parts = sums(partsCostByEquipment);
  const labour = sums(labourByEquipment);
  const vendor = sums(vendorCostByEquipment);
  const perEquipment = equipmentList(ctx)
    .filter((e) => count.has(e.id))
    .map((e) => ({
      equipmentId: e.id,
      code: e.code,
      name: e.name,
      category: e.category,
      workOrders: count.get(e.id)!.v,
      ...figures(parts.get(e.id)?.v ?? 0, labour.get(e.id)?.v ?? 0, labour.get(e.id)?.m ?? 0, vendor.get(e.id)?.v ?? 0),
    }))
    .sort((a, b) => b.total - a.total || a.code.localeCompare(b.code));
  const add = (a: ReturnType<typeof zero>, r: ReturnType<typeof zero>) => {
    for (const k of Object.keys(a) as (keyof typeof a)[]) a[k] += r[k];
  };
  const zero = () => ({ workOrders: 0, parts: 0, labour: 0, labourMinutes: 0, vendor: 0, total: 0 });
  const cats = new Map<string, ReturnType<typeof zero>>();
  const total = zero();
  for (const r of perEquipment) {
    let c = cats.get(r.category);
    if (!c) cats.set(r.category, (c = zero()));
    const { equipmentId: _e, code: _c, name: _n, category: _k, ...f } = r;
    add(c, f);
    add(total, f);
  }
  return { perEquipment, perCategory: [...cats].map(([category, c]) => ({ category, ...c })), total };
}

const BUCKET_LIMITS: [string, number][] = [
  ['1d', 1],
  ['3d', 3],
  ['7d', 7],
  ['30d', 30],
  ['older', Infinity],
];

const openByAge = sql<Pick<WoRecord, 'id' | 'number' | 'priority' | 'status' | 'reportedAt'>>(
  `SELECT id, number, priority, status, reported_at AS reportedAt FROM work_orders
     WHERE status NOT IN ('closed', 'cancelled') ORDER BY reported_at`,
);

/** Open work orders (not closed or cancelled) by age since the report, per priority. */
export function agingReport(ctx: Ctx) {
  const rows = openByAge.all(ctx.sqlite);
  const buckets = BUCKET_LIMITS.map(([bucket]) => ({
    bucket: bucket as '1d',
    urgent: 0,
    high: 0,
    normal: 0,
    low: 0,
    total: 0,
    active: 0,
  }));
  for (const r of rows) {
    const days = (ctx.now - r.reportedAt) / 86_400_000;
    const b = buckets[BUCKET_LIMITS.findIndex(([, max]) => days <= max)]!;
    b[r.priority]++;
    b.total++;
    if (r.status !== 'resolved' && r.status !== 'confirmed') b.active++;
  }
  const oldest = rows[0];
  return {
    buckets,
    total: rows.length,
    oldest: oldest ? { id: oldest.id, number: oldest.number, reportedAt: isoOf(oldest.reportedAt) } : null,
  };
}
