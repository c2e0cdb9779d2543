import { createHash } from 'node:crypto';
import type {
  InvoiceHeaderInput,
  InvoiceImportReport,
  InvoiceLineInput,
} from '../../../src-shared/api/methods/invoices';
import { translate } from '../../../src-shared/i18n';
import { currencySymbol, DEFAULT_CURRENCY } from '../../../src-shared/money';
import { MONEY_SCALE, parseScaled } from '../../../src-shared/quantity';
import type { items } from '../../db/schema';
import { sql } from '../../db/sql';
import { AppError } from '../app-error';
import type { Ctx } from '../context';
import { readInvoiceTable, type InvoiceColumn, type InvoiceTable } from './import-file';
import { resolveHeader, resolveLines, resolveTotals, type ResolvedHeader, type ResolvedLine } from './resolve';
import { storeMoney } from '../store/money';
import { insertInvoice } from './write';

/** The store currency's code and symbols, longest first ('US$' before '$'). */
function currencySigns(currency: string): string[] {
  const signs = new Set([
    currency,
    currencySymbol({ currency, locale: 'en' }),
    currencySymbol({ currency, locale: 'zh-CN' }),
  ]);
  return [...signs].filter((s) => s && !/[\d.,-]/.test(s)).sort((a, b) => b.length - a.length);
}

/**
 * '¥1,234.50', '12.5元', and in a USD store '$12.50', 'US$12.50' or '12.50 USD'
 * -> ten-thousandths; null unless a plain amount of zero or more. The yuan's
 * signs are always accepted (Chinese suppliers write them whatever the store's
 * currency); the store currency's code and symbols (as English and Chinese
 * write them) are too.
 */
export function parseAmount(text: string, currency = DEFAULT_CURRENCY): number | null {
  let t = text.replace(/[\s¥￥元]/g, '');
  for (const sign of currencySigns(currency)) t = t.split(sign).join('');
  if (t.includes(',') && t.includes('.')) t = t.replace(/,/g, '');
  const v = parseScaled(t, MONEY_SCALE);
  return v === null || v < 0 ? null : v;
}

/**
 * A VAT rate as suppliers write it -> basis points: '13%' and '13' are 13%;
 * '0.13' (what a percentage-formatted Excel cell holds) too; '免税' (exempt)
 * and '不征税' are 0. Null for anything else or above 100%.
 */
export function parseRate(text: string): number | null {
  const t = text.replace(/\s/g, '');
  if (/^(免税|不征税|\*+)$/.test(t)) return 0;
  let bp: number | null;
  if (t.endsWith('%')) bp = parseScaled(t.slice(0, -1), 100);
  else {
    const fraction = parseScaled(t, 10_000);
    bp = fraction !== null && fraction < 10_000 && t.includes('.') ? fraction : parseScaled(t, 100);
  }
  return bp === null || bp < 0 || bp > 10_000 ? null : bp;
}

/** Where a line's field lives in the file. */
const COLUMN_OF: Record<string, InvoiceColumn> = {
  itemId: 'item_code',
  supplierCode: 'supplier_code',
  description: 'description',
  qty: 'qty',
  unit: 'unit',
  unitPrice: 'unit_price',
  lineTotal: 'line_total',
  taxRate: 'tax_rate',
};

/** The item a file names by the store's code, whatever its case. */
const itemIdByCode = sql<Pick<typeof items.$inferSelect, 'id'>, [string]>(
  'SELECT id FROM items WHERE lower(code) = lower(?)',
);

/** Every row checked on its own, so the report lists all problems at once; reads only. */
function planLines(
  ctx: Ctx,
  h: ResolvedHeader,
  table: InvoiceTable,
): { lines: ResolvedLine[]; errors: InvoiceImportReport['errors'] } {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
    translate(ctx.locale, key, params);
  const errors: InvoiceImportReport['errors'] = [];
  const lines: ResolvedLine[] = [];
  const { currency } = storeMoney(ctx);
  for (const { row, cells } of table.records) {
    const get = (c: InvoiceColumn) => {
      const i = table.columns.get(c);
      return i === undefined ? '' : (cells[i] ?? '').trim();
    };
    const issue = (column: InvoiceColumn, message: string) => errors.push({ row, column, message });
    const before = errors.length;
    let itemId: string | null = null;
    const code = get('item_code');
    if (code) {
      itemId = itemIdByCode.get(ctx.sqlite, code)?.id ?? null;
      if (!itemId) issue('item_code', t('invoices.import.unknownItem', { code }));
    }
    const required = (c: InvoiceColumn) => {
      const v = get(c);
      if (!v) issue(c, t('validation.required'));
      return v;
    };
    const qty = required('qty');
    const unit = required('unit');
    const priceText = required('unit_price');
    const unitPrice = priceText ? parseAmount(priceText, currency) : null;
    if (priceText && unitPrice === null) issue('unit_price', t('invoices.import.notAmount', { value: priceText }));
    const totalText = get('line_total');
    const lineTotal = totalText ? parseAmount(totalText, currency) : null;
    if (totalText && lineTotal === null) issue('line_total', t('invoices.import.notAmount', { value: totalText }));
    const rateText = required('tax_rate');
    const taxRate = rateText ? parseRate(rateText) : null;
    if (rateText && taxRate === null) issue('tax_rate', t('invoices.import.notRate', { value: rateText }));
    if (errors.length > before || unitPrice === null || taxRate === null) continue;

    const input: InvoiceLineInput = {
      itemId,
      supplierCode: get('supplier_code').slice(0, 40),
      description: get('description').slice(0, 120),
      qty,
      unit,
      unitPrice,
      lineTotal,
      taxRate,
    };
    try {
      lines.push(resolveLines(ctx, h.supplierId, h.poId, [input], () => 'line')[0]!);
    } catch (err) {
      if (!(err instanceof AppError) || !err.fields) throw err;
      for (const f of err.fields) {
        issue(COLUMN_OF[f.path.split('.').pop() ?? ''] ?? 'qty', translate(ctx.locale, f.key, f.params));
      }
    }
  }
  return { lines, errors };
}

/** Reads the uploaded file (asynchronous for XLSX): invoices.import's work before its transaction. */
export function readInvoiceImport(_ctx: Ctx, input: { fileName: string; base64: string }): Promise<InvoiceTable> {
  return readInvoiceTable(input.fileName, input.base64);
}

/**
 * All or nothing: once the file is read, the header and every row are
 * checked and the invoice written in the call's one transaction with its
 * audit entry. A bad header fails the call naming the field; bad rows come
 * back in the report and nothing is written.
 */
export function importInvoice(
  ctx: Ctx,
  input: InvoiceHeaderInput & { fileName: string; base64: string; dryRun: boolean },
  table: InvoiceTable,
): InvoiceImportReport {
  const h = resolveHeader(ctx, input, null);
  const { lines, errors } = planLines(ctx, h, table);
  const rows = table.records.length;
  const applied = !errors.length && !input.dryRun;
  const id = applied ? insertInvoice(ctx, h, lines, resolveTotals(input, lines), 'import') : null;
  const bytes = Buffer.from(input.base64, 'base64');
  // The file by its hash, not its contents.
  ctx.auditNote({
    input: {
      supplierId: h.supplierId,
      number: h.number,
      poId: h.poId,
      receiptId: h.receiptId,
      fileName: input.fileName,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.length,
      rows,
    },
    result: applied ? 'applied' : input.dryRun ? 'dry-run' : 'refused',
  });
  return applied
    ? { applied: true, rows, errors: [], invoiceId: id }
    : { applied: false, rows, errors, invoiceId: null };
}
