/** Sample label data: the template editor's preview, and the fixed data of the layout, golden and simulator tests. */
import { receivingBarcode } from './defaults';
import type { LabelData } from './template';

const base: LabelData = {
  itemCode: 'M-0042',
  nameZh: '鸡胸肉',
  nameEn: 'Chicken breast',
  netWeight: { amount: 1234, decimals: 3, unit: 'kg' },
  unit: 'kg',
  unitPrice: 259_000, // 25.90 yuan/kg
  totalPrice: 319_606, // 31.9606 -> printed 31.96
  lot: 'LOT42',
  receivedDate: '2025-11-27',
  expiryDate: '2025-12-04',
  gtin: '6901234567892',
  barcode: '',
};

/** The receiving label of the golden files. */
export const SAMPLE_RECEIVING: LabelData = { ...base, barcode: receivingBarcode(base) };

/** An equipment label for repairs. */
export const SAMPLE_EQUIPMENT: LabelData = {
  itemCode: '',
  nameZh: '冷柜 3号',
  nameEn: 'Freezer 3',
  receivedDate: '2025-11-27',
  equipmentCode: 'EQ-0042',
  storeName: '上海一店',
  barcode: 'https://store.example/eq/EQ-0042',
};
