import { basename } from 'node:path';
import type { MessageKey } from '../../../src-shared/i18n';
import { listBackups } from '../../db/backup';
import { RestoreRefusal } from '../../db/restore-check';
import { AppError } from '../app-error';
import { writeAudit } from '../audit/record';
import { requireUser, type Ctx } from '../context';
import { storeRow } from '../store/settings';
import type { DatabaseRestorer } from './database-restorer';

function restorer(ctx: Ctx): DatabaseRestorer {
  if (!ctx.host.restorer) throw new Error('this host cannot restore a running database');
  return ctx.host.restorer;
}

/** A refused backup as one validation error on the field that chose it. */
export function asRefusal(err: unknown, path = 'backup'): unknown {
  if (!(err instanceof RestoreRefusal)) return err;
  const key = `system.restore.refused.${err.reason}` as MessageKey;
  const params = { ...err.params, ...(err.params.file ? { file: basename(String(err.params.file)) } : {}) };
  return new AppError('VALIDATION', key, params, [{ path, key, params }]);
}

/** Copies a listed backup aside, checks it and says what it holds; nothing of the store changes. */
export async function restoreCheck(ctx: Ctx, input: { backup: string }) {
  const listed = listBackups(ctx.host.paths.backups).find((b) => basename(b.file) === input.backup);
  if (!listed) throw asRefusal(new RestoreRefusal('missing', { file: input.backup }));
  const staged = await restorer(ctx)
    .stage(listed.file, input.backup)
    .catch((err: unknown) => {
      throw asRefusal(err);
    });
  const store = storeRow(ctx.db);
  ctx.sqlite.transaction(() => writeAudit(ctx, 'system.restoreCheck', { input }))();
  return {
    stagingId: staged.id,
    backup: input.backup,
    contents: staged.contents,
    currentStore: { code: store?.code ?? '', name: store?.name ?? '' },
  };
}

/**
 * Replaces the store database by the checked backup once the admin has typed
 * its store code. The audit entry is written in the restored database (by the
 * restorer, after the swap): this one closes with it.
 */
export async function restoreRun(ctx: Ctx, input: { stagingId: string; confirm: string }) {
  const user = requireUser(ctx);
  const staged = restorer(ctx).staged(input.stagingId);
  if (!staged) throw new AppError('NOT_FOUND', 'system.restore.notStaged');
  const code = staged.contents.storeCode;
  if (input.confirm.trim() !== code) {
    throw new AppError('VALIDATION', 'system.restore.confirmMismatch', { code }, [
      { path: 'confirm', key: 'system.restore.confirmMismatch', params: { code } },
    ]);
  }
  const done = await restorer(ctx)
    .restore(input.stagingId, { id: user.id, username: user.username }, ctx.now)
    .catch((err: unknown) => {
      throw asRefusal(err);
    });
  ctx.setSession(null);
  return { restoredFrom: done.restoredFrom, previous: basename(done.previous), schemaVersion: done.schemaVersion };
}
