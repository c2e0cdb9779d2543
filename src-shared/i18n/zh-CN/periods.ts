import type { enPeriods } from '../en/periods';

/** 简体中文： back-dating, closed months, transfer variances:库存规则：补录期限、月结、调拨差异。 */
export const zhPeriods: Record<keyof typeof enPeriods, string> = {};
