import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupDatabase, backupDue, listBackups, parseBackupName } from './backup';

function storeDb(timezone: string | null): Database.Database {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE store (id TEXT, timezone TEXT NOT NULL)');
  if (timezone) db.prepare("INSERT INTO store VALUES ('s', ?)").run(timezone);
  return db;
}

describe('backup file names', () => {
  // 20:30 UTC on 28 March is already 04:30 on 29 March in Shanghai: the name must say the 29th.
  const evening = new Date('2026-03-28T20:30:15.042Z');

  it("use the store's day and time in its time zone, with the offset, and list back to the same instant", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bo-backup-'));
    const db = storeDb('Asia/Shanghai');
    const b = await backupDatabase(db, dir, 'manual', 10, evening);
    expect(basename(b.file)).toBe('store-20260329-043015-042+0800-manual.sqlite');
    expect(listBackups(dir)).toEqual([{ file: b.file, at: evening.toISOString(), reason: 'manual', bytes: b.bytes }]);
    db.close();
  });

  it('west of UTC the day is the previous one, and a DST zone uses the offset in force then', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bo-backup-'));
    const ny = storeDb('America/New_York');
    const early = new Date('2026-07-01T02:00:00.000Z'); // 22:00 on 30 June, EDT (-04:00)
    const winter = new Date('2026-01-10T03:00:00.000Z'); // 22:00 on 9 January, EST (-05:00)
    const a = await backupDatabase(ny, dir, 'daily', 10, early);
    const w = await backupDatabase(ny, dir, 'daily', 10, winter);
    expect(basename(a.file)).toBe('store-20260630-220000-000-0400-daily.sqlite');
    expect(basename(w.file)).toBe('store-20260109-220000-000-0500-daily.sqlite');
    expect(listBackups(dir).map((x) => x.at)).toEqual([early.toISOString(), winter.toISOString()]);
    ny.close();
  });

  it('a database without a store yet (first migration) is named in UTC; old UTC names still list', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bo-backup-'));
    const db = storeDb(null);
    const b = await backupDatabase(db, dir, 'pre-migration', 10, evening);
    expect(basename(b.file)).toBe('store-20260328-203015-042+0000-pre-migration.sqlite');
    expect(parseBackupName('store-20260328-203015-042-daily.sqlite')).toEqual({
      at: evening.toISOString(),
      reason: 'daily',
    });
    expect(readdirSync(dir)).toHaveLength(1);
    db.close();
  });

  it('the daily backup is due by the instant, whatever the zone in the name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bo-backup-'));
    const db = storeDb('Asia/Shanghai');
    await backupDatabase(db, dir, 'daily', 10, evening);
    expect(backupDue(dir, 24, evening.getTime() + 23 * 3600_000)).toBe(false);
    expect(backupDue(dir, 24, evening.getTime() + 24 * 3600_000)).toBe(true);
    db.close();
  });
});
