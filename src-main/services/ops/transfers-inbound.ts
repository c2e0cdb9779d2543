import { toIso } from '../../../src-shared/time';
import type { inboundTransfers } from '../../db/schema';
import { sql } from '../../db/sql';
import type { Ctx } from '../context';
import type { TransferPayload } from './transfer-payload';

/**
 * Transfers HQ routed to this store (the inbound_transfers down table, which
 * only the pull applier writes). One becomes this store's own `transfers`
 * record, under the sender's ids, when it is received (receiveTransfer): until
 * then it is listed as arriving, unless a record of the same transfer is
 * already here (its file was imported first), which is the one to receive.
 */
type InboundRow = Pick<
  typeof inboundTransfers.$inferSelect,
  'id' | 'number' | 'fromStore' | 'fromStoreName' | 'toStore' | 'sentAt' | 'note' | 'lines'
>;

const COLUMNS = `i.id, i.number, i.from_store AS fromStore, i.from_store_name AS fromStoreName, i.to_store AS toStore,
  i.sent_at AS sentAt, i.note, i.lines`;
const pending = sql<InboundRow>(
  `SELECT ${COLUMNS} FROM inbound_transfers i
   WHERE NOT EXISTS (SELECT 1 FROM transfers t WHERE t.id = i.id
                        OR (t.direction = 'in' AND t.from_store = i.from_store AND t.number = i.number))
   ORDER BY i.sent_at DESC LIMIT 500`,
);
const byId = sql<InboundRow, [id: string]>(`SELECT ${COLUMNS} FROM inbound_transfers i WHERE i.id = ?`);
const itemsByCode = sql<{ code: string; id: string; nameZh: string; nameEn: string; baseUnit: string }, [string]>(
  `SELECT code, id, name_zh AS nameZh, name_en AS nameEn, base_unit AS baseUnit FROM items
   WHERE code IN (SELECT value FROM json_each(?))`,
);

type Line = TransferPayload['lines'][number] & { id: string };

function linesOf(r: InboundRow): Line[] {
  return JSON.parse(r.lines) as Line[];
}

/** The transfer as the file would carry it, with the sender's line ids; null when HQ sent no such transfer. */
export function inboundPayload(ctx: Ctx, id: string): (TransferPayload & { fromStoreName: string }) | null {
  const r = byId.get(ctx.sqlite, id);
  if (!r) return null;
  return {
    number: r.number,
    fromStore: r.fromStore,
    fromStoreName: r.fromStoreName,
    toStore: r.toStore,
    sentAt: toIso(r.sentAt)!,
    note: r.note,
    lines: linesOf(r),
  };
}

/** Routed transfers not received yet, shaped as the transfers list shows an incoming transfer. */
export function arrivingTransfers(ctx: Ctx) {
  const rows = pending.all(ctx.sqlite);
  const codes = [...new Set(rows.flatMap((r) => linesOf(r).map((l) => l.itemCode)))];
  const items = new Map(itemsByCode.all(ctx.sqlite, JSON.stringify(codes)).map((i) => [i.code, i]));
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    direction: 'in' as const,
    fromStore: r.fromStore,
    toStore: r.toStore,
    status: 'in_transit' as const,
    sentAt: toIso(r.sentAt)!,
    receivedAt: null,
    exportedAt: null,
    note: r.note,
    arrivingFrom: r.fromStoreName || r.fromStore,
    lines: linesOf(r).map((l) => {
      const item = items.get(l.itemCode);
      return {
        id: l.id,
        itemCode: l.itemCode,
        itemId: item?.id ?? null,
        nameZh: item?.nameZh ?? '',
        nameEn: item?.nameEn ?? '',
        baseUnit: item?.baseUnit ?? '',
        lot: l.lot,
        expiry: l.expiry,
        qtySent: l.qty,
        valueSent: l.value,
        qtyReceived: null,
        note: '',
      };
    }),
  }));
}

const enrolled = sql<{ at: number | null }>('SELECT enrolled_at AS at FROM sync_state WHERE id = 1');
const waitingToLeave = sql<{ id: string }>("SELECT DISTINCT row_id AS id FROM sync_outbox WHERE tbl = 'transfers'");

/**
 * Which transfers HQ may already have sent on to their destination: the
 * store is enrolled and the transfer's record has left the outbox. One still
 * waiting there leaves as it is when sent, cancelled included, and a
 * cancelled transfer is never routed.
 */
export function mayBeRouted(ctx: Ctx): (id: string) => boolean {
  if (!enrolled.get(ctx.sqlite)?.at) return () => false;
  const waiting = new Set(waitingToLeave.all(ctx.sqlite).map((r) => r.id));
  return (id) => !waiting.has(id);
}
