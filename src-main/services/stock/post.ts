import { MOVE_KINDS, isMoveKind, type MoveKind } from '../../../src-shared/stock-kinds';
import { formatQty } from '../../../src-shared/quantity';
import type { MessageKey } from '../../../src-shared/i18n';
import type { itemCosts, items, stockBalances, stockMoves, storageAreas } from '../../db/schema';
import { sql, type Conn, type SqlRow } from '../../db/sql';
import { uuidv7 } from '../../lib/ids';
import { AppError } from '../app-error';
import type { Ctx } from '../context';
import { storeSettings } from '../store/settings';
import { MAX_QTY, qtyIssue, stockValueIssue, valueIssue, type BoundIssue } from './bounds';
import { applyMove, hasGivenValue, moveValue, type CostState } from './costing';
import { firstShortfall } from './negative';
import { replayItem, valueOfMove } from './replay';
import { dateRules } from './rules';
import { totalsAdder } from './running-totals';

export { MAX_QTY };

export interface MoveInput {
  itemId: string;
  areaId: string;
  kind: MoveKind;
  /** Thousandths of the base unit; positive (direction from the kind) except for signed kinds (count_adjust, transfer_variance). */
  qty: number;
  /** Total value (ten-thousandths of the currency) for receipts and transfers in; signed like qty for transfer variances. */
  value?: number;
  lot?: string;
  expiry?: string | null;
  occurredAt?: number;
  reason?: string;
  docType?: string;
  docId?: string;
  note?: string;
}

export interface PostedMove {
  seq: number;
  id: string;
  itemId: string;
  areaId: string;
  kind: MoveKind;
  qty: number;
  value: number;
  occurredAt: number;
}

/** A movement checked and ready to write, its quantity signed. */
interface Row {
  itemId: string;
  areaId: string;
  kind: MoveKind;
  qty: number;
  lot: string;
  expiry: string | null;
  occurredAt: number;
  reason: string;
  docType: string;
  docId: string;
  note: string;
  /** The value when it is given (receipts, transfers, variances, reversals); null: costing decides. */
  given: number | null;
  reversesSeq: number | null;
}

type ItemFacts = SqlRow<Pick<typeof items.$inferSelect, 'code' | 'active' | 'lotTracked' | 'baseUnit'>>;
type Move = typeof stockMoves.$inferSelect;

/* The posting path's statements: posting runs thousands of movements a second, so each is prepared once. */
const itemFacts = sql<ItemFacts, [id: string]>(
  'SELECT code, active, lot_tracked AS lotTracked, base_unit AS baseUnit FROM items WHERE id = ?',
);
const areaState = sql<SqlRow<Pick<typeof storageAreas.$inferSelect, 'active'>>, [id: string]>(
  'SELECT active FROM storage_areas WHERE id = ?',
);
const itemCost = sql<
  Pick<typeof itemCosts.$inferSelect, 'qty' | 'value' | 'lastQty' | 'lastValue' | 'lastOccurredAt'>,
  [itemId: string]
>(
  `SELECT qty, value, last_qty AS lastQty, last_value AS lastValue, last_occurred_at AS lastOccurredAt
   FROM item_costs WHERE item_id = ?`,
);
const saveItemCost = sql<
  never,
  [itemId: string, qty: number, value: number, lastQty: number, lastValue: number, lastAt: number, lastSeq: number]
>(
  `INSERT INTO item_costs (item_id, qty, value, last_qty, last_value, last_occurred_at, last_seq) VALUES (?, ?, ?, ?, ?, ?, ?)
   ON CONFLICT(item_id) DO UPDATE SET qty = excluded.qty, value = excluded.value, last_qty = excluded.last_qty,
     last_value = excluded.last_value, last_occurred_at = excluded.last_occurred_at, last_seq = excluded.last_seq`,
);
const insertMove = sql<
  never,
  [
    id: string,
    itemId: string,
    areaId: string,
    kind: MoveKind,
    qty: number,
    value: number,
    lot: string,
    expiry: string | null,
    occurredAt: number,
    day: string,
    postedAt: number,
    userId: string | null,
    reason: string,
    docType: string,
    docId: string,
    reversesSeq: number | null,
    note: string,
  ]
>(
  `INSERT INTO stock_moves (id, item_id, area_id, kind, qty, value, lot, expiry, occurred_at, day, posted_at, user_id,
     reason, doc_type, doc_id, reverses_seq, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
);
/** Adds to one item/area/lot balance and answers the new quantity. */
const addToBalance = sql<
  Pick<typeof stockBalances.$inferSelect, 'qty'>,
  [itemId: string, areaId: string, lot: string, expiry: string | null, qty: number, at: number]
>(
  `INSERT INTO stock_balances (item_id, area_id, lot, expiry, qty, updated_at) VALUES (?, ?, ?, ?, ?, ?)
   ON CONFLICT(item_id, area_id, lot) DO UPDATE SET qty = qty + excluded.qty,
     expiry = coalesce(excluded.expiry, expiry), updated_at = excluded.updated_at
   RETURNING qty`,
);
const moveBySeq = sql<
  Pick<Move, 'seq' | 'itemId' | 'areaId' | 'qty' | 'value' | 'lot' | 'expiry' | 'reversesSeq'> & { kind: MoveKind },
  [seq: number]
>(
  `SELECT seq, item_id AS itemId, area_id AS areaId, kind, qty, value, lot, expiry, reverses_seq AS reversesSeq
   FROM stock_moves WHERE seq = ?`,
);
const reversalOf = sql<Pick<Move, 'seq'>, [seq: number]>('SELECT seq FROM stock_moves WHERE reverses_seq = ?');

interface CostEntry {
  state: CostState;
  lastOccurredAt: number;
  lastSeq: number;
  /** Earliest back-dated time posted in this batch: replay from there. */
  replayFrom: number | null;
  /** The latest time of any of the item's movements, posted before or in this batch. */
  maxAt: number;
  /** The batch row that last touched the item (for the error of its stock value). */
  lastIndex: number;
}

/** Names the field of the input row `index` (`moves.N.field`), or null where the caller has no fields. */
type PathOf = (index: number, field: string) => string | null;

function fail(
  code: 'VALIDATION' | 'CONFLICT',
  key: MessageKey,
  params: Record<string, string | number> | undefined,
  path: string | null,
): never {
  throw new AppError(code, key, params, path ? [{ path, key, params }] : undefined);
}

function failBound(issue: BoundIssue | null, path: string | null): void {
  if (issue) fail('VALIDATION', issue.key, issue.params, path);
}

/**
 * Posts movements: ledger rows, balances, moving-average cost and the daily and
 * monthly totals, all in the caller's transaction (dispatch runs every mutation
 * in one), so either all of it is saved or none. Every path that moves stock
 * comes through here or reverseMove, so the ledger's rules live here once:
 * dating (rules.ts: the role's window, closed months), magnitudes (bounds.ts),
 * and stock that never goes below zero, now or at any earlier moment, when the
 * store refuses negative stock. Back-dated rows trigger a replay of that item's
 * later rows only.
 */
export function postMoves(ctx: Ctx, inputs: readonly MoveInput[]): PostedMove[] {
  const conn = ctx.sqlite;
  const rules = dateRules(ctx);
  const items = new Map<string, ItemFacts | undefined>();
  const rows = inputs.map((m, i): Row => {
    const path = (field: string) => `moves.${i}.${field}`;
    if (!isMoveKind(m.kind)) fail('VALIDATION', 'error.stock.kind', { kind: String(m.kind) }, path('kind'));
    const def = MOVE_KINDS[m.kind];
    failBound(qtyIssue(m.qty, def.sign === 0), path('qty'));
    if (!items.has(m.itemId)) items.set(m.itemId, itemFacts.get(conn, m.itemId));
    const item = items.get(m.itemId);
    if (!item) fail('VALIDATION', 'error.stock.item', undefined, path('itemId'));
    const area = areaState.get(conn, m.areaId);
    if (!area || !area.active) fail('VALIDATION', 'error.stock.area', undefined, path('areaId'));
    const qty = def.sign === 0 ? m.qty : def.sign * m.qty;
    const given = hasGivenValue(m.kind, qty);
    if (given) {
      // A given value goes the way of the quantity: a cost in, or (variance) a cost out.
      const v = m.value;
      if (!Number.isSafeInteger(v) || (qty > 0 ? v! < 0 : v! > 0))
        fail('VALIDATION', 'error.stock.value', undefined, path('value'));
      failBound(valueIssue(qty, v!, true, item), path('value'));
    }
    const occurredAt = m.occurredAt ?? ctx.now;
    rules.check(occurredAt, path('occurredAt'), item.code);
    if (item.lotTracked && qty > 0 && !m.lot) fail('VALIDATION', 'error.stock.lot', { item: item.code }, path('lot'));
    return {
      itemId: m.itemId,
      areaId: m.areaId,
      kind: m.kind,
      qty,
      lot: m.lot ?? '',
      expiry: m.expiry ?? null,
      occurredAt,
      reason: m.reason ?? '',
      docType: m.docType ?? '',
      docId: m.docId ?? '',
      note: m.note ?? '',
      given: given ? m.value! : null,
      reversesSeq: null,
    };
  });
  return writeRows(ctx, rules.day, rows, (i, field) => `moves.${i}.${field}`);
}

/**
 * Reverses a posted movement with an opposite row of the same kind that takes
 * back exactly its quantity and value. A row can be reversed once. The
 * reversal is dated now, so a movement of a closed month is corrected by a
 * compensating entry in the open one, never by touching the closed month.
 */
export function reverseMove(ctx: Ctx, seq: number, note: string): PostedMove {
  const orig = moveBySeq.get(ctx.sqlite, seq);
  if (!orig) throw new AppError('NOT_FOUND');
  if (orig.reversesSeq !== null || reversalOf.get(ctx.sqlite, seq))
    throw new AppError('CONFLICT', 'error.stock.alreadyReversed');
  const rules = dateRules(ctx);
  rules.check(ctx.now, 'seq', itemFacts.get(ctx.sqlite, orig.itemId)!.code);
  const row: Row = {
    itemId: orig.itemId,
    areaId: orig.areaId,
    kind: orig.kind,
    qty: 0 - orig.qty,
    lot: orig.lot,
    expiry: orig.expiry,
    occurredAt: ctx.now,
    reason: 'reversal',
    docType: 'reversal',
    docId: String(seq),
    note,
    given: 0 - orig.value,
    reversesSeq: seq,
  };
  return writeRows(ctx, rules.day, [row], () => null)[0]!;
}

function costEntry(conn: Conn, costs: Map<string, CostEntry>, itemId: string): CostEntry {
  let cost = costs.get(itemId);
  if (!cost) {
    const row = itemCost.get(conn, itemId);
    cost = {
      state: row
        ? { qty: row.qty, value: row.value, lastQty: row.lastQty, lastValue: row.lastValue }
        : { qty: 0, value: 0, lastQty: 0, lastValue: 0 },
      lastOccurredAt: row?.lastOccurredAt ?? 0,
      lastSeq: 0,
      replayFrom: null,
      maxAt: row?.lastOccurredAt ?? 0,
      lastIndex: 0,
    };
    costs.set(itemId, cost);
  }
  return cost;
}

/** Writes checked rows in order with their balances, totals and costs; see postMoves. */
function writeRows(ctx: Ctx, day: (at: number) => string, rows: readonly Row[], pathOf: PathOf): PostedMove[] {
  const conn = ctx.sqlite;
  // The per-row statements, looked up once for the batch: thousands of rows a second go through them.
  const insert = insertMove.prepared(conn);
  const addBalance = addToBalance.prepared(conn);
  const addTotals = totalsAdder(conn);
  const block = storeSettings(ctx.db).negativeStock === 'block';
  const costs = new Map<string, CostEntry>();
  const items = new Map<string, ItemFacts>();
  const itemOf = (id: string) => {
    let it = items.get(id);
    if (!it) items.set(id, (it = itemFacts.get(conn, id)!));
    return it;
  };
  /** Per item/area/lot with an outbound row: the earliest such row, to check the balance from there on. */
  const outbound = new Map<string, { itemId: string; areaId: string; lot: string; from: number; index: number }>();
  const posted: PostedMove[] = [];

  rows.forEach((r, i) => {
    const item = itemOf(r.itemId);
    const cost = costEntry(conn, costs, r.itemId);
    const backDated = r.occurredAt < cost.lastOccurredAt || cost.replayFrom !== null;
    // A back-dated row gets its value from the replay below; a current one right away.
    let value = r.given ?? 0;
    if (r.given === null && !backDated) {
      value = moveValue(cost.state, { kind: r.kind, qty: r.qty, value: 0, fixedValue: false });
      failBound(valueIssue(r.qty, value, false, item), pathOf(i, 'qty'));
    }
    const id = uuidv7(ctx.now);
    const dayKey = day(r.occurredAt);
    const seq = Number(
      insert.run(
        id,
        r.itemId,
        r.areaId,
        r.kind,
        r.qty,
        value,
        r.lot,
        r.expiry,
        r.occurredAt,
        dayKey,
        ctx.now,
        ctx.user?.id ?? null,
        r.reason,
        r.docType,
        r.docId,
        r.reversesSeq,
        r.note,
      ).lastInsertRowid,
    );
    const balance = addBalance.get(r.itemId, r.areaId, r.lot, r.expiry, r.qty, ctx.now)!.qty;
    if (r.qty < 0 && balance < 0 && block) {
      const params = {
        item: item.code,
        available: `${formatQty(balance - r.qty)} ${item.baseUnit}`,
        requested: `${formatQty(-r.qty)} ${item.baseUnit}`,
      };
      fail('CONFLICT', 'error.stock.negative', params, pathOf(i, 'qty'));
    }
    addTotals(r.itemId, r.areaId, dayKey, r.kind, r.qty, value, 1);

    if (r.qty < 0 && block) {
      const key = `${r.itemId}\u0000${r.areaId}\u0000${r.lot}`;
      const seen = outbound.get(key);
      if (!seen || r.occurredAt < seen.from) {
        outbound.set(key, { itemId: r.itemId, areaId: r.areaId, lot: r.lot, from: r.occurredAt, index: i });
      }
    }
    cost.maxAt = Math.max(cost.maxAt, r.occurredAt);
    cost.lastIndex = i;
    if (backDated) {
      cost.replayFrom = Math.min(cost.replayFrom ?? r.occurredAt, r.occurredAt);
    } else {
      applyMove(cost.state, r.qty, value);
      cost.lastOccurredAt = r.occurredAt;
      cost.lastSeq = seq;
    }
    posted.push({
      seq,
      id,
      itemId: r.itemId,
      areaId: r.areaId,
      kind: r.kind,
      qty: r.qty,
      value,
      occurredAt: r.occurredAt,
    });
  });

  // Today's balance was checked row by row. An outbound row dated before other movements of its
  // item also takes from what they saw, so its balance is walked from there on as well.
  for (const o of outbound.values()) {
    if (o.from >= costs.get(o.itemId)!.maxAt) continue;
    const short = firstShortfall(conn, o, o.from);
    if (short) {
      const item = itemOf(o.itemId);
      const params = { item: item.code, day: short.day, qty: `${formatQty(short.qty)} ${item.baseUnit}` };
      fail('CONFLICT', 'error.stock.negativeThen', params, pathOf(o.index, 'qty'));
    }
  }

  for (const [itemId, cost] of costs) {
    if (cost.replayFrom !== null) {
      const r = replayItem(conn, itemId, cost.replayFrom);
      cost.state = r.state;
      cost.lastOccurredAt = r.lastOccurredAt;
      cost.lastSeq = r.lastSeq;
      posted.forEach((p, i) => {
        if (p.itemId !== itemId) return;
        p.value = valueOfMove.get(conn, p.seq)!.value;
        if (rows[i]!.given === null) failBound(valueIssue(p.qty, p.value, false, itemOf(itemId)), pathOf(i, 'qty'));
      });
    }
    failBound(stockValueIssue(cost.state.value, itemOf(itemId)), pathOf(cost.lastIndex, 'value'));
    const s = cost.state;
    saveItemCost.run(conn, itemId, s.qty, s.value, s.lastQty, s.lastValue, cost.lastOccurredAt, cost.lastSeq);
  }
  return posted;
}
