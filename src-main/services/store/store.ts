import type { StoreDto } from '../../../src-shared/api/common';
import type { StoreSettingsDto } from '../../../src-shared/api/methods/store';
import { store } from '../../db/schema';
import { AppError } from '../app-error';
import { diff } from '../audit/record';
import type { Ctx } from '../context';
import { stampIfReplicated } from '../record-stamp';
import { parseSettings, storeRow, toStoreDto, updateStoreRow } from './settings';

export function getStore(ctx: Ctx): { store: StoreDto; settings: StoreSettingsDto } {
  const row = storeRow(ctx.db);
  if (!row) throw new AppError('SETUP_REQUIRED');
  return { store: toStoreDto(row), settings: parseSettings(row.settings) };
}

export function updateStore(
  ctx: Ctx,
  input: { store: Omit<StoreDto, 'id' | 'code'>; settings: StoreSettingsDto },
): { store: StoreDto; settings: StoreSettingsDto } {
  const before = storeRow(ctx.db);
  if (!before) throw new AppError('SETUP_REQUIRED');
  // Keys the caller left out (optional groups such as `repairs`, edited on their own screen) keep their values.
  const given = Object.entries(input.settings).filter(([, v]) => v !== undefined);
  const settings = { ...parseSettings(before.settings), ...Object.fromEntries(given) };
  const values = stampIfReplicated(store, before, { ...input.store, settings: JSON.stringify(settings) }, ctx.now);
  updateStoreRow(ctx.db, before.id, values);
  ctx.changed({ table: 'store', id: before.id, op: 'update', ...diff(before, { ...before, ...values }) });
  return getStore(ctx);
}
