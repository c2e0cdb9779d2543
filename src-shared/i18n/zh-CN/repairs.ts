import type { enRepairs } from '../en/repairs';

/** 简体中文：repairs。 */
export const zhRepairs: Record<keyof typeof enRepairs, string> = {};
