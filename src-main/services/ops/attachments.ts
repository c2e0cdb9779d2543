import { toIso } from '../../../src-shared/time';
import { AppError } from '../app-error';
import type { Ctx } from '../context';

/** One stored attachment with its content (already base64 in the table). */
export function getAttachment(ctx: Ctx, i: { id: string }) {
  const row = ctx.sqlite
    .prepare(
      `SELECT id, owner_type AS ownerType, owner_id AS ownerId, file_name AS fileName, mime, bytes, data AS base64,
              created_at AS createdAt
       FROM attachments WHERE id = ?`,
    )
    .get(i.id) as
    | {
        id: string;
        ownerType: string;
        ownerId: string;
        fileName: string;
        mime: string;
        bytes: number;
        base64: string;
        createdAt: number;
      }
    | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'error.attachments.notFound');
  return { ...row, createdAt: toIso(row.createdAt)! };
}
