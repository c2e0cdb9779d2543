import type { PoDto } from '../../../src-shared/api/methods/procurement';
import { sizeText } from '../../../src-shared/pack-size';
import { currencySymbol } from '../../../src-shared/money';
import { formatScaled } from '../../../src-shared/quantity';
import type { Ctx } from '../context';
import { documentBasics } from '../supplier-documents/basics';
import type { SupplierDocument } from '../supplier-documents/document';

/** An order as the document the supplier gets, the same for the XLSX and the PDF, in the caller's language. */
export function poDocument(ctx: Ctx, po: PoDto): SupplierDocument {
  const { t, store, money, amount, moneyFormat, buyer, contact, signatures } = documentBasics(ctx);
  const zh = ctx.locale === 'zh-CN';
  return {
    title: t('po.doc.title'),
    fileStem: po.number,
    fields: [
      [t('po.f.number'), po.number],
      [t('po.f.status'), t(`po.status.${po.status}`)],
      [t('po.f.supplier'), `${po.supplierCode} ${po.supplierName}`],
      [t('po.doc.supplierContact'), contact(po)],
      [t('po.doc.supplierAddress'), po.supplierAddress],
      [t('po.doc.buyer'), buyer],
      [t('po.doc.deliverTo'), store?.address ?? ''],
      [t('po.f.orderDay'), po.orderDay],
      [t('po.f.expectedDay'), po.expectedDay ?? ''],
    ],
    columns: [
      { header: t('po.col.lineNo'), align: 'right', width: 5 },
      { header: t('po.col.itemCode'), align: 'left', width: 10 },
      { header: t('po.col.supplierCode'), align: 'left', width: 11 },
      { header: t('po.col.item'), align: 'left', width: 24 },
      { header: t('po.col.packs'), align: 'right', width: 8, format: 'qty' },
      { header: t('po.col.packUnit'), align: 'left', width: 6 },
      { header: t('po.col.packSize'), align: 'right', width: 10 },
      { header: t('po.col.price'), align: 'right', width: 11, format: 'money' },
      { header: t('po.col.value'), align: 'right', width: 13, format: 'money' },
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
    moneyFormat,
    note: po.note,
    signatures,
  };
}
