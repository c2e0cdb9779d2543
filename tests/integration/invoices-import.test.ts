import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { KG, YUAN, createSupplier } from '../helpers/procurement';
import { invoiceCounts, invoiceInput, line, openInvoiceStore, receive, type InvoiceFixture } from '../helpers/invoices';

/** Importing an invoice's lines from a file, and the checks on hand-entered invoices: clear messages, nothing half-written. */
let fx: InvoiceFixture;
afterEach(() => fx?.t.close());

const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');

function importFile(
  number: string,
  fileName: string,
  bytes: Uint8Array | string,
  extra: { dryRun?: boolean; locale?: 'en' | 'zh-CN' } = {},
) {
  return fx.t.call(
    'invoices.import',
    {
      supplierId: fx.supplier.id,
      number,
      invoiceDay: '2026-01-05',
      poId: fx.po.id,
      fileName,
      base64: b64(bytes),
      dryRun: extra.dryRun ?? false,
    },
    { locale: extra.locale ?? 'en' },
  );
}

const GOOD = [
  'item_code,supplier_code,description,qty,unit,unit_price,tax_rate,line_total',
  'T-BEEF,,,3,箱,400,9%,1200',
  ',A-RICE,大米,2,袋,150.00,0.09,',
].join('\r\n');

describe('invoice import', () => {
  it('checks, then imports a CSV: items by code or the supplier’s code, rates as 9% or 0.09; it then matches', async () => {
    fx = await openInvoiceStore();
    const { t, items, areas, po } = fx;
    await receive(t, po.id, areas.cooler, [
      { itemId: items.beef, qty: '3', unit: '箱' },
      { itemId: items.rice, qty: '2', unit: '袋' },
    ]);
    const before = invoiceCounts(t);
    expect(await importFile('IMP-1', 'inv.csv', '\uFEFF' + GOOD, { dryRun: true })).toEqual({
      applied: false,
      rows: 2,
      errors: [],
      invoiceId: null,
    });
    expect(invoiceCounts(t)).toEqual(before);

    const done = await importFile('IMP-1', 'inv.csv', '\uFEFF' + GOOD);
    expect(done).toMatchObject({ applied: true, rows: 2, errors: [] });
    const inv = await t.call('invoices.get', { id: done.invoiceId! });
    expect(inv).toMatchObject({ source: 'import', status: 'draft', net: 1500 * YUAN, tax: 135 * YUAN });
    expect(inv.lines.map((l) => [l.itemCode, l.supplierCode, l.description, l.qty, l.taxRate])).toEqual([
      ['T-BEEF', '', '', 30 * KG, 900],
      ['T-RICE', 'A-RICE', '大米', 50 * KG, 900],
    ]);
    expect((await t.call('invoices.match', { id: inv.id })).status).toBe('matched');

    // One entry per call, the check included; each names the file by its hash, never its contents.
    const audit = await t.call('audit.list', { limit: 5, method: 'invoices.import' });
    expect(audit.rows.map((r) => (JSON.parse(r.detail) as { result: string }).result)).toEqual(['applied', 'dry-run']);
    for (const row of audit.rows) {
      expect(row.detail).toMatch(/"sha256":"[0-9a-f]{64}"/);
      expect(row.detail).not.toContain(b64('\uFEFF' + GOOD));
    }
    expect(await t.call('audit.verify', {})).toMatchObject({ ok: true });
  });

  it('reports every bad row with its column and writes nothing', async () => {
    fx = await openInvoiceStore();
    const { t } = fx;
    const csv = [
      'item_code,supplier_code,description,qty,unit,unit_price,tax_rate',
      'T-NOPE,,,1,箱,10,9%',
      'T-BEEF,,,abc,箱,400,9%',
      ',A-RICE,,2,桶,150,9%',
      'T-BEEF,,,1,箱,-5,9%',
      'T-BEEF,,,1,箱,400,150%',
      ',,,1,箱,400,9%',
      'T-BEEF,,,,箱,400,',
      'T-BEEF,,,1,箱,400,9%',
    ].join('\n');
    const before = invoiceCounts(t);
    const report = await importFile('BAD-1', 'bad.csv', csv);
    expect(report).toEqual({
      applied: false,
      rows: 8,
      invoiceId: null,
      errors: [
        { row: 2, column: 'item_code', message: 'no item has the code T-NOPE' },
        { row: 3, column: 'qty', message: 'Enter a quantity above zero, like 12.5 (got "abc").' },
        { row: 4, column: 'unit', message: 'Unknown unit "桶" for T-RICE. Use one of: 袋, g, kg.' },
        { row: 5, column: 'unit_price', message: '"-5" is not an amount (like 12.50)' },
        { row: 6, column: 'tax_rate', message: '"150%" is not a tax rate (like 13%)' },
        { row: 7, column: 'description', message: 'Pick the item, or give the supplier’s code or a description.' },
        { row: 8, column: 'qty', message: 'Required.' },
        { row: 8, column: 'tax_rate', message: 'Required.' },
      ],
    });
    expect(invoiceCounts(t)).toEqual(before);
    const zh = await importFile('BAD-1', 'bad.csv', csv, { locale: 'zh-CN' });
    expect(zh.errors[0]).toEqual({ row: 2, column: 'item_code', message: '没有编码为 T-NOPE 的物料' });
  });

  it('reads GBK CSV with Chinese headers and XLSX with numbers and percentage cells', async () => {
    fx = await openInvoiceStore();
    const gbk = iconv.encode(
      ['货号,品名,数量,单位,单价,税率,规格型号', 'A-BEEF,肥牛卷,3,箱,400,9%,10kg/箱'].join('\r\n'),
      'gbk',
    );
    const a = await importFile('GBK-1', '发票.csv', gbk);
    expect(a.errors).toEqual([]);
    const inv = await fx.t.call('invoices.get', { id: a.invoiceId! });
    expect(inv.lines[0]).toMatchObject({
      itemCode: 'T-BEEF',
      description: '肥牛卷',
      qty: 30 * KG,
      lineTotal: 1200 * YUAN,
    });

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('发票');
    ws.addRow(['supplier_code', 'description', 'qty', 'unit', 'unit_price', 'tax_rate']);
    ws.addRow(['A-RICE', '大米', 2, '袋', 150, 0.09]).getCell(6).numFmt = '0%';
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const b = await importFile('XLSX-1', 'inv.xlsx', xlsx);
    expect(b.errors).toEqual([]);
    const inv2 = await fx.t.call('invoices.get', { id: b.invoiceId! });
    expect(inv2.lines[0]).toMatchObject({ itemCode: 'T-RICE', qty: 50 * KG, taxRate: 900, lineTotal: 300 * YUAN });
  });

  it('refuses a bad header or an unusable file as a whole, naming the field', async () => {
    fx = await openInvoiceStore();
    const { t } = fx;
    await importFile('IMP-9', 'inv.csv', GOOD);
    const before = invoiceCounts(t);
    const dup = await t.fail('invoices.import', {
      supplierId: fx.supplier.id,
      number: 'imp-9',
      invoiceDay: '2026-01-05',
      fileName: 'inv.csv',
      base64: b64(GOOD),
    });
    expect(dup).toMatchObject({ code: 'VALIDATION' });
    expect(dup.fields).toEqual([{ path: 'number', message: 'Invoice imp-9 of SUP-A 供应商 is already entered.' }]);
    const noPrice = await t.fail('invoices.import', {
      supplierId: fx.supplier.id,
      number: 'IMP-10',
      invoiceDay: '2026-01-05',
      fileName: 'inv.csv',
      base64: b64('item_code,qty,unit,tax_rate\nT-BEEF,1,箱,9%'),
    });
    expect(noPrice).toMatchObject({
      code: 'VALIDATION',
      message: 'The file has no "unit_price" column in its first row.',
    });
    expect(
      (
        await t.fail('invoices.import', {
          supplierId: fx.supplier.id,
          number: 'IMP-11',
          invoiceDay: '2026-01-05',
          fileName: 'inv.pdf',
          base64: b64('%PDF-1.4'),
        })
      ).fields,
    ).toEqual([{ path: 'base64', message: expect.stringContaining('"inv.pdf" is not a .csv or .xlsx file') }]);
    expect(invoiceCounts(t)).toEqual(before);
  });
});

describe('entering an invoice by hand', () => {
  it('names the offending field and writes nothing', async () => {
    fx = await openInvoiceStore();
    const { t, items } = fx;
    const other = await createSupplier(t, 'SUP-B');
    await t.call('invoices.create', invoiceInput(fx, 'H-1', [line(items.beef, '1', '箱', 400)]));
    const before = invoiceCounts(t);
    const cases: [Parameters<typeof invoiceInput>[2], Parameters<typeof invoiceInput>[3], string, string][] = [
      [[line(items.beef, '1', '箱', -1)], {}, 'lines.0.unitPrice', 'An amount cannot be below zero.'],
      [
        [line(items.beef, '1', '箱', 1, { taxRate: 20_000 })],
        {},
        'lines.0.taxRate',
        'A tax rate is between 0% and 100%.',
      ],
      [[line(items.rice, '1', '桶', 1)], {}, 'lines.0.unit', 'Unknown unit "桶" for T-RICE. Use one of: 袋, g, kg.'],
      [
        [line(items.beef, '0.0000001', 'kg', 1)],
        {},
        'lines.0.qty',
        'Enter a quantity above zero, like 12.5 (got "0.0000001").',
      ],
      [
        [line(items.beef, '1', '箱', 1), line(null, '1', '次', 5)],
        {},
        'lines.1.description',
        'Pick the item, or give the supplier’s code or a description.',
      ],
      [
        [line(items.beef, '1', '箱', 1)],
        { number: 'h-1' },
        'number',
        'Invoice h-1 of SUP-A 供应商 is already entered.',
      ],
      [
        [line(items.beef, '1', '箱', 1)],
        { invoiceDay: '2026-01-05', dueDay: '2026-01-01' },
        'dueDay',
        'The due date 2026-01-01 is before the invoice date 2026-01-05.',
      ],
      [
        [line(items.beef, '1', '箱', 1)],
        { invoiceDay: '2026-02-30' },
        'invoiceDay',
        'Not a day of the calendar: use YYYY-MM-DD, years 2000 to 2100 (e.g. 2026-11-27).',
      ],
      [
        [line(items.beef, '1', '箱', 1)],
        { supplierId: other.id },
        'poId',
        `Order ${fx.po.number} is not with this supplier.`,
      ],
    ];
    for (const [lines, extra, path, message] of cases) {
      const err = await t.fail('invoices.create', invoiceInput(fx, 'H-2', lines, extra));
      expect(err.code, path).toBe('VALIDATION');
      expect(err.fields, path).toEqual([{ path, message }]);
    }
    expect(invoiceCounts(t)).toEqual(before);
  });
});
