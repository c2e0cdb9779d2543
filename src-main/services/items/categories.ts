import type { z } from 'zod';
import type { CategoryDto, CategoryInputDto } from '../../../src-shared/api/methods/items';
import { uuidv7 } from '../../lib/ids';
import { AppError } from '../app-error';
import { diff } from '../audit/record';
import type { Ctx } from '../context';

type Category = z.output<typeof CategoryDto>;
type CategoryInput = z.output<typeof CategoryInputDto>;

const SELECT = `SELECT c.id, c.code, c.name_zh AS nameZh, c.name_en AS nameEn, c.sort_order AS sortOrder,
  (SELECT count(*) FROM items i WHERE i.category = c.code) AS items
  FROM item_categories c`;

export function listCategories(ctx: Ctx): Category[] {
  return ctx.sqlite.prepare(`${SELECT} ORDER BY c.sort_order, c.code`).all() as Category[];
}

function getCategory(ctx: Ctx, id: string): Category {
  const row = ctx.sqlite.prepare(`${SELECT} WHERE c.id = ?`).get(id) as Category | undefined;
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

function assertCodeFree(ctx: Ctx, code: string, selfId: string | null): void {
  const other = ctx.sqlite.prepare('SELECT id FROM item_categories WHERE code = ? AND id IS NOT ?').get(code, selfId);
  if (other) {
    throw new AppError('CONFLICT', 'items.category.codeTaken', { code }, [
      { path: 'code', key: 'items.category.codeTaken', params: { code } },
    ]);
  }
}

export function createCategory(ctx: Ctx, input: CategoryInput): Category {
  assertCodeFree(ctx, input.code, null);
  const id = uuidv7(ctx.now);
  ctx.sqlite
    .prepare(
      `INSERT INTO item_categories (id, code, name_zh, name_en, sort_order, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(id, input.code, input.nameZh, input.nameEn, input.sortOrder, ctx.now, ctx.now);
  ctx.changed({ table: 'item_categories', id, op: 'insert', values: { ...input } });
  return getCategory(ctx, id);
}

/**
 * Items point at a category by its code (the key reports group by), so a
 * renamed code is carried over to its items in the same transaction.
 */
export function updateCategory(ctx: Ctx, input: CategoryInput & { id: string }): Category {
  const before = getCategory(ctx, input.id);
  assertCodeFree(ctx, input.code, input.id);
  ctx.sqlite
    .prepare(
      'UPDATE item_categories SET code = ?, name_zh = ?, name_en = ?, sort_order = ?, updated_at = ? WHERE id = ?',
    )
    .run(input.code, input.nameZh, input.nameEn, input.sortOrder, ctx.now, input.id);
  if (before.code !== input.code) {
    ctx.sqlite
      .prepare('UPDATE items SET category = ?, updated_at = ? WHERE category = ?')
      .run(input.code, ctx.now, before.code);
  }
  const { items: _n, id: _id, ...b } = before;
  const { id, ...after } = input;
  ctx.changed({ table: 'item_categories', id, op: 'update', ...diff(b, after) });
  return getCategory(ctx, id);
}
