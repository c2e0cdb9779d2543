import type { ChecklistItem } from '../../../src-shared/api/methods/repairs-dto';
import { formatQty } from '../../../src-shared/quantity';
import { uuidv7 } from '../../lib/ids';
import { AppError } from '../app-error';
import { checklistResults } from '../../db/schema';
import { insertText, selectList } from '../../db/schema-sql';
import { sql, type SqlRow } from '../../db/sql';
import type { Ctx } from '../context';
import { fieldError, isoOf, userNames } from './common';
import { loadWo, type WoRecord } from './wo-store';

type Item = Omit<ChecklistItem, 'min' | 'max'> & { min: number | null; max: number | null };

export function parseChecklist(json: string): Item[] {
  try {
    const v = JSON.parse(json) as Partial<Item>[];
    return Array.isArray(v)
      ? v.map((c) => ({
          key: String(c.key),
          label: String(c.label ?? c.key),
          kind: c.kind === 'reading' ? 'reading' : 'check',
          unit: c.unit ?? '',
          min: c.min ?? null,
          max: c.max ?? null,
        }))
      : [];
  } catch {
    return [];
  }
}

type Result = SqlRow<typeof checklistResults.$inferSelect>;

const answersOf = sql<Omit<Result, 'id' | 'workOrderId'>, [string]>(
  `SELECT ${selectList(checklistResults, { only: ['itemKey', 'passed', 'reading', 'note', 'at', 'userId'] })}
     FROM checklist_results WHERE work_order_id = ? ORDER BY at, id`,
);
const insertAnswer = sql<never, [Result]>(insertText(checklistResults));

/** The latest answer per item (answers are append-only). */
function latest(ctx: Ctx, woId: string) {
  return new Map(answersOf.all(ctx.sqlite, woId).map((r) => [r.itemKey, r]));
}

export function checklistLines(ctx: Ctx, wo: WoRecord, name: (id: string | null) => string | null) {
  const answers = latest(ctx, wo.id);
  return parseChecklist(wo.checklist).map((c) => {
    const r = answers.get(c.key);
    return {
      ...c,
      result: r
        ? {
            passed: r.passed === null ? null : r.passed === 1,
            reading: r.reading,
            note: r.note,
            at: isoOf(r.at),
            userName: name(r.userId),
          }
        : null,
    };
  });
}

/** Labels of the checklist items still without an answer (a preventive work order is resolved only when none is left). */
export function checklistComplete(ctx: Ctx, wo: WoRecord): string[] {
  const answers = latest(ctx, wo.id);
  return parseChecklist(wo.checklist)
    .filter((c) => {
      const r = answers.get(c.key);
      return !r || (c.kind === 'reading' ? r.reading === null : r.passed === null);
    })
    .map((c) => c.label);
}

/**
 * Saves answers: a check needs pass or fail; a reading needs its value and
 * passes when inside the item's range (a fail otherwise; a pass/fail given
 * with a reading is ignored). Allowed until the work order is resolved.
 */
export function saveChecklist(
  ctx: Ctx,
  i: {
    workOrderId: string;
    results: { key: string; passed?: boolean | null; reading?: number | null; note: string }[];
  },
) {
  const wo = loadWo(ctx, i.workOrderId);
  if (wo.status === 'submitted')
    throw new AppError('CONFLICT', 'error.repairs.checklistNotTriaged', { number: wo.number });
  if (!['triaged', 'assigned', 'in_progress', 'waiting'].includes(wo.status)) {
    throw new AppError('CONFLICT', 'error.repairs.checklistClosed', { number: wo.number });
  }
  const items = new Map(parseChecklist(wo.checklist).map((c) => [c.key, c]));
  const rows = i.results.map((r, n) => {
    const item = items.get(r.key);
    if (!item) fieldError('VALIDATION', 'error.repairs.checkUnknown', `results.${n}.key`, { key: r.key });
    if (item.kind === 'reading') {
      if (r.reading === null || r.reading === undefined) {
        fieldError('VALIDATION', 'error.repairs.readingRequired', `results.${n}.reading`, { item: item.label });
      }
      const passed = (item.min === null || r.reading >= item.min) && (item.max === null || r.reading <= item.max);
      return { ...r, passed, reading: r.reading };
    }
    if (r.passed === null || r.passed === undefined) {
      fieldError('VALIDATION', 'error.repairs.passRequired', `results.${n}.passed`, { item: item.label });
    }
    return { ...r, passed: r.passed, reading: null };
  });
  for (const r of rows) {
    const id = uuidv7(ctx.now);
    insertAnswer.run(ctx.sqlite, {
      id,
      workOrderId: wo.id,
      itemKey: r.key,
      passed: r.passed ? 1 : 0,
      reading: r.reading,
      note: r.note,
      at: ctx.now,
      userId: ctx.user?.id ?? null,
    });
    ctx.changed({
      table: 'checklist_results',
      id,
      op: 'insert',
      values: { woId: wo.id, key: r.key, passed: r.passed, reading: r.reading === null ? null : formatQty(r.reading) },
    });
  }
  return checklistLines(ctx, wo, userNames(ctx));
}
