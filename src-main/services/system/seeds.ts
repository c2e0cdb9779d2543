import type Database from 'better-sqlite3';
import { DEFAULT_EQUIPMENT_TEMPLATE, DEFAULT_RECEIVING_TEMPLATE } from '../../../src-shared/labels/defaults';
import { EQUIPMENT_TEMPLATE_ID, RECEIVING_TEMPLATE_ID } from '../../../src-shared/labels/builtin-ids';
import { sql } from '../../db/sql';
import { uuidv7 } from '../../lib/ids';
import { DEFAULT_REASONS } from '../ops/reason-codes';
import { CAUSE_KIND, FIX_KIND } from '../repairs/codes';
import { faultSeeds, RESOLUTION_CODES, ROOT_CAUSE_CODES } from '../repairs/codes-data';

/*
 * The rows every store starts with: label templates, reason codes, fault and
 * repair codes. They are written here, in one idempotent step when the
 * backend opens a database, and nowhere else: no read inserts a default.
 *
 * Each row is seeded once per database, ever. The keys seeded are kept in
 * `meta` (one entry per set), so a built-in row the store deleted or renamed
 * is not brought back at the next start, while a row a newer version adds to
 * a set is seeded once into databases that never had it. A database from
 * before this step gets every set once (a deleted row comes back that one
 * time, as it did at every start before). Like a migration, seeding is part
 * of the database's starting state, not a store action: it writes no audit
 * entry.
 */

interface SeedSet {
  /** The `meta` key that remembers what this set has seeded. */
  name: string;
  /** Where its rows go: a database opened with an older migration set (tests of migrations) may not have it yet. */
  table: string;
  rows: { key: string; insert(sqlite: Database.Database, now: number): void }[];
}

const insertTemplate = sql<never, [string, string, string, number, number, number]>(
  'INSERT OR IGNORE INTO label_templates (id, name, definition, is_default, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
);
const insertReason = sql<never, [string, string, string, string]>(
  'INSERT OR IGNORE INTO reason_codes (code, kind, name_zh, name_en, active) VALUES (?, ?, ?, ?, 1)',
);
const insertFault = sql<never, [string, string, string, string | null, string, string, number, number, number]>(
  `INSERT OR IGNORE INTO fault_codes (id, code, equipment_category, parent_code, name_zh, name_en, sort_order, active, created_at, updated_at)
   VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
);
const tableExists = sql<{ found: 1 }, [string]>(
  "SELECT 1 AS found FROM sqlite_master WHERE type = 'table' AND name = ?",
);
const seededKeys = sql<{ value: string }, [string]>('SELECT value FROM meta WHERE key = ?');
const rememberSeeded = sql<never, [string, string]>(
  'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
);

const reasons = (kind: string, list: readonly (readonly [string, string, string])[]): SeedSet => ({
  name: `seeded.reasons.${kind}`,
  table: 'reason_codes',
  rows: list.map(([code, zh, en]) => ({ key: code, insert: (s) => insertReason.run(s, code, kind, zh, en) })),
});

const tuples = (list: readonly { code: string; nameZh: string; nameEn: string }[]) =>
  list.map((r) => [r.code, r.nameZh, r.nameEn] as const);

export const SEED_SETS: readonly SeedSet[] = [
  {
    name: 'seeded.label-templates',
    table: 'label_templates',
    rows: [
      {
        key: RECEIVING_TEMPLATE_ID,
        insert: (s, now) =>
          insertTemplate.run(
            s,
            RECEIVING_TEMPLATE_ID,
            '收货标签 Receiving 50×30',
            JSON.stringify(DEFAULT_RECEIVING_TEMPLATE),
            1,
            now,
            now,
          ),
      },
      {
        key: EQUIPMENT_TEMPLATE_ID,
        insert: (s, now) =>
          insertTemplate.run(
            s,
            EQUIPMENT_TEMPLATE_ID,
            '设备二维码 Equipment QR 50×30',
            JSON.stringify(DEFAULT_EQUIPMENT_TEMPLATE),
            0,
            now,
            now,
          ),
      },
    ],
  },
  reasons('waste', tuples(DEFAULT_REASONS.waste)),
  reasons('reject', tuples(DEFAULT_REASONS.reject)),
  reasons(FIX_KIND, RESOLUTION_CODES),
  reasons(CAUSE_KIND, ROOT_CAUSE_CODES),
  {
    name: 'seeded.fault-codes',
    table: 'fault_codes',
    rows: faultSeeds().map((f) => ({
      key: f.code,
      insert: (s, now) =>
        insertFault.run(s, uuidv7(now), f.code, f.category, f.parentCode, f.nameZh, f.nameEn, f.sortOrder, now, now),
    })),
  },
];

/**
 * Seeds what each set has never seeded into this database, in one
 * transaction; writes nothing when there is nothing new (every start after
 * the first). Returns the names of the sets that seeded rows.
 */
export function seedBuiltIns(sqlite: Database.Database, now: number): string[] {
  return sqlite
    .transaction(() => {
      const seeded: string[] = [];
      for (const set of SEED_SETS) {
        if (!tableExists.get(sqlite, set.table)) continue;
        const stored = seededKeys.get(sqlite, set.name);
        const done = new Set<string>(stored ? (JSON.parse(stored.value) as string[]) : []);
        const due = set.rows.filter((r) => !done.has(r.key));
        if (!due.length) continue;
        for (const r of due) r.insert(sqlite, now);
        rememberSeeded.run(sqlite, set.name, JSON.stringify([...done, ...due.map((r) => r.key)]));
        seeded.push(set.name);
      }
      return seeded;
    })
    .immediate();
}
