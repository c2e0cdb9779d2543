import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, linkSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listBackups } from '../../src-main/db/backup';
import { restoreBackup } from '../../src-main/db/restore';
import { RestoreRefusal } from '../../src-main/db/restore-check';
import { dataPaths } from '../../src-main/lib/paths';
import { MIGRATIONS, openSetUpBackend, openTestBackend, tempDir, type TestBackend } from '../helpers/backend';

/** Issue 9, point 6: a restore checks the file before anything moves, never deletes, and can be run from System. */
let t: TestBackend | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const reason = (p: Promise<unknown>) =>
  p.then(
    () => 'restored',
    (e: unknown) => (e instanceof RestoreRefusal ? e.reason : (e as Error).message),
  );
const clerk = (username: string) => ({
  username,
  displayName: username,
  role: 'clerk' as const,
  authKind: 'pin' as const,
  secret: '3456',
});
const names = async (b: TestBackend) => (await b.call('users.list', {})).map((u) => u.username).sort();

/** A stopped store with one backup; returns its data dir and the backup file. */
async function storeWithBackup(): Promise<{ dir: string; backup: string }> {
  const dir = tempDir();
  const b = await openSetUpBackend({ dataDir: dir });
  await b.call('users.create', clerk('before'));
  const backup = (await b.call('system.backupNow', {})).file;
  await b.call('users.create', clerk('after'));
  b.close();
  return { dir, backup };
}

describe('restore from the command line', () => {
  it('refuses an empty file, an unrelated SQLite file, a newer schema and the live file (by any name), changing nothing', async () => {
    const { dir, backup } = await storeWithBackup();
    const paths = dataPaths(dir);
    const live = sha(paths.db);
    const other = tempDir();
    const empty = join(other, 'empty.sqlite');
    writeFileSync(empty, '');
    const unrelated = join(other, 'unrelated.sqlite');
    const u = new Database(unrelated);
    u.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES (1)');
    u.close();
    const newer = join(other, 'newer.sqlite');
    writeFileSync(newer, readFileSync(backup));
    const n = new Database(newer);
    n.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('future', Date.now() + 1e10);
    n.close();
    const text = join(other, 'notes.txt');
    writeFileSync(text, 'SQLite format 2 but really just text'.repeat(10));
    const symlink = join(other, 'link.sqlite');
    symlinkSync(paths.db, symlink);
    const hardlink = join(other, 'hard.sqlite');
    linkSync(paths.db, hardlink);

    expect(await reason(restoreBackup(paths, empty, MIGRATIONS))).toBe('empty');
    expect(await reason(restoreBackup(paths, unrelated, MIGRATIONS))).toBe('notOurs');
    expect(await reason(restoreBackup(paths, newer, MIGRATIONS))).toBe('newer');
    expect(await reason(restoreBackup(paths, text, MIGRATIONS))).toBe('notSqlite');
    expect(await reason(restoreBackup(paths, paths.db, MIGRATIONS))).toBe('liveFile');
    expect(await reason(restoreBackup(paths, symlink, MIGRATIONS))).toBe('liveFile');
    expect(await reason(restoreBackup(paths, hardlink, MIGRATIONS))).toBe('liveFile');
    expect(await reason(restoreBackup(paths, `${paths.db}-wal`, MIGRATIONS))).toBe('missing');
    expect(await reason(restoreBackup(paths, join(other, 'nope.sqlite'), MIGRATIONS))).toBe('missing');
    // Nothing moved: the live database is the same file, no pre-restore copy, nothing staged left behind.
    expect(sha(paths.db)).toBe(live);
    expect(listBackups(paths.backups).map((b) => b.reason)).toEqual(['manual']);
    expect(readdirSync(join(dir, 'restore-staging'))).toEqual([]);
    t = await openTestBackend({ dataDir: dir });
    await t.call('session.login', { username: 'boss', secret: '1234' });
    expect(await names(t)).toEqual(['after', 'before', 'boss']);
  });

  it('restores a good backup and keeps the replaced database as a pre-restore backup', async () => {
    const { dir, backup } = await storeWithBackup();
    const result = await restoreBackup(dataPaths(dir), backup, MIGRATIONS);
    expect(result.contents).toMatchObject({ storeCode: 'SH-001', storeName: '测试门店', users: 2 });
    expect(basename(result.previous!)).toMatch(/^store-\d{8}-\d{6}-\d{3}\+0800-pre-restore\.sqlite$/);
    const prev = new Database(result.previous!, { readonly: true });
    expect(prev.prepare("SELECT 1 FROM users WHERE username = 'after'").get()).toBeTruthy();
    prev.close();
    t = await openTestBackend({ dataDir: dir });
    await t.call('session.login', { username: 'boss', secret: '1234' });
    expect(await names(t)).toEqual(['before', 'boss']);
    expect((await t.call('audit.verify', {})).ok).toBe(true);
  });
});

describe('restore from the System page (the running backend)', () => {
  it('shows what a backup holds, asks for the store code, swaps, signs everyone out and audits in the restored database', async () => {
    t = await openSetUpBackend();
    await t.call('users.create', clerk('before'));
    const backup = basename((await t.call('system.backupNow', {})).file);
    await t.call('users.create', clerk('after'));
    await t.call('store.get', {});

    const check = await t.call('system.restoreCheck', { backup });
    expect(check).toMatchObject({
      backup,
      currentStore: { code: 'SH-001', name: '测试门店' },
      contents: { storeCode: 'SH-001', storeName: '测试门店', timezone: 'Asia/Shanghai', users: 2, items: 0 },
    });
    expect(check.contents.schemaVersion).toBe(check.contents.appSchemaVersion);

    const wrong = await t.fail('system.restore', { stagingId: check.stagingId, confirm: 'SH-002' });
    expect(wrong.fields).toEqual([{ path: 'confirm', message: 'Type the store code SH-001 exactly to confirm.' }]);
    const other = await openTestSession(t);

    const running = t.call('system.restore', { stagingId: check.stagingId, confirm: 'SH-001' });
    // Calls made while it runs are told why, not crashed.
    const during = await t.fail('users.list', {}, { token: other });
    expect(during).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('being restored') });
    const done = await running;
    expect(done.restoredFrom).toBe(backup);
    expect(done.previous).toMatch(/pre-restore\.sqlite$/);

    // Every session ended, the caller's too.
    expect(t.token).toBeNull();
    expect((await t.fail('users.list', {}, { token: other })).code).toMatch(/UNAUTHENTICATED|SESSION_EXPIRED/);
    await t.call('session.login', { username: 'boss', secret: '1234' });
    expect(await names(t)).toEqual(['before', 'boss']);
    const audit = await t.call('audit.list', {});
    const entry = audit.rows.find((r) => r.method === 'system.restore');
    expect(entry).toMatchObject({ username: 'boss' });
    expect(JSON.stringify(entry)).toContain(backup);
    expect((await t.call('audit.verify', {})).ok).toBe(true);
    // The replaced database is kept, with what was there before.
    const prev = new Database(join(t.dir, 'backups', done.previous), { readonly: true });
    expect(prev.prepare("SELECT 1 FROM users WHERE username = 'after'").get()).toBeTruthy();
    prev.close();
  });

  it('refuses a listed file that is the live database (a symlink in the backups folder) and names outside the list', async () => {
    t = await openSetUpBackend();
    await t.call('system.backupNow', {});
    const link = 'store-20260101-000000-000+0800-manual.sqlite';
    symlinkSync(join(t.dir, 'store.sqlite'), join(t.dir, 'backups', link));
    const live = await t.fail('system.restoreCheck', { backup: link });
    expect(live.fields).toEqual([
      {
        path: 'backup',
        message:
          'That is the database the store is using right now, not a backup. Nothing was changed. Choose a backup from the list.',
      },
    ]);
    expect((await t.fail('system.restoreCheck', { backup: 'store-x.sqlite' })).message).toContain('does not exist');
    expect((await t.fail('system.restoreCheck', { backup: '../store.sqlite' })).code).toBe('VALIDATION');
    expect((await t.call('system.ping', {})).now).toBeTruthy();
  });

  it('a failed swap (the rename fails, as in a crash) leaves the old database whole and serving', async () => {
    t = await openSetUpBackend();
    await t.call('users.create', clerk('before'));
    const backup = basename((await t.call('system.backupNow', {})).file);
    await t.call('users.create', clerk('after'));
    const check = await t.call('system.restoreCheck', { backup });
    const err = await t.backend.host
      .restorer!.restore(check.stagingId, {
        rename() {
          throw new Error('EIO: simulated crash before the rename');
        },
      })
      .catch((e: unknown) => (e as Error).message);
    expect(err).toBe('EIO: simulated crash before the rename');
    // The old database is in place, reopened, and the calls go on (the session too: nothing was swapped).
    expect(await names(t)).toEqual(['after', 'before', 'boss']);
    expect(readdirSync(join(t.dir, 'restore-staging'))).toEqual([]);
    expect(existsSync(join(t.dir, 'store.sqlite-wal.before-restore'))).toBe(false);
    expect((await t.call('audit.verify', {})).ok).toBe(true);
  });

  it('uploads a backup in pieces, files it in the backups folder, and refuses an empty or unrelated upload', async () => {
    t = await openSetUpBackend();
    await t.call('users.create', clerk('before'));
    const file = (await t.call('system.backupNow', {})).file;
    const bytes = readFileSync(file);
    const half = Math.ceil(bytes.length / 2);
    const first = await t.call('system.restoreUpload', {
      uploadId: null,
      offset: 0,
      base64: bytes.subarray(0, half).toString('base64'),
      last: false,
    });
    expect(first.backup).toBeNull();
    const out = await t.fail('system.restoreUpload', {
      uploadId: first.uploadId,
      offset: 5,
      base64: 'AAAA',
      last: false,
    });
    expect(out.message).toBe('The upload was interrupted or sent out of order. Choose the file again.');
    const second = await t.call('system.restoreUpload', {
      uploadId: first.uploadId,
      offset: half,
      base64: bytes.subarray(half).toString('base64'),
      last: true,
    });
    expect(second.backup).toMatch(/^store-\d{8}-\d{6}-\d{3}\+0800-uploaded\.sqlite$/);
    expect(sha(join(t.dir, 'backups', second.backup!))).toBe(sha(file));
    expect((await t.call('system.backups', {})).map((b) => b.reason)).toContain('uploaded');
    const check = await t.call('system.restoreCheck', { backup: second.backup! });
    expect(check.contents.users).toBe(2);

    const empty = await t.fail('system.restoreUpload', { uploadId: null, offset: 0, base64: '', last: true });
    expect(empty.fields![0]!.message).toContain('The file is empty');
    const notDb = await t.fail('system.restoreUpload', {
      uploadId: null,
      offset: 0,
      base64: Buffer.from('hello').toString('base64'),
      last: true,
    });
    expect(notDb.fields![0]).toMatchObject({ path: 'file', message: expect.stringContaining('not a database backup') });
    expect(readdirSync(join(t.dir, 'backups')).filter((n) => n.startsWith('.upload-'))).toEqual([]);
  });
});

/** A second browser signed in as the same admin (its own session token). */
async function openTestSession(b: TestBackend): Promise<string> {
  const out = await b.backend.dispatch(
    'session.login',
    { username: 'boss', secret: '1234' },
    { token: null, locale: 'en', caller: { loopback: true, client: 'second' } },
  );
  return out.session!.token;
}
