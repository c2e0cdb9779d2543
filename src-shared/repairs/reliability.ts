/**
 * MTTR, MTBF, downtime and availability over a period [from, to), exactly as
 * defined here (the reports, their tests and the benchmark all use this one
 * function). Times are UTC ms; results in whole minutes.
 *
 * - Failure: a corrective work order that was not cancelled, reported in the
 *   period (whether or not the equipment went down).
 * - Down interval of a failure flagged "equipment down": [downStart, upAt),
 *   where upAt is when the equipment ran again (normally the resolution; a
 *   reopened failure whose fix did not hold runs on from the same start). An
 *   interval still open ends at the end of the period (or now, if earlier).
 * - Downtime: the union of the equipment's down intervals (overlapping
 *   tickets on one piece of equipment are counted once), clipped to the
 *   period. Intervals that began before the period count for their part in it.
 * - Operating time: the period (up to now at most) from the equipment's
 *   install day, if later than the period start.
 * - MTTR = mean of (upAt - downStart) over the failures reported in the
 *   period with the equipment down and running again (whole repair times,
 *   not clipped).
 * - MTBF = (operating time - downtime) / number of failures; none without a failure.
 * - Availability = (operating time - downtime) / operating time, in basis
 *   points (10000 = 100 %).
 * Per category: the sums over its equipment (operating time, downtime,
 * failures, repair times) with the same formulas.
 */

export interface ReliabilityEquipment {
  id: string;
  category: string;
  /** Start of the install day (UTC ms), or null when unknown (in service the whole period). */
  inServiceFrom: number | null;
}

export interface ReliabilityFailure {
  equipmentId: string;
  reportedAt: number;
  down: boolean;
  downStart: number | null;
  upAt: number | null;
}

export interface ReliabilityFigures {
  operatingMinutes: number;
  downtimeMinutes: number;
  failures: number;
  /** Failures with the equipment down and running again (the MTTR sample). */
  repairs: number;
  mttrMinutes: number | null;
  mtbfMinutes: number | null;
  availabilityBp: number | null;
}

interface Acc {
  operatingMs: number;
  downtimeMs: number;
  failures: number;
  repairs: number;
  repairMs: number;
}

const MIN = 60_000;
const empty = (): Acc => ({ operatingMs: 0, downtimeMs: 0, failures: 0, repairs: 0, repairMs: 0 });

function figures(a: Acc): ReliabilityFigures {
  const up = a.operatingMs - a.downtimeMs;
  return {
    operatingMinutes: Math.round(a.operatingMs / MIN),
    downtimeMinutes: Math.round(a.downtimeMs / MIN),
    failures: a.failures,
    repairs: a.repairs,
    mttrMinutes: a.repairs ? Math.round(a.repairMs / a.repairs / MIN) : null,
    mtbfMinutes: a.failures ? Math.round(up / a.failures / MIN) : null,
    availabilityBp: a.operatingMs > 0 ? Math.round((up * 10_000) / a.operatingMs) : null,
  };
}

/** Total length of the union of intervals, each clipped to [lo, hi). */
export function unionLength(intervals: readonly [number, number][], lo: number, hi: number): number {
  const xs = intervals
    .map(([a, b]) => [Math.max(a, lo), Math.min(b, hi)] as [number, number])
    .filter(([a, b]) => b > a)
    .sort((p, q) => p[0] - q[0]);
  let total = 0;
  let curA = -Infinity;
  let curB = -Infinity;
  for (const [a, b] of xs) {
    if (a > curB) {
      if (curB > curA) total += curB - curA;
      curA = a;
      curB = b;
    } else if (b > curB) curB = b;
  }
  if (curB > curA) total += curB - curA;
  return total;
}

export interface ReliabilityResult {
  perEquipment: Map<string, ReliabilityFigures>;
  perCategory: Map<string, ReliabilityFigures>;
  total: ReliabilityFigures;
}

/**
 * `failures` may hold work orders outside the period: those reported in it
 * count as failures, and every down interval counts for its part in it.
 */
export function reliability(
  equipment: readonly ReliabilityEquipment[],
  failures: readonly ReliabilityFailure[],
  from: number,
  to: number,
  now: number,
): ReliabilityResult {
  const end = Math.min(to, now);
  const acc = new Map<string, Acc>();
  const intervals = new Map<string, [number, number][]>();
  const start = new Map<string, number>();
  for (const e of equipment) {
    const s = Math.max(from, e.inServiceFrom ?? from);
    start.set(e.id, s);
    acc.set(e.id, { ...empty(), operatingMs: Math.max(0, end - s) });
    intervals.set(e.id, []);
  }
  for (const f of failures) {
    const a = acc.get(f.equipmentId);
    if (!a) continue;
    if (f.reportedAt >= from && f.reportedAt < end) {
      a.failures++;
      if (f.down && f.downStart !== null && f.upAt !== null) {
        a.repairs++;
        a.repairMs += Math.max(0, f.upAt - f.downStart);
      }
    }
    if (f.down && f.downStart !== null) intervals.get(f.equipmentId)!.push([f.downStart, f.upAt ?? end]);
  }
  const perCategory = new Map<string, Acc>();
  const total = empty();
  const perEquipment = new Map<string, ReliabilityFigures>();
  for (const e of equipment) {
    const a = acc.get(e.id)!;
    a.downtimeMs = unionLength(intervals.get(e.id)!, start.get(e.id)!, end);
    perEquipment.set(e.id, figures(a));
    let c = perCategory.get(e.category);
    if (!c) perCategory.set(e.category, (c = empty()));
    for (const x of [c, total]) {
      x.operatingMs += a.operatingMs;
      x.downtimeMs += a.downtimeMs;
      x.failures += a.failures;
      x.repairs += a.repairs;
      x.repairMs += a.repairMs;
    }
  }
  return {
    perEquipment,
    perCategory: new Map([...perCategory].map(([k, v]) => [k, figures(v)])),
    total: figures(total),
  };
}
