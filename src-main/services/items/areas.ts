import type { z } from 'zod';
import type { AreaDto, AreaInputDto } from '../../../src-shared/api/methods/items';
import { uuidv7 } from '../../lib/ids';
import { AppError } from '../app-error';
import { diff } from '../audit/record';
import type { Ctx } from '../context';

type Area = z.output<typeof AreaDto>;
type AreaInput = z.output<typeof AreaInputDto>;

const SELECT = `SELECT a.id, a.code, a.name_zh AS nameZh, a.name_en AS nameEn, a.sort_order AS sortOrder, a.active,
  (SELECT count(*) FROM items i WHERE i.storage_area_id = a.id) AS items
  FROM storage_areas a`;

interface AreaRow extends Omit<Area, 'active'> {
  active: number;
}
const toDto = (r: AreaRow): Area => ({ ...r, active: r.active === 1 });

export function listAreas(ctx: Ctx): Area[] {
  return (ctx.sqlite.prepare(`${SELECT} ORDER BY a.sort_order, a.code`).all() as AreaRow[]).map(toDto);
}

function getArea(ctx: Ctx, id: string): Area {
  const row = ctx.sqlite.prepare(`${SELECT} WHERE a.id = ?`).get(id) as AreaRow | undefined;
  if (!row) throw new AppError('NOT_FOUND');
  return toDto(row);
}

/** Codes are compared case-insensitively: 'cool' and 'COOL' on two labels would only confuse. */
function assertCodeFree(ctx: Ctx, code: string, selfId: string | null): void {
  const other = ctx.sqlite
    .prepare('SELECT id FROM storage_areas WHERE code = ? COLLATE NOCASE AND id IS NOT ?')
    .get(code, selfId) as { id: string } | undefined;
  if (other) {
    throw new AppError('CONFLICT', 'items.area.codeTaken', { code }, [
      { path: 'code', key: 'items.area.codeTaken', params: { code } },
    ]);
  }
}

export function createArea(ctx: Ctx, input: AreaInput): Area {
  assertCodeFree(ctx, input.code, null);
  const id = uuidv7(ctx.now);
  ctx.sqlite
    .prepare(
      `INSERT INTO storage_areas (id, code, name_zh, name_en, sort_order, active, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(id, input.code, input.nameZh, input.nameEn, input.sortOrder, input.active ? 1 : 0, ctx.now, ctx.now);
  ctx.changed({ table: 'storage_areas', id, op: 'insert', values: { ...input } });
  return getArea(ctx, id);
}

/** Deactivating keeps the area's history and stock; it only leaves the pick lists. */
export function updateArea(ctx: Ctx, input: AreaInput & { id: string }): Area {
  const before = getArea(ctx, input.id);
  assertCodeFree(ctx, input.code, input.id);
  ctx.sqlite
    .prepare(
      `UPDATE storage_areas SET code = ?, name_zh = ?, name_en = ?, sort_order = ?, active = ?, updated_at = ? WHERE id = ?`,
    )
    .run(input.code, input.nameZh, input.nameEn, input.sortOrder, input.active ? 1 : 0, ctx.now, input.id);
  const { items: _n, id: _id, ...b } = before;
  const { id, ...after } = input;
  ctx.changed({ table: 'storage_areas', id, op: 'update', ...diff(b, after) });
  return getArea(ctx, id);
}
