import { MOVE_KINDS, isMoveKind, type MoveKind } from '../../../src-shared/stock-kinds';
import { formatQty } from '../../../src-shared/quantity';
import { uuidv7 } from '../../lib/ids';
import { AppError } from '../app-error';
import type { Ctx } from '../context';
import { storeRow, storeSettings } from '../store/settings';
import { applyMove, moveValue, type CostState } from './costing';
import { dayKeyer } from './day';
import { replayItem } from './replay';
import { stockStatements } from './statements';

/** Larger than any real delivery or count of one item (100 t, 100,000 l or 100 million pieces). */
export const MAX_QTY = 100_000_000_000;
/** A movement may be recorded a little ahead of the clock (devices drift), not more. */
const FUTURE_SLACK_MS = 5 * 60_000;

export interface MoveInput {
  itemId: string;
  areaId: string;
  kind: MoveKind;
  /** Thousandths of the base unit; positive (direction from the kind) except for count_adjust (signed). */
  qty: number;
  /** Total value (ten-thousandths of the currency) for receipts and transfers in. */
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

interface CostEntry {
  state: CostState;
  lastOccurredAt: number;
  lastSeq: number;
  /** Earliest back-dated time posted in this batch: replay from there. */
  replayFrom: number | null;
}

const keyers = new Map<string, (ms: number) => string>();
function dayOf(tz: string) {
  let k = keyers.get(tz);
  if (!k) keyers.set(tz, (k = dayKeyer(tz)));
  return k;
}

function bad(
  index: number,
  field: string,
  key: Parameters<typeof badKey>[0],
  params?: Record<string, string | number>,
): never {
  throw new AppError('VALIDATION', key, params, [{ path: `moves.${index}.${field}`, key, params }]);
}
const badKey = (
  k:
    | 'error.stock.qty'
    | 'error.stock.kind'
    | 'error.stock.item'
    | 'error.stock.area'
    | 'error.stock.value'
    | 'error.stock.future'
    | 'error.stock.lot',
) => k;

/**
 * Posts movements: ledger rows, balances, moving-average cost and the daily and
 * monthly totals, all in the caller's transaction (dispatch runs every mutation
 * in one), so either all of it is saved or none. Back-dated rows trigger a
 * replay of that item's later rows only.
 */
export function postMoves(ctx: Ctx, inputs: readonly MoveInput[]): PostedMove[] {
  const st = stockStatements(ctx.sqlite);
  const settings = storeSettings(ctx.db);
  const tz = storeRow(ctx.db)?.timezone ?? 'UTC';
  const day = dayOf(tz);
  const costs = new Map<string, CostEntry>();
  const posted: PostedMove[] = [];
  const items = new Map<string, { code: string; active: number; lotTracked: number; baseUnit: string } | undefined>();

  inputs.forEach((m, i) => {
    if (!isMoveKind(m.kind)) bad(i, 'kind', badKey('error.stock.kind'), { kind: String(m.kind) });
    const def = MOVE_KINDS[m.kind];
    if (!Number.isSafeInteger(m.qty) || m.qty === 0 || Math.abs(m.qty) > MAX_QTY || (def.sign !== 0 && m.qty < 0)) {
      bad(i, 'qty', badKey('error.stock.qty'), { max: formatQty(MAX_QTY) });
    }
    if (!items.has(m.itemId)) items.set(m.itemId, st.item.get(m.itemId) as never);
    const item = items.get(m.itemId);
    if (!item) bad(i, 'itemId', badKey('error.stock.item'));
    const area = st.area.get(m.areaId) as { active: number } | undefined;
    if (!area || !area.active) bad(i, 'areaId', badKey('error.stock.area'));
    const qty = def.sign === 0 ? m.qty : def.sign * m.qty;
    const inputValued = qty > 0 && def.valued === 'input';
    if (inputValued && (!Number.isSafeInteger(m.value) || m.value! < 0)) bad(i, 'value', badKey('error.stock.value'));
    const occurredAt = m.occurredAt ?? ctx.now;
    if (occurredAt > ctx.now + FUTURE_SLACK_MS) bad(i, 'occurredAt', badKey('error.stock.future'));
    if (item.lotTracked && qty > 0 && !m.lot) bad(i, 'lot', badKey('error.stock.lot'), { item: item.code });

    let cost = costs.get(m.itemId);
    if (!cost) {
      const row = st.cost.get(m.itemId) as (CostState & { lastOccurredAt: number }) | undefined;
      cost = {
        state: row
          ? { qty: row.qty, value: row.value, lastQty: row.lastQty, lastValue: row.lastValue }
          : { qty: 0, value: 0, lastQty: 0, lastValue: 0 },
        lastOccurredAt: row?.lastOccurredAt ?? 0,
        lastSeq: 0,
        replayFrom: null,
      };
      costs.set(m.itemId, cost);
    }
    const backDated = occurredAt < cost.lastOccurredAt || cost.replayFrom !== null;
    // A back-dated row gets its value from the replay below; a current one right away.
    const value = backDated
      ? inputValued
        ? m.value!
        : 0
      : moveValue(cost.state, { kind: m.kind, qty, value: m.value ?? 0, fixedValue: false });

    const id = uuidv7(ctx.now);
    const dayKey = day(occurredAt);
    const lot = m.lot ?? '';
    const expiry = m.expiry ?? null;
    const seq = Number(
      st.insertMove.run(
        id,
        m.itemId,
        m.areaId,
        m.kind,
        qty,
        value,
        lot,
        expiry,
        occurredAt,
        dayKey,
        ctx.now,
        ctx.user?.id ?? null,
        m.reason ?? '',
        m.docType ?? '',
        m.docId ?? '',
        null,
        m.note ?? '',
      ).lastInsertRowid,
    );
    const balance = (st.balance.get(m.itemId, m.areaId, lot, expiry, qty, ctx.now) as { qty: number }).qty;
    if (qty < 0 && balance < 0 && settings.negativeStock === 'block') {
      const params = {
        item: item.code,
        available: `${formatQty(balance - qty)} ${item.baseUnit}`,
        requested: `${formatQty(-qty)} ${item.baseUnit}`,
      };
      throw new AppError('CONFLICT', 'error.stock.negative', params, [
        { path: `moves.${i}.qty`, key: 'error.stock.negative', params },
      ]);
    }
    st.daily.run(m.itemId, m.areaId, dayKey, m.kind, qty, value, 1);
    st.monthly.run(m.itemId, m.areaId, dayKey.slice(0, 7), m.kind, qty, value, 1);

    if (backDated) {
      cost.replayFrom = Math.min(cost.replayFrom ?? occurredAt, occurredAt);
    } else {
      applyMove(cost.state, qty, value);
      cost.lastOccurredAt = occurredAt;
      cost.lastSeq = seq;
    }
    posted.push({ seq, id, itemId: m.itemId, areaId: m.areaId, kind: m.kind, qty, value, occurredAt });
  });

  for (const [itemId, cost] of costs) {
    if (cost.replayFrom !== null) {
      const r = replayItem(st, itemId, cost.replayFrom);
      cost.state = r.state;
      cost.lastOccurredAt = r.lastOccurredAt;
      cost.lastSeq = r.lastSeq;
      for (const p of posted) if (p.itemId === itemId) p.value = (st.valueOf.get(p.seq) as { value: number }).value;
    }
    const s = cost.state;
    st.saveCost.run(itemId, s.qty, s.value, s.lastQty, s.lastValue, cost.lastOccurredAt, cost.lastSeq);
  }
  return posted;
}

/**
 * Reverses a posted movement with an opposite row of the same kind that takes
 * back exactly its quantity and value. A row can be reversed once.
 */
export function reverseMove(ctx: Ctx, seq: number, note: string): PostedMove {
  const st = stockStatements(ctx.sqlite);
  const orig = st.moveBySeq.get(seq) as
    | {
        seq: number;
        itemId: string;
        areaId: string;
        kind: MoveKind;
        qty: number;
        value: number;
        lot: string;
        expiry: string | null;
        reversesSeq: number | null;
      }
    | undefined;
  if (!orig) throw new AppError('NOT_FOUND');
  if (orig.reversesSeq !== null || st.reversalOf.get(seq))
    throw new AppError('CONFLICT', 'error.stock.alreadyReversed');
  const tz = storeRow(ctx.db)?.timezone ?? 'UTC';
  const dayKey = dayOf(tz)(ctx.now);
  const id = uuidv7(ctx.now);
  const newSeq = Number(
    st.insertMove.run(
      id,
      orig.itemId,
      orig.areaId,
      orig.kind,
      0 - orig.qty,
      0 - orig.value,
      orig.lot,
      orig.expiry,
      ctx.now,
      dayKey,
      ctx.now,
      ctx.user?.id ?? null,
      'reversal',
      'reversal',
      String(seq),
      seq,
      note,
    ).lastInsertRowid,
  );
  const balance = (
    st.balance.get(orig.itemId, orig.areaId, orig.lot, orig.expiry, 0 - orig.qty, ctx.now) as { qty: number }
  ).qty;
  if (0 - orig.qty < 0 && balance < 0 && storeSettings(ctx.db).negativeStock === 'block') {
    throw new AppError('CONFLICT', 'error.stock.negative', {
      item: orig.itemId,
      available: formatQty(balance + orig.qty),
      requested: formatQty(orig.qty),
    });
  }
  st.daily.run(orig.itemId, orig.areaId, dayKey, orig.kind, 0 - orig.qty, 0 - orig.value, 1);
  st.monthly.run(orig.itemId, orig.areaId, dayKey.slice(0, 7), orig.kind, 0 - orig.qty, 0 - orig.value, 1);
  const row = st.cost.get(orig.itemId) as (CostState & { lastOccurredAt: number }) | undefined;
  const state: CostState = row
    ? { qty: row.qty, value: row.value, lastQty: row.lastQty, lastValue: row.lastValue }
    : { qty: 0, value: 0, lastQty: 0, lastValue: 0 };
  let lastOccurredAt = row?.lastOccurredAt ?? 0;
  let lastSeq = newSeq;
  if (ctx.now < lastOccurredAt) {
    const r = replayItem(st, orig.itemId, ctx.now);
    Object.assign(state, r.state);
    lastOccurredAt = r.lastOccurredAt;
    lastSeq = r.lastSeq;
  } else {
    applyMove(state, 0 - orig.qty, 0 - orig.value);
    lastOccurredAt = ctx.now;
  }
  st.saveCost.run(orig.itemId, state.qty, state.value, state.lastQty, state.lastValue, lastOccurredAt, lastSeq);
  return {
    seq: newSeq,
    id,
    itemId: orig.itemId,
    areaId: orig.areaId,
    kind: orig.kind,
    qty: 0 - orig.qty,
    value: 0 - orig.value,
    occurredAt: ctx.now,
  };
}
