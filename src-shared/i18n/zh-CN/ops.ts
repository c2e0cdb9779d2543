import type { enOps } from '../en/ops';

/** 简体中文：ops。 */
export const zhOps: Record<keyof typeof enOps, string> = {};
