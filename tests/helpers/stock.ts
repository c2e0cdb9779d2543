import { uuidv7 } from '../../src-main/lib/ids';
import type { TestBackend } from './backend';

export interface StockFixture {
  areas: { cooler: string; dry: string };
  items: { beef: string; rice: string; cups: string; fish: string };
}

/** Two storage areas and four items (one lot-tracked) written straight into a set-up store. */
export function seedStockFixture(t: TestBackend): StockFixture {
  const db = t.backend.database.sqlite;
  const now = Date.now();
  const area = (code: string, zh: string, en: string) => {
    const id = uuidv7();
    db.prepare(
      'INSERT INTO storage_areas (id, code, name_zh, name_en, sort_order, active, created_at, updated_at) VALUES (?, ?, ?, ?, 0, 1, ?, ?)',
    ).run(id, code, zh, en, now, now);
    return id;
  };
  const item = (code: string, zh: string, en: string, unit: string, lot = 0) => {
    const id = uuidv7();
    db.prepare(
      `INSERT INTO items (id, code, name_zh, name_en, category, base_unit, active, lot_tracked, shelf_order, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'test', ?, 1, ?, 0, ?, ?)`,
    ).run(id, code, zh, en, unit, lot, now, now);
    return id;
  };
  return {
    areas: { cooler: area('COOL', '冷库', 'Walk-in cooler'), dry: area('DRY', '干货库', 'Dry store') },
    items: {
      beef: item('T-BEEF', '肥牛卷', 'Beef rolls', 'g'),
      rice: item('T-RICE', '大米', 'Rice', 'g'),
      cups: item('T-CUP', '纸杯', 'Paper cups', 'pc'),
      fish: item('T-FISH', '鲈鱼', 'Sea bass', 'g', 1),
    },
  };
}
