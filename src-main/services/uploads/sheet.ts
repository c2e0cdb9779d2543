import type { MessageKey } from '../../../src-shared/i18n';
import { DEFAULT_SHEET_LIMITS, SheetRefusal, type SheetLimits } from '../../lib/spreadsheet/limits';
import { readSheetInWorker } from '../../lib/spreadsheet/run';
import { AppError } from '../app-error';

export interface SheetUpload {
  fileName: string;
  base64: string;
}

const fail = (key: MessageKey, params?: Record<string, string | number>) =>
  new AppError('VALIDATION', key, params, [{ path: 'base64', key, params }]);

/** Bytes a base64 text decodes to, without decoding it (a refused file is never copied). */
export function base64Bytes(base64: string): number {
  const pad = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.floor((base64.length * 3) / 4) - pad;
}

function kindOf(fileName: string, bytes: Buffer): 'xlsx' | 'csv' | 'xls' | null {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  // An OLE compound file: the old .xls format, or any password-protected Office file.
  const ole = bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0 && bytes.readUInt32BE(4) === 0xa1b11ae1;
  if (ole && ext !== 'csv' && ext !== 'txt') return 'xls';
  if (ext === 'xlsx' || (zip && ext !== 'csv' && ext !== 'txt')) return 'xlsx';
  if (ext === 'csv' || ext === 'txt') return 'csv';
  return null;
}

/**
 * An uploaded CSV or XLSX as rows of text cells (rows[0] is row 1), read off
 * the request path in a worker under hard limits. Every refusal is one
 * VALIDATION error on the file field saying which limit and what to do.
 */
export async function readUploadedSheet(upload: SheetUpload, limits: Partial<SheetLimits> = {}): Promise<string[][]> {
  const maxBytes = limits.maxFileBytes ?? DEFAULT_SHEET_LIMITS.maxFileBytes;
  if (base64Bytes(upload.base64) > maxBytes) {
    throw fail('upload.sheet.tooBig', { mb: Math.round(maxBytes / (1024 * 1024)) });
  }
  const bytes = Buffer.from(upload.base64, 'base64');
  const kind = kindOf(upload.fileName, bytes);
  if (kind === 'xls') throw fail('upload.sheet.oldFormat', { name: upload.fileName });
  if (!kind) throw fail('upload.sheet.badType', { name: upload.fileName });
  try {
    return await readSheetInWorker(kind, bytes, limits);
  } catch (err) {
    if (!(err instanceof SheetRefusal)) throw err;
    if (err.reason === 'unreadable') {
      throw fail('upload.sheet.unreadable', { format: kind.toUpperCase(), reason: String(err.params.reason ?? '') });
    }
    throw fail(`upload.sheet.${err.reason}`, err.params);
  }
}
