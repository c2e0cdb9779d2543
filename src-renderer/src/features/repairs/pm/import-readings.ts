import { parseScaled } from '../../../../../src-shared/quantity';

export interface ReadingRow {
  equipmentCode: string;
  value: number;
  readAt: string;
}

export interface ParsedReadings {
  rows: ReadingRow[];
  /** Line numbers (1-based, as in the file) with what is wrong there. */
  problems: { line: number; text: string }[];
  /** For each row, its line in the file: server errors name rows by index. */
  lines: number[];
}

/**
 * Meter readings as exported by a meter or kept in a sheet: one line per
 * reading, `code, run hours, date time` separated by commas, semicolons or
 * tabs; a header line is skipped. Times without a zone are the device's local
 * time (the store's, on a store PC).
 */
export function parseReadings(text: string): ParsedReadings {
  const out: ParsedReadings = { rows: [], problems: [], lines: [] };
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const cells = line.split(/[,;\t]/).map((c) => c.trim().replace(/^"|"$/g, ''));
    const [code = '', valueText = '', at = ''] = cells;
    const value = parseScaled(valueText.replace(/\s/g, ''), 1000);
    if (i === 0 && value === null) return; // a header
    const ms = Date.parse(/^\d{4}-\d\d-\d\d \d/.test(at) ? at.replace(' ', 'T') : at);
    if (!code || value === null || value < 0 || !Number.isFinite(ms)) {
      out.problems.push({ line: i + 1, text: line });
      return;
    }
    out.rows.push({ equipmentCode: code, value, readAt: new Date(ms).toISOString() });
    out.lines.push(i + 1);
  });
  return out;
}
