import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers/import-graph';

/**
 * The real duplicates of the purchasing side merged (issue 10, point 7): one
 * reader for spreadsheet uploads with each import's own messages, one module
 * for the documents sent to suppliers, shared import and document-header
 * components on the screens.
 */
const files = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(`${dir}/${e.name}`) : /\.tsx?$/.test(e.name) ? [`${dir}/${e.name}`] : [],
  );
const read = (f: string) => readFileSync(join(ROOT, f), 'utf8');
const holding = (dirs: string[], pattern: RegExp) =>
  dirs
    .flatMap(files)
    .filter((f) => !f.endsWith('.test.ts') && pattern.test(read(f)))
    .sort();

describe('the purchasing side, written once', () => {
  it('reads every spreadsheet import through one table reader', () => {
    expect(holding(['src-main'], /(?<!function )\breadUploadedSheet\(/)).toEqual([
      'src-main/services/uploads/sheet-table.ts',
    ]);
    // Nobody but the reader maps a header row to columns.
    expect(holding(['src-main/services'], /replace\(\/\^\\uFEFF\//)).toEqual([
      'src-main/services/uploads/sheet-table.ts',
    ]);
  });

  it('gives the invoice import its own messages: none of the item import’s', () => {
    const invoiceImport = [
      'src-main/services/invoices',
      'src-main/services/uploads',
      'src-shared/api/methods/invoices.ts',
    ].flatMap((p) => (p.endsWith('.ts') ? [p] : files(p)));
    expect(invoiceImport.filter((f) => !f.endsWith('.test.ts') && /['`]items\./.test(read(f)))).toEqual([]);
  });

  it('draws orders and claims as PDF and XLSX in one module', () => {
    const purchasing = [
      'src-main/services/procurement',
      'src-main/services/invoices',
      'src-main/services/supplier-documents',
    ];
    expect(holding(purchasing, /\bloadExcelJS\(/)).toEqual(['src-main/services/supplier-documents/xlsx.ts']);
    expect(holding(purchasing, /import\('pdfkit'\)/)).toEqual(['src-main/services/supplier-documents/pdf.ts']);
  });

  it('imports through one ImportModal on the screens, the invoice import with none of the item import’s texts', () => {
    const screens = ['src-renderer/src/features', 'src-renderer/src/components'];
    expect(holding(screens, /\bFileDrop\b/)).toEqual([
      'src-renderer/src/components/FileDrop.tsx',
      'src-renderer/src/components/ImportModal.tsx',
    ]);
    expect(holding(screens, /['`]import\.problem['`]/)).toEqual(['src-renderer/src/components/ImportModal.tsx']);
    expect(holding(['src-renderer/src/features/invoices'], /['`]items\./)).toEqual([]);
    expect(holding(screens, /components\/ImportModal'/)).toEqual([
      'src-renderer/src/features/invoices/InvoiceImportModal.tsx',
      'src-renderer/src/features/items/ItemImportModal.tsx',
    ]);
  });

  it('heads order, invoice and claim pages with one DocumentHeader', () => {
    const purchasing = ['src-renderer/src/features/procurement', 'src-renderer/src/features/invoices'];
    expect(holding(purchasing, /<Descriptions\b|ArrowLeftOutlined|window\.print\(/)).toEqual([]);
    // Their actions run one at a time through one hook, not a copy of the busy/try/toast dance each.
    expect(holding(purchasing, /setBusy\(/)).toEqual([]);
    expect(holding(purchasing, /components\/DocumentHeader'/)).toEqual([
      'src-renderer/src/features/invoices/ClaimPage.tsx',
      'src-renderer/src/features/invoices/InvoicePage.tsx',
      'src-renderer/src/features/procurement/PurchaseOrderPage.tsx',
    ]);
  });
});
