import { AppError } from '../app-error';
import type { Ctx } from '../context';
import { fieldError } from '../ops/errors';
import { checkPhoto, savePhoto } from '../ops/photo';
import type { attachments } from '../../db/schema';
import { sql } from '../../db/sql';

export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

type Attachment = typeof attachments.$inferSelect;
/** What a list of files shows (never the data itself). */
const filesOf = sql<Omit<Attachment, 'ownerType' | 'ownerId' | 'data'>, [string, string]>(
  `SELECT id, file_name AS fileName, mime, bytes, created_at AS createdAt, created_by AS createdBy
     FROM attachments WHERE owner_type = ? AND owner_id = ? ORDER BY id`,
);

/** A checked upload, ready to be stored as an attachment. */
export type CheckedFile = Pick<Attachment, 'fileName' | 'mime' | 'bytes' | 'data'>;

/** Moves a photo error of ops' checkPhoto (path 'photo') onto the field that held the file. */
function at<T>(path: string, run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (!(err instanceof AppError) || !err.fields) throw err;
    throw new AppError(
      err.code,
      err.key,
      err.params,
      err.fields.map((f) => ({ ...f, path })),
    );
  }
}

/** Photos: PNG or JPEG, 2 MB each (the rules of waste photos). Checks all before anything is written. */
export function checkPhotos(
  photos: readonly { fileName: string; dataBase64: string }[],
  path = 'photos',
): CheckedFile[] {
  return photos.map((p, i) => at(`${path}.${i}`, () => checkPhoto(p)));
}

/** A manual or invoice scan: a PDF up to 5 MB, or a photo. */
export function checkDocument(file: { fileName: string; dataBase64: string }, path: string): CheckedFile {
  const b64 = file.dataBase64.replace(/^data:[^,]*,/, '');
  const bytes = /^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(b64) ? Buffer.from(b64, 'base64') : null;
  if (bytes && bytes.subarray(0, 5).toString('latin1') === '%PDF-') {
    if (bytes.length > MAX_DOCUMENT_BYTES) {
      fieldError('VALIDATION', 'error.repairs.documentSize', path, { size: (bytes.length / 1024 / 1024).toFixed(1) });
    }
    return { fileName: file.fileName, mime: 'application/pdf', bytes: bytes.length, data: bytes.toString('base64') };
  }
  try {
    return at(path, () => checkPhoto(file));
  } catch (err) {
    // Neither a PDF nor an image: say what is accepted here (the photo message only names images).
    if (err instanceof AppError && err.key === 'error.ops.photoType') {
      fieldError('VALIDATION', 'error.repairs.documentType', path);
    }
    throw err;
  }
}

/** Stores a checked photo or document (the same row as a waste photo). */
export function saveFile(ctx: Ctx, ownerType: string, ownerId: string, f: CheckedFile): string {
  return savePhoto(ctx, ownerType, ownerId, f);
}

export function attachmentsOf(
  ctx: Ctx,
  ownerType: string,
  ownerId: string,
  name: (id: string | null) => string | null,
) {
  return filesOf
    .all(ctx.sqlite, ownerType, ownerId)
    .map((r) => ({ ...r, createdAt: new Date(r.createdAt).toISOString(), createdBy: name(r.createdBy) }));
}
