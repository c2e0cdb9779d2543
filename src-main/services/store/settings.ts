import { eq } from 'drizzle-orm';
import { StoreSettingsDto } from '../../../src-shared/api/methods/store';
import type { StoreDto } from '../../../src-shared/api/common';
import type { Db } from '../../db/client';
import { store } from '../../db/schema';

export const DEFAULT_SETTINGS: StoreSettingsDto = {
  sessionIdleMinutes: 8 * 60,
  lockoutThreshold: 5,
  lockoutMinutes: 15,
  backupKeep: 14,
  negativeStock: 'block',
  expiryAlertDays: 3,
  recountPercent: 10,
  recountValue: 100,
  updateFeedUrl: '',
};

type StoreRow = typeof store.$inferSelect;

export function storeRow(db: Db): StoreRow | undefined {
  return db.select().from(store).limit(1).get();
}

export function toStoreDto(row: StoreRow): StoreDto {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    address: row.address,
    timezone: row.timezone,
    currency: row.currency,
  };
}

/** Settings stored as JSON; unknown or missing keys fall back to defaults (older databases). */
export function parseSettings(json: string | undefined): StoreSettingsDto {
  if (!json) return DEFAULT_SETTINGS;
  const merged = { ...DEFAULT_SETTINGS, ...(JSON.parse(json) as object) };
  const parsed = StoreSettingsDto.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export function storeSettings(db: Db): StoreSettingsDto {
  return parseSettings(storeRow(db)?.settings);
}

export function isInitialized(db: Db): boolean {
  return storeRow(db) !== undefined;
}

export function updateStoreRow(db: Db, id: string, values: Partial<StoreRow>): void {
  db.update(store).set(values).where(eq(store.id, id)).run();
}
