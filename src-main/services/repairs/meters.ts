import { formatQty } from '../../../src-shared/quantity';
import { formatLocalTime } from '../../../src-shared/time';
import { uuidv7 } from '../../lib/ids';
import { meterReadings, type equipment } from '../../db/schema';
import { insertText } from '../../db/schema-sql';
import { sql } from '../../db/sql';
import type { Ctx } from '../context';
import { fieldError, isoOf, notFound, storeId, storeTz, userNames } from './common';

/** Run-hour meters: readings in thousandths of an hour, never lower than an earlier one. */

const FUTURE_SLACK_MS = 5 * 60_000;

type Reading = typeof meterReadings.$inferSelect;
type ValueAt = Pick<Reading, 'value' | 'readAt'>;

const lastReadingOf = sql<ValueAt, [string]>(
  'SELECT value, read_at AS readAt FROM meter_readings WHERE equipment_id = ? ORDER BY read_at DESC, id DESC LIMIT 1',
);
const readingsSince = sql<ValueAt, [string, number]>(
  'SELECT value, read_at AS readAt FROM meter_readings WHERE equipment_id = ? AND read_at >= ? ORDER BY read_at, id',
);
/** The neighbours of an instant: the last reading at or before it, the first one after it. */
const readingAtOrBefore = sql<ValueAt, [string, number]>(
  'SELECT value, read_at AS readAt FROM meter_readings WHERE equipment_id = ? AND read_at <= ? ORDER BY read_at DESC, id DESC LIMIT 1',
);
const readingAfter = sql<ValueAt, [string, number]>(
  'SELECT value, read_at AS readAt FROM meter_readings WHERE equipment_id = ? AND read_at > ? ORDER BY read_at, id LIMIT 1',
);
const insertReadingRow = sql<never, [Reading]>(insertText(meterReadings));
const equipmentExists = sql<1, [string]>('SELECT 1 FROM equipment WHERE id = ?');
const equipmentCodes = sql<Pick<typeof equipment.$inferSelect, 'id' | 'code'>>('SELECT id, code FROM equipment');
const newestReadings = sql<Omit<Reading, 'storeId' | 'equipmentId' | 'createdAt'>, [string, number]>(
  `SELECT id, value, read_at AS readAt, source, note, created_by AS createdBy FROM meter_readings
     WHERE equipment_id = ? ORDER BY read_at DESC, id DESC LIMIT ?`,
);

export function lastReading(ctx: Ctx, equipmentId: string): ValueAt | undefined {
  return lastReadingOf.get(ctx.sqlite, equipmentId);
}

/** Readings of the last `days` days, oldest first (for the run-hours-per-day estimate). */
export function recentReadings(ctx: Ctx, equipmentId: string, days: number): ValueAt[] {
  return readingsSince.all(ctx.sqlite, equipmentId, ctx.now - days * 86_400_000);
}

/**
 * Checks a reading against its neighbours in time: not lower than the last
 * one before it, not higher than the first one after it (a back-dated entry
 * must fit in between). Throws a field error at `path`.
 */
function checkReading(ctx: Ctx, equipmentId: string, value: number, readAt: number, path: string): void {
  if (readAt > ctx.now + FUTURE_SLACK_MS) fieldError('VALIDATION', 'error.repairs.meterFuture', `${path}readAt`);
  const before = readingAtOrBefore.get(ctx.sqlite, equipmentId, readAt);
  const tz = storeTz(ctx);
  if (before && value < before.value) {
    fieldError('VALIDATION', 'error.repairs.meterLower', `${path}value`, {
      value: formatQty(value),
      last: formatQty(before.value),
      at: formatLocalTime(before.readAt, tz),
    });
  }
  const after = readingAfter.get(ctx.sqlite, equipmentId, readAt);
  if (after && value > after.value) {
    fieldError('VALIDATION', 'error.repairs.meterHigher', `${path}value`, {
      value: formatQty(value),
      next: formatQty(after.value),
      at: formatLocalTime(after.readAt, tz),
    });
  }
}

function insertReading(
  ctx: Ctx,
  equipmentId: string,
  value: number,
  readAt: number,
  source: Reading['source'],
  note: string,
) {
  const id = uuidv7(ctx.now);
  insertReadingRow.run(ctx.sqlite, {
    id,
    storeId: storeId(ctx),
    equipmentId,
    value,
    readAt,
    source,
    note,
    createdAt: ctx.now,
    createdBy: ctx.user?.id ?? null,
  });
  ctx.changed({ table: 'meter_readings', id, op: 'insert', values: { equipmentId, value, readAt, source } });
  return id;
}

export function recordReading(
  ctx: Ctx,
  i: { equipmentId: string; value: number; readAt?: string | null; note: string },
) {
  if (!equipmentExists.get(ctx.sqlite, i.equipmentId)) {
    notFound('error.repairs.equipmentNotFound', { ref: i.equipmentId });
  }
  const readAt = i.readAt ? Date.parse(i.readAt) : ctx.now;
  if (!Number.isFinite(readAt)) fieldError('VALIDATION', 'error.repairs.meterTime', 'readAt');
  checkReading(ctx, i.equipmentId, i.value, readAt, '');
  const id = insertReading(ctx, i.equipmentId, i.value, readAt, 'manual', i.note);
  return { id, value: i.value, readAt: isoOf(readAt) };
}

/** All rows or none: the dispatch transaction rolls back at the first refused row, whose index the error names. */
export function importReadings(ctx: Ctx, i: { rows: { equipmentCode: string; value: number; readAt: string }[] }) {
  const ids = new Map(equipmentCodes.all(ctx.sqlite).map((e) => [e.code.toUpperCase(), e.id]));
  const rows = i.rows.map((r, n) => {
    const equipmentId = ids.get(r.equipmentCode.toUpperCase());
    if (!equipmentId) {
      fieldError('VALIDATION', 'error.repairs.equipmentNotFound', `rows.${n}.equipmentCode`, { ref: r.equipmentCode });
    }
    const readAt = Date.parse(r.readAt);
    if (!Number.isFinite(readAt)) fieldError('VALIDATION', 'error.repairs.meterTime', `rows.${n}.readAt`);
    return { n, equipmentId, value: r.value, readAt };
  });
  // In time order, so each row is checked against the ones before it.
  rows.sort((a, b) => a.readAt - b.readAt || a.n - b.n);
  for (const r of rows) {
    checkReading(ctx, r.equipmentId, r.value, r.readAt, `rows.${r.n}.`);
    insertReading(ctx, r.equipmentId, r.value, r.readAt, 'import', '');
  }
  return { imported: rows.length };
}

export function listReadings(ctx: Ctx, i: { equipmentId: string; limit: number }) {
  const name = userNames(ctx);
  return newestReadings
    .all(ctx.sqlite, i.equipmentId, i.limit)
    .map(({ createdBy, readAt, ...r }) => ({ ...r, readAt: isoOf(readAt), userName: name(createdBy) }));
}
