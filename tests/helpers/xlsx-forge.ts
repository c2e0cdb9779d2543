import { crc32, deflateRawSync } from 'node:zlib';

/**
 * Hand-made XLSX files for the reader's tests: hostile ones (a cell in XFD on
 * every row, a lying dimension, zip bombs, huge shared-string tables) cannot
 * be written with a spreadsheet library, which would refuse or fix them.
 */
export interface ZipPart {
  name: string;
  data: Buffer | string;
  /** The uncompressed size written in the zip's headers (a lie, when it differs). */
  declaredSize?: number;
}

export function zipOf(parts: readonly ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const raw = Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data, 'utf8');
    const packed = deflateRawSync(raw, { level: 9 });
    const name = Buffer.from(p.name, 'utf8');
    const size = p.declaredSize ?? raw.length;
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, packed);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += 30 + name.length + packed.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A cell of the sheet XML: numbers as numbers, text inline. */
export function cell(ref: string, value: string | number): string {
  return typeof value === 'number'
    ? `<c r="${ref}"><v>${value}</v></c>`
    : `<c r="${ref}" t="inlineStr"><is><t>${xmlEscape(value)}</t></is></c>`;
}

export interface WorkbookParts {
  /** The `<sheetData>` body (rows and cells). */
  sheetData: string;
  /** `<dimension ref>` written in the sheet (Excel's claim of the used range). */
  dimension?: string;
  sharedStrings?: string;
  styles?: string;
  /** Replace or add parts (a zip bomb, extra entries). */
  extra?: ZipPart[];
  /** Override the declared size of the sheet part. */
  sheetDeclaredSize?: number;
}

export function xlsxOf(w: WorkbookParts): Buffer {
  const rel = (id: string, type: string, target: string) =>
    `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  const sheet =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
    (w.dimension ? `<dimension ref="${w.dimension}"/>` : '') +
    `<sheetData>${w.sheetData}</sheetData></worksheet>`;
  const parts: ZipPart[] = [
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    },
    { name: '_rels/.rels', data: `<Relationships>${rel('rId1', 'officeDocument', 'xl/workbook.xml')}</Relationships>` },
    {
      name: 'xl/workbook.xml',
      data:
        '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data:
        '<Relationships>' +
        rel('rId1', 'worksheet', 'worksheets/sheet1.xml') +
        (w.sharedStrings !== undefined ? rel('rId2', 'sharedStrings', 'sharedStrings.xml') : '') +
        (w.styles !== undefined ? rel('rId3', 'styles', 'styles.xml') : '') +
        '</Relationships>',
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheet, declaredSize: w.sheetDeclaredSize },
  ];
  if (w.sharedStrings !== undefined) parts.push({ name: 'xl/sharedStrings.xml', data: w.sharedStrings });
  if (w.styles !== undefined) parts.push({ name: 'xl/styles.xml', data: w.styles });
  return zipOf([...parts, ...(w.extra ?? [])]);
}

/** The file of the report: one cell in the last column (XFD) of each of `rows` rows. */
export function lastColumnBomb(rows: number): Buffer {
  let data = '';
  for (let r = 1; r <= rows; r++) data += `<row r="${r}">${cell(`XFD${r}`, 1)}</row>`;
  return xlsxOf({ sheetData: data, dimension: `A1:XFD${rows}` });
}

/** A plain, valid sheet of `rows` rows by `cols` columns (header on row 1). */
export function bigSheet(rows: number, cols: number, header: readonly string[] = []): Buffer {
  const letters = (n: number) => {
    let s = '';
    for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
    return s;
  };
  const out: string[] = [];
  for (let r = 1; r <= rows; r++) {
    let row = `<row r="${r}">`;
    for (let c = 1; c <= cols; c++) {
      const h = r === 1 ? header[c - 1] : undefined;
      row += cell(`${letters(c)}${r}`, h ?? (c % 2 ? `T${r}-${c}` : r * c));
    }
    out.push(row + '</row>');
  }
  return xlsxOf({ sheetData: out.join('') });
}
