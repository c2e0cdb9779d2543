import { eq } from 'drizzle-orm';
import { StoreSettingsDto } from '../../../src-shared/api/methods/store';
import type { StoreDto } from '../../../src-shared/api/common';
import type { Db } from '../../db/client';
import { store } from '../../db/schema';
import { DEFAULT_REPAIR_SETTINGS } from '../../../src-shared/repairs/settings';
import type { Role } from '../../../src-shared/roles';

/**
 * How many days back each role may date a stock movement, until the admin sets
 * the store's own: clerks and technicians record what happens now (today, in
 * the store's time zone); a manager posts a count taken over the last days;
 * an admin corrects the past month before it is closed.
 */
export const DEFAULT_BACKDATE_DAYS: Record<Role, number> = { clerk: 0, technician: 0, manager: 7, admin: 31 };

export const DEFAULT_SETTINGS: StoreSettingsDto = {
  sessionIdleMinutes: 8 * 60,
  lockoutThreshold: 5,
  lockoutMinutes: 15,
  backupKeep: 14,
  negativeStock: 'block',
  backdateDays: DEFAULT_BACKDATE_DAYS,
  expiryAlertDays: 3,
  recountPercent: 10,
  recountValue: 100,
  receiveTolerancePercent: 5,
  // Common cold-chain practice: chilled kept at 0-4 °C (5 accepted at the door), frozen at -18 (-15 at the door).
  chilledMaxTemp: 5,
  frozenMaxTemp: -15,
  // The chain's category keys (HQ-owned, like the demo's); a store edits them in its settings.
  chilledCategories: ['vegetables', 'soy products'],
  frozenCategories: ['meat', 'seafood'],
  // The layouts of docs/devices.md: 20 IIIII WWWWW C (weight) and 29 IIIII PPPPP C (price).
  variableLayouts: [
    { prefix: '20', itemDigits: 5, valueKind: 'weight', valueDigits: 5, decimals: 3, name: '20 IIIII WWWWW C' },
    { prefix: '29', itemDigits: 5, valueKind: 'price', valueDigits: 5, decimals: 2, name: '29 IIIII PPPPP C' },
  ],
  scanSeparator: '',
  tarePresets: [
    { name: '周转筐 Crate', grams: 1200 },
    { name: '泡沫箱 Foam box', grams: 450 },
    { name: '托盘 Tray', grams: 150 },
  ],
  updateFeedUrl: '',
  repairs: DEFAULT_REPAIR_SETTINGS,
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
