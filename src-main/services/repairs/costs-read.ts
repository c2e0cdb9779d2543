import type {
  attachments,
  items,
  serviceVendors,
  storageAreas,
  vendorInvoices,
  workOrderLabour,
  workOrderParts,
} from '../../db/schema';
import { sql } from '../../db/sql';
import type { Ctx } from '../context';
import { isoOf } from './common';

/**
 * Costs of work orders: parts at their ledger cost (the value of the
 * 'maintenance' movements and of their reversals, read from stock_moves, so a
 * back-dated repricing shows here too), labour lines, vendor invoices.
 * Reversing rows are negative, so plain sums give the net figures.
 */
export interface CostFigures {
  parts: number;
  labour: number;
  labourMinutes: number;
  vendor: number;
  total: number;
}

type Sum = { v: number | null };

const partsCostOfWo = sql<Sum, [string]>(
  'SELECT -sum(m.value) AS v FROM work_order_parts p JOIN stock_moves m ON m.seq = p.move_seq WHERE p.work_order_id = ?',
);
const labourOfWo = sql<Sum & { m: number | null }, [string]>(
  'SELECT sum(cost) AS v, sum(minutes) AS m FROM work_order_labour WHERE work_order_id = ?',
);
const vendorCostOfWo = sql<Sum, [string]>('SELECT sum(amount) AS v FROM vendor_invoices WHERE work_order_id = ?');

const partsCostOfEquipment = sql<Sum, [string]>(
  `SELECT -sum(m.value) AS v FROM work_order_parts p JOIN stock_moves m ON m.seq = p.move_seq
     JOIN work_orders w ON w.id = p.work_order_id WHERE w.equipment_id = ?`,
);
const labourOfEquipment = sql<Sum & { m: number | null }, [string]>(
  `SELECT sum(l.cost) AS v, sum(l.minutes) AS m FROM work_order_labour l JOIN work_orders w ON w.id = l.work_order_id
     WHERE w.equipment_id = ?`,
);
const vendorCostOfEquipment = sql<Sum, [string]>(
  'SELECT sum(i.amount) AS v FROM vendor_invoices i JOIN work_orders w ON w.id = i.work_order_id WHERE w.equipment_id = ?',
);
const woCountOfEquipment = sql<{ n: number }, [string]>('SELECT count(*) AS n FROM work_orders WHERE equipment_id = ?');

type Part = typeof workOrderParts.$inferSelect;
type Item = typeof items.$inferSelect;
const partsOfWo = sql<
  Omit<Part, 'workOrderId'> &
    Pick<Item, 'nameZh' | 'nameEn' | 'baseUnit'> & {
      itemCode: Item['code'];
      areaCode: (typeof storageAreas.$inferSelect)['code'];
      cost: number;
      returned: 0 | 1;
    },
  [string]
>(
  `SELECT p.id, p.item_id AS itemId, i.code AS itemCode, i.name_zh AS nameZh, i.name_en AS nameEn, i.base_unit AS baseUnit,
          p.area_id AS areaId, a.code AS areaCode, p.lot, p.qty, -m.value AS cost, p.move_seq AS moveSeq,
          p.reverses_id AS reversesId, p.at, p.user_id AS userId, p.note,
          EXISTS (SELECT 1 FROM work_order_parts r WHERE r.reverses_id = p.id) AS returned
   FROM work_order_parts p
   JOIN items i ON i.id = p.item_id JOIN storage_areas a ON a.id = p.area_id JOIN stock_moves m ON m.seq = p.move_seq
   WHERE p.work_order_id = ? ORDER BY p.at, p.id`,
);
const labourOfWoLines = sql<
  Omit<typeof workOrderLabour.$inferSelect, 'workOrderId' | 'createdBy'> & { voided: 0 | 1 },
  [string]
>(
  `SELECT l.id, l.user_id AS userId, l.day, l.minutes, l.rate, l.cost, l.reverses_id AS reversesId, l.note,
          l.created_at AS createdAt,
          EXISTS (SELECT 1 FROM work_order_labour r WHERE r.reverses_id = l.id) AS voided
   FROM work_order_labour l WHERE l.work_order_id = ? ORDER BY l.created_at, l.id`,
);
const invoicesOfWo = sql<
  Omit<typeof vendorInvoices.$inferSelect, 'workOrderId' | 'createdBy'> & {
    vendorName: (typeof serviceVendors.$inferSelect)['name'];
    attachmentId: (typeof attachments.$inferSelect)['id'] | null;
    voided: 0 | 1;
  },
  [string]
>(
  `SELECT i.id, i.vendor_id AS vendorId, v.name AS vendorName, i.invoice_no AS invoiceNo, i.day, i.amount,
          i.reverses_id AS reversesId, i.note, i.created_at AS createdAt,
          EXISTS (SELECT 1 FROM vendor_invoices r WHERE r.reverses_id = i.id) AS voided,
          (SELECT a.id FROM attachments a WHERE a.owner_type = 'vendor_invoice' AND a.owner_id = i.id LIMIT 1) AS attachmentId
   FROM vendor_invoices i JOIN service_vendors v ON v.id = i.vendor_id
   WHERE i.work_order_id = ? ORDER BY i.created_at, i.id`,
);

export function woCosts(ctx: Ctx, woId: string): CostFigures {
  const parts = partsCostOfWo.get(ctx.sqlite, woId)!;
  const labour = labourOfWo.get(ctx.sqlite, woId)!;
  const vendor = vendorCostOfWo.get(ctx.sqlite, woId)!;
  return figures(parts.v ?? 0, labour.v ?? 0, labour.m ?? 0, vendor.v ?? 0);
}

export function figures(parts: number, labour: number, labourMinutes: number, vendor: number): CostFigures {
  return { parts, labour, labourMinutes, vendor, total: parts + labour + vendor };
}

/** Lifetime costs of one piece of equipment over all its work orders. */
export function equipmentCosts(ctx: Ctx, equipmentId: string): CostFigures & { workOrders: number } {
  const parts = partsCostOfEquipment.get(ctx.sqlite, equipmentId)!;
  const labour = labourOfEquipment.get(ctx.sqlite, equipmentId)!;
  const vendor = vendorCostOfEquipment.get(ctx.sqlite, equipmentId)!;
  const n = woCountOfEquipment.get(ctx.sqlite, equipmentId)!;
  return { ...figures(parts.v ?? 0, labour.v ?? 0, labour.m ?? 0, vendor.v ?? 0), workOrders: n.n };
}

export function partLines(ctx: Ctx, woId: string, name: (id: string | null) => string | null) {
  return partsOfWo.all(ctx.sqlite, woId).map(({ userId, returned, at, ...r }) => ({
    ...r,
    returned: returned === 1,
    at: isoOf(at),
    userName: name(userId),
  }));
}

export function labourLines(ctx: Ctx, woId: string, name: (id: string | null) => string | null) {
  return labourOfWoLines.all(ctx.sqlite, woId).map((r) => ({
    ...r,
    userName: name(r.userId),
    voided: r.voided === 1,
    createdAt: isoOf(r.createdAt),
  }));
}

export function invoiceLines(ctx: Ctx, woId: string) {
  return invoicesOfWo
    .all(ctx.sqlite, woId)
    .map((r) => ({ ...r, voided: r.voided === 1, createdAt: isoOf(r.createdAt) }));
}
