import { eq } from 'drizzle-orm';
import { type stockBalances, storageAreas } from '../../db/schema';
import { sql } from '../../db/sql';
import { uuidv7 } from '../../lib/ids';
import type { Ctx } from '../context';
import { postMoves, type MoveInput } from '../stock/post';
import { fieldError, withLinePaths } from './errors';
import { checkPhoto, savePhoto } from './photo';
import { activeReasons } from './reason-codes';
import { loadItem, toBaseQty, type ItemInfo } from './units';

export interface DocLine {
  itemId: string;
  qty: string;
  unit: string;
  lot?: string;
}

export interface ResolvedLine {
  item: ItemInfo;
  qty: number;
  lot: string;
  expiry: string | null;
}

const balanceExpiry = sql<
  Pick<typeof stockBalances.$inferSelect, 'expiry'>,
  [itemId: string, areaId: string, lot: string]
>('SELECT expiry FROM stock_balances WHERE item_id = ? AND area_id = ? AND lot = ?');

function areaActive(ctx: Ctx, id: string): boolean {
  const row = ctx.db.select({ active: storageAreas.active }).from(storageAreas).where(eq(storageAreas.id, id)).get();
  return row?.active === true;
}

export function requireArea(ctx: Ctx, id: string, path: string): void {
  if (!areaActive(ctx, id)) fieldError('VALIDATION', 'error.stock.area', path);
}

/**
 * Item, exact base quantity and lot of each line; a lot-tracked item must name
 * the lot it is taken from (the FEFO suggestion fills it in), and the lot's
 * expiry is carried from the balance so it follows the stock.
 */
export function resolveLines(ctx: Ctx, areaId: string, lines: readonly DocLine[]): ResolvedLine[] {
  return lines.map((l, i) => {
    const item = loadItem(ctx, l.itemId);
    if (!item || !item.active) fieldError('VALIDATION', 'error.stock.item', `lines.${i}.itemId`);
    const qty = toBaseQty(item, l.qty, l.unit, `lines.${i}`);
    const lot = l.lot?.trim() ?? '';
    if (item.lotTracked && !lot)
      fieldError('VALIDATION', 'error.ops.lotRequired', `lines.${i}.lot`, { item: item.code });
    const bal = balanceExpiry.get(ctx.sqlite, l.itemId, areaId, lot);
    return { item, qty, lot, expiry: bal?.expiry ?? null };
  });
}

export function postLines(ctx: Ctx, moves: MoveInput[], lineOf: number[]) {
  const posted = withLinePaths(lineOf, () => postMoves(ctx, moves));
  // The cost of what left the area (outbound rows carry negative values).
  return posted.reduce((sum, p) => (p.value < 0 ? sum - p.value : sum), 0);
}

/** Issue / usage, sales depletion, or a move between areas (area_out + area_in per line, one document). */
export function issueDoc(
  ctx: Ctx,
  i: {
    kind: 'issue' | 'sale' | 'area_move';
    areaId: string;
    toAreaId?: string;
    lines: DocLine[];
    reason?: string;
    note?: string;
  },
) {
  requireArea(ctx, i.areaId, 'areaId');
  if (i.kind === 'area_move') {
    if (!i.toAreaId || i.toAreaId === i.areaId) fieldError('VALIDATION', 'error.ops.toArea', 'toAreaId');
    requireArea(ctx, i.toAreaId, 'toAreaId');
  }
  const lines = resolveLines(ctx, i.areaId, i.lines);
  const docId = uuidv7(ctx.now);
  const docType = i.kind === 'area_move' ? 'area_move' : i.kind;
  const moves: MoveInput[] = [];
  const lineOf: number[] = [];
  lines.forEach((l, n) => {
    const base = {
      itemId: l.item.id,
      qty: l.qty,
      lot: l.lot,
      expiry: l.expiry,
      docType,
      docId,
      reason: i.reason,
      note: i.note,
    };
    if (i.kind === 'area_move') {
      moves.push({ ...base, areaId: i.areaId, kind: 'area_out' }, { ...base, areaId: i.toAreaId!, kind: 'area_in' });
      lineOf.push(n, n);
    } else {
      moves.push({ ...base, areaId: i.areaId, kind: i.kind });
      lineOf.push(n);
    }
  });
  const value = postLines(ctx, moves, lineOf);
  return { docId, moves: moves.length, value };
}

/** Waste (报损): each line with its reason code; an optional photo checked before anything is written. */
export function wasteDoc(
  ctx: Ctx,
  i: {
    areaId: string;
    lines: (DocLine & { reason: string })[];
    note?: string;
    photo?: { fileName: string; dataBase64: string };
  },
) {
  requireArea(ctx, i.areaId, 'areaId');
  const photo = i.photo ? checkPhoto(i.photo) : null;
  const known = new Set(activeReasons(ctx, 'waste').map((r) => r.code));
  i.lines.forEach((l, n) => {
    if (!known.has(l.reason)) fieldError('VALIDATION', 'error.ops.reason', `lines.${n}.reason`, { reason: l.reason });
  });
  const lines = resolveLines(ctx, i.areaId, i.lines);
  const docId = uuidv7(ctx.now);
  const moves: MoveInput[] = lines.map((l, n) => ({
    itemId: l.item.id,
    areaId: i.areaId,
    kind: 'waste',
    qty: l.qty,
    lot: l.lot,
    expiry: l.expiry,
    reason: i.lines[n]!.reason,
    docType: 'waste',
    docId,
    note: i.note,
  }));
  const value = postLines(
    ctx,
    moves,
    moves.map((_, n) => n),
  );
  if (photo) savePhoto(ctx, 'waste', docId, photo);
  return { docId, moves: moves.length, value };
}
