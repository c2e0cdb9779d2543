import type { z } from 'zod';
import type { MoveRow, OnHandRow } from '../../../src-shared/api/methods/stock';
import { addDays, dayStart, toIso } from '../../../src-shared/time';
import type { MoveKind } from '../../../src-shared/stock-kinds';
import type { items, stockBalances, stockMoves } from '../../db/schema';
import { dynamicSql, sql } from '../../db/sql';
import type { Ctx } from '../context';
import { storeRow } from '../store/settings';
import { atAverage } from './costing';

interface OnHandFilter {
  areaId?: string | null;
  itemId?: string | null;
  category?: string | null;
  includeZero?: boolean;
}

type Item = typeof items.$inferSelect;
type Balance = typeof stockBalances.$inferSelect;
/** One balance as the query below hands it back: an array, in its column order. */
type OnHandCells = [
  itemId: Balance['itemId'],
  code: Item['code'],
  nameZh: Item['nameZh'],
  nameEn: Item['nameEn'],
  category: Item['category'],
  baseUnit: Item['baseUnit'],
  areaId: Balance['areaId'],
  areaCode: string,
  lot: Balance['lot'],
  expiry: Balance['expiry'],
  qty: Balance['qty'],
  costQty: number,
  costValue: number,
  lastQty: number,
  lastValue: number,
];
const ON_HAND = `SELECT b.item_id, i.code, i.name_zh, i.name_en, i.category, i.base_unit, b.area_id, a.code, b.lot,
    b.expiry, b.qty, coalesce(c.qty, 0), coalesce(c.value, 0), coalesce(c.last_qty, 0), coalesce(c.last_value, 0)
  FROM stock_balances b JOIN items i ON i.id = b.item_id JOIN storage_areas a ON a.id = b.area_id
  LEFT JOIN item_costs c ON c.item_id = b.item_id`;

/**
 * Stock on hand: a lookup in the balances kept by posting, never a sum over
 * the ledger. Value is each balance at the item's current moving average (the
 * last positive one while the item's stock is at or below zero: costing's atAverage).
 *
 * All items is ~3,000 rows of 15 columns, and handing SQLite's values to
 * JavaScript is most of the work: the rows are read as arrays (a third less
 * than named objects) and each answer object is built once, in place; the
 * spread and rest copies this used to make per row cost as much as the query.
 */
export function onHand(ctx: Ctx, f: OnHandFilter): z.output<typeof OnHandRow>[] {
  const where: string[] = [];
  const args: (string | number)[] = [];
  const add = (cond: string, arg: string) => {
    where.push(cond);
    args.push(arg);
  };
  if (f.areaId) add('b.area_id = ?', f.areaId);
  if (f.itemId) add('b.item_id = ?', f.itemId);
  if (f.category) add('i.category = ?', f.category);
  if (!f.includeZero) where.push('b.qty <> 0');
  const text = `${ON_HAND} ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY i.code, a.code, b.lot`;
  const rows = dynamicSql<OnHandCells>(ctx.sqlite, text)
    .raw(true)
    .all(...args) as unknown as OnHandCells[];
  const out = new Array<z.output<typeof OnHandRow>>(rows.length);
  for (let n = 0; n < rows.length; n++) {
    const [
      itemId,
      code,
      nameZh,
      nameEn,
      category,
      baseUnit,
      areaId,
      areaCode,
      lot,
      expiry,
      qty,
      cQty,
      cValue,
      lQty,
      lValue,
    ] = rows[n]!;
    const value = atAverage({ qty: cQty, value: cValue, lastQty: lQty, lastValue: lValue }, qty);
    out[n] = {
      itemId,
      code,
      nameZh,
      nameEn,
      category,
      baseUnit,
      areaId,
      areaCode,
      lot,
      expiry,
      qty,
      value,
      negative: qty < 0,
    };
  }
  return out;
}

interface MovesFilter {
  itemId?: string | null;
  areaId?: string | null;
  kind?: string | null;
  from?: string | null;
  to?: string | null;
  docType?: string | null;
  docId?: string | null;
  limit: number;
  after?: { occurredAt: string; seq: number } | null;
  sinceSeq?: number | null;
}

type Move = typeof stockMoves.$inferSelect;
/** A page row as SQL answers it: the time as stored, `reversed` as 0/1. */
type MoveSqlRow = Omit<z.output<typeof MoveRow>, 'occurredAt' | 'reversed' | 'kind'> & {
  kind: MoveKind;
  occurredAt: Move['occurredAt'];
  reversed: 0 | 1;
};

/** The newest movement's seq: posting order, so everything above it happened after. */
export const latestMoveSeq = sql<{ seq: number }>('SELECT coalesce(max(seq), 0) AS seq FROM stock_moves');

/** One page of movement history, newest first; every filter and the paging run in SQL on indexed columns. */
export function movesPage(ctx: Ctx, f: MovesFilter) {
  const tz = storeRow(ctx.db)?.timezone ?? 'UTC';
  const where: string[] = [];
  const args: (string | number)[] = [];
  const add = (cond: string, arg: string | number) => {
    where.push(cond);
    args.push(arg);
  };
  // Over the whole ledger, whatever the filter: the screen passes it back as sinceSeq to ask what is new.
  const latestSeq = latestMoveSeq.get(ctx.sqlite)!.seq;
  const since = f.sinceSeq !== null && f.sinceSeq !== undefined;
  // "New since" asks for the few rows above a seq: that rowid range is then the smallest set, so the
  // other filters are kept off their indexes ('+') and the rows are sorted afterwards. With the plain
  // columns SQLite would walk the time (or kind, item) index back through every older row to find them.
  // A range of more than 20,000 rows is no "new rows" check: the usual plan serves it better.
  const narrow = since && latestSeq - f.sinceSeq! <= 20_000;
  const ix = narrow ? '+' : '';
  if (f.itemId) add(`${ix}m.item_id = ?`, f.itemId);
  if (f.areaId) add(`${ix}m.area_id = ?`, f.areaId);
  if (f.kind) add(`${ix}m.kind = ?`, f.kind);
  if (f.docType) add(`${ix}m.doc_type = ?`, f.docType);
  if (f.docId) add(`${ix}m.doc_id = ?`, f.docId);
  if (f.from) add(`${ix}m.occurred_at >= ?`, dayStart(f.from, tz));
  if (f.to) add(`${ix}m.occurred_at < ?`, dayStart(addDays(f.to, 1), tz));
  if (f.after) {
    where.push('(m.occurred_at < ? OR (m.occurred_at = ? AND m.seq < ?))');
    const t = Date.parse(f.after.occurredAt);
    args.push(t, t, f.after.seq);
  }
  if (since) add('m.seq > ?', f.sinceSeq!);
  const order = narrow ? '+m.occurred_at DESC, m.seq DESC' : 'm.occurred_at DESC, m.seq DESC';
  // Reason names: the code's kind follows from the movement's kind; inactive codes keep their names.
  // The photo is looked up per row of this one page through the attachments owner index (no N+1 calls).
  const rows = dynamicSql<MoveSqlRow>(
    ctx.sqlite,
    `SELECT m.seq, m.item_id AS itemId, i.code, i.name_zh AS nameZh, i.name_en AS nameEn, i.base_unit AS baseUnit,
            a.code AS areaCode, m.kind, m.qty, m.value, m.lot, m.expiry, m.occurred_at AS occurredAt, u.username,
            m.reason, coalesce(rc.name_zh, '') AS reasonZh, coalesce(rc.name_en, '') AS reasonEn,
            m.doc_type AS docType, m.doc_id AS docId, m.reverses_seq AS reversesSeq, m.note,
            EXISTS (SELECT 1 FROM stock_moves r WHERE r.reverses_seq = m.seq) AS reversed,
            (SELECT min(p.id) FROM attachments p
              WHERE p.owner_type = m.doc_type AND p.owner_id = m.doc_id AND m.doc_id <> '' AND p.mime LIKE 'image/%'
            ) AS photoId
     FROM stock_moves m JOIN items i ON i.id = m.item_id JOIN storage_areas a ON a.id = m.area_id
     LEFT JOIN users u ON u.id = m.user_id
     LEFT JOIN reason_codes rc ON rc.code = m.reason
       AND rc.kind = CASE m.kind WHEN 'waste' THEN 'waste' WHEN 'count_adjust' THEN 'adjustment' END
     ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
     ORDER BY ${order} LIMIT ?`,
  ).all(...args, f.limit + 1);
  const page = rows
    .slice(0, f.limit)
    .map((r): z.output<typeof MoveRow> => ({ ...r, occurredAt: toIso(r.occurredAt)!, reversed: r.reversed === 1 }));
  const last = page[page.length - 1];
  return {
    rows: page,
    next: rows.length > f.limit && last ? { occurredAt: last.occurredAt, seq: last.seq } : null,
    latestSeq,
  };
}
