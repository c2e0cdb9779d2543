import type { equipment, items } from '../../db/schema';
import { dynamicSql, sql } from '../../db/sql';
import type { Ctx } from '../context';
import { CAUSE_KIND, codeNames, FIX_KIND } from './codes';
import { isoOf, minutes, notFound } from './common';
import type { WoRecord } from './wo-store';
import { woCosts } from './costs-read';

const makeAndModel = sql<Pick<typeof equipment.$inferSelect, 'make' | 'model'>, [string]>(
  'SELECT make, model FROM equipment WHERE id = ?',
);
/** The parts a work order kept (taken and not returned). */
const partsKept = sql<{ itemCode: string } & Pick<typeof items.$inferSelect, 'nameZh' | 'nameEn'>, [string]>(
  `SELECT DISTINCT i.code AS itemCode, i.name_zh AS nameZh, i.name_en AS nameEn
   FROM work_order_parts p JOIN items i ON i.id = p.item_id
   WHERE p.work_order_id = ? AND p.reverses_id IS NULL
     AND NOT EXISTS (SELECT 1 FROM work_order_parts r WHERE r.reverses_id = p.id)
   ORDER BY i.code`,
);
type Counted = { code: string; n: number };
type Fix = Pick<WoRecord, 'id' | 'number' | 'reportedAt' | 'resolution' | 'resolutionCode' | 'rootCauseCode'> & {
  equipmentCode: string;
  same: 0 | 1;
  resolvedAt: number;
  startAt: number;
};

/**
 * How a fault was fixed before: work orders with the same fault code on
 * equipment of the same make and model (or on this unit only, when its model
 * is not recorded), this unit's own history first, newest first.
 */
export function knowledge(ctx: Ctx, i: { equipmentId: string; faultCode: string }) {
  const eq = makeAndModel.get(ctx.sqlite, i.equipmentId);
  if (!eq) notFound('error.repairs.equipmentNotFound', { ref: i.equipmentId });
  const sameModel = eq.model.trim() !== '';
  // One of two fixed conditions (same make and model, or this unit), values as parameters.
  const where = `w.fault_code = ? AND w.resolved_at IS NOT NULL AND w.status IN ('resolved', 'confirmed', 'closed')
    AND ${sameModel ? 'e.make = ? AND e.model = ?' : 'w.equipment_id = ?'}`;
  const params = sameModel ? [i.faultCode, eq.make, eq.model] : [i.faultCode, i.equipmentId];
  const count = (col: 'w.resolution_code' | 'w.root_cause_code') =>
    dynamicSql<Counted>(
      ctx.sqlite,
      `SELECT ${col} AS code, count(*) AS n FROM work_orders w JOIN equipment e ON e.id = w.equipment_id
         WHERE ${where} AND ${col} <> '' GROUP BY ${col} ORDER BY n DESC, ${col}`,
    ).all(...params);
  const total = dynamicSql<{ n: number }>(
    ctx.sqlite,
    `SELECT count(*) AS n FROM work_orders w JOIN equipment e ON e.id = w.equipment_id WHERE ${where}`,
  ).get(...params)!.n;
  const fixes = codeNames(ctx, FIX_KIND);
  const causes = codeNames(ctx, CAUSE_KIND);
  const named = (map: ReturnType<typeof codeNames>) => (r: Counted) => ({
    code: r.code,
    nameZh: map.get(r.code)?.nameZh ?? r.code,
    nameEn: map.get(r.code)?.nameEn ?? r.code,
    count: r.n,
  });
  const rows = dynamicSql<Fix>(
    ctx.sqlite,
    `SELECT w.id, w.number, e.code AS equipmentCode, w.equipment_id = ? AS same, w.reported_at AS reportedAt,
            w.resolved_at AS resolvedAt, coalesce(w.down_start, w.reported_at) AS startAt, w.resolution,
            w.resolution_code AS resolutionCode, w.root_cause_code AS rootCauseCode
     FROM work_orders w JOIN equipment e ON e.id = w.equipment_id
     WHERE ${where} ORDER BY same DESC, w.resolved_at DESC LIMIT 10`,
  ).all(i.equipmentId, ...params);
  return {
    total,
    resolutions: count('w.resolution_code').map(named(fixes)),
    rootCauses: count('w.root_cause_code').map(named(causes)),
    history: rows.map((r) => {
      const c = woCosts(ctx, r.id);
      return {
        workOrderId: r.id,
        number: r.number,
        equipmentCode: r.equipmentCode,
        sameEquipment: r.same === 1,
        reportedAt: isoOf(r.reportedAt),
        resolvedAt: isoOf(r.resolvedAt),
        repairMinutes: minutes(Math.max(0, r.resolvedAt - r.startAt)),
        resolution: r.resolution,
        resolutionCode: r.resolutionCode,
        rootCauseCode: r.rootCauseCode,
        parts: partsKept.all(ctx.sqlite, r.id),
        labourMinutes: c.labourMinutes,
        cost: c.total,
      };
    }),
  };
}
