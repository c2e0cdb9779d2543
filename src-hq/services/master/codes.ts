import { and, asc, eq, ne } from 'drizzle-orm';
import { uuidv7 } from '../../../src-main/lib/ids';
import type { HqCategoryDto, HqFaultDto, HqReasonDto } from '../../../src-shared/hq-api/methods/master-data';
import type { MessageKey } from '../../../src-shared/i18n';
import { HqApiError } from '../../api/errors';
import type { Q } from '../../db/client';
import { faultCodes, itemCategories, reasonCodes } from '../../db/schema';
import { saveMasterRow, type MasterWriter } from './save-row';

/** Item categories, reason codes and fault codes: the chain's shared vocabularies. */

const b = (v: number) => v === 1;
const n = (v: boolean) => (v ? 1 : 0);

export function fieldError(
  code: 'VALIDATION' | 'CONFLICT' | 'NOT_FOUND',
  path: string,
  key: MessageKey,
  params?: Record<string, string | number>,
): HqApiError {
  return new HqApiError(code, key, params, [{ path, key, params }]);
}

export async function listCategories(q: Q): Promise<HqCategoryDto[]> {
  const found = await q.select().from(itemCategories).orderBy(asc(itemCategories.sortOrder), asc(itemCategories.code));
  return found.map((r) => ({ id: r.id, code: r.code, nameZh: r.nameZh, nameEn: r.nameEn, sortOrder: r.sortOrder }));
}

export async function saveCategory(w: MasterWriter, i: Omit<HqCategoryDto, 'id'> & { id?: string | undefined }) {
  const id = i.id ?? uuidv7(w.now);
  const [current] = await w.q.select().from(itemCategories).where(eq(itemCategories.id, id));
  if (i.id && !current) throw new HqApiError('NOT_FOUND', 'hq.error.notFound');
  // Items name their category by code at every store: renaming the code would orphan them.
  if (current && current.code !== i.code) throw fieldError('VALIDATION', 'code', 'hqm.e.codeFixed');
  const [clash] = await w.q
    .select({ id: itemCategories.id })
    .from(itemCategories)
    .where(and(eq(itemCategories.code, i.code), ne(itemCategories.id, id)));
  if (clash) throw fieldError('CONFLICT', 'code', 'hq.error.codeTaken', { code: i.code });
  await saveMasterRow(w, 'item_categories', {
    id,
    code: i.code,
    name_zh: i.nameZh,
    name_en: i.nameEn,
    sort_order: i.sortOrder,
  });
  return (await listCategories(w.q)).find((c) => c.id === id)!;
}

export async function listReasons(q: Q): Promise<HqReasonDto[]> {
  const found = await q.select().from(reasonCodes).orderBy(asc(reasonCodes.kind), asc(reasonCodes.code));
  return found.map((r) => ({ kind: r.kind, code: r.code, nameZh: r.nameZh, nameEn: r.nameEn, active: b(r.active) }));
}

export async function saveReason(w: MasterWriter, i: HqReasonDto & { create: boolean }): Promise<HqReasonDto> {
  const [current] = await w.q
    .select({ code: reasonCodes.code })
    .from(reasonCodes)
    .where(and(eq(reasonCodes.kind, i.kind), eq(reasonCodes.code, i.code)));
  if (i.create && current) throw fieldError('CONFLICT', 'code', 'hq.error.codeTaken', { code: i.code });
  if (!i.create && !current) throw new HqApiError('NOT_FOUND', 'hq.error.notFound');
  await saveMasterRow(w, 'reason_codes', {
    kind: i.kind,
    code: i.code,
    name_zh: i.nameZh,
    name_en: i.nameEn,
    active: n(i.active),
  });
  return { kind: i.kind, code: i.code, nameZh: i.nameZh, nameEn: i.nameEn, active: i.active };
}

export async function listFaults(q: Q): Promise<HqFaultDto[]> {
  const found = await q
    .select()
    .from(faultCodes)
    .orderBy(asc(faultCodes.equipmentCategory), asc(faultCodes.sortOrder), asc(faultCodes.code));
  return found.map((r) => ({
    id: r.id,
    code: r.code,
    category: r.equipmentCategory,
    parentCode: r.parentCode,
    nameZh: r.nameZh,
    nameEn: r.nameEn,
    sortOrder: r.sortOrder,
    active: b(r.active),
  }));
}

/**
 * The tree rules the store's own fault-code screen keeps (src-main/services/
 * repairs/codes.ts), so what HQ sends is what a store could have entered: a
 * symptom sits under a group of the same equipment category, groups are one
 * level deep, and no code is its own ancestor.
 */
async function checkParent(q: Q, code: string, category: string, parentCode: string | null): Promise<void> {
  if (parentCode === null) return;
  if (parentCode === code) throw fieldError('VALIDATION', 'parentCode', 'hqm.e.faultSelf', { code });
  const all = new Map((await listFaults(q)).map((f) => [f.code, f]));
  const parent = all.get(parentCode);
  if (!parent) throw fieldError('VALIDATION', 'parentCode', 'hqm.e.faultNoParent', { parent: parentCode });
  const seen = new Set<string>();
  for (let at: string | null = parentCode; at !== null && !seen.has(at); at = all.get(at)?.parentCode ?? null) {
    if (at === code) throw fieldError('VALIDATION', 'parentCode', 'hqm.e.faultCycle', { code, parent: parentCode });
    seen.add(at);
  }
  if (parent.parentCode !== null || parent.category !== category) {
    throw fieldError('VALIDATION', 'parentCode', 'hqm.e.faultParent', { parent: parentCode, category });
  }
  if ([...all.values()].some((f) => f.parentCode === code)) {
    throw fieldError('VALIDATION', 'parentCode', 'hqm.e.faultHasChildren', { code });
  }
}

export async function saveFault(w: MasterWriter, i: Omit<HqFaultDto, 'id'> & { id?: string | undefined }) {
  const id = i.id ?? uuidv7(w.now);
  const [current] = await w.q.select().from(faultCodes).where(eq(faultCodes.id, id));
  if (i.id && !current) throw new HqApiError('NOT_FOUND', 'hq.error.notFound');
  // Work orders and child codes name a fault by its code: it stays what it was created as.
  if (current && current.code !== i.code) throw fieldError('VALIDATION', 'code', 'hqm.e.codeFixed');
  const [clash] = await w.q
    .select({ id: faultCodes.id })
    .from(faultCodes)
    .where(and(eq(faultCodes.code, i.code), ne(faultCodes.id, id)));
  if (clash) throw fieldError('CONFLICT', 'code', 'hq.error.codeTaken', { code: i.code });
  await checkParent(w.q, i.code, i.category, i.parentCode);
  if (current && current.equipmentCategory !== i.category && current.parentCode === null) {
    const [child] = await w.q.select({ id: faultCodes.id }).from(faultCodes).where(eq(faultCodes.parentCode, i.code));
    if (child) throw fieldError('VALIDATION', 'category', 'hqm.e.faultGroupMoves', { code: i.code });
  }
  await saveMasterRow(w, 'fault_codes', {
    id,
    code: i.code,
    equipment_category: i.category,
    parent_code: i.parentCode,
    name_zh: i.nameZh,
    name_en: i.nameEn,
    sort_order: i.sortOrder,
    active: n(i.active),
  });
  return (await listFaults(w.q)).find((f) => f.id === id)!;
}
