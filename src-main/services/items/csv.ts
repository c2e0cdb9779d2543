// Reading CSV lives with the other spreadsheet readers (under limits, in a worker); this file writes it.
export { decodeText, parseCsv, type Encoding } from '../../lib/spreadsheet/csv';

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) || /^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** UTF-8 with a BOM and CRLF: what Excel opens without garbling Chinese. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return '\uFEFF' + rows.map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
}
