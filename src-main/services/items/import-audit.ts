import { createHash } from 'node:crypto';
import type { AuditNote, Change } from '../context';

/**
 * Per-item before/after detail is kept in the import's audit entry only while
 * it stays this small (a few dozen items). A large file would otherwise make
 * one multi-megabyte entry that every audit page load and every chain check
 * has to carry.
 */
export const CHANGES_BUDGET = 64 * 1024;

export interface ImportAuditInput {
  fileName: string;
  /** The file as uploaded (base64), hashed so the entry names exactly which file was applied. */
  base64: string;
  rows: number;
  createdCodes: string[];
  updatedCodes: string[];
  changes: Change[];
  /** Written, only checked (dry run), or refused for its errors (the report lists them; nothing was written). */
  outcome: 'applied' | 'dry-run' | 'refused';
}

/**
 * What the one audit entry of an import says: the file's name and SHA-256,
 * the counts and the item codes created and updated (the per-item values
 * when small), instead of the file itself. The codes of the largest file the
 * reader takes (60,000 rows) stay under 2 MB. What an item looked like after
 * the import can be rebuilt from the file (matched by its hash) and the item
 * rows, whose updated_at is the import's time.
 */
export function importAuditNote(a: ImportAuditInput): AuditNote {
  const bytes = Buffer.from(a.base64, 'base64');
  const small = JSON.stringify(a.changes).length <= CHANGES_BUDGET;
  return {
    input: {
      fileName: a.fileName,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.length,
      rows: a.rows,
      created: a.createdCodes.length,
      updated: a.updatedCodes.length,
    },
    result: a.outcome,
    summary: {
      createdCodes: a.createdCodes,
      updatedCodes: a.updatedCodes,
      changesOmitted: small ? 0 : a.changes.length,
    },
    omitChanges: !small,
  };
}
