import type { enReceiving } from '../en/receiving';

/** 简体中文：receiving。 */
export const zhReceiving: Record<keyof typeof enReceiving, string> = {};
