import { uuidv7 } from '../../lib/ids';
import { AppError } from '../app-error';
import type { faultCodes, reasonCodes } from '../../db/schema';
import { sql, type SqlRow } from '../../db/sql';
import type { Ctx } from '../context';
import { refuseHqOwnedRows } from '../hq-owned';
import { fieldError } from './common';
import { GENERAL_CATEGORY } from './codes-data';

export const FIX_KIND = 'repair_fix';
export const CAUSE_KIND = 'repair_cause';

type FaultRow = SqlRow<typeof faultCodes.$inferSelect>;
/** A fault code as the screens name its columns (`category` is the equipment category). */
type StoredFault = Pick<FaultRow, 'code' | 'parentCode' | 'nameZh' | 'nameEn' | 'sortOrder' | 'active'> & {
  category: FaultRow['equipmentCategory'];
};

const FAULT_COLS = `code, equipment_category AS category, parent_code AS parentCode, name_zh AS nameZh, name_en AS nameEn,
  sort_order AS sortOrder, active`;

/** A code and its names in both languages (fault codes and reason codes alike). */
export type CodeName = Pick<typeof reasonCodes.$inferSelect, 'code' | 'nameZh' | 'nameEn'>;

const usesByFault = sql<{ code: string; n: number }>(
  "SELECT fault_code AS code, count(*) AS n FROM work_orders WHERE fault_code <> '' GROUP BY fault_code",
);
/** Fault codes of one category (plus the general ones) or all, groups before their symptoms. */
const faultsOfCategory = sql<StoredFault, [string | null, string | null, number]>(
  `SELECT ${FAULT_COLS} FROM fault_codes
     WHERE (? IS NULL OR equipment_category IN (?, '${GENERAL_CATEGORY}')) AND (? = 1 OR active = 1)
     ORDER BY equipment_category = '${GENERAL_CATEGORY}', equipment_category, sort_order, code`,
);
const faultByCode = sql<StoredFault, [string]>(`SELECT ${FAULT_COLS} FROM fault_codes WHERE code = ?`);
const childCount = sql<{ n: number }, [string]>('SELECT count(*) AS n FROM fault_codes WHERE parent_code = ?');
const updateFault = sql<never, [string, string | null, string, string, number, number, string]>(
  `UPDATE fault_codes SET equipment_category = ?, parent_code = ?, name_zh = ?, name_en = ?, sort_order = ?, updated_at = ?
     WHERE code = ?`,
);
const insertFault = sql<never, [string, string, string, string | null, string, string, number, number, number]>(
  `INSERT INTO fault_codes (id, code, equipment_category, parent_code, name_zh, name_en, sort_order, active, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
);
const setFaultActiveRow = sql<never, [number, number, string]>(
  'UPDATE fault_codes SET active = ?, updated_at = ? WHERE code = ?',
);
const reasonsOfKind = sql<CodeName, [string, number]>(
  'SELECT code, name_zh AS nameZh, name_en AS nameEn FROM reason_codes WHERE kind = ? AND (? = 1 OR active = 1) ORDER BY rowid',
);
const faultNames = sql<CodeName>('SELECT code, name_zh AS nameZh, name_en AS nameEn FROM fault_codes');
const reasonNames = sql<CodeName, [string]>(
  'SELECT code, name_zh AS nameZh, name_en AS nameEn FROM reason_codes WHERE kind = ?',
);

function usesOf(ctx: Ctx): Map<string, number> {
  return new Map(usesByFault.all(ctx.sqlite).map((r) => [r.code, r.n]));
}

const toRow = (r: StoredFault, uses: number) => ({ ...r, active: !!r.active, uses });

/** Fault codes of one category (plus the general ones) or all, groups before their symptoms. */
export function listFaultCodes(ctx: Ctx, i: { category?: string | null; includeInactive?: boolean }) {
  const rows = faultsOfCategory.all(ctx.sqlite, i.category ?? null, i.category ?? null, i.includeInactive ? 1 : 0);
  const uses = usesOf(ctx);
  return rows.map((r) => toRow(r, uses.get(r.code) ?? 0));
}

export function faultCode(ctx: Ctx, code: string): StoredFault | undefined {
  return faultByCode.get(ctx.sqlite, code);
}

function faultRow(ctx: Ctx, code: string) {
  const r = faultCode(ctx, code);
  if (!r) throw new AppError('NOT_FOUND', 'error.repairs.faultNotFound', { code });
  return toRow(r, usesOf(ctx).get(code) ?? 0);
}

/**
 * A symptom a report may name for equipment of `category`: an active code of
 * that category or of the general ones. A group may be named too (when no
 * symptom fits).
 */
export function requireFaultFor(ctx: Ctx, code: string, category: string, path: string): StoredFault {
  const f = faultCode(ctx, code);
  if (!f || !f.active || (f.category !== category && f.category !== GENERAL_CATEGORY)) {
    fieldError('VALIDATION', 'error.repairs.faultCode', path, { code, category });
  }
  return f;
}

export function saveFaultCode(
  ctx: Ctx,
  i: { code: string; category: string; parentCode?: string | null; nameZh: string; nameEn: string; sortOrder: number },
) {
  refuseHqOwnedRows(ctx, 'fault_codes', `${i.code} ${i.nameZh}`);
  const before = faultCode(ctx, i.code);
  const parentCode = i.parentCode ?? null;
  if (parentCode) {
    const parent = faultCode(ctx, parentCode);
    if (!parent || parent.parentCode !== null || parent.category !== i.category || parentCode === i.code) {
      fieldError('VALIDATION', 'error.repairs.faultParent', 'parentCode', { parent: parentCode });
    }
  }
  if (before) {
    const uses = usesOf(ctx).get(i.code) ?? 0;
    const moved = before.category !== i.category || before.parentCode !== parentCode;
    if (moved && uses > 0) fieldError('CONFLICT', 'error.repairs.faultInUse', 'category', { code: i.code, uses });
    const children = childCount.get(ctx.sqlite, i.code)!;
    if (parentCode && children.n > 0) fieldError('VALIDATION', 'error.repairs.faultDepth', 'parentCode');
    updateFault.run(ctx.sqlite, i.category, parentCode, i.nameZh, i.nameEn, i.sortOrder, ctx.now, i.code);
    ctx.changed({
      table: 'fault_codes',
      id: i.code,
      op: 'update',
      before: { ...before },
      values: { ...i, parentCode },
    });
  } else {
    const id = uuidv7(ctx.now);
    insertFault.run(ctx.sqlite, id, i.code, i.category, parentCode, i.nameZh, i.nameEn, i.sortOrder, ctx.now, ctx.now);
    ctx.changed({ table: 'fault_codes', id, op: 'insert', values: { ...i, parentCode } });
  }
  return faultRow(ctx, i.code);
}

export function setFaultActive(ctx: Ctx, i: { code: string; active: boolean }) {
  const before = faultCode(ctx, i.code);
  if (!before) throw new AppError('NOT_FOUND', 'error.repairs.faultNotFound', { code: i.code });
  refuseHqOwnedRows(ctx, 'fault_codes', `${before.code} ${before.nameZh}`);
  setFaultActiveRow.run(ctx.sqlite, i.active ? 1 : 0, ctx.now, i.code);
  ctx.changed({ table: 'fault_codes', id: i.code, op: 'update', values: { active: i.active } });
  return faultRow(ctx, i.code);
}

/** Active resolution or root-cause codes (reason_codes), in their order. */
export function reasonList(ctx: Ctx, kind: string, includeInactive = false): CodeName[] {
  return reasonsOfKind.all(ctx.sqlite, kind, includeInactive ? 1 : 0);
}

/** Names of codes by code (fault codes, or reason codes of a kind), inactive ones included (old records keep their names). */
export function codeNames(ctx: Ctx, kind: 'fault' | typeof FIX_KIND | typeof CAUSE_KIND): Map<string, CodeName> {
  const rows = kind === 'fault' ? faultNames.all(ctx.sqlite) : reasonNames.all(ctx.sqlite, kind);
  return new Map(rows.map((r) => [r.code, r]));
}
