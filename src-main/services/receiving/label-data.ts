import type { ReceiptLabel } from '../../../src-shared/api/methods/receiving';
import { receivingBarcode } from '../../../src-shared/labels/defaults';
import type { LabelData } from '../../../src-shared/labels/template';
import { formatQty } from '../../../src-shared/quantity';

const UNIT_TEXT: Record<string, string> = { ml: 'ml', pc: '个' };

/**
 * What the receiving label of one posted line prints. Weighed goods (base
 * unit g) print their net weight in kg and carry it in the GS1-128 code as
 * (3103); others print their quantity as text. A value GS1 cannot carry (a
 * lot with characters outside its set) leaves the barcode out rather than
 * failing the label: the text still names the lot.
 */
export function receiptLabelData(l: ReceiptLabel, storeName: string, currency: string): LabelData {
  const grams = l.baseUnit === 'g' ? Math.round(l.netQty / 1000) : null;
  const data: LabelData = {
    itemCode: l.itemCode,
    nameZh: l.nameZh,
    nameEn: l.nameEn,
    ...(grams !== null
      ? { netWeight: { amount: grams, decimals: 3, unit: 'kg' as const } }
      : { qtyText: `${formatQty(l.netQty)} ${UNIT_TEXT[l.baseUnit] ?? l.baseUnit}` }),
    unit: l.priceUnit,
    unitPrice: l.price,
    totalPrice: l.value,
    currency,
    ...(l.lot ? { lot: l.lot } : {}),
    receivedDate: l.receivedDay,
    ...(l.expiry ? { expiryDate: l.expiry } : {}),
    ...(l.gtin ? { gtin: l.gtin } : {}),
    barcode: '',
    storeName,
  };
  try {
    data.barcode = receivingBarcode(data);
  } catch {
    data.barcode = '';
  }
  return data;
}
