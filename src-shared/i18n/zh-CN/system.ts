import type { enSystem } from '../en/system';

/** 简体中文：备份、恢复与上传。 */
export const zhSystem: Record<keyof typeof enSystem, string> = {};
