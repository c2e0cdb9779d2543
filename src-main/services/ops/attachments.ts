import { eq } from 'drizzle-orm';
import { toIso } from '../../../src-shared/time';
import { attachments } from '../../db/schema';
import { AppError } from '../app-error';
import type { Ctx } from '../context';

/** One stored attachment with its content (already base64 in the table). */
export function getAttachment(ctx: Ctx, i: { id: string }) {
  const row = ctx.db
    .select({
      id: attachments.id,
      ownerType: attachments.ownerType,
      ownerId: attachments.ownerId,
      fileName: attachments.fileName,
      mime: attachments.mime,
      bytes: attachments.bytes,
      base64: attachments.data,
      createdAt: attachments.createdAt,
    })
    .from(attachments)
    .where(eq(attachments.id, i.id))
    .get();
  if (!row) throw new AppError('NOT_FOUND', 'error.attachments.notFound');
  return { ...row, createdAt: toIso(row.createdAt)! };
}
