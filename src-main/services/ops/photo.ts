import { attachments } from '../../db/schema';
import { uuidv7 } from '../../lib/ids';
import type { Ctx } from '../context';
import { imageSize } from '../uploads/image-size';
import { fieldError } from './errors';

export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;
/** Pixels a photo may declare: a 48-megapixel phone camera (8064 × 6048) fits, a decompression bomb does not. */
export const MAX_PHOTO_PIXELS = 50_000_000;
export const MAX_PHOTO_SIDE = 12_000;
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

/** The type is read from the file's first bytes, never trusted from its name. */
export function imageMime(bytes: Buffer): 'image/png' | 'image/jpeg' | null {
  const starts = (sig: number[]) => bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
  if (starts(PNG)) return 'image/png';
  if (starts(JPEG)) return 'image/jpeg';
  return null;
}

/** A file checked and ready to store (its type read from its bytes). */
export interface CheckedUpload {
  fileName: string;
  mime: string;
  bytes: number;
  data: string;
}

/** Checks a photo (PNG/JPEG, at most 2 MB and 50 megapixels, read from its header); call before writing anything. */
export function checkPhoto(photo: { fileName: string; dataBase64: string }) {
  const b64 = photo.dataBase64.replace(/^data:[^,]*,/, '');
  if (!/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(b64)) fieldError('VALIDATION', 'error.ops.photoType', 'photo');
  const bytes = Buffer.from(b64, 'base64');
  if (bytes.length > MAX_PHOTO_BYTES) {
    fieldError('VALIDATION', 'error.ops.photoSize', 'photo', { size: (bytes.length / 1024 / 1024).toFixed(1) });
  }
  const mime = imageMime(bytes);
  if (!mime) return fieldError('VALIDATION', 'error.ops.photoType', 'photo');
  const size = imageSize(bytes, mime);
  if (size && (size.width * size.height > MAX_PHOTO_PIXELS || Math.max(size.width, size.height) > MAX_PHOTO_SIDE)) {
    fieldError('VALIDATION', 'upload.image.tooLarge', 'photo', {
      width: size.width,
      height: size.height,
      max: MAX_PHOTO_SIDE,
      megapixels: MAX_PHOTO_PIXELS / 1_000_000,
    });
  }
  return { fileName: photo.fileName, mime, bytes: bytes.length, data: bytes.toString('base64') };
}

/** Stores a checked file as an attachment: a photo, or a document repairs checked (repairs/files.ts). */
export function savePhoto(ctx: Ctx, ownerType: string, ownerId: string, p: CheckedUpload): string {
  const id = uuidv7(ctx.now);
  ctx.db
    .insert(attachments)
    .values({ id, ownerType, ownerId, ...p, createdAt: ctx.now, createdBy: ctx.user?.id ?? null })
    .run();
  ctx.changed({
    table: 'attachments',
    id,
    op: 'insert',
    values: { ownerType, ownerId, fileName: p.fileName, mime: p.mime, bytes: p.bytes },
  });
  return id;
}
