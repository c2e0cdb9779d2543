import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface BackupInfo {
  file: string;
  at: string;
  reason: string;
  bytes: number;
}

export type BackupReason = 'pre-migration' | 'daily' | 'manual' | 'pre-restore' | 'uploaded';

/**
 * `store-YYYYMMDD-HHmmss-SSS±hhmm-reason.sqlite`: the store's wall-clock time
 * with its UTC offset, so a manager finds "last night's" backup by its name and
 * the exact instant still parses back. Names written before the offset was added
 * carry UTC and no offset.
 */
const NAME = /^store-(\d{8})-(\d{6})-(\d{3})([+-]\d{4})?-([a-z-]+)\.sqlite$/;

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

/** Wall-clock parts of an instant in a time zone, and that zone's offset from UTC then (minutes). */
function zoned(ms: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  const whole = ms - (((ms % 1000) + 1000) % 1000);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
    offset: Math.round((wall - whole) / 60_000),
  };
}

/** The file-name stamp of an instant in the store's time zone (an unknown zone falls back to UTC). */
export function backupStamp(ms: number, timeZone: string): string {
  let z: ReturnType<typeof zoned>;
  try {
    z = zoned(ms, timeZone);
  } catch {
    z = zoned(ms, 'UTC');
  }
  const msPart = pad(((ms % 1000) + 1000) % 1000, 3);
  const sign = z.offset < 0 ? '-' : '+';
  const offset = `${sign}${pad(Math.floor(Math.abs(z.offset) / 60))}${pad(Math.abs(z.offset) % 60)}`;
  return `${z.year}${pad(z.month)}${pad(z.day)}-${pad(z.hour)}${pad(z.minute)}${pad(z.second)}-${msPart}${offset}`;
}

/**
 * The time zone recorded in the database being backed up (its store row), so
 * every caller names backups by the store's clock without having to pass it.
 * A database without a store yet (first start, pre-migration) uses UTC.
 */
export function storeTimeZone(sqlite: Database.Database): string {
  try {
    const row = sqlite.prepare('SELECT timezone FROM store LIMIT 1').get() as { timezone?: string } | undefined;
    return row?.timezone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** The instant a backup name stands for, or null when the name is not a backup's. */
export function parseBackupName(name: string): { at: string; reason: string } | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [, ymd, hms, ms, offset, reason] = m as unknown as [string, string, string, string, string | undefined, string];
  const wall = Date.UTC(
    Number(ymd.slice(0, 4)),
    Number(ymd.slice(4, 6)) - 1,
    Number(ymd.slice(6)),
    Number(hms.slice(0, 2)),
    Number(hms.slice(2, 4)),
    Number(hms.slice(4)),
    Number(ms),
  );
  const minutes = offset
    ? (offset[0] === '-' ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(3)))
    : 0;
  const at = wall - minutes * 60_000;
  if (!Number.isFinite(at)) return null;
  return { at: new Date(at).toISOString(), reason };
}

/** Backups, newest first, parsed from their names (the store's time with its offset, + reason). */
export function listBackups(dir: string): BackupInfo[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const out: BackupInfo[] = [];
  for (const name of names) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    let bytes: number;
    try {
      bytes = statSync(join(dir, name)).size;
    } catch {
      continue; // removed while we listed (pruning by another call)
    }
    out.push({ file: join(dir, name), ...parsed, bytes });
  }
  return out.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

/** The path a new backup gets: the store's time in its name. */
export function backupPath(dir: string, reason: BackupReason, now: Date, timeZone: string): string {
  return join(dir, `store-${backupStamp(now.getTime(), timeZone)}-${reason}.sqlite`);
}

/**
 * An online backup through SQLite's backup API: consistent while the app keeps
 * writing. Old backups beyond `keep` are removed, newest kept.
 */
export async function backupDatabase(
  sqlite: Database.Database,
  dir: string,
  reason: BackupReason,
  keep: number,
  now = new Date(),
): Promise<BackupInfo> {
  mkdirSync(dir, { recursive: true });
  const file = backupPath(dir, reason, now, storeTimeZone(sqlite));
  await sqlite.backup(file);
  // One self-contained file: opening a WAL-mode copy, even read-only, leaves -wal/-shm files beside it.
  const copy = new Database(file);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  pruneBackups(dir, keep);
  return { file, at: now.toISOString(), reason, bytes: statSync(file).size };
}

export function pruneBackups(dir: string, keep: number): void {
  for (const old of listBackups(dir).slice(keep)) rmSync(old.file, { force: true });
}

/** True when the newest backup is older than `hours` (or there is none). */
export function backupDue(dir: string, hours: number, now = Date.now()): boolean {
  const newest = listBackups(dir)[0];
  return !newest || now - Date.parse(newest.at) >= hours * 3600_000;
}
