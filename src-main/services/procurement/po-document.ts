import type { PoDto } from '../../../src-shared/api/methods/procurement';
import { translate, type MessageKey } from '../../../src-shared/i18n';
import { sizeText } from '../../../src-shared/pack-size';
import { currencySymbol, formatAmount, xlsxMoneyFormat } from '../../../src-shared/money';
import { formatScaled } from '../../../src-shared/quantity';
import type { Ctx } from '../context';
import { storeMoney } from '../store/money';
import { storeRow } from '../store/settings';

/**
 * An order as a printable document, the same for the XLSX and the PDF: the
 * texts in the caller's language, numbers already formatted (exact, from the
 * integers), plus the raw numbers where a spreadsheet wants to sum them.
 */
export interface PoDocument {
  title: string;
  fileStem: string;
  /** Label/value pairs under the title: supplier, store, dates. */
  fields: [string, string][];
  columns: { header: string; align: 'left' | 'right'; width: number }[];
  rows: { cells: string[]; numbers: (number | null)[] }[];
  totalLabel: string;
  total: string;
  totalNumber: number;
  /** The Excel number format of money cells: the store currency's symbol and decimals. */
  moneyFormat: string;
  note: string;
  signatures: string[];
}

export function poDocument(ctx: Ctx, po: PoDto): PoDocument {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(ctx.locale, key, params);
  const store = storeRow(ctx.db);
  const zh = ctx.locale === 'zh-CN';
  const money = storeMoney(ctx);
  const amount = (v: number) => formatAmount(v, money.currency);
  const contact = [po.supplierContact, po.supplierPhone].filter(Boolean).join(' ');
  return {
    title: t('po.doc.title'),
    fileStem: po.number,
    fields: [
      [t('po.f.number'), po.number],
      [t('po.f.status'), t(`po.status.${po.status}`)],
      [t('po.f.supplier'), `${po.supplierCode} ${po.supplierName}`],
      [t('po.doc.supplierContact'), contact],
      [t('po.doc.supplierAddress'), po.supplierAddress],
      [t('po.doc.buyer'), store ? `${store.code} ${store.name}` : ''],
      [t('po.doc.deliverTo'), store?.address ?? ''],
      [t('po.f.orderDay'), po.orderDay],
      [t('po.f.expectedDay'), po.expectedDay ?? ''],
    ],
    columns: [
      { header: t('po.col.lineNo'), align: 'right', width: 5 },
      { header: t('po.col.itemCode'), align: 'left', width: 10 },
      { header: t('po.col.supplierCode'), align: 'left', width: 11 },
      { header: t('po.col.item'), align: 'left', width: 24 },
      { header: t('po.col.packs'), align: 'right', width: 8 },
      { header: t('po.col.packUnit'), align: 'left', width: 6 },
      { header: t('po.col.packSize'), align: 'right', width: 10 },
      { header: t('po.col.price'), align: 'right', width: 11 },
      { header: t('po.col.value'), align: 'right', width: 13 },
    ],
    rows: po.lines.map((l) => ({
      cells: [
        String(l.lineNo),
        l.itemCode,
        l.supplierCode,
        (zh ? l.nameZh : l.nameEn) || l.nameZh || l.nameEn,
        formatScaled(l.packs, 1000),
        l.packUnit,
        sizeText(l.packQty, l.baseUnit),
        amount(l.price),
        amount(l.value),
      ],
      numbers: [l.lineNo, null, null, null, l.packs / 1000, null, null, l.price / 10_000, l.value / 10_000],
    })),
    totalLabel: t('po.doc.total', { currency: currencySymbol(money) }),
    total: amount(po.value),
    totalNumber: po.value / 10_000,
    moneyFormat: xlsxMoneyFormat(money),
    note: po.note,
    signatures: [t('po.doc.preparedBy'), t('po.doc.approvedBy'), t('po.doc.supplierSign')],
  };
}
