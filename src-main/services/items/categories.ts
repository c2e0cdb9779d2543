import type { z } from 'zod';
import type { CategoryDto, CategoryInputDto } from '../../../src-shared/api/methods/items';
import { eq } from 'drizzle-orm';
import { itemCategories, items } from '../../db/schema';
import { sql } from '../../db/sql';
import { uuidv7 } from '../../lib/ids';
import { AppError } from '../app-error';
import { diff } from '../audit/record';
import type { Ctx } from '../context';
import { refuseHqOwnedRows } from '../hq-owned';

type Category = z.output<typeof CategoryDto>;
type CategoryInput = z.output<typeof CategoryInputDto>;

const SELECT = `SELECT c.id, c.code, c.name_zh AS nameZh, c.name_en AS nameEn, c.sort_order AS sortOrder,
  (SELECT count(*) FROM items i WHERE i.category = c.code) AS items
  FROM item_categories c`;

const categoriesInOrder = sql<Category>(`${SELECT} ORDER BY c.sort_order, c.code`);
const categoryById = sql<Category, [id: string]>(`${SELECT} WHERE c.id = ?`);
const otherWithCode = sql<Pick<Category, 'id'>, [code: string, selfId: string | null]>(
  'SELECT id FROM item_categories WHERE code = ? AND id IS NOT ?',
);

export function listCategories(ctx: Ctx): Category[] {
  return categoriesInOrder.all(ctx.sqlite);
}

function getCategory(ctx: Ctx, id: string): Category {
  const row = categoryById.get(ctx.sqlite, id);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

function assertCodeFree(ctx: Ctx, code: string, selfId: string | null): void {
  const other = otherWithCode.get(ctx.sqlite, code, selfId);
  if (other) {
    throw new AppError('CONFLICT', 'items.category.codeTaken', { code }, [
      { path: 'code', key: 'items.category.codeTaken', params: { code } },
    ]);
  }
}

export function createCategory(ctx: Ctx, input: CategoryInput): Category {
  refuseHqOwnedRows(ctx, 'item_categories', `${input.code} ${input.nameZh}`);
  assertCodeFree(ctx, input.code, null);
  const id = uuidv7(ctx.now);
  ctx.db
    .insert(itemCategories)
    .values({ id, ...input, createdAt: ctx.now, updatedAt: ctx.now })
    .run();
  ctx.changed({ table: 'item_categories', id, op: 'insert', values: { ...input } });
  return getCategory(ctx, id);
}

/**
 * Items point at a category by its code (the key reports group by), so a
 * renamed code is carried over to its items in the same transaction.
 */
export function updateCategory(ctx: Ctx, input: CategoryInput & { id: string }): Category {
  const before = getCategory(ctx, input.id);
  refuseHqOwnedRows(ctx, 'item_categories', `${before.code} ${before.nameZh}`);
  assertCodeFree(ctx, input.code, input.id);
  const { code, nameZh, nameEn, sortOrder } = input;
  ctx.db
    .update(itemCategories)
    .set({ code, nameZh, nameEn, sortOrder, updatedAt: ctx.now })
    .where(eq(itemCategories.id, input.id))
    .run();
  if (before.code !== code) {
    ctx.db.update(items).set({ category: code, updatedAt: ctx.now }).where(eq(items.category, before.code)).run();
  }
  const { items: _n, id: _id, ...b } = before;
  const { id, ...after } = input;
  ctx.changed({ table: 'item_categories', id, op: 'update', ...diff(b, after) });
  return getCategory(ctx, id);
}
