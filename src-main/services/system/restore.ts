import { basename } from 'node:path';
import type { MessageKey } from '../../../src-shared/i18n';
import { listBackups } from '../../db/backup';
import { RestoreRefusal } from '../../db/restore-check';
import { AppError } from '../app-error';
import { sessions } from '../../db/schema';
import type { Ctx } from '../context';
import { storeRow } from '../store/settings';
import type { StagedBackup } from '../../db/restore';
import type { DatabaseRestorer, RestoreDone } from './database-restorer';

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

/**
 * Copies a listed backup aside and checks it: system.restoreCheck's work
 * before its transaction (which records only that it was checked). Nothing
 * of the store changes.
 */
export async function stageRestore(ctx: Ctx, input: { backup: string }): Promise<StagedBackup> {
  const listed = listBackups(ctx.host.paths.backups).find((b) => basename(b.file) === input.backup);
  if (!listed) throw asRefusal(new RestoreRefusal('missing', { file: input.backup }));
  return restorer(ctx)
    .stage(listed.file, input.backup)
    .catch((err: unknown) => {
      throw asRefusal(err);
    });
}

/** What a staged backup holds, beside the store it would replace. */
export function restoreCheck(ctx: Ctx, input: { backup: string }, staged: StagedBackup) {
  const store = storeRow(ctx.db);
  return {
    stagingId: staged.id,
    backup: input.backup,
    contents: staged.contents,
    currentStore: { code: store?.code ?? '', name: store?.name ?? '' },
  };
}

/**
 * Replaces the store database by the checked backup once the admin has typed
 * its store code: system.restore's work before its transaction. The gate
 * holds every other call meanwhile; when this returns, the restored database
 * is the open one, and the call's transaction (finishRestore) runs in it.
 */
export async function runRestore(ctx: Ctx, input: { stagingId: string; confirm: string }): Promise<RestoreDone> {
  const staged = restorer(ctx).staged(input.stagingId);
  if (!staged) throw new AppError('NOT_FOUND', 'system.restore.notStaged');
  const code = staged.contents.storeCode;
  if (input.confirm.trim() !== code) {
    throw new AppError('VALIDATION', 'system.restore.confirmMismatch', { code }, [
      { path: 'confirm', key: 'system.restore.confirmMismatch', params: { code } },
    ]);
  }
  return restorer(ctx)
    .restore(input.stagingId)
    .catch((err: unknown) => {
      throw asRefusal(err);
    });
}

/**
 * In the restored database: everyone signs in again (the caller too),
 * against its users, and its audit log gets the entry of the restore that
 * brought it back.
 */
export function finishRestore(ctx: Ctx, done: RestoreDone) {
  ctx.db.delete(sessions).run();
  ctx.setSession(null);
  ctx.auditNote({
    result: done.restoredFrom,
    summary: {
      from: done.restoredFrom,
      previous: done.previous,
      storeCode: done.contents.storeCode,
      schemaVersion: done.schemaVersion,
    },
  });
  ctx.afterCommit(done.announce);
  return { restoredFrom: done.restoredFrom, previous: basename(done.previous), schemaVersion: done.schemaVersion };
}
