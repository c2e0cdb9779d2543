import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { openSetUpBackend, type TestBackend } from '../helpers/backend';
import { itemRows } from '../helpers/items';

let t: TestBackend;
afterEach(() => t?.close());

const KG = 1_000_000;
const HEADER =
  'code,name_zh,name_en,category,base_unit,purchase_unit,purchase_factor,count_unit,count_factor,barcodes,storage_area,par_level,reorder_point,lot_tracked';
const GOOD = [
  HEADER,
  'MEAT-001,肥牛卷,Beef rolls,meat,g,箱,10000,kg,1000,6901028075763|BEEF-01:箱,冷库,40000,15000,yes',
  'VEG-001,土豆,Potatoes,蔬菜,g,袋,25000,,,,COOL,,,no',
].join('\r\n');

async function setUp() {
  t = await openSetUpBackend();
  await t.call('areas.create', { code: 'COOL', nameZh: '冷库', nameEn: 'Walk-in cooler' });
  await t.call('categories.create', { code: 'meat', nameZh: '肉类', nameEn: 'Meat' });
  await t.call('categories.create', { code: 'vegetables', nameZh: '蔬菜', nameEn: 'Vegetables' });
}

const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');
const importCsv = (bytes: Uint8Array | string, dryRun = false, locale: 'en' | 'zh-CN' = 'en') =>
  t.call('items.import', { fileName: 'items.csv', base64: b64(bytes), dryRun }, { locale });

/** GBK bytes for the few characters these tests use (Node has a GBK decoder but no encoder). */
const GBK: Record<string, number[]> = { 肥: [0xb7, 0xca], 牛: [0xc5, 0xa3], 卷: [0xbe, 0xed] };
function gbk(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) out.push(...(GBK[ch] ?? [ch.charCodeAt(0)]));
  return new Uint8Array(out);
}

describe('item import', () => {
  it('imports UTF-8 with a BOM, creating items with units, barcodes and areas by name', async () => {
    await setUp();
    const check = await importCsv('\uFEFF' + GOOD, true);
    expect(check).toEqual({ applied: false, rows: 2, created: 2, updated: 0, errors: [] });
    expect(await itemRows((m, i) => t.call(m, i))).toHaveLength(0);

    expect(await importCsv('\uFEFF' + GOOD)).toEqual({ applied: true, rows: 2, created: 2, updated: 0, errors: [] });
    const [beef, potato] = await itemRows((m, i) => t.call(m, i));
    expect(beef).toMatchObject({
      code: 'MEAT-001',
      purchaseUnit: '箱',
      purchaseFactor: 10 * KG,
      countUnit: 'kg',
      countFactor: KG,
      areaCode: 'COOL',
      parLevel: 40 * KG,
      reorderPoint: 15 * KG,
      lotTracked: true,
      barcodes: '6901028075763|BEEF-01',
    });
    expect(potato).toMatchObject({
      category: 'vegetables',
      purchaseUnit: '袋',
      purchaseFactor: 25 * KG,
      parLevel: null,
    });
    const full = await t.call('items.get', { id: beef!.id });
    expect(full.barcodes).toContainEqual({ barcode: 'BEEF-01', unit: '箱' });
  });

  it('updates existing items by code from a UTF-8 file without BOM, keeping the columns it leaves out', async () => {
    await setUp();
    await importCsv(GOOD);
    const r = await importCsv('code,name_en,par_level\nMEAT-001,Fatty beef rolls,50000\nVEG-002,Carrots,\n');
    expect(r.errors).toEqual([
      { row: 3, column: 'name_zh', message: 'Required.' },
      { row: 3, column: 'category', message: 'Required.' },
      { row: 3, column: 'base_unit', message: 'Required.' },
    ]);
    const ok = await importCsv('code,name_en,par_level\nMEAT-001,Fatty beef rolls,50000\n');
    expect(ok).toMatchObject({ applied: true, created: 0, updated: 1 });
    const beef = (await itemRows((m, i) => t.call(m, i)))[0]!;
    expect(beef).toMatchObject({ nameEn: 'Fatty beef rolls', nameZh: '肥牛卷', parLevel: 50 * KG, purchaseUnit: '箱' });
  });

  it('reads GBK-encoded CSV as Chinese Excel saves it', async () => {
    await setUp();
    const r = await importCsv(gbk('code,name_zh,name_en,category,base_unit\r\nMEAT-007,肥牛卷,Beef,meat,g\r\n'));
    expect(r).toMatchObject({ applied: true, created: 1 });
    expect((await itemRows((m, i) => t.call(m, i)))[0]!.nameZh).toBe('肥牛卷');
  });

  it('reads XLSX, numbers as numbers', async () => {
    await setUp();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('items');
    ws.addRow(['code', 'name_zh', 'name_en', 'category', 'base_unit', 'purchase_unit', 'purchase_factor', 'barcodes']);
    ws.addRow(['SEA-001', '鲈鱼', 'Sea bass', 'Meat', 'g', '件', 12500.5, 6901028075763]);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const r = await t.call('items.import', { fileName: 'x.xlsx', base64: buf.toString('base64') });
    expect(r).toMatchObject({ applied: true, created: 1 });
    expect((await itemRows((m, i) => t.call(m, i)))[0]).toMatchObject({
      category: 'meat',
      purchaseFactor: 12_500_500,
      barcodes: '6901028075763',
    });
  });

  it('reports every bad row with its number and column, and imports nothing', async () => {
    await setUp();
    await t.call('items.create', {
      code: 'OLD-001',
      nameZh: '旧',
      nameEn: 'Old',
      category: 'meat',
      baseUnit: 'g',
      barcodes: [{ barcode: 'TAKEN-1' }],
    });
    const file = [
      HEADER,
      'A-1,甲,A,meat,g,,,,,,,,,', // row 2: fine
      'A-2,乙,B,fish,g,,,,,,,,,', // row 3
      'A-3,丙,C,meat,kgs,,,,,,,,,', // row 4
      'A-1,丁,D,meat,g,,,,,,,,,', // row 5
      'A-5,戊,E,meat,g,箱,,,,TAKEN-1,,,,', // row 6
      'A-6,己,F,meat,g,,,,,,freezer,1.2345,,maybe', // row 7
      'A-7,庚,G,meat,g,,,,,,,10,20,', // row 8
    ].join('\n');
    const r = await importCsv(file);
    expect(r.applied).toBe(false);
    expect(r.errors.map((e) => `row ${e.row} ${e.column}: ${e.message}`)).toEqual([
      'row 3 category: Category "fish" does not exist. Create it under Categories first.',
      'row 4 base_unit: unknown unit "kgs" (use g, ml or pc)',
      'row 5 code: duplicate code A-1 in the file (first on row 2)',
      'row 6 purchase_factor: unit "箱" needs a factor (how much base unit one 箱 holds)',
      'row 6 barcodes: Barcode TAKEN-1 already belongs to item OLD-001.',
      'row 7 storage_area: Storage area "freezer" does not exist.',
      'row 7 par_level: "1.2345" is not a number with at most 3 decimals',
      'row 7 lot_tracked: "maybe" is not yes or no',
      'row 8 reorder_point: The reorder point cannot be above the par level.',
    ]);
    expect((await itemRows((m, i) => t.call(m, i))).map((i) => i.code)).toEqual(['OLD-001']);
    const zh = await importCsv('code,name_zh,name_en,category,base_unit\nX-1,甲,A,meat,kgs\n', false, 'zh-CN');
    expect(zh.errors[0]!.message).toBe('未知单位“kgs”（只能是 g、ml 或 pc）');
  });

  it('refuses a malformed file with one clear message', async () => {
    await setUp();
    const err = async (fileName: string, body: string) =>
      (await t.fail('items.import', { fileName, base64: b64(body) })).message;
    expect(await err('a.csv', 'code,name,zz\nA,B,C\n')).toContain('Unknown column "name"');
    expect(await err('a.csv', 'name_zh\n甲\n')).toBe('The file has no "code" column in its first row.');
    expect(await err('a.csv', 'code,name_zh\n"A,甲\n')).toBe('The file cannot be read as CSV: unterminated quote');
    expect(await err('a.xlsx', 'not a zip')).toContain('The file cannot be read as XLSX');
    expect(await err('a.xls', 'x')).toContain('is not a .csv or .xlsx file');
    expect(await err('a.csv', 'code\n')).toBe('The file has no item rows.');
  });
});

describe('item export', () => {
  it('round-trips CSV and XLSX: export, import back, nothing changes', async () => {
    await setUp();
    await importCsv(GOOD);
    const before = await itemRows((m, i) => t.call(m, i));

    const csv = await t.call('items.export', { format: 'csv' });
    expect(csv.fileName).toMatch(/^items-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = Buffer.from(csv.base64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('MEAT-001,肥牛卷,Beef rolls,meat,g,箱,10000,kg,1000,6901028075763|BEEF-01:箱,COOL');
    expect(await t.call('items.import', { fileName: csv.fileName, base64: csv.base64 })).toMatchObject({
      applied: true,
      updated: 2,
      errors: [],
    });

    const xlsx = await t.call('items.export', { format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ExcelJS.Buffer);
    expect(wb.worksheets[0]!.getRow(2).getCell(7).value).toBe(10000);
    expect(await t.call('items.import', { fileName: xlsx.fileName, base64: xlsx.base64 })).toMatchObject({
      applied: true,
      updated: 2,
    });
    const after = await itemRows((m, i) => t.call(m, i));
    expect(after).toEqual(before);
  });
});
