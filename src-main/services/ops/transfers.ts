import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { dayKeyer, toIso } from '../../../src-shared/time';
import { formatQty } from '../../../src-shared/quantity';
import { attachments, items, type stockMoves, transferLines, transfers } from '../../db/schema';
import { sql } from '../../db/sql';
import { uuidv7 } from '../../lib/ids';
import { AppError } from '../app-error';
import type { Ctx } from '../context';
import { mulDiv } from '../stock/money-math';
import { MAX_QTY, reverseMove, type MoveInput } from '../stock/post';
import { storeRow } from '../store/settings';
import { fieldError } from './errors';
import { postLines, requireArea, resolveLines, type DocLine } from './documents';
import { nestsDeeperThan } from '../uploads/json-depth';
import type { TransferPayload } from './transfer-payload';
import { arrivingTransfers, inboundPayload, mayBeRouted } from './transfers-inbound';

export const TRANSFER_FORMAT = 'store-backoffice/transfer';
/** attachments.owner_type of the copy of an exported file; its first row marks the transfer as exported. */
export const TRANSFER_FILE = 'transfer_file';

type TransferRow = Pick<
  typeof transfers.$inferSelect,
  'id' | 'number' | 'direction' | 'fromStore' | 'toStore' | 'status' | 'sentAt' | 'receivedAt' | 'note'
>;
type Item = typeof items.$inferSelect;
/** A line with its item's names (null when the item is gone or unknown here). */
type LineRow = typeof transferLines.$inferSelect & {
  nameZh: Item['nameZh'] | null;
  nameEn: Item['nameEn'] | null;
  baseUnit: Item['baseUnit'] | null;
};

const TRANSFER_COLUMNS = {
  id: transfers.id,
  number: transfers.number,
  direction: transfers.direction,
  fromStore: transfers.fromStore,
  toStore: transfers.toStore,
  status: transfers.status,
  sentAt: transfers.sentAt,
  receivedAt: transfers.receivedAt,
  note: transfers.note,
};
const outNumbersWithPrefix = sql<{ n: number }, [prefix: string]>(
  "SELECT count(*) AS n FROM transfers WHERE direction = 'out' AND number LIKE ? || '%'",
);
const linesOfTransfers = sql<LineRow, [idsJson: string]>(
  `SELECT l.id, l.transfer_id AS transferId, l.item_code AS itemCode, l.item_id AS itemId, i.name_zh AS nameZh,
          i.name_en AS nameEn, i.base_unit AS baseUnit, l.lot, l.expiry, l.qty_sent AS qtySent,
          l.value_sent AS valueSent, l.qty_received AS qtyReceived, l.note
   FROM transfer_lines l LEFT JOIN items i ON i.id = l.item_id
   WHERE l.transfer_id IN (SELECT value FROM json_each(?)) ORDER BY l.rowid`,
);
/** The newest 500 transfers (of one direction, or both), each with the time its file was first exported. */
const newestTransfers = sql<TransferRow & { exportedAt: number | null }, [{ direction: string | null }]>(
  `SELECT t.id, t.number, t.direction, t.from_store AS fromStore, t.to_store AS toStore, t.status,
          t.sent_at AS sentAt, t.received_at AS receivedAt, t.note,
          (SELECT min(f.created_at) FROM attachments f WHERE f.owner_type = '${TRANSFER_FILE}' AND f.owner_id = t.id)
            AS exportedAt
   FROM transfers t WHERE @direction IS NULL OR t.direction = @direction
   ORDER BY t.sent_at DESC LIMIT 500`,
);
const firstExport = sql<{ at: number | null }, [ownerId: string]>(
  `SELECT min(created_at) AS at FROM attachments WHERE owner_type = '${TRANSFER_FILE}' AND owner_id = ?`,
);
/** The transfer_out rows of a transfer that are not reversed yet. */
const outRowsStanding = sql<Pick<typeof stockMoves.$inferSelect, 'seq'>, [transferId: string]>(
  `SELECT m.seq FROM stock_moves m
   WHERE m.doc_type = 'transfer' AND m.doc_id = ? AND m.kind = 'transfer_out' AND m.reverses_seq IS NULL
     AND NOT EXISTS (SELECT 1 FROM stock_moves r WHERE r.reverses_seq = m.seq)
   ORDER BY m.seq`,
);
const valuesPosted = sql<Pick<typeof stockMoves.$inferSelect, 'qty' | 'value'>, [transferId: string]>(
  "SELECT qty, value FROM stock_moves WHERE doc_type = 'transfer' AND doc_id = ? ORDER BY seq",
);

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function storeCode(ctx: Ctx): string {
  return storeRow(ctx.db)?.code ?? '';
}

function insertTransfer(ctx: Ctx, t: TransferRow, createdBy: string | null) {
  ctx.db
    .insert(transfers)
    .values({ ...t, receivedAt: null, createdBy })
    .run();
  ctx.changed({ table: 'transfers', id: t.id, op: 'insert', values: { ...t } });
}

function insertLine(ctx: Ctx, l: Omit<typeof transferLines.$inferInsert, 'qtyReceived' | 'note'>) {
  ctx.db
    .insert(transferLines)
    .values({ ...l, qtyReceived: null, note: '' })
    .run();
}

/** DB-SH001-20261127-01: the store code without punctuation, the business day, a running number that day. */
function nextNumber(ctx: Ctx, code: string): string {
  const tz = storeRow(ctx.db)?.timezone ?? 'UTC';
  const prefix = `DB-${code.replace(/[^A-Za-z0-9]/g, '')}-${dayKeyer(tz)(ctx.now).replace(/-/g, '')}-`;
  const n = outNumbersWithPrefix.get(ctx.sqlite, prefix)!.n;
  return prefix + String(n + 1).padStart(2, '0');
}

/** Transfer out: stock leaves at the moving average and is in transit until the other store confirms it. */
export function transferOut(ctx: Ctx, i: { toStore: string; areaId: string; lines: DocLine[]; note?: string }) {
  const from = storeCode(ctx);
  if (i.toStore.trim().toUpperCase() === from.toUpperCase()) fieldError('VALIDATION', 'error.ops.sameStore', 'toStore');
  requireArea(ctx, i.areaId, 'areaId');
  const lines = resolveLines(ctx, i.areaId, i.lines);
  const id = uuidv7(ctx.now);
  const number = nextNumber(ctx, from);
  insertTransfer(
    ctx,
    {
      id,
      number,
      direction: 'out',
      fromStore: from,
      toStore: i.toStore.trim(),
      status: 'in_transit',
      sentAt: ctx.now,
      receivedAt: null,
      note: i.note ?? '',
    },
    ctx.user?.id ?? null,
  );
  const moves: MoveInput[] = lines.map((l) => ({
    itemId: l.item.id,
    areaId: i.areaId,
    kind: 'transfer_out',
    qty: l.qty,
    lot: l.lot,
    expiry: l.expiry,
    docType: 'transfer',
    docId: id,
    note: number,
  }));
  postLines(
    ctx,
    moves,
    moves.map((_, n) => n),
  );
  // The ledger rows now carry the average cost of what left; the transfer line records it for the receiver.
  const posted = valuesPosted.all(ctx.sqlite, id);
  lines.forEach((l, n) =>
    insertLine(ctx, {
      id: uuidv7(ctx.now),
      transferId: id,
      itemCode: l.item.code,
      itemId: l.item.id,
      lot: l.lot,
      expiry: l.expiry,
      qtySent: l.qty,
      valueSent: -(posted[n]?.value ?? 0),
    }),
  );
  return { id, number };
}

function getTransfer(ctx: Ctx, id: string): TransferRow {
  const t = ctx.db.select(TRANSFER_COLUMNS).from(transfers).where(eq(transfers.id, id)).get();
  if (!t) throw new AppError('NOT_FOUND', 'error.ops.transferNotFound');
  return t;
}

function transferExists(ctx: Ctx, id: string): boolean {
  return !!ctx.db.select({ id: transfers.id }).from(transfers).where(eq(transfers.id, id)).get();
}

function linesOf(ctx: Ctx, ids: string[]): LineRow[] {
  if (!ids.length) return [];
  return linesOfTransfers.all(ctx.sqlite, JSON.stringify(ids));
}

export function listTransfers(ctx: Ctx, i: { direction?: 'out' | 'in' | null }) {
  const rows = newestTransfers.all(ctx.sqlite, { direction: i.direction ?? null });
  const lines = linesOf(
    ctx,
    rows.map((r) => r.id),
  );
  const routed = mayBeRouted(ctx);
  const own = rows.map((r) => ({
    ...r,
    leftForHq: r.direction === 'out' && routed(r.id),
    sentAt: toIso(r.sentAt)!,
    receivedAt: toIso(r.receivedAt),
    exportedAt: toIso(r.exportedAt),
    lines: lines
      .filter((l) => l.transferId === r.id)
      .map(({ transferId: _t, ...l }) => ({
        ...l,
        nameZh: l.nameZh ?? '',
        nameEn: l.nameEn ?? '',
        baseUnit: l.baseUnit ?? '',
      })),
  }));
  if (i.direction === 'out') return own;
  // What HQ routed here and nobody received yet is on its way too: listed with the store it comes from.
  return [...arrivingTransfers(ctx), ...own].sort((a, b) => b.sentAt.localeCompare(a.sentAt));
}

function exportedAt(ctx: Ctx, id: string): number | null {
  return firstExport.get(ctx.sqlite, id)!.at;
}

/**
 * The file for the receiving store; the checksum is over the exact payload
 * text, so any edit is detected. The first export keeps a copy of the file as
 * an attachment: it is the mark that the goods may now be on the other
 * store's books, which is what stops a cancel (see cancelTransfer).
 */
export function exportTransfer(ctx: Ctx, i: { id: string }) {
  const t = getTransfer(ctx, i.id);
  if (t.direction !== 'out') throw new AppError('VALIDATION', 'error.ops.exportDirection');
  if (t.status === 'cancelled') throw new AppError('CONFLICT', 'error.ops.exportCancelled', { number: t.number });
  const payload: TransferPayload = {
    number: t.number,
    fromStore: t.fromStore,
    toStore: t.toStore,
    sentAt: toIso(t.sentAt)!,
    note: t.note,
    lines: linesOf(ctx, [t.id]).map((l) => ({
      itemCode: l.itemCode,
      lot: l.lot,
      expiry: l.expiry,
      qty: l.qtySent,
      value: l.valueSent,
    })),
  };
  const body = JSON.stringify(payload);
  const content = `{"format":"${TRANSFER_FORMAT}","version":1,"payload":${body},"sha256":"${sha256(body)}"}`;
  const fileName = `${t.number}.json`;
  if (exportedAt(ctx, t.id) === null) {
    const data = Buffer.from(content, 'utf8');
    const id = uuidv7(ctx.now);
    ctx.db
      .insert(attachments)
      .values({
        id,
        ownerType: TRANSFER_FILE,
        ownerId: t.id,
        fileName,
        mime: 'application/json',
        bytes: data.length,
        data: data.toString('base64'),
        createdAt: ctx.now,
        createdBy: ctx.user?.id ?? null,
      })
      .run();
    ctx.changed({
      table: 'attachments',
      id,
      op: 'insert',
      values: { ownerType: TRANSFER_FILE, ownerId: t.id, fileName, bytes: data.length, sha256: sha256(body) },
    });
  }
  return { fileName, content };
}

/**
 * Cancels a transfer out, which is only safe while its file has never been
 * exported. Files travel by hand: once one has left, the other store may have
 * imported and received it, and nothing a cancel here writes can reach that
 * store's database before it does. Letting the goods come back here while
 * they are also on the other store's books would count them twice, so an
 * exported transfer is refused; the receiving store confirms what actually
 * arrived (0 for what did not) and anything going back travels as a new
 * transfer the other way. For the same reason the file of a cancelled
 * transfer is never exported (exportTransfer), so no cancelled transfer can
 * be imported anywhere.
 *
 * The transfer_out rows are reversed (reverseMove: an opposite row of the same
 * kind with exactly their quantity and value), so the goods return to the area
 * they left at the cost they left with, and the ledger is never edited.
 */
export function cancelTransfer(ctx: Ctx, i: { id: string; note: string }) {
  const t = getTransfer(ctx, i.id);
  if (t.direction !== 'out') throw new AppError('VALIDATION', 'error.ops.cancelDirection');
  if (t.status !== 'in_transit') {
    throw new AppError('CONFLICT', 'error.ops.cancelStatus', { number: t.number, status: t.status });
  }
  if (exportedAt(ctx, t.id) !== null) throw new AppError('CONFLICT', 'error.ops.cancelExported', { number: t.number });
  // Through HQ the transfer leaves with the next sync, as a file leaves with its export: the same rule holds.
  if (mayBeRouted(ctx)(t.id)) {
    throw new AppError('CONFLICT', 'error.transfersHq.cancelRouted', { number: t.number, to: t.toStore });
  }
  // Rows a manager already reversed one by one in the history are back already.
  const outRows = outRowsStanding.all(ctx.sqlite, t.id);
  const note = `${t.number}: ${i.note}`.slice(0, 500);
  const back = outRows.map((r) => reverseMove(ctx, r.seq, note));
  ctx.db.update(transfers).set({ status: 'cancelled' }).where(eq(transfers.id, t.id)).run();
  ctx.changed({
    table: 'transfers',
    id: t.id,
    op: 'update',
    values: { status: 'cancelled', reason: i.note, reversals: back.map((b) => b.seq) },
    before: { status: t.status },
  });
  return { moves: back.length, value: back.reduce((s, b) => s + b.value, 0) };
}

const isInt = (v: unknown): v is number => Number.isSafeInteger(v);
const isStr = (v: unknown): v is string => typeof v === 'string';

/** Reads and checks a transfer file: shape, checksum; returns the payload. */
export function parseTransferFile(content: string): TransferPayload {
  const bad = (detail: string): never => {
    throw new AppError('VALIDATION', 'error.ops.transferFile', { detail });
  };
  // A transfer file nests four levels; anything far deeper is refused before JSON.parse could stall the server on it.
  if (nestsDeeperThan(content, 16)) return bad('nesting');
  let doc: unknown;
  try {
    doc = JSON.parse(content);
  } catch {
    return bad('JSON');
  }
  const d = doc as { format?: unknown; version?: unknown; payload?: unknown; sha256?: unknown };
  if (!d || typeof d !== 'object' || d.format !== TRANSFER_FORMAT) return bad('format');
  if (d.version !== 1) return bad(`version ${String(d.version)}`);
  const p = d.payload as TransferPayload | undefined;
  if (!p || typeof p !== 'object') return bad('payload');
  if (!isStr(d.sha256) || sha256(JSON.stringify(p)) !== d.sha256)
    throw new AppError('VALIDATION', 'error.ops.checksum');
  if (!isStr(p.number) || !isStr(p.fromStore) || !isStr(p.toStore) || !isStr(p.sentAt) || !Array.isArray(p.lines)) {
    return bad('header');
  }
  if (!p.lines.length) return bad('lines');
  p.lines.forEach((l, n) => {
    const ok =
      isStr(l.itemCode) &&
      isStr(l.lot) &&
      (l.expiry === null || isStr(l.expiry)) &&
      isInt(l.qty) &&
      l.qty > 0 &&
      isInt(l.value) &&
      l.value >= 0;
    if (!ok) bad(`line ${n + 1}`);
  });
  return p;
}

/** Import at the receiving store: matched by item code; unknown codes or a second import write nothing. */
export function importTransfer(ctx: Ctx, i: { content: string }) {
  const p = parseTransferFile(i.content);
  // Line ids are the sender's only through HQ: a file's own are not trusted.
  return acceptTransfer(ctx, { ...p, lines: p.lines.map(({ id: _id, ...l }) => l) }, uuidv7(ctx.now));
}

/**
 * Books a transfer another store sent as this store's record of it (in
 * transit, to be received), from its file or from what HQ routed (then under
 * the sender's transfer and line ids). A transfer is booked once whichever
 * way it came: a second arrival, by file or through HQ, writes nothing.
 */
function acceptTransfer(ctx: Ctx, p: TransferPayload, id: string) {
  const here = storeCode(ctx);
  if (p.toStore.toUpperCase() !== here.toUpperCase()) {
    throw new AppError('VALIDATION', 'error.ops.wrongStore', { number: p.number, to: p.toStore, store: here });
  }
  const dup = ctx.db
    .select({ status: transfers.status })
    .from(transfers)
    .where(and(eq(transfers.direction, 'in'), eq(transfers.number, p.number), eq(transfers.fromStore, p.fromStore)))
    .get();
  // No store exports a cancelled transfer, so a file normally never meets a cancelled record. If one does
  // (a record cancelled by support, or by HQ once replication exists), "already imported" would mislead.
  if (dup?.status === 'cancelled') {
    throw new AppError('CONFLICT', 'error.ops.transferCancelled', { number: p.number, from: p.fromStore });
  }
  if (dup?.status === 'received') {
    throw new AppError('CONFLICT', 'error.transfersHq.alreadyReceived', { number: p.number, from: p.fromStore });
  }
  if (dup) throw new AppError('CONFLICT', 'error.ops.duplicate', { number: p.number, from: p.fromStore });
  const ids = p.lines.map(
    (l) => ctx.db.select({ id: items.id }).from(items).where(eq(items.code, l.itemCode)).get()?.id,
  );
  const unknown = [...new Set(p.lines.filter((_, n) => !ids[n]).map((l) => l.itemCode))];
  if (unknown.length) throw new AppError('VALIDATION', 'error.ops.unknownCodes', { codes: unknown.join(', ') });
  const sentAt = Date.parse(p.sentAt);
  insertTransfer(
    ctx,
    {
      id,
      number: p.number,
      direction: 'in',
      fromStore: p.fromStore,
      toStore: p.toStore,
      status: 'in_transit',
      sentAt: Number.isFinite(sentAt) ? sentAt : ctx.now,
      receivedAt: null,
      note: p.note ?? '',
    },
    ctx.user?.id ?? null,
  );
  p.lines.forEach((l, n) =>
    insertLine(ctx, {
      id: l.id ?? uuidv7(ctx.now),
      transferId: id,
      itemCode: l.itemCode,
      itemId: ids[n]!,
      lot: l.lot,
      expiry: l.expiry,
      qtySent: l.qty,
      valueSent: l.value,
    }),
  );
  return { id, number: p.number };
}

/**
 * The receiving store confirms each line. Each line comes in whole, as
 * transfer_in at exactly the quantity and value the sender booked out, so the
 * value that left one store is the value that reached the other. What did not
 * arrive (or arrived over) follows as a transfer variance at the transfer's
 * own cost (value_sent x difference / sent, rounded half away from zero),
 * with the reason the receiver gives: a loss this store reports, visible in
 * the waste report and the period summary, never value that vanishes.
 */
export function receiveTransfer(
  ctx: Ctx,
  i: { id: string; areaId: string; lines: { lineId: string; qtyReceived: number; note?: string }[]; note?: string },
) {
  // A transfer HQ routed here is booked now, in this transaction: a refused receipt leaves no record of it.
  const routed = !transferExists(ctx, i.id) && inboundPayload(ctx, i.id);
  if (routed) acceptTransfer(ctx, routed, i.id);
  const t = getTransfer(ctx, i.id);
  if (t.direction !== 'in') throw new AppError('VALIDATION', 'error.ops.receiveDirection');
  if (t.status === 'cancelled') {
    throw new AppError('CONFLICT', 'error.ops.transferCancelled', { number: t.number, from: t.fromStore });
  }
  if (t.status === 'received') {
    throw new AppError('CONFLICT', 'error.transfersHq.alreadyReceived', { number: t.number, from: t.fromStore });
  }
  if (t.status !== 'in_transit') throw new AppError('CONFLICT', 'error.ops.notInTransit', { number: t.number });
  requireArea(ctx, i.areaId, 'areaId');
  const lines = linesOf(ctx, [t.id]);
  const given = new Map(i.lines.map((l, n) => [l.lineId, { ...l, n }]));
  i.lines.forEach((l, n) => {
    if (!lines.some((x) => x.id === l.lineId)) fieldError('VALIDATION', 'error.ops.unknownLine', `lines.${n}.lineId`);
  });
  const missing = lines.filter((l) => !given.has(l.id)).map((l) => l.itemCode);
  if (missing.length) throw new AppError('VALIDATION', 'error.ops.missingLines', { lines: missing.join(', ') });
  const moves: MoveInput[] = [];
  const lineOf: number[] = [];
  for (const l of lines) {
    const g = given.get(l.id)!;
    const note = g.note?.trim() ?? '';
    if (g.qtyReceived > MAX_QTY) {
      fieldError('VALIDATION', 'error.stock.qty', `lines.${g.n}.qtyReceived`, { max: formatQty(MAX_QTY) });
    }
    const diff = g.qtyReceived - l.qtySent;
    if (diff !== 0 && !note) {
      fieldError('VALIDATION', 'error.ops.varianceReason', `lines.${g.n}.note`, {
        sent: `${formatQty(l.qtySent)} ${l.baseUnit ?? ''}`.trim(),
      });
    }
    ctx.db.update(transferLines).set({ qtyReceived: g.qtyReceived, note }).where(eq(transferLines.id, l.id)).run();
    const base = {
      itemId: l.itemId!,
      areaId: i.areaId,
      lot: l.lot,
      expiry: l.expiry,
      docType: 'transfer',
      docId: t.id,
    };
    moves.push({ ...base, kind: 'transfer_in', qty: l.qtySent, value: l.valueSent, note: t.number });
    lineOf.push(g.n);
    if (diff !== 0) {
      const value = mulDiv(l.valueSent, diff, l.qtySent);
      moves.push({ ...base, kind: 'transfer_variance', qty: diff, value, note: `${t.number}: ${note}`.slice(0, 500) });
      lineOf.push(g.n);
    }
  }
  ctx.db
    .update(transfers)
    .set({ status: 'received', receivedAt: ctx.now, receivedBy: ctx.user?.id ?? null, note: i.note ?? t.note })
    .where(eq(transfers.id, t.id))
    .run();
  ctx.changed({
    table: 'transfers',
    id: t.id,
    op: 'update',
    values: { status: 'received', receivedAt: ctx.now, lines: i.lines },
    before: { status: t.status },
  });
  postLines(ctx, moves, lineOf);
  // What this store's stock gained: the transfer's value less the variance.
  const value = moves.reduce((s, m) => s + (m.value ?? 0), 0);
  return { moves: moves.length, value };
}
