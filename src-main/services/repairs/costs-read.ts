import type { Ctx } from '../context';
import { isoOf, prep } from './common';

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

const PARTS_BY_WO = `SELECT p.work_order_id AS id, -sum(m.value) AS v FROM work_order_parts p JOIN stock_moves m ON m.seq = p.move_seq`;
const LABOUR_BY_WO = `SELECT work_order_id AS id, sum(cost) AS v, sum(minutes) AS m FROM work_order_labour`;
const VENDOR_BY_WO = `SELECT work_order_id AS id, sum(amount) AS v FROM vendor_invoices`;

export function woCosts(ctx: Ctx, woId: string): CostFigures {
  const parts = prep(ctx, `${PARTS_BY_WO} WHERE p.work_order_id = ?`).get(woId) as { v: number | null };
  const labour = prep(ctx, `${LABOUR_BY_WO} WHERE work_order_id = ?`).get(woId) as {
    v: number | null;
    m: number | null;
  };
  const vendor = prep(ctx, `${VENDOR_BY_WO} WHERE work_order_id = ?`).get(woId) as { v: number | null };
  return figures(parts.v ?? 0, labour.v ?? 0, labour.m ?? 0, vendor.v ?? 0);
}

export function figures(parts: number, labour: number, labourMinutes: number, vendor: number): CostFigures {
  return { parts, labour, labourMinutes, vendor, total: parts + labour + vendor };
}

/** Lifetime costs of one piece of equipment over all its work orders. */
export function equipmentCosts(ctx: Ctx, equipmentId: string): CostFigures & { workOrders: number } {
  const q = (sql: string) =>
    prep(ctx, `${sql} AND w.equipment_id = ?`).get(equipmentId) as { v: number | null; m?: number | null };
  const parts = q(
    'SELECT -sum(m.value) AS v FROM work_order_parts p JOIN stock_moves m ON m.seq = p.move_seq JOIN work_orders w ON w.id = p.work_order_id WHERE 1',
  );
  const labour = q(
    'SELECT sum(l.cost) AS v, sum(l.minutes) AS m FROM work_order_labour l JOIN work_orders w ON w.id = l.work_order_id WHERE 1',
  );
  const vendor = q(
    'SELECT sum(i.amount) AS v FROM vendor_invoices i JOIN work_orders w ON w.id = i.work_order_id WHERE 1',
  );
  const n = prep(ctx, 'SELECT count(*) AS n FROM work_orders WHERE equipment_id = ?').get(equipmentId) as {
    n: number;
  };
  return { ...figures(parts.v ?? 0, labour.v ?? 0, labour.m ?? 0, vendor.v ?? 0), workOrders: n.n };
}

export function partLines(ctx: Ctx, woId: string, name: (id: string | null) => string | null) {
  const rows = prep(
    ctx,
    `SELECT p.id, p.item_id AS itemId, i.code AS itemCode, i.name_zh AS nameZh, i.name_en AS nameEn, i.base_unit AS baseUnit,
              p.area_id AS areaId, a.code AS areaCode, p.lot, p.qty, -m.value AS cost, p.move_seq AS moveSeq,
              p.reverses_id AS reversesId, p.at, p.user_id AS userId, p.note,
              EXISTS (SELECT 1 FROM work_order_parts r WHERE r.reverses_id = p.id) AS returned
       FROM work_order_parts p
       JOIN items i ON i.id = p.item_id JOIN storage_areas a ON a.id = p.area_id JOIN stock_moves m ON m.seq = p.move_seq
       WHERE p.work_order_id = ? ORDER BY p.at, p.id`,
  ).all(woId) as {
    id: string;
    itemId: string;
    itemCode: string;
    nameZh: string;
    nameEn: string;
    baseUnit: string;
    areaId: string;
    areaCode: string;
    lot: string;
    qty: number;
    cost: number;
    moveSeq: number;
    reversesId: string | null;
    at: number;
    userId: string | null;
    note: string;
    returned: number;
  }[];
  return rows.map(({ userId, returned, at, ...r }) => ({
    ...r,
    returned: returned === 1,
    at: isoOf(at),
    userName: name(userId),
  }));
}

export function labourLines(ctx: Ctx, woId: string, name: (id: string | null) => string | null) {
  const rows = prep(
    ctx,
    `SELECT l.id, l.user_id AS userId, l.day, l.minutes, l.rate, l.cost, l.reverses_id AS reversesId, l.note,
              l.created_at AS createdAt,
              EXISTS (SELECT 1 FROM work_order_labour r WHERE r.reverses_id = l.id) AS voided
       FROM work_order_labour l WHERE l.work_order_id = ? ORDER BY l.created_at, l.id`,
  ).all(woId) as { userId: string | null; voided: number; createdAt: number }[];
  return rows.map((r) => ({
    ...(r as object),
    userId: r.userId,
    userName: name(r.userId),
    voided: r.voided === 1,
    createdAt: isoOf(r.createdAt),
  })) as never[];
}

export function invoiceLines(ctx: Ctx, woId: string) {
  const rows = prep(
    ctx,
    `SELECT i.id, i.vendor_id AS vendorId, v.name AS vendorName, i.invoice_no AS invoiceNo, i.day, i.amount,
              i.reverses_id AS reversesId, i.note, i.created_at AS createdAt,
              EXISTS (SELECT 1 FROM vendor_invoices r WHERE r.reverses_id = i.id) AS voided,
              (SELECT a.id FROM attachments a WHERE a.owner_type = 'vendor_invoice' AND a.owner_id = i.id LIMIT 1) AS attachmentId
       FROM vendor_invoices i JOIN service_vendors v ON v.id = i.vendor_id
       WHERE i.work_order_id = ? ORDER BY i.created_at, i.id`,
  ).all(woId) as { voided: number; createdAt: number }[];
  return rows.map((r) => ({ ...(r as object), voided: r.voided === 1, createdAt: isoOf(r.createdAt) })) as never[];
}
