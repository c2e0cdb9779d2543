import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBackend } from '../../src-main/backend';
import { listBackups } from '../../src-main/db/backup';
import { restoreBackup } from '../../src-main/db/restore';
import { StartupError } from '../../src-main/db/startup-error';
import { dataPaths } from '../../src-main/lib/paths';
import { MIGRATIONS, openSetUpBackend, openTestBackend, tempDir, type TestBackend } from '../helpers/backend';

let t: TestBackend | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const journal = () =>
  JSON.parse(readFileSync(join(MIGRATIONS, 'meta/_journal.json'), 'utf8')) as { entries: { when: number }[] };

async function start(dir: string, migrationsFolder = MIGRATIONS) {
  return startBackend({ dataDir: dir, kind: 'node', version: 't', lan: false, migrationsFolder });
}

describe('store database', () => {
  it('migrates an empty database and opens it durable: WAL, synchronous=FULL, foreign keys, busy timeout', async () => {
    const dir = tempDir();
    const b = await start(dir);
    try {
      const s = b.database.sqlite;
      expect(s.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(s.pragma('synchronous', { simple: true })).toBe(2);
      expect(s.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(s.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(b.database.schemaVersion).toBe(journal().entries.length);
      const tables = (s.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[]).map(
        (r) => r.name,
      );
      expect(tables).toEqual(
        expect.arrayContaining(['store', 'users', 'sessions', 'audit_log', 'meta', 'prefs', 'items']),
      );
      expect(existsSync(join(dir, 'store.sqlite'))).toBe(true);
    } finally {
      b.close();
    }
  });

  it('refuses a database written by a newer app version and leaves it untouched', async () => {
    const dir = tempDir();
    (await start(dir)).close();
    const db = new Database(join(dir, 'store.sqlite'));
    db.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run(
      'future',
      Date.now() + 10 ** 10,
    );
    db.close();
    const before = sha(join(dir, 'store.sqlite'));
    const err = await start(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StartupError);
    expect((err as StartupError).code).toBe('DB_NEWER');
    expect((err as StartupError).instructions).toMatch(/newer app version/);
    expect(sha(join(dir, 'store.sqlite'))).toBe(before);
    // and the lock was released: a correct build could start later
    expect(existsSync(join(dir, 'store.lock'))).toBe(false);
  });

  it('refuses a corrupt database with instructions and writes nothing', async () => {
    const dir = tempDir();
    t = await openSetUpBackend({ dataDir: dir });
    for (let i = 0; i < 300; i++) {
      await t.call('prefs.set', { key: `k${i}`, value: 'x'.repeat(2000) });
    }
    t.close();
    t = undefined;
    const file = join(dir, 'store.sqlite');
    const bytes = readFileSync(file);
    // Scribble over the middle pages (not the header): the file still opens, integrity_check fails.
    for (let i = 8192 * 4; i < 8192 * 10; i += 7) bytes[i] = (bytes[i]! + 91) & 0xff;
    writeFileSync(file, bytes);
    const before = sha(file);
    const err = await start(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StartupError);
    expect((err as StartupError).code).toBe('DB_CORRUPT');
    expect((err as StartupError).instructions).toMatch(/npm run restore/);
    expect(sha(file)).toBe(before);

    writeFileSync(file, 'this is not a database at all, just text'.repeat(200));
    const err2 = await start(dir).catch((e: unknown) => e);
    expect((err2 as StartupError).code).toBe('DB_CORRUPT');
  });

  it('backs up before applying a new migration', async () => {
    const dir = tempDir();
    const old = join(tempDir(), 'drizzle');
    cpSync(MIGRATIONS, old, { recursive: true });
    const j = journal();
    writeFileSync(join(old, 'meta/_journal.json'), JSON.stringify({ ...j, entries: j.entries.slice(0, 1) }));
    const b1 = await start(dir, old);
    expect(b1.database.schemaVersion).toBe(1);
    b1.close();
    const b2 = await start(dir);
    try {
      expect(b2.database.schemaVersion).toBe(j.entries.length);
      const pre = listBackups(join(dir, 'backups')).filter((x) => x.reason === 'pre-migration');
      expect(pre).toHaveLength(1);
      const copy = new Database(pre[0]!.file, { readonly: true });
      expect((copy.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n).toBe(1);
      copy.close();
    } finally {
      b2.close();
    }
  });

  it('refuses a second process on the same data directory', async () => {
    const dir = tempDir();
    const b = await start(dir);
    try {
      writeFileSync(join(dir, 'store.lock'), String(process.ppid)); // a live process other than us
      const err = await start(dir).catch((e: unknown) => e);
      expect((err as StartupError).code).toBe('DATA_DIR_LOCKED');
    } finally {
      b.close();
    }
  });
});

describe('backup and restore', () => {
  it('round-trips: a restored backup has what was there at backup time, and the replaced database is kept', async () => {
    const dir = tempDir();
    t = await openSetUpBackend({ dataDir: dir });
    await t.call('users.create', {
      username: 'before',
      displayName: 'B',
      role: 'clerk',
      authKind: 'pin',
      secret: '1234',
    });
    const backup = await t.call('system.backupNow', {});
    expect(backup.reason).toBe('manual');
    await t.call('users.create', {
      username: 'after',
      displayName: 'A',
      role: 'clerk',
      authKind: 'pin',
      secret: '1234',
    });

    // restore refuses while the app holds the data directory
    const busy = await restoreBackup(dataPaths(dir), backup.file, MIGRATIONS).catch((e: unknown) => e);
    expect((busy as StartupError).code).toBe('DATA_DIR_LOCKED');
    t.close();
    t = undefined;

    const result = await restoreBackup(dataPaths(dir), backup.file, MIGRATIONS);
    expect(result.previous).toMatch(/pre-restore/);
    t = await openTestBackend({ dataDir: dir });
    await t.call('session.login', { username: 'boss', secret: '1234' });
    const names = (await t.call('users.list', {})).map((u) => u.username);
    expect(names.sort()).toEqual(['before', 'boss']);
    const prev = new Database(result.previous!, { readonly: true });
    expect(prev.prepare("SELECT 1 FROM users WHERE username = 'after'").get()).toBeTruthy();
    prev.close();
    const verify = await t.call('audit.verify', {});
    expect(verify.ok).toBe(true);
  });

  it('makes a daily backup at start and keeps only the configured number', async () => {
    const dir = tempDir();
    t = await openSetUpBackend({ dataDir: dir, firstBackupDelayMs: 0 });
    await new Promise((r) => setTimeout(r, 300));
    expect(listBackups(join(dir, 'backups')).some((b) => b.reason === 'daily')).toBe(true);
    const { store, settings } = await t.call('store.get', {});
    const { id: _id, code: _code, ...rest } = store;
    await t.call('store.update', { store: rest, settings: { ...settings, backupKeep: 2 } });
    for (let i = 0; i < 4; i++) await t.call('system.backupNow', {});
    expect(readdirSync(join(dir, 'backups')).filter((f) => f.endsWith('.sqlite'))).toHaveLength(2);
  });
});
