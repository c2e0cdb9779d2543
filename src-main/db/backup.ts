import type Database from 'better-sqlite3';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface BackupInfo {
  file: string;
  at: string;
  reason: string;
  bytes: number;
}

const NAME = /^store-(\d{8})-(\d{6})-(\d{3})-([a-z-]+)\.sqlite$/;

function stamp(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return (
    `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}-` +
    `${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}-${p(d.getUTCMilliseconds(), 3)}`
  );
}

/** Backups, newest first, parsed from their names (UTC time + reason). */
export function listBackups(dir: string): BackupInfo[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const out: BackupInfo[] = [];
  for (const name of names) {
    const m = NAME.exec(name);
    if (!m) continue;
    const [, ymd, hms, ms, reason] = m as unknown as [string, string, string, string, string];
    const at = `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6)}T${hms.slice(0, 2)}:${hms.slice(2, 4)}:${hms.slice(4)}.${ms}Z`;
    out.push({ file: join(dir, name), at, reason, bytes: statSync(join(dir, name)).size });
  }
  return out.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

/**
 * An online backup through SQLite's backup API: consistent while the app keeps
 * writing. Old backups beyond `keep` are removed, newest kept.
 */
export async function backupDatabase(
  sqlite: Database.Database,
  dir: string,
  reason: 'pre-migration' | 'daily' | 'manual' | 'pre-restore',
  keep: number,
  now = new Date(),
): Promise<BackupInfo> {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `store-${stamp(now)}-${reason}.sqlite`);
  await sqlite.backup(file);
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
