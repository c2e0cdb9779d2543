import { columnLetters, columnNumber, SheetRefusal, type SheetLimits } from './limits';
import { attr, tags, textRuns, unescapeXml } from './xml';
import { BoundedZip } from './zip';

type Limits = Omit<SheetLimits, 'timeoutMs' | 'maxHeapMb' | 'maxFileBytes'>;

/** Formats Excel builds in that show a date (27-36 and 50-58 are the Chinese, Japanese and Korean ones). */
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

function isDateFormat(code: string): boolean {
  // Quoted text, [colours]/[locales] and escaped characters are not part of the pattern.
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[ymdhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

function text(zip: BoundedZip, name: string): string | null {
  return zip.read(name)?.toString('utf8') ?? null;
}

/** Relationship targets of a part, by id and by type suffix, resolved against the part's folder. */
function relationships(zip: BoundedZip, part: string): { byId: Map<string, string>; byType: Map<string, string> } {
  const folder = part.slice(0, part.lastIndexOf('/') + 1);
  const relsName = `${folder}_rels/${part.slice(folder.length)}.rels`;
  const byId = new Map<string, string>();
  const byType = new Map<string, string>();
  const xml = text(zip, relsName) ?? '';
  for (const a of tags(xml, 'Relationship')) {
    const target = attr(a, 'Target');
    if (!target) continue;
    const resolved = resolvePart(folder, target);
    const id = attr(a, 'Id');
    if (id) byId.set(id, resolved);
    const type = attr(a, 'Type')?.split('/').pop();
    if (type && !byType.has(type)) byType.set(type, resolved);
  }
  return { byId, byType };
}

function resolvePart(folder: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : folder + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p && p !== '.') out.push(p);
  }
  return out.join('/');
}

function sharedStrings(zip: BoundedZip, part: string | undefined, limits: Limits): string[] {
  const xml = part ? text(zip, part) : null;
  if (!xml) return [];
  const declared = Number(attr(/<(?:\w+:)?sst\b([^>]*)>/.exec(xml)?.[1] ?? '', 'uniqueCount') ?? 0);
  if (declared > limits.maxSharedStrings) {
    throw new SheetRefusal('tooManySharedStrings', { count: declared, max: limits.maxSharedStrings });
  }
  const out: string[] = [];
  let from = 0;
  for (let at = xml.indexOf('<si', from); at >= 0; at = xml.indexOf('<si', from)) {
    const open = xml.indexOf('>', at);
    if (open < 0) break;
    if (xml[open - 1] === '/') {
      out.push('');
      from = open + 1;
    } else {
      const close = xml.indexOf('</si>', open);
      const end = close < 0 ? xml.length : close;
      out.push(textRuns(xml.slice(open + 1, end)));
      from = end + 5;
    }
    if (out.length > limits.maxSharedStrings) {
      throw new SheetRefusal('tooManySharedStrings', {
        count: `>${limits.maxSharedStrings}`,
        max: limits.maxSharedStrings,
      });
    }
  }
  return out;
}

/** Indexes of the cell styles (cellXfs) that show numbers as dates. */
function dateStyles(zip: BoundedZip, part: string | undefined): Set<number> {
  const xml = part ? text(zip, part) : null;
  const out = new Set<number>();
  if (!xml) return out;
  const custom = new Map<number, string>();
  for (const a of tags(xml, 'numFmt')) custom.set(Number(attr(a, 'numFmtId')), attr(a, 'formatCode') ?? '');
  const start = xml.search(/<(?:\w+:)?cellXfs\b/);
  if (start < 0) return out;
  const end = xml.indexOf('cellXfs>', start + 8);
  let i = 0;
  for (const a of tags(xml.slice(start, end < 0 ? xml.length : end), 'xf')) {
    const id = Number(attr(a, 'numFmtId') ?? 0);
    const code = custom.get(id);
    if (code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id)) out.add(i);
    i++;
  }
  return out;
}

const CELL_OR_ROW = /<(?:\w+:)?(row|c)\b([^>]*)>/g;
const VALUE = /<(?:\w+:)?v(?:\s[^>]*)?>([^<]*)</;
const INLINE = /<(?:\w+:)?is\b/;
const CELL_END = /<\/(?:\w+:)?c>/g;

/**
 * The first worksheet of an XLSX as rows of text cells, rows and cells kept by
 * position (rows[0] is row 1), read under the limits: the row and column of
 * every cell are checked as it is met, so a cell in XFD or on row 1,048,576 is
 * refused at once, and the cells laid out so far are counted.
 */
export function readXlsxRows(buf: Buffer, limits: Limits): string[][] {
  const zip = new BoundedZip(buf, limits);
  const root = relationships(zip, '');
  const workbookPart = root.byType.get('officeDocument') ?? 'xl/workbook.xml';
  const workbook = text(zip, workbookPart);
  if (workbook === null) throw new SheetRefusal('unreadable', { reason: 'no workbook in the file' });
  const rels = relationships(zip, workbookPart);
  const firstSheet = tags(workbook, 'sheet').next();
  const sheetPart = firstSheet.done ? undefined : rels.byId.get(attr(firstSheet.value, 'r:id') ?? '');
  const sheet = sheetPart ? text(zip, sheetPart) : null;
  if (sheet === null) return [];
  const date1904 = /date1904\s*=\s*["'](1|true)["']/.test(workbook);
  const strings = sharedStrings(zip, rels.byType.get('sharedStrings'), limits);
  const dates = dateStyles(zip, rels.byType.get('styles'));

  const rows: string[][] = [];
  let row: string[] = [];
  let rowNumber = 0;
  let col = 0;
  let cells = 0;
  const dataStart = sheet.search(/<(?:\w+:)?sheetData\b/);
  if (dataStart < 0) return [];
  CELL_OR_ROW.lastIndex = dataStart;
  for (let m = CELL_OR_ROW.exec(sheet); m; m = CELL_OR_ROW.exec(sheet)) {
    const [, kind, attrs] = m as unknown as [string, 'row' | 'c', string];
    if (kind === 'row') {
      const r = attr(attrs, 'r');
      rowNumber = r ? Number(r) : rowNumber + 1;
      if (!Number.isInteger(rowNumber) || rowNumber < 1)
        throw new SheetRefusal('unreadable', { reason: 'bad row number' });
      row = [];
      col = 0;
      continue;
    }
    const ref = attr(attrs, 'r');
    const letters = ref ? /^([A-Z]{1,3})(\d*)$/.exec(ref) : null;
    col = letters ? columnNumber(letters[1]!) : col + 1;
    if (attrs.endsWith('/')) continue; // a styled cell without a value
    CELL_END.lastIndex = CELL_OR_ROW.lastIndex;
    const close = CELL_END.exec(sheet);
    const body = sheet.slice(CELL_OR_ROW.lastIndex, close ? close.index : sheet.length);
    CELL_OR_ROW.lastIndex = close ? CELL_END.lastIndex : sheet.length;
    const value = cellValue(body, attr(attrs, 't'), Number(attr(attrs, 's') ?? 0), strings, dates, date1904);
    if (value === '') continue;
    if (col > limits.maxColumns) {
      throw new SheetRefusal('tooManyColumns', {
        cell: `${columnLetters(col)}${rowNumber}`,
        max: limits.maxColumns,
        maxLetters: columnLetters(limits.maxColumns),
      });
    }
    if (rowNumber > limits.maxRows) {
      throw new SheetRefusal('tooManyRows', { row: rowNumber, max: limits.maxRows });
    }
    if (rows[rowNumber - 1] !== row) rows[rowNumber - 1] = row;
    if (col > row.length) {
      cells += col - row.length;
      if (cells > limits.maxCells) throw new SheetRefusal('tooManyCells', { max: limits.maxCells });
      while (row.length < col) row.push('');
    }
    row[col - 1] = value;
  }
  return Array.from(rows, (r) => r ?? []);
}

function cellValue(
  body: string,
  type: string | undefined,
  style: number,
  strings: readonly string[],
  dates: ReadonlySet<number>,
  date1904: boolean,
): string {
  if (type === 'inlineStr' || INLINE.test(body)) return textRuns(body);
  const raw = VALUE.exec(body)?.[1];
  if (raw === undefined) return '';
  const v = unescapeXml(raw);
  switch (type) {
    case 's':
      return strings[Number(v)] ?? '';
    case 'str':
    case 'e':
      return v;
    case 'b':
      return v === '1' || v === 'true' ? 'yes' : 'no';
    case 'd':
      return v.slice(0, 10);
  }
  const n = Number(v);
  if (!Number.isFinite(n)) return v;
  if (dates.has(style)) {
    const serial = date1904 ? n + 1462 : n;
    return new Date(Math.round((serial - 25569) * 86_400_000)).toISOString().slice(0, 10);
  }
  return String(n);
}
