import type { enFormat } from '../en/format';

/** 简体中文：货币与显示格式。 */
export const zhFormat: Record<keyof typeof enFormat, string> = {
  'labels.currencyHint': '价格按门店币种及其小数位打印。字段前后的文字中，{currency} 会打印为币种符号（人民币为 ￥）。',
};
