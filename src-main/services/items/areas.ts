import type { z } from 'zod';
import type { AreaDto, AreaInputDto } from '../../../src-shared/api/methods/items';
import { eq } from 'drizzle-orm';
import { storageAreas } from '../../db/schema';
import { sql, type SqlRow } from '../../db/sql';
import { uuidv7 } from '../../lib/ids';
import { AppError } from '../app-error';
import { diff } from '../audit/record';
import type { Ctx } from '../context';

type Area = z.output<typeof AreaDto>;
type AreaInput = z.output<typeof AreaInputDto>;

const SELECT = `SELECT a.id, a.code, a.name_zh AS nameZh, a.name_en AS nameEn, a.sort_order AS sortOrder, a.active,
  (SELECT count(*) FROM items i WHERE i.storage_area_id = a.id) AS items
  FROM storage_areas a`;

type AreaRow = SqlRow<Area>;
const toDto = (r: AreaRow): Area => ({ ...r, active: r.active === 1 });
const areasInOrder = sql<AreaRow>(`${SELECT} ORDER BY a.sort_order, a.code`);
const areaById = sql<AreaRow, [id: string]>(`${SELECT} WHERE a.id = ?`);
/** Codes are compared case-insensitively: 'cool' and 'COOL' on two labels would only confuse. */
const otherWithCode = sql<Pick<Area, 'id'>, [code: string, selfId: string | null]>(
  'SELECT id FROM storage_areas WHERE code = ? COLLATE NOCASE AND id IS NOT ?',
);

export function listAreas(ctx: Ctx): Area[] {
  return areasInOrder.all(ctx.sqlite).map(toDto);
}

function getArea(ctx: Ctx, id: string): Area {
  const row = areaById.get(ctx.sqlite, id);
  if (!row) throw new AppError('NOT_FOUND');
  return toDto(row);
}

function assertCodeFree(ctx: Ctx, code: string, selfId: string | null): void {
  const other = otherWithCode.get(ctx.sqlite, code, selfId);
  if (other) {
    throw new AppError('CONFLICT', 'items.area.codeTaken', { code }, [
      { path: 'code', key: 'items.area.codeTaken', params: { code } },
    ]);
  }
}

export function createArea(ctx: Ctx, input: AreaInput): Area {
  assertCodeFree(ctx, input.code, null);
  const id = uuidv7(ctx.now);
  ctx.db
    .insert(storageAreas)
    .values({ id, ...input, createdAt: ctx.now, updatedAt: ctx.now })
    .run();
  ctx.changed({ table: 'storage_areas', id, op: 'insert', values: { ...input } });
  return getArea(ctx, id);
}

/** Deactivating keeps the area's history and stock; it only leaves the pick lists. */
export function updateArea(ctx: Ctx, input: AreaInput & { id: string }): Area {
  const before = getArea(ctx, input.id);
  assertCodeFree(ctx, input.code, input.id);
  const { code, nameZh, nameEn, sortOrder, active } = input;
  ctx.db
    .update(storageAreas)
    .set({ code, nameZh, nameEn, sortOrder, active, updatedAt: ctx.now })
    .where(eq(storageAreas.id, input.id))
    .run();
  const { items: _n, id: _id, ...b } = before;
  const { id, ...after } = input;
  ctx.changed({ table: 'storage_areas', id, op: 'update', ...diff(b, after) });
  return getArea(ctx, id);
}
