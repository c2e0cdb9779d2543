import { decodeText, parseCsv } from './csv';
import { SheetRefusal, type SheetLimits } from './limits';
import { readXlsxRows } from './xlsx';

export type SheetKind = 'xlsx' | 'csv';

/** What the worker sends back: rows, or why the file was refused (errors cross threads as data). */
export type SheetResult =
  | { ok: true; rows: string[][] }
  | { ok: false; reason: SheetRefusal['reason']; params: Record<string, string | number> };

/** Reads one file under the limits; never throws. Runs in the worker (and directly in unit tests). */
export function parseSheet(kind: SheetKind, bytes: Buffer, limits: SheetLimits): SheetResult {
  try {
    const rows = kind === 'xlsx' ? readXlsxRows(bytes, limits) : parseCsv(decodeText(bytes).text, limits);
    return { ok: true, rows };
  } catch (err) {
    if (err instanceof SheetRefusal) return { ok: false, reason: err.reason, params: err.params };
    const reason = err instanceof Error ? err.message : String(err);
    return { ok: false, reason: 'unreadable', params: { reason: reason.slice(0, 120) } };
  }
}
