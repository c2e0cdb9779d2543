import type { enCounts } from '../en/counts';

/** 简体中文：counts。 */
export const zhCounts: Record<keyof typeof enCounts, string> = {};
