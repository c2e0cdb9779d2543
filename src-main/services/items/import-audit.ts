import { createHash } from 'node:crypto';
import { writeAudit } from '../audit/record';
import type { Change, Ctx } from '../context';

/**
 * Per-item before/after detail is kept in the import's audit entry only while
 * it stays this small (a few dozen items). A large file would otherwise make
 * one multi-megabyte entry that every audit page load and every chain check
 * has to carry.
 */
export const CHANGES_BUDGET = 64 * 1024;
/** Item codes per audit entry: 5,000 codes of at most 32 characters stay under 200 KB. */
export const CODES_PER_ENTRY = 5_000;

export interface ImportAuditInput {
  fileName: string;
  /** The file as uploaded (base64), hashed so the entry names exactly which file was applied. */
  base64: string;
  rows: number;
  createdCodes: string[];
  updatedCodes: string[];
  changes: Change[];
}

/**
 * Writes the audit of an applied import: one entry with the file's name and
 * SHA-256, the counts and the item codes created and updated (the per-item
 * values when small). Beyond CODES_PER_ENTRY codes the lists continue in
 * 'items.import.codes' entries. Each entry is appended to the hash chain like
 * any other, so audit.verify checks them all. What an item looked like after
 * the import can be rebuilt from the file (matched by its hash) and the item
 * rows, whose updated_at is the import's time.
 */
export function writeImportAudit(ctx: Ctx, a: ImportAuditInput): void {
  const bytes = Buffer.from(a.base64, 'base64');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const input = {
    fileName: a.fileName,
    sha256,
    bytes: bytes.length,
    rows: a.rows,
    created: a.createdCodes.length,
    updated: a.updatedCodes.length,
  };
  const tagged = [
    ...a.createdCodes.map((code) => ({ code, created: true })),
    ...a.updatedCodes.map((code) => ({ code, created: false })),
  ];
  const parts = Math.max(1, Math.ceil(tagged.length / CODES_PER_ENTRY));
  const codesOf = (part: number) => {
    const chunk = tagged.slice(part * CODES_PER_ENTRY, (part + 1) * CODES_PER_ENTRY);
    return {
      createdCodes: chunk.filter((c) => c.created).map((c) => c.code),
      updatedCodes: chunk.filter((c) => !c.created).map((c) => c.code),
    };
  };
  const small = JSON.stringify(a.changes).length <= CHANGES_BUDGET;
  writeAudit(ctx, 'items.import', {
    input,
    summary: { ...codesOf(0), parts, changesOmitted: small ? 0 : a.changes.length },
    changes: small ? a.changes : undefined,
  });
  for (let part = 1; part < parts; part++) {
    writeAudit(ctx, 'items.import.codes', { summary: { sha256, part: part + 1, parts, ...codesOf(part) } });
  }
}
