import { REASON_KINDS, type ReasonRow } from '../../../src-shared/api/methods/reasons';
import { and, eq } from 'drizzle-orm';
import { reasonCodes } from '../../db/schema';
import { sql, type Sql, type SqlRow } from '../../db/sql';
import { AppError } from '../app-error';
import type { Ctx } from '../context';
import { refuseHqOwnedRows } from '../hq-owned';
import { fieldError } from './errors';

type StoredReason = typeof reasonCodes.$inferSelect;
type SqlStoredReason = SqlRow<StoredReason>;
type Uses = { code: string; n: number };

/**
 * Where the codes of each kind are referred to, counted per code. Waste and
 * adjustment codes sit on ledger rows of one movement kind (the kind index
 * narrows the scan to those); rejection codes on receipt lines.
 */
const USES: Record<string, Sql<Uses, []>> = {
  waste: sql<Uses>(
    "SELECT reason AS code, count(*) AS n FROM stock_moves WHERE kind = 'waste' AND reason <> '' GROUP BY reason",
  ),
  adjustment: sql<Uses>(
    "SELECT reason AS code, count(*) AS n FROM stock_moves WHERE kind = 'count_adjust' AND reason <> '' GROUP BY reason",
  ),
  reject: sql<Uses>(
    "SELECT reject_reason AS code, count(*) AS n FROM receipt_lines WHERE reject_reason <> '' GROUP BY reject_reason",
  ),
  // Repairs: resolution and root-cause codes on work orders.
  repair_fix: sql<Uses>(
    "SELECT resolution_code AS code, count(*) AS n FROM work_orders WHERE resolution_code <> '' GROUP BY resolution_code",
  ),
  repair_cause: sql<Uses>(
    "SELECT root_cause_code AS code, count(*) AS n FROM work_orders WHERE root_cause_code <> '' GROUP BY root_cause_code",
  ),
};
/** A kind this file does not know yet: any ledger row naming one of its codes counts (slower, but safe). */
const usesAnyMove = sql<Uses, [codesJson: string]>(
  'SELECT reason AS code, count(*) AS n FROM stock_moves WHERE reason IN (SELECT value FROM json_each(?)) GROUP BY reason',
);

const kindsInTable = sql<Pick<StoredReason, 'kind'>>('SELECT DISTINCT kind FROM reason_codes ORDER BY kind');
const allReasons = sql<SqlStoredReason>(
  'SELECT kind, code, name_zh AS nameZh, name_en AS nameEn, active FROM reason_codes ORDER BY rowid',
);
/** Another code of the kind that reads the same but for case (`but` names the code being re-coded, if any). */
const sameButCase = sql<Pick<StoredReason, 'code'>, [kind: string, code: string, but: string | null]>(
  'SELECT code FROM reason_codes WHERE kind = ? AND lower(code) = lower(?) AND code IS NOT ?',
);
const otherActiveCodes = sql<{ n: number }, [kind: string, code: string]>(
  'SELECT count(*) AS n FROM reason_codes WHERE kind = ? AND active = 1 AND code <> ?',
);

function usesOf(ctx: Ctx, kind: string, codes: readonly string[]): Map<string, number> {
  if (!codes.length) return new Map();
  const uses = USES[kind];
  const rows = uses ? uses.all(ctx.sqlite) : usesAnyMove.all(ctx.sqlite, JSON.stringify(codes));
  return new Map(rows.map((r) => [r.code, r.n]));
}

function stored(ctx: Ctx, kind: string, code: string): StoredReason | undefined {
  return ctx.db
    .select()
    .from(reasonCodes)
    .where(and(eq(reasonCodes.kind, kind), eq(reasonCodes.code, code)))
    .get();
}

function toRow(r: StoredReason | SqlStoredReason, uses: number): ReasonRow {
  return { kind: r.kind, code: r.code, nameZh: r.nameZh, nameEn: r.nameEn, active: !!r.active, uses };
}

function rowOf(ctx: Ctx, kind: string, code: string): ReasonRow {
  const r = stored(ctx, kind, code);
  if (!r) throw new AppError('NOT_FOUND', 'reasons.error.notFound', { code });
  return toRow(r, usesOf(ctx, kind, [code]).get(code) ?? 0);
}

/** The fixed kinds first, then any other kind found in the table (alphabetically). */
function kindsOf(ctx: Ctx): string[] {
  const found = kindsInTable
    .all(ctx.sqlite)
    .map((r) => r.kind)
    .filter((k) => !(REASON_KINDS as readonly string[]).includes(k));
  return [...REASON_KINDS, ...found];
}

export function listReasons(ctx: Ctx): { kinds: string[]; rows: ReasonRow[] } {
  const kinds = kindsOf(ctx);
  const all = allReasons.all(ctx.sqlite);
  const rows: ReasonRow[] = [];
  for (const kind of kinds) {
    const mine = all.filter((r) => r.kind === kind);
    const uses = usesOf(
      ctx,
      kind,
      mine.map((r) => r.code),
    );
    for (const r of mine) rows.push(toRow(r, uses.get(r.code) ?? 0));
  }
  return { kinds, rows };
}

function requireKind(ctx: Ctx, kind: string): void {
  if (!kindsOf(ctx).includes(kind)) fieldError('VALIDATION', 'reasons.error.kind', 'kind', { kind });
}

/** Another code of the kind that differs only in case would look the same in every list. */
function requireFree(ctx: Ctx, kind: string, code: string): void {
  const taken = sameButCase.get(ctx.sqlite, kind, code, null);
  if (taken) fieldError('CONFLICT', 'reasons.error.duplicate', 'code', { code: taken.code });
}

export function saveReason(
  ctx: Ctx,
  i: { kind: string; code: string; nameZh: string; nameEn: string; originalCode?: string | null },
): ReasonRow {
  // The defaults go in first, so a new code can never take the place of one of them.
  requireKind(ctx, i.kind);
  refuseHqOwnedRows(ctx, 'reason_codes', `${i.originalCode ?? i.code} ${i.nameZh}`);
  const id = (code: string) => `${i.kind}/${code}`;
  if (!i.originalCode) {
    requireFree(ctx, i.kind, i.code);
    ctx.db
      .insert(reasonCodes)
      .values({ kind: i.kind, code: i.code, nameZh: i.nameZh, nameEn: i.nameEn, active: true })
      .run();
    ctx.changed({
      table: 'reason_codes',
      id: id(i.code),
      op: 'insert',
      values: { kind: i.kind, code: i.code, nameZh: i.nameZh, nameEn: i.nameEn, active: true },
    });
    return rowOf(ctx, i.kind, i.code);
  }

  const before = stored(ctx, i.kind, i.originalCode);
  if (!before) throw new AppError('NOT_FOUND', 'reasons.error.notFound', { code: i.originalCode });
  if (i.code !== before.code) {
    // Ledger rows and receipt lines store the code itself: changing it would orphan them.
    const uses = usesOf(ctx, i.kind, [before.code]).get(before.code) ?? 0;
    if (uses > 0) fieldError('CONFLICT', 'reasons.error.used', 'code', { code: before.code, uses });
    const clash = sameButCase.get(ctx.sqlite, i.kind, i.code, before.code);
    if (clash) fieldError('CONFLICT', 'reasons.error.duplicate', 'code', { code: clash.code });
  }
  ctx.db
    .update(reasonCodes)
    .set({ code: i.code, nameZh: i.nameZh, nameEn: i.nameEn })
    .where(and(eq(reasonCodes.kind, i.kind), eq(reasonCodes.code, before.code)))
    .run();
  const after = { code: i.code, nameZh: i.nameZh, nameEn: i.nameEn };
  const old = { code: before.code, nameZh: before.nameZh, nameEn: before.nameEn };
  const keys = (Object.keys(after) as (keyof typeof after)[]).filter((k) => after[k] !== old[k]);
  if (keys.length) {
    ctx.changed({
      table: 'reason_codes',
      id: id(before.code),
      op: 'update',
      values: Object.fromEntries(keys.map((k) => [k, after[k]])),
      before: Object.fromEntries(keys.map((k) => [k, old[k]])),
    });
  }
  return rowOf(ctx, i.kind, i.code);
}

/** Inactive codes leave the pick lists; a kind keeps at least one active code so its screen stays usable. */
export function setReasonActive(ctx: Ctx, i: { kind: string; code: string; active: boolean }): ReasonRow {
  const before = stored(ctx, i.kind, i.code);
  if (!before) throw new AppError('NOT_FOUND', 'reasons.error.notFound', { code: i.code });
  if (!!before.active === i.active) return rowOf(ctx, i.kind, i.code);
  refuseHqOwnedRows(ctx, 'reason_codes', `${before.code} ${before.nameZh}`);
  if (!i.active) {
    if (otherActiveCodes.get(ctx.sqlite, i.kind, i.code)!.n === 0)
      throw new AppError('CONFLICT', 'reasons.error.lastActive', { code: i.code });
  }
  ctx.db
    .update(reasonCodes)
    .set({ active: i.active })
    .where(and(eq(reasonCodes.kind, i.kind), eq(reasonCodes.code, i.code)))
    .run();
  ctx.changed({
    table: 'reason_codes',
    id: `${i.kind}/${i.code}`,
    op: 'update',
    values: { active: i.active },
    before: { active: !!before.active },
  });
  return rowOf(ctx, i.kind, i.code);
}
