import { columnLetters, SheetRefusal, type SheetLimits } from './limits';

/**
 * CSV as Excel and WPS write it: RFC 4180 quoting, CRLF or LF, comma (or tab
 * when the header has no comma). Bytes may be UTF-8 with or without BOM,
 * UTF-16 with BOM ("Unicode text"), or GBK, which Chinese Excel still writes
 * by default.
 */

export type Encoding = 'utf-8' | 'utf-16le' | 'gbk';

export function decodeText(bytes: Uint8Array): { text: string; encoding: Encoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8: GBK is what a Chinese Windows saves by default (a superset of GB2312).
    return { text: new TextDecoder('gbk').decode(bytes), encoding: 'gbk' };
  }
}

type CsvLimits = Pick<SheetLimits, 'maxRows' | 'maxColumns' | 'maxCells'>;

const UNLIMITED: CsvLimits = { maxRows: Infinity, maxColumns: Infinity, maxCells: Infinity };

/**
 * Records as arrays of cells. Throws on an unterminated quote (the only way
 * CSV can be malformed), and refuses as soon as a row, column or cell count
 * passes its limit: a file of commas must not become millions of cells.
 */
export function parseCsv(text: string, limits: CsvLimits = UNLIMITED): string[][] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const sep = !firstLine.includes(',') && firstLine.includes('\t') ? '\t' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let cells = 0;
  const endCell = () => {
    row.push(cell);
    cell = '';
    if (row.length > limits.maxColumns) {
      throw new SheetRefusal('tooManyColumns', {
        cell: `${columnLetters(row.length)}${rows.length + 1}`,
        max: limits.maxColumns,
        maxLetters: columnLetters(limits.maxColumns),
      });
    }
    if (++cells > limits.maxCells) throw new SheetRefusal('tooManyCells', { max: limits.maxCells });
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
    if (rows.length > limits.maxRows) throw new SheetRefusal('tooManyRows', { row: rows.length, max: limits.maxRows });
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        cell += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && cell === '') quoted = true;
    else if (ch === sep) endCell();
    else if (ch === '\n' || ch === '\r') {
      endRow();
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else cell += ch;
    i++;
  }
  if (quoted) throw new Error('unterminated quote');
  if (cell !== '' || row.length) endRow();
  return rows;
}
