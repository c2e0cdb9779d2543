import type { enItems } from '../en/items';

/** 简体中文：items。 */
export const zhItems: Record<keyof typeof enItems, string> = {};
