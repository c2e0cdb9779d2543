import type { ClaimDto, ClaimLineDto } from '../../../src-shared/api/methods/invoices';
import { translate } from '../../../src-shared/i18n';
import { qtyInUnit, rateText } from '../../../src-shared/invoices';
import { currencySymbol, formatCurrency, type MoneyFormat } from '../../../src-shared/money';
import { formatLocalTime } from '../../../src-shared/time';
import type { Ctx } from '../context';
import { documentBasics } from '../supplier-documents/basics';
import type { SupplierDocument } from '../supplier-documents/document';

/** Item (or the supplier's text) of a claim line, or "invoice totals". */
function lineLabel(ctx: Ctx, l: ClaimLineDto): string {
  if (l.invoiceLineNo === null) return translate(ctx.locale, 'invoices.claim.totalsLine');
  const name = (ctx.locale === 'zh-CN' ? l.nameZh : l.nameEn) || l.nameZh || l.nameEn || l.description;
  return [l.itemCode ?? l.supplierCode, name].filter(Boolean).join(' ');
}

const qtyPrice = (l: ClaimLineDto, qty: number, price: number, money: MoneyFormat) =>
  l.invoiceLineNo === null
    ? ''
    : `${qtyInUnit(qty, l.unit, l.unitFactor, l.baseUnit)} × ${formatCurrency(price, money)}`;

/**
 * A claim as the document the supplier gets, in the caller's language; each
 * line's reasons are its notes (under the item on paper, a column of their
 * own in the sheet).
 */
export function claimDocument(ctx: Ctx, c: ClaimDto): SupplierDocument {
  const { t, store, money, amount, moneyFormat, buyer, contact, signatures } = documentBasics(ctx);
  return {
    title: t('invoices.claim.doc.title'),
    fileStem: c.number,
    fields: [
      [t('invoices.claim.f.number'), c.number],
      [t('invoices.claim.f.status'), t(`invoices.claim.status.${c.status}`)],
      [t('invoices.f.supplier'), `${c.supplierCode} ${c.supplierName}`],
      [t('po.doc.supplierContact'), contact(c)],
      [t('invoices.f.number'), c.invoiceNumber],
      [t('invoices.f.invoiceDay'), c.invoiceDay],
      [t('invoices.f.po'), [c.poNumber, c.receiptNumber].filter(Boolean).join(' / ')],
      [t('invoices.f.gross'), formatCurrency(c.invoiceGross, money)],
      [t('po.doc.buyer'), buyer],
      [
        t('invoices.claim.f.createdAt'),
        formatLocalTime(Date.parse(c.createdAt), store?.timezone ?? 'UTC').slice(0, 10),
      ],
    ],
    columns: [
      { header: t('po.col.lineNo'), align: 'right', width: 4 },
      { header: t('invoices.claim.col.item'), align: 'left', width: 28 },
      { header: t('invoices.claim.col.billed'), align: 'right', width: 15 },
      { header: t('invoices.claim.col.billedAmount'), align: 'right', width: 10, format: 'money' },
      { header: t('invoices.claim.col.should'), align: 'right', width: 15 },
      { header: t('invoices.claim.col.shouldAmount'), align: 'right', width: 10, format: 'money' },
      { header: t('invoices.claim.col.diffNet'), align: 'right', width: 9, format: 'money' },
      { header: t('invoices.claim.col.tax'), align: 'right', width: 9, format: 'money' },
      { header: t('invoices.claim.col.diffGross'), align: 'right', width: 10, format: 'money' },
    ],
    rows: c.lines.map((l) => ({
      cells: [
        String(l.lineNo),
        lineLabel(ctx, l),
        qtyPrice(l, l.billedQty, l.billedPrice, money),
        amount(l.billedAmount),
        qtyPrice(l, l.shouldQty, l.shouldPrice, money),
        amount(l.shouldAmount),
        amount(l.diffNet),
        l.invoiceLineNo === null ? '' : `${amount(l.diffTax)} (${rateText(l.taxRate)})`,
        amount(l.diffGross),
      ],
      numbers: [
        l.lineNo,
        null,
        null,
        l.billedAmount / 10_000,
        null,
        l.shouldAmount / 10_000,
        l.diffNet / 10_000,
        l.diffTax / 10_000,
        l.diffGross / 10_000,
      ],
      notes: l.reasons,
    })),
    notes: { column: 1, header: t('invoices.claim.col.reason') },
    totalLabel: t('invoices.claim.doc.total', { currency: currencySymbol(money) }),
    total: amount(c.amount),
    totalNumber: c.amount / 10_000,
    moneyFormat,
    note: [
      t('invoices.claim.doc.request', { amount: formatCurrency(c.amount, money), invoice: c.invoiceNumber }),
      c.note,
    ]
      .filter(Boolean)
      .join('\n'),
    signatures,
  };
}
