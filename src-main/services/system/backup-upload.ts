import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { backupPath } from '../../db/backup';
import { checkBackupFile } from '../../db/restore-check';
import { AppError } from '../app-error';
import type { Ctx } from '../context';
import { storeRow } from '../store/settings';
import { base64Bytes } from '../uploads/sheet';
import { asRefusal } from './restore';

/** A store database with years of movements; anything larger is copied onto the PC by hand. */
export const MAX_BACKUP_UPLOAD_BYTES = 1024 * 1024 * 1024;
const PART = /^\.upload-([0-9a-f-]{36})\.part$/;
const DAY = 24 * 3600_000;

const badUpload = () =>
  new AppError('VALIDATION', 'system.restore.badUpload', undefined, [
    { path: 'file', key: 'system.restore.badUpload' },
  ]);

/** Pieces of uploads abandoned a day ago or more (a closed browser tab) are ours to remove. */
function dropStaleParts(dir: string, now: number): void {
  for (const name of readdirSync(dir)) {
    if (!PART.test(name)) continue;
    try {
      if (now - statSync(join(dir, name)).mtimeMs > DAY) rmSync(join(dir, name), { force: true });
    } catch {
      /* removed meanwhile */
    }
  }
}

export interface UploadedPiece {
  uploadId: string;
  bytes: number;
  backup: string | null;
}

/**
 * Appends one piece of an uploaded backup (in order, asynchronously, bounded
 * in total): system.restoreUpload's work before its transaction, which then
 * only records the piece (recordUploadedPiece). The last piece must make a
 * SQLite file that is not the live database; it is then filed in the backups
 * folder under an `uploaded` name, where the restore checks it fully like any
 * other backup.
 */
export async function uploadBackupChunk(
  ctx: Ctx,
  input: { uploadId: string | null; offset: number; base64: string; last: boolean },
): Promise<UploadedPiece> {
  const dir = ctx.host.paths.backups;
  mkdirSync(dir, { recursive: true });
  if (input.uploadId === null) {
    if (input.offset !== 0) throw badUpload();
    dropStaleParts(dir, ctx.now);
  }
  const uploadId = input.uploadId ?? randomUUID();
  const part = join(dir, `.upload-${uploadId}.part`);
  let size = 0;
  try {
    size = statSync(part).size;
  } catch {
    if (input.uploadId !== null) throw badUpload();
  }
  if (input.offset !== size) throw badUpload();
  if (size + base64Bytes(input.base64) > MAX_BACKUP_UPLOAD_BYTES) {
    rmSync(part, { force: true });
    throw new AppError('VALIDATION', 'system.restore.refused.tooBig', { mb: MAX_BACKUP_UPLOAD_BYTES / 1024 / 1024 }, [
      { path: 'file', key: 'system.restore.refused.tooBig', params: { mb: MAX_BACKUP_UPLOAD_BYTES / 1024 / 1024 } },
    ]);
  }
  await appendFile(part, Buffer.from(input.base64, 'base64'));
  const bytes = statSync(part).size;
  if (!input.last) return { uploadId, bytes, backup: null };
  try {
    checkBackupFile(part, ctx.host.paths);
  } catch (err) {
    rmSync(part, { force: true });
    throw asRefusal(err, 'file');
  }
  const target = backupPath(dir, 'uploaded', new Date(ctx.now), storeRow(ctx.db)?.timezone ?? 'UTC');
  renameSync(part, target);
  return { uploadId, bytes, backup: basename(target) };
}

/** The audit entry of one piece: the upload it belongs to and its size so far; the filed backup's name at the end. */
export function recordUploadedPiece(ctx: Ctx, piece: UploadedPiece): UploadedPiece {
  ctx.auditNote({
    ...(piece.backup ? { result: piece.backup } : {}),
    summary: { uploadId: piece.uploadId, bytes: piece.bytes },
  });
  return piece;
}
