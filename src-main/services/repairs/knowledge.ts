import type { Ctx } from '../context';
import { CAUSE_KIND, codeNames, FIX_KIND } from './codes';
import { isoOf, minutes, notFound, prep } from './common';
import { woCosts } from './costs-read';

/**
 * How a fault was fixed before: work orders with the same fault code on
 * equipment of the same make and model (or on this unit only, when its model
 * is not recorded), this unit's own history first, newest first.
 */
export function knowledge(ctx: Ctx, i: { equipmentId: string; faultCode: string }) {
  const eq = prep(ctx, 'SELECT make, model FROM equipment WHERE id = ?').get(i.equipmentId) as
    { make: string; model: string } | undefined;
  if (!eq) notFound('error.repairs.equipmentNotFound', { ref: i.equipmentId });
  const sameModel = eq.model.trim() !== '';
  const where = `w.fault_code = ? AND w.resolved_at IS NOT NULL AND w.status IN ('resolved', 'confirmed', 'closed')
    AND ${sameModel ? 'e.make = ? AND e.model = ?' : 'w.equipment_id = ?'}`;
  const params = sameModel ? [i.faultCode, eq.make, eq.model] : [i.faultCode, i.equipmentId];
  const count = (col: string) =>
    prep(
      ctx,
      `SELECT ${col} AS code, count(*) AS n FROM work_orders w JOIN equipment e ON e.id = w.equipment_id
         WHERE ${where} AND ${col} <> '' GROUP BY ${col} ORDER BY n DESC, ${col}`,
    ).all(...params) as { code: string; n: number }[];
  const total = (
    prep(ctx, `SELECT count(*) AS n FROM work_orders w JOIN equipment e ON e.id = w.equipment_id WHERE ${where}`).get(
      ...params,
    ) as { n: number }
  ).n;
  const fixes = codeNames(ctx, FIX_KIND);
  const causes = codeNames(ctx, CAUSE_KIND);
  const named = (map: ReturnType<typeof codeNames>) => (r: { code: string; n: number }) => ({
    code: r.code,
    nameZh: map.get(r.code)?.nameZh ?? r.code,
    nameEn: map.get(r.code)?.nameEn ?? r.code,
    count: r.n,
  });
  const rows = prep(
    ctx,
    `SELECT w.id, w.number, e.code AS equipmentCode, w.equipment_id = ? AS same, w.reported_at AS reportedAt,
              w.resolved_at AS resolvedAt, coalesce(w.down_start, w.reported_at) AS startAt, w.resolution,
              w.resolution_code AS resolutionCode, w.root_cause_code AS rootCauseCode
       FROM work_orders w JOIN equipment e ON e.id = w.equipment_id
       WHERE ${where} ORDER BY same DESC, w.resolved_at DESC LIMIT 10`,
  ).all(i.equipmentId, ...params) as {
    id: string;
    number: string;
    equipmentCode: string;
    same: number;
    reportedAt: number;
    resolvedAt: number;
    startAt: number;
    resolution: string;
    resolutionCode: string;
    rootCauseCode: string;
  }[];
  const partsOf = prep(
    ctx,
    `SELECT DISTINCT i.code AS itemCode, i.name_zh AS nameZh, i.name_en AS nameEn
     FROM work_order_parts p JOIN items i ON i.id = p.item_id
     WHERE p.work_order_id = ? AND p.reverses_id IS NULL
       AND NOT EXISTS (SELECT 1 FROM work_order_parts r WHERE r.reverses_id = p.id)
     ORDER BY i.code`,
  );
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
        parts: partsOf.all(r.id) as { itemCode: string; nameZh: string; nameEn: string }[],
        labourMinutes: c.labourMinutes,
        cost: c.total,
      };
    }),
  };
}
