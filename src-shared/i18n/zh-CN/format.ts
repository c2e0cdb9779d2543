import type { enFormat } from '../en/format';

/** 简体中文：货币与显示格式。 */
export const zhFormat: Record<keyof typeof enFormat, string> = {};
